import { describe, expect, it } from "vitest";
import type { Span } from "../../src/core/clips";
import { audioEnd, clipInterval, frameTimeline, planCopyCut, type CopiedAudio, type CopyPlan, type PacketInfo } from "../../src/core/packet-cut";
import { planSmartCut, type SmartPlan } from "../../src/core/smart-cut";

const FPS = 25;
const f = (n: number) => n / FPS;

/**
 * x264-like decode order with B-frame pyramids: I0 P4 B2 b1 b3 P8 B6 b5 b7 …, a keyframe every
 * `gop` frames (closed GOPs).
 */
function h264Packets(frames: number, gop: number): PacketInfo[] {
  const out: PacketInfo[] = [];
  for (let start = 0; start < frames; start += gop) {
    out.push({ pts: f(start), duration: f(1), key: true });
    for (let anchor = start + 4; anchor - 4 < Math.min(start + gop, frames) - 1; anchor += 4) {
      const p = Math.min(anchor, Math.min(start + gop, frames) - 1);
      out.push({ pts: f(p), duration: f(1), key: false });
      for (const b of [anchor - 2, anchor - 3, anchor - 1]) if (b > anchor - 4 && b < p) out.push({ pts: f(b), duration: f(1), key: false });
    }
  }
  return out;
}

/** AAC: 1024 samples a packet, from -1024 (the encoder's priming) on; 48 kHz unless said. */
const aac = (seconds: number, rate = 48000): PacketInfo[] =>
  Array.from({ length: Math.ceil((seconds * rate) / 1024) + 1 }, (_, i) => ({
    pts: ((i - 1) * 1024) / rate,
    duration: 1024 / rate,
    key: true,
  }));

/**
 * For every clip of a plan, how far (s) each track's sound is from its picture where the clip
 * starts and where it ends: `[track][clip] = [start, end]`.
 */
/** Each run's start and end against its picture, in media time: `leads[t]` (track t's edit list hides it) ahead of what is presented. */
const syncErrors = (tracks: readonly PacketInfo[][], runs: readonly CopiedAudio[][], shown: readonly Span[], leads: readonly number[] = []) =>
  runs.map((track, t) => {
    let presented = leads[t] ?? 0;
    return track.map((sound, i) => {
      const clip = shown[i] as Span;
      const packets = tracks[t] as PacketInfo[];
      const first = packets[sound.from] as PacketInfo;
      const start = sound.mediaStart + (clip.start - first.pts) - presented;
      presented += clip.end - clip.start;
      return [start, audioEnd(packets, sound) - presented];
    });
  });

/** The media time track t's edit list hides before the first clip's picture. */
const leadOf = (plan: CopyPlan, t: number): number => plan.audioEdits[t]?.[0]?.mediaTime ?? 0;

const shownFrames = (video: PacketInfo[], plan: CopyPlan) =>
  plan.video.map((clip) =>
    video
      .slice(clip.from, clip.to)
      .map((p) => Math.round(p.pts * FPS))
      .filter((n) => f(n) >= clip.shown.start - 1e-9 && f(n) < clip.shown.end - 1e-9)
      .sort((a, b) => a - b),
  );

describe("clip interval", () => {
  it("takes the frame boundaries nearest IN and OUT", () => {
    const { boundaries } = frameTimeline(h264Packets(250, 50));
    expect(clipInterval(boundaries, { start: 0.901, end: 6.573 })).toEqual({ start: f(23), end: f(164) });
    expect(clipInterval(boundaries, { start: 0, end: 99 })).toEqual({ start: 0, end: f(250) });
  });
});

describe("the last frame of a variable rate", () => {
  // two-rates.mp4 as mediabunny reads it: 60 frames at 30 fps, then 20 at 10 fps, the last one
  // taken to last 1/10 s (to 4.0), where the file ends at 3.934 (the probe's duration).
  const times = [...Array.from({ length: 60 }, (_, i) => i / 30), ...Array.from({ length: 20 }, (_, i) => 2 + i / 10)];
  const video = times.map((pts, i) => ({ pts, duration: i < 60 ? 1 / 30 : 0.1, key: Number.isInteger(pts) }));
  const toEnd = [{ start: 3, end: 3.934 }];
  const kept = (shown: Span) => times.filter((t) => t >= shown.start - 1e-9 && t < shown.end - 1e-9).length;

  it("ends where the source ends, when that is sooner", () => {
    expect(frameTimeline(video, 3.934).end).toBe(3.934);
    expect(frameTimeline(video).end).toBeCloseTo(4, 9);
    // Not past its own end, and never before the last frame's start.
    expect(frameTimeline(video, 12).end).toBeCloseTo(4, 9);
    expect(frameTimeline(video, 3.9).end).toBeCloseTo(4, 9);
  });

  it("is kept by a clip marked to the end, in a lossless and a smart cut", () => {
    const copy = planCopyCut(video, [], toEnd, 3.934) as CopyPlan;
    expect(copy.video[0]?.shown).toEqual({ start: 3, end: 3.934 });
    expect(kept(copy.video[0]?.shown as Span)).toBe(10);
    expect(kept((planCopyCut(video, [], toEnd) as CopyPlan).video[0]?.shown as Span)).toBe(9);
    const smart = planSmartCut(video, [], toEnd, 3.934) as SmartPlan;
    expect(smart.clips[0]?.shown).toEqual({ start: 3, end: 3.934 });
    expect(smart.duration).toBeCloseTo(0.934, 9);
  });
});

const [from48, from44] = [0.0016, 0.0002];

describe("lossless packet plan", () => {
  const video = h264Packets(500, 60);
  const audio = aac(20);

  it("copies from the keyframe through every frame before OUT, none skipped, none shown past it", () => {
    const plan = planCopyCut(video, [audio], [{ start: f(300), end: 397.9 / FPS }]) as CopyPlan;
    expect(shownFrames(video, plan)).toEqual([Array.from({ length: 98 }, (_, i) => 300 + i)]);
    // Frame 398 is a B-frame's forward reference: copied, but hidden by the edit list.
    const copied = video.slice(plan.video[0]?.from, plan.video[0]?.to).map((p) => Math.round(p.pts * FPS));
    expect(Math.max(...copied)).toBeGreaterThanOrEqual(398);
    expect(plan.videoEdits).toEqual([{ mediaTime: 0, duration: f(98) }]);
  });

  it("starts each clip at the keyframe at or before IN and places clips end to end in media time", () => {
    const clips = [{ start: 12.579, end: 15.916 }, { start: 2.03, end: 4.5 }, { start: 14, end: 19.3 }];
    const plan = planCopyCut(video, [audio], clips) as CopyPlan;
    expect(plan.video.map((c) => c.shown)).toEqual([
      { start: f(300), end: f(398) },
      { start: f(0), end: f(113) },
      { start: f(300), end: f(483) },
    ]);
    expect(plan.video[1]?.mediaStart).toBeCloseTo(plan.video[0]?.mediaLength ?? NaN, 9);
    expect(plan.duration).toBeCloseTo(f(98 + 113 + 183), 9);
  });

  it("plays each clip's sound within half an AAC frame of its picture, at every join, never adding up", () => {
    const clips = [{ start: 1.3, end: 3.3 }, { start: 10.1, end: 11.7 }, { start: 4.6, end: 9.1 }, { start: 0.5, end: 2 }];
    const plan = planCopyCut(video, [audio], clips) as CopyPlan;
    const half = 1024 / 48000 / 2 + 1e-9;
    let presented = leadOf(plan, 0);
    let cursor = 0;
    for (const [i, sound] of (plan.audio[0] ?? []).entries()) {
      const clip = plan.video[i];
      if (!clip) throw new Error("no clip");
      expect(sound.mediaStart).toBeCloseTo(cursor, 9);
      // Where the clip's first shown instant plays, against where its picture is presented.
      const first = audio[sound.from] as PacketInfo;
      expect(Math.abs(cursor + (clip.shown.start - first.pts) - presented)).toBeLessThanOrEqual(half);
      presented += clip.shown.end - clip.shown.start;
      cursor += audio.slice(sound.from, sound.to).reduce((s, p) => s + p.duration, 0);
      expect(Math.abs(cursor - presented)).toBeLessThanOrEqual(half);
    }
    expect(plan.audio[0]).toHaveLength(4);
  });

  it("starts a clip's sound with its picture to the sample, a packet early and trimmed by its edit list, on stamps rounded to the millisecond", () => {
    // An OBS MKV's tracks: times in whole milliseconds, AAC at 48 kHz from 1.6 ms on, 44.1 kHz from 0.2 ms on.
    const rounded = (rate: number, from: number) =>
      Array.from({ length: 1000 }, (_, i) => ({ pts: Math.round((from + (i * 1024) / rate) * 1000) / 1000, duration: Math.round((1024 / rate) * 1000) / 1000, key: true }));
    const exact = [from48, from44].map((from, t) => (i: number) => from + (i * 1024) / [48000, 44100][t]!);
    const mkv = [rounded(48000, from48), rounded(44100, from44)];
    // The keyframe at 12.343 s falls between two 48 kHz packets, stamped 11 ms either side of it.
    const picture = Array.from({ length: 500 }, (_, n) => ({ pts: 0.023 + n * 0.04, duration: 0.04, key: n % 50 === 8 }));
    for (const clip of [{ start: 13.4, end: 14.44 }, { start: 8, end: 8.84 }]) {
      const plan = planCopyCut(picture, mkv, [clip]) as CopyPlan;
      const shown = plan.video[0]?.shown as Span;
      plan.audio.forEach(([sound], t) => {
        if (!sound) throw new Error("no sound");
        // The source instant the track plays with the picture's first one.
        const heard = (exact[t] as (i: number) => number)(sound.from) + leadOf(plan, t);
        expect(Math.abs(heard - shown.start) * 1000, `track ${t + 1} of the clip from ${clip.start} s (ms)`).toBeLessThan(1);
        expect(plan.audioEdits[t]?.[0]?.duration).toBeCloseTo(audioEnd(mkv[t] as PacketInfo[], sound) - leadOf(plan, t), 9);
      });
    }
  });

  it("places sound by its timestamps, so clips never overlap when a packet's duration was trimmed (Opus)", () => {
    // WebM Opus as ffmpeg writes it: 20 ms packets, the first shortened by the encoder's pre-skip.
    const opus = Array.from({ length: 1000 }, (_, i) => ({ pts: i === 0 ? -0.007 : 0.013 + (i - 1) * 0.02, duration: i === 0 ? 0.0135 : 0.02, key: true }));
    const plan = planCopyCut(video, [opus], [{ start: 0, end: 2.2 }, { start: 8, end: 8.8 }]) as CopyPlan;
    const [first, second] = plan.audio[0] ?? [];
    if (!first || !second) throw new Error("no sound");
    expect(second.mediaStart).toBeCloseTo(audioEnd(opus, first), 9);
    const last = opus[first.to - 1] as PacketInfo;
    expect(first.mediaStart + (last.pts - (opus[first.from] as PacketInfo).pts)).toBeLessThan(second.mediaStart);
  });

  // An OBS recording's Game and Mic at 48 kHz, Music at 44.1 kHz, and a browser's Opus: four lanes.
  const opus = Array.from({ length: 1200 }, (_, i) => ({ pts: i === 0 ? -0.0065 : 0.0135 + (i - 1) * 0.02, duration: i === 0 ? 0.02 - 0.0065 : 0.02, key: true }));
  const tracks = [aac(20), aac(20), aac(20, 44100), opus];
  const halves = [1024 / 48000, 1024 / 48000, 1024 / 44100, 0.02].map((d) => d / 2 + 1e-9);
  const clips = [{ start: 1.3, end: 3.3 }, { start: 10.1, end: 11.7 }, { start: 4.6, end: 9.1 }, { start: 0.5, end: 2 }, { start: 0.5, end: 2 }];

  it("cuts every audio track at the picture's instants, each within half of its own packet at every join", () => {
    const plan = planCopyCut(video, tracks, clips) as CopyPlan;
    expect(plan.audio.map((runs) => runs.length)).toEqual([5, 5, 5, 5]);
    // Two tracks with the same packets are cut alike; each lane runs in its own media time.
    expect(plan.audio[1]).toEqual(plan.audio[0]);
    const errors = syncErrors(tracks, plan.audio, plan.video.map((c) => c.shown), tracks.map((_, t) => leadOf(plan, t)));
    errors.forEach((track, t) => {
      for (const [start, end] of track) {
        expect(Math.abs(start as number), `track ${t + 1} at a clip's start`).toBeLessThanOrEqual(halves[t] as number);
        expect(Math.abs(end as number), `track ${t + 1} at a clip's end`).toBeLessThanOrEqual(halves[t] as number);
      }
    });
  });

  it("does the same in a smart cut", () => {
    const plan = planSmartCut(video, tracks, clips) as SmartPlan;
    expect(plan.audio.map((runs) => runs.length)).toEqual([5, 5, 5, 5]);
    syncErrors(tracks, plan.audio, plan.clips.map((c) => c.shown)).forEach((track, t) => {
      for (const [start, end] of track) expect(Math.max(Math.abs(start as number), Math.abs(end as number))).toBeLessThanOrEqual(halves[t] as number);
    });
  });

  it("refuses a clip before the first keyframe", () => {
    // A stream cut out of a longer one: its first frames lean on a keyframe it no longer has.
    const headless = video.slice(1);
    expect(planCopyCut(headless, [], [{ start: 0.2, end: 2 }])).toEqual({ missing: 0 });
  });
});
