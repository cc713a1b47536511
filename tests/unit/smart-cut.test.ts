import { describe, expect, it } from "vitest";
import type { PacketInfo } from "../../src/core/packet-cut";
import { planSmartCut, type SmartPlan } from "../../src/core/smart-cut";

const FPS = 25;
const f = (n: number) => n / FPS;

/** Closed GOPs of `gop` frames, I P B B in decode order (frame k+3 before k+1, k+2). */
function packets(frames: number, gop: number): PacketInfo[] {
  const out: PacketInfo[] = [];
  for (let n = 0; n < frames; n++) {
    const inGop = n % gop;
    if (inGop === 0) out.push({ pts: f(n), duration: f(1), key: true });
    else if (inGop % 3 === 1 && n + 2 < frames && inGop + 2 < gop) {
      out.push({ pts: f(n + 2), duration: f(1), key: false }, { pts: f(n), duration: f(1), key: false }, { pts: f(n + 1), duration: f(1), key: false });
      n += 2;
    } else out.push({ pts: f(n), duration: f(1), key: false });
  }
  return out;
}

describe("smart cut plan", () => {
  const video = packets(400, 50);

  it("re-encodes IN up to the next keyframe and copies from there, end to end in media time", () => {
    const plan = planSmartCut(video, [], [{ start: f(23), end: f(164) }, { start: f(100), end: f(130) }, { start: f(60), end: f(90) }]) as SmartPlan;
    expect(plan.clips.map((c) => c.encode)).toEqual([{ start: f(23), end: f(50) }, null, { start: f(60), end: f(90) }]);
    expect(plan.clips.map((c) => c.copy?.shown ?? null)).toEqual([{ start: f(50), end: f(164) }, { start: f(100), end: f(130) }, null]);
    expect(plan.clips[0]?.copy?.mediaStart).toBeCloseTo(f(27), 9);
    expect(plan.videoEdits.map((e) => Math.round(e.duration * FPS))).toEqual([141, 30, 30]);
    // Each clip's edit starts where its first frame sits in the output's media.
    expect(plan.videoEdits[1]?.mediaTime).toBeCloseTo(plan.clips[1]?.mediaStart ?? NaN, 9);
    expect(plan.duration).toBeCloseTo(f(201), 9);
  });

  it("refuses a clip that stands for no frame, and a GOP whose frames lean on the one before", () => {
    expect(planSmartCut(video, [], [{ start: 1, end: 1.01 }])).toEqual({ reason: "no-frames", clip: 0 });
    const open = video.map((p) => (p.pts === f(151) ? { ...p, pts: f(149.5) } : p));
    expect(planSmartCut(open, [], [{ start: f(120), end: f(170) }])).toEqual({ reason: "open-gop", clip: 0 });
  });
});
