import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PacketIndex } from "../../src/core/packet-index";
import { planCopyCut, type CopyPlan, type PacketInfo } from "../../src/core/packet-cut";
import { planSmartCut, type SmartPlan } from "../../src/core/smart-cut";

const FPS = 30;

/** A long H.264-like track in decode order: I P B B …, a keyframe every `gop` frames. */
function track(frames: number, gop: number): PacketInfo[] {
  const out: PacketInfo[] = [];
  for (let n = 0; n < frames; n++) {
    const inGop = n % gop;
    if (inGop === 0 || inGop % 3 !== 1 || n + 2 >= frames || inGop + 2 >= gop) out.push({ pts: n / FPS, duration: 1 / FPS, key: inGop === 0 });
    else {
      out.push({ pts: (n + 2) / FPS, duration: 1 / FPS, key: false }, { pts: n / FPS, duration: 1 / FPS, key: false });
      out.push({ pts: (n + 1) / FPS, duration: 1 / FPS, key: false });
      n += 2;
    }
  }
  return out;
}

describe("packet plans at scale", () => {
  // 200,000 frames (1 h 51 min at 30 fps) and 10,000 clips: the old per-clip scans made 4·10⁹ steps.
  const video = track(200_000, 60);
  const audio = Array.from({ length: 312_500 }, (_, i) => ({ pts: (i * 1024) / 48000, duration: 1024 / 48000, key: true }));
  const clips = Array.from({ length: 10_000 }, (_, i) => ({ start: i * 0.66 + 0.123, end: i * 0.66 + 0.6 }));

  it("plans a 10,000-clip lossless cut of a 2-hour source", () => {
    const plan = planCopyCut(video, [audio], clips) as CopyPlan;
    expect(plan.video).toHaveLength(10_000);
    const last = plan.video[9999];
    // Clip 10,000 is 6599.463–6599.94 s: frames 197,984 up to 197,998, its GOP starting at 197,940.
    expect(last?.shown).toEqual({ start: 197_940 / FPS, end: 197_998 / FPS });
    expect((video[last?.from ?? -1] as PacketInfo).pts).toBe(197_940 / FPS);
    expect(plan.audio[0]).toHaveLength(10_000);
  });

  it("plans a 10,000-clip smart cut of the same source", () => {
    const plan = planSmartCut(video, [audio], clips) as SmartPlan;
    expect(plan.clips).toHaveLength(10_000);
    // Each clip is short and between keyframes (every 2 s) or across one: re-encoded up to it.
    const encoded = plan.clips.filter((c) => c.encode !== null).length;
    const onKeyframe = plan.clips.filter((c) => Math.round(c.shown.start * FPS) % 60 === 0).length;
    expect(onKeyframe).toBeGreaterThan(0);
    expect(encoded).toBe(10_000 - onKeyframe);
    expect(plan.clips[9999]?.shown).toEqual({ start: 197_984 / FPS, end: 197_998 / FPS });
  });
});

// The plain scans the index replaces: the oracle its answers must equal on any track.
function slowIndex(packets: readonly PacketInfo[]) {
  const lastWhere = (test: (p: PacketInfo) => boolean) => packets.reduce((found, p, i) => (test(p) ? i : found), -1);
  return {
    lastKeyAtOrBefore: (t: number) => lastWhere((p) => p.key && p.pts <= t),
    lastBefore: (t: number) => lastWhere((p) => p.pts < t),
    firstKeyIn: (a: number, b: number) => packets.findIndex((p) => p.key && p.pts >= a && p.pts < b),
    nearest: (t: number) =>
      packets.reduce((best, p, i) => (best < 0 || Math.abs(p.pts - t) < Math.abs((packets[best] as PacketInfo).pts - t) ? i : best), -1),
  };
}

const packet = fc.record({ pts: fc.integer({ min: -5, max: 60 }).map((n) => n / 4), duration: fc.constant(0.25), key: fc.boolean() });

describe("PacketIndex", () => {
  it("answers as the plain scans do, on any packets in any order", () => {
    fc.assert(
      fc.property(fc.array(packet, { maxLength: 40 }), fc.integer({ min: -8, max: 64 }), fc.integer({ min: 0, max: 20 }), (packets, at, width) => {
        const fast = new PacketIndex(packets);
        const slow = slowIndex(packets);
        const t = at / 4 + 0.1;
        expect(fast.lastKeyAtOrBefore(t)).toBe(slow.lastKeyAtOrBefore(t));
        expect(fast.lastBefore(t)).toBe(slow.lastBefore(t));
        expect(fast.firstKeyIn(t, t + width / 4)).toBe(slow.firstKeyIn(t, t + width / 4));
        expect(fast.nearest(t)).toBe(slow.nearest(t));
        expect(fast.nearest(at / 4 + 0.125)).toBe(slow.nearest(at / 4 + 0.125));
        const from = Math.min(width, packets.length);
        const to = Math.min(from + 7, packets.length);
        const range = packets.slice(from, to);
        expect(fast.earliestTime(from, to)).toBe(range.reduce((m, p) => Math.min(m, p.pts), Infinity));
        expect(fast.latestEndTime(from, to)).toBe(range.reduce((m, p) => Math.max(m, p.pts + p.duration), -Infinity));
      }),
    );
  });
});
