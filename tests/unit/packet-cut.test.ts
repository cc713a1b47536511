import { describe, expect, it } from "vitest";
import { audioEnd, clipInterval, frameTimeline, planCopyCut, type CopyPlan, type PacketInfo } from "../../src/core/packet-cut";

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

/** AAC at 48 kHz: 1024 samples a packet, from -1024 (the encoder's priming) on. */
const aac = (seconds: number): PacketInfo[] =>
  Array.from({ length: Math.ceil((seconds * 48000) / 1024) + 1 }, (_, i) => ({
    pts: ((i - 1) * 1024) / 48000,
    duration: 1024 / 48000,
    key: true,
  }));

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

describe("lossless packet plan", () => {
  const video = h264Packets(500, 60);
  const audio = aac(20);

  it("copies from the keyframe through every frame before OUT, none skipped, none shown past it", () => {
    const plan = planCopyCut(video, audio, [{ start: f(300), end: 397.9 / FPS }]) as CopyPlan;
    expect(shownFrames(video, plan)).toEqual([Array.from({ length: 98 }, (_, i) => 300 + i)]);
    // Frame 398 is a B-frame's forward reference: copied, but hidden by the edit list.
    const copied = video.slice(plan.video[0]?.from, plan.video[0]?.to).map((p) => Math.round(p.pts * FPS));
    expect(Math.max(...copied)).toBeGreaterThanOrEqual(398);
    expect(plan.videoEdits).toEqual([{ mediaTime: 0, duration: f(98) }]);
  });

  it("starts each clip at the keyframe at or before IN and places clips end to end in media time", () => {
    const clips = [{ start: 12.579, end: 15.916 }, { start: 2.03, end: 4.5 }, { start: 14, end: 19.3 }];
    const plan = planCopyCut(video, audio, clips) as CopyPlan;
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
    const plan = planCopyCut(video, audio, clips) as CopyPlan;
    const half = 1024 / 48000 / 2 + 1e-9;
    let presented = 0;
    let cursor = 0;
    for (const [i, sound] of plan.audio.entries()) {
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
    expect(plan.audio).toHaveLength(4);
  });

  it("places sound by its timestamps, so clips never overlap when a packet's duration was trimmed (Opus)", () => {
    // WebM Opus as ffmpeg writes it: 20 ms packets, the first shortened by the encoder's pre-skip.
    const opus = Array.from({ length: 1000 }, (_, i) => ({ pts: i === 0 ? -0.007 : 0.013 + (i - 1) * 0.02, duration: i === 0 ? 0.0135 : 0.02, key: true }));
    const plan = planCopyCut(video, opus, [{ start: 0, end: 2.2 }, { start: 8, end: 8.8 }]) as CopyPlan;
    const [first, second] = plan.audio;
    if (!first || !second) throw new Error("no sound");
    expect(second.mediaStart).toBeCloseTo(audioEnd(opus, first), 9);
    const last = opus[first.to - 1] as PacketInfo;
    expect(first.mediaStart + (last.pts - (opus[first.from] as PacketInfo).pts)).toBeLessThan(second.mediaStart);
  });

  it("refuses a clip before the first keyframe", () => {
    // A stream cut out of a longer one: its first frames lean on a keyframe it no longer has.
    const headless = video.slice(1);
    expect(planCopyCut(headless, null, [{ start: 0.2, end: 2 }])).toEqual({ missing: 0 });
  });
});
