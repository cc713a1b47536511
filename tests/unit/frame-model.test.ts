import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clipDuration, clipEntry, totalDuration } from "../../src/core/clips";
import { planLosslessClips, planReencode } from "../../src/core/export-plan";
import * as edl from "../../src/core/formats/edl";
import { serialize as mlt } from "../../src/core/formats/shotcut-mlt";
import {
  constantFrames,
  frameless,
  nominalRange,
  rangeDuration,
  rangeLength,
  rangeSpan,
  spanFrames,
  variableFrames,
  videoFrames,
  type FrameModel,
} from "../../src/core/frames";
import type { Rational } from "../../src/core/rational";
import type { Span } from "../../src/core/clips";
import { AUDIO, sampleInfo, oneSource, onSource } from "./sample-info";

const PAL = { num: 25, den: 1 };
// A screen recording: 2 s at 25 fps, then 2 s at 10 fps (frame starts, seconds).
const STARTS = [...Array.from({ length: 50 }, (_, i) => i / 25), ...Array.from({ length: 20 }, (_, i) => 2 + i / 10)];
// Probed with its nominal 25 fps, which the seed counted frames at.
const VFR = sampleInfo({ duration: 4, keyframes: [0, 1, 2, 3], frameTimes: STARTS });
const clip = (start: number, end: number) => ({ id: 1, source: "s", start, end, label: "" });

// The seed's constant-rate arithmetic, written out: the model must give exactly these.
const seed = {
  nearest: (s: number, r: Rational) => Math.round((s * r.num) / r.den),
  start: (i: number, r: Rational) => (i * r.den) / r.num,
  shown: (s: number, r: Rational) => Math.floor(s * (r.num / r.den) + 1e-6),
};

describe("a variable frame rate's model", () => {
  const model = variableFrames(STARTS);

  it("counts the frames whose own times lie between IN and OUT", () => {
    const range = spanFrames({ start: 1, end: 3 }, model);
    // 25 frames of 1/25 s from 1 s, then 10 of 1/10 s: not the 50 the nominal rate says.
    expect(range).toEqual({ first: 25, end: 60 });
    expect(rangeLength(spanFrames({ start: 1, end: 3 }, PAL))).toBe(50);
    expect(rangeDuration(range, model)).toBeCloseTo(2, 9);
    expect(rangeSpan(range, model)).toEqual({ start: 1, end: expect.closeTo(3, 9) });
  });

  it("takes the nearest boundary where the frames are long", () => {
    // 2.34 s lies between the frames at 2.3 and 2.4, nearer 2.3.
    expect(spanFrames({ start: 2.34, end: 2.36 }, model)).toEqual({ first: 53, end: 54 });
    expect(frameless([{ start: 2.31, end: 2.34 }, { start: 2.31, end: 2.36 }], model)).toEqual([0]);
  });

  it("ends the last frame one step after its start", () => {
    expect(spanFrames({ start: 3.9, end: 4 }, model)).toEqual({ first: 69, end: 70 });
    expect(model.time(70)).toBeCloseTo(4, 9);
    expect(model.time(99)).toBeCloseTo(4, 9);
  });

  it("ends the last frame where the source ends, when that is sooner", () => {
    // An MP4 muxer wrote the last 10 fps frame 1/30 s long: the file lasts 3.934 s, not 4.
    const ended = variableFrames(STARTS, 3.934);
    expect(ended.time(70)).toBe(3.934);
    // A clip marked to the end (OUT = the duration) keeps the last frame: 10 frames, not 9.
    expect(spanFrames({ start: 3, end: 3.934 }, ended)).toEqual({ first: 60, end: 70 });
    expect(spanFrames({ start: 3, end: 3.934 }, model)).toEqual({ first: 60, end: 69 });
    expect(rangeDuration({ first: 60, end: 70 }, ended)).toBeCloseTo(0.934, 9);
    // The playhead sent to the end shows no frame: a mark there is the end, as at a constant rate.
    expect(ended.snap(3.934)).toBe(3.934);
    expect(ended.frameAt(3.934)).toBe(70);
    expect(ended.snap(3.93)).toBeCloseTo(3.9, 9);
    expect(constantFrames(PAL).snap(4)).toBe(4);
    // A source ending later, or not after the last frame's start, leaves the step's end.
    expect(variableFrames(STARTS, 12).time(70)).toBeCloseTo(4, 9);
    expect(variableFrames(STARTS, 3.9).time(70)).toBeCloseTo(4, 9);
  });

  it("shows, snaps and steps on the frames' own times", () => {
    expect(model.frameAt(2.35)).toBe(53);
    expect(model.snap(2.35)).toBeCloseTo(2.3, 9);
    expect(model.step(1.99, 1)).toBe(2);
    expect(model.step(2.05, -1)).toBeCloseTo(1.96, 9);
    expect(model.step(3.95, 5)).toBeCloseTo(3.9, 9);
  });

  it("gives half of the frame before a boundary, where ffmpeg seeks a re-encode from", () => {
    expect(model.halfFrame(51)).toBeCloseTo(0.05, 9);
    expect(model.halfFrame(50)).toBeCloseTo(0.02, 9);
    expect(model.halfFrame(0)).toBeCloseTo(0.02, 9);
  });
});

describe("the source's frame model", () => {
  it("is built once per probed source", () => {
    expect(videoFrames(VFR)).toBe(videoFrames(VFR));
    expect(videoFrames(VFR)?.nearest(3)).toBe(60);
    expect(videoFrames(sampleInfo())?.nearest(3)).toBe(75);
    expect(videoFrames(sampleInfo({ streams: [AUDIO] }))).toBeUndefined();
  });

  it("times durations, totals and the playhead's entry by the frames' own times", () => {
    const frames = videoFrames(VFR);
    expect(clipDuration({ start: 1.99, end: 2.34 }, frames)).toBeCloseTo(0.3, 9);
    expect(totalDuration([clip(0, 1), clip(2.02, 2.34)], frames)).toBeCloseTo(1.3, 9);
    expect(clipEntry({ start: 2.34, end: 3 }, frames)).toBeCloseTo(2.3, 9);
  });

  it("plans the ffmpeg exports on the same frames", () => {
    const [planned] = planLosslessClips(VFR, [clip(1.02, 3)]);
    expect(planned).toMatchObject({ start: 1, end: expect.closeTo(3, 9), frames: 35, range: { first: 26, end: 60 } });
    const plan = planReencode({ input: "in.mp4", workDir: "/w", info: VFR, clips: [clip(2.34, 3)] });
    expect(plan.clips[0]).toMatchObject({ frames: 7, range: { first: 53, end: 60 } });
    expect(plan.steps[0]?.args.join(" ")).toContain("trim=end_frame=7,");
    expect(plan.steps[0]?.args.join(" ")).toContain("-fps_mode passthrough");
    expect(planReencode({ input: "in.mp4", workDir: "/w", info: sampleInfo(), clips: [clip(2.34, 3)] }).steps[0]?.args).not.toContain("-fps_mode");
    // Half of the 0.1 s frame before 2.3 s.
    expect(plan.steps[0]?.args.slice(0, 12)).toContain("2.25");
  });

  it("ends a clip marked to the source's end at the duration, in the list and in both ffmpeg plans", () => {
    const ended = sampleInfo({ duration: 3.934, keyframes: [0, 1, 2, 3], frameTimes: STARTS });
    const toEnd = [clip(3, 3.934)];
    expect(spanFrames(toEnd[0] as Span, videoFrames(ended) as FrameModel)).toEqual({ first: 60, end: 70 });
    expect(planLosslessClips(ended, toEnd)[0]).toMatchObject({ start: 3, end: 3.934, frames: 10 });
    const graph = planReencode({ input: "in.mp4", workDir: "/w", info: ended, clips: toEnd }).steps[0]?.args.join(" ");
    expect(graph).toContain("trim=end_frame=10,");
  });

  it("writes frame-based lists at the nominal rate, on the model's instants", () => {
    // 2.38 s stands for the frame at 2.4 s, nominal frame 60; the 6 true frames to 3 s are 15 nominal ones.
    const span = { start: 2.38, end: 3, label: "" };
    expect(nominalRange(videoFrames(VFR) ?? PAL, PAL, span)).toEqual({ first: 60, end: 75 });
    const list = edl.serialize([span], edl.describeSource("talk.mp4", VFR), videoFrames(VFR));
    expect(list).toContain("00:00:02:10 00:00:03:00 00:00:00:00 00:00:00:15");
    expect(mlt(onSource([span]), oneSource({ ...VFR, fileName: "talk.mp4" }))).toContain('in="60" out="74"');
  });
});

describe("a constant rate's model", () => {
  const rates = fc.oneof(
    fc.constantFrom(PAL, { num: 30000, den: 1001 }, { num: 24000, den: 1001 }, { num: 60000, den: 1001 }),
    fc.record({ num: fc.integer({ min: 1, max: 240_000 }), den: fc.integer({ min: 1, max: 1001 }) }),
  );
  const times = fc.double({ min: 0, max: 30_000, noNaN: true });

  it("gives exactly the seed's frames, times and durations", () => {
    fc.assert(
      fc.property(rates, times, times, (rate, a, b) => {
        const model = constantFrames(rate);
        const span = { start: Math.min(a, b), end: Math.max(a, b) };
        const range = { first: seed.nearest(span.start, rate), end: seed.nearest(span.end, rate) };
        expect(spanFrames(span, model)).toEqual(range);
        expect(rangeSpan(range, model)).toEqual({ start: seed.start(range.first, rate), end: seed.start(range.end, rate) });
        expect(rangeDuration(range, model)).toBe(seed.start(range.end - range.first, rate));
        expect(clipDuration(span, model)).toBe(clipDuration(span, rate));
        expect(model.frameAt(a)).toBe(seed.shown(a, rate));
        expect(model.snap(a)).toBe(seed.start(seed.shown(a, rate), rate));
        expect(model.step(a, 3)).toBe(seed.start(seed.shown(a, rate) + 3, rate));
        expect(model.halfFrame(range.first)).toBe(seed.start(0.5, rate));
        expect(nominalRange(model, rate, span)).toEqual(range);
      }),
    );
  });

  it("equals a list of the same rate's frame starts", () => {
    const starts = Array.from({ length: 2001 }, (_, i) => i / 25);
    const listed = variableFrames(starts);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 80, noNaN: true }), (t) => {
        // Halfway between two boundaries either is nearest; elsewhere the two models agree.
        fc.pre(Math.abs(((t * 25) % 1) - 0.5) > 1e-6);
        expect(listed.nearest(t)).toBe(constantFrames(PAL).nearest(t));
        expect(listed.frameAt(t)).toBe(constantFrames(PAL).frameAt(t));
      }),
    );
  });
});
