import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  frameIndexAt,
  frameless,
  frameStart,
  nearestBoundary,
  nearestFrame,
  rangeDuration,
  rangeLength,
  rangeSpan,
  snapToFrame,
  spanFrames,
  stepFrames,
} from "../../src/core/frames";
import { parseRational, rationalValue } from "../../src/core/rational";

const PAL = { num: 25, den: 1 };
const NTSC = { num: 30000, den: 1001 };

describe("frames", () => {
  it("finds the frame on screen, even for times a hair below its start", () => {
    expect(frameIndexAt(0.12, PAL)).toBe(3);
    expect(frameIndexAt(3 / 25, PAL)).toBe(3);
    expect(frameIndexAt(0.1599, PAL)).toBe(3);
    expect(frameIndexAt(frameStart(7, NTSC), NTSC)).toBe(7);
  });

  it("snaps a mark to the start of the frame shown", () => {
    expect(snapToFrame(2.1357, PAL)).toBeCloseTo(2.12, 9);
  });

  it("steps by frames and stops at zero", () => {
    expect(stepFrames(1, 3, PAL)).toBeCloseTo(1.12, 9);
    expect(stepFrames(0.04, -5, PAL)).toBe(0);
    expect(stepFrames(frameStart(10, NTSC), -1, NTSC)).toBeCloseTo(frameStart(9, NTSC), 9);
  });
});

describe("the frame model", () => {
  it("takes the frames from the boundary nearest IN up to the one nearest OUT", () => {
    // The reported case: round(22.525) = 23, round(164.325) = 164, OUT exclusive.
    const range = spanFrames({ start: 0.901, end: 6.573 }, PAL);
    expect(range).toEqual({ first: 23, end: 164 });
    expect(rangeLength(range)).toBe(141);
    expect(rangeDuration(range, PAL)).toBeCloseTo(5.64, 9);
    expect(rangeSpan(range, PAL)).toEqual({ start: expect.closeTo(0.92, 9), end: expect.closeTo(6.56, 9) });
    expect(spanFrames({ start: 12.579, end: 15.916 }, PAL)).toEqual({ first: 314, end: 398 });
  });

  it("rounds a time half a frame or more past a boundary up to the next", () => {
    expect(nearestFrame(0.02, PAL)).toBe(1);
    expect(nearestFrame(0.0199, PAL)).toBe(0);
    expect(nearestFrame(frameStart(7, NTSC) + 0.0001, NTSC)).toBe(7);
  });

  it("works at 30000/1001", () => {
    // 12.579 s is frame 376.99, 15.916 s is 477.003.
    const range = spanFrames({ start: 12.579, end: 15.916 }, NTSC);
    expect(range).toEqual({ first: 377, end: 477 });
    expect(rangeDuration(range, NTSC)).toBeCloseTo((100 * 1001) / 30000, 12);
    expect(rangeSpan(range, NTSC).start).toBeCloseTo((377 * 1001) / 30000, 12);
    expect(spanFrames({ start: 3600, end: 3601 }, NTSC)).toEqual({ first: 107892, end: 107922 });
  });

  it("gives a clip no frames when IN and OUT round to one boundary", () => {
    const range = spanFrames({ start: 1.001, end: 1.01 }, PAL);
    expect(range).toEqual({ first: 25, end: 25 });
    expect(rangeLength(range)).toBe(0);
    expect(rangeLength({ first: 9, end: 4 })).toBe(0);
  });

  it("reads a clip from frame starts back as those frames, at any rate", () => {
    const rates = fc.oneof(
      fc.constantFrom(PAL, NTSC, { num: 24000, den: 1001 }, { num: 60000, den: 1001 }, { num: 50, den: 1 }),
      fc.record({ num: fc.integer({ min: 1, max: 240_000 }), den: fc.integer({ min: 1, max: 1001 }) }),
    );
    const frames = fc.integer({ min: 0, max: 10_000_000 });
    fc.assert(
      fc.property(rates, frames, frames, (rate, a, b) => {
        const range = spanFrames({ start: frameStart(a, rate), end: frameStart(b, rate) }, rate);
        expect(range).toEqual({ first: a, end: b });
        expect(spanFrames(rangeSpan(range, rate), rate)).toEqual(range);
      }),
    );
  });

  it("finds the nearest boundary among a variable rate's frame times", () => {
    const boundaries = [0, 0.04, 0.1, 0.12, 0.2];
    expect(nearestBoundary(boundaries, 0.069)).toBe(1);
    expect(nearestBoundary(boundaries, 0.071)).toBe(2);
    expect(nearestBoundary(boundaries, -1)).toBe(0);
    expect(nearestBoundary(boundaries, 9)).toBe(4);
    expect(nearestBoundary([], 1)).toBe(0);
  });
});

describe("frameless clips", () => {
  it("names the spans that stand for no frame", () => {
    expect(frameless([{ start: 1.001, end: 1.01 }, { start: 1, end: 1.03 }, { start: 2, end: 2.019 }], PAL)).toEqual([0, 2]);
  });
});

describe("rational", () => {
  it("reads ffprobe's frame rates", () => {
    expect(parseRational("30000/1001")).toEqual({ ok: true, value: NTSC });
    expect(parseRational("25")).toEqual({ ok: true, value: { num: 25, den: 1 } });
    expect(parseRational("0/0").ok).toBe(false);
    expect(parseRational("fast").ok).toBe(false);
  });

  it("gives the value", () => {
    expect(rationalValue(NTSC)).toBeCloseTo(29.97, 2);
    expect(rationalValue(PAL)).toBe(25);
  });
});
