import { describe, expect, it } from "vitest";
import type { PacketInfo } from "../../src/core/packet-cut";
import { applyIndex, cutShortNote, pastReadableEnd, readableExtent, type SourceIndex } from "../../src/core/source-index";
import { sampleInfo } from "./sample-info";

// Decode order I0 P3 B1 B2 I4 P7 B5 B6 … at 1 s a frame: frame n shows from n to n + 1.
function reordered(groups: number): PacketInfo[] {
  return Array.from({ length: groups }, (_, g) => [0, 3, 1, 2].map((o) => ({ pts: g * 4 + o, duration: 1, key: o === 0 }))).flat();
}

describe("readableExtent", () => {
  it("ends a cut track at the earliest frame it does not hold, B-frames included", () => {
    // Held: I0 P3 B1 | I4 P7 — B5 B6 are gone, so frames 5 and on cannot be shown, 0–4 can.
    expect(readableExtent([{ packets: reordered(3), readable: 6 }], 0)).toEqual({ end: 5, cut: true });
    // Held: I0 P3 B1 — B2 is gone: frame 2 is the first missing even though P3 decoded.
    expect(readableExtent([{ packets: reordered(3), readable: 3 }], 0)).toEqual({ end: 2, cut: true });
  });

  it("takes the shortest cut track, counted from the page's time 0", () => {
    const audio = Array.from({ length: 100 }, (_, i) => ({ pts: 0.5 + i * 0.1, duration: 0.1, key: true }));
    const extent = readableExtent([{ packets: reordered(3), readable: 12 }, { packets: audio, readable: 40 }], 0.5);
    expect(extent).toEqual({ end: expect.closeTo(4, 9) as number, cut: true });
  });

  it("gives a whole file's end when every packet is held", () => {
    expect(readableExtent([{ packets: reordered(3), readable: 12 }], 0)).toEqual({ end: 12, cut: false });
    expect(readableExtent([], 0)).toBeNull();
  });
});

const index = (readable: SourceIndex["readable"]): SourceIndex => ({ keyframes: [0, 4, 8], readable, frameTimes: null });

describe("applyIndex", () => {
  it("makes the readable part the duration of a file cut short, and says so", () => {
    const result = applyIndex(sampleInfo({ duration: 30 }), index({ end: 1.5, cut: true }));
    if (!result.ok) throw new Error(result.error);
    expect(result.value.duration).toBe(1.5);
    expect(result.value.claimedDuration).toBe(30);
    expect(result.value.keyframes).toEqual([0]);
    expect(cutShortNote(result.value)).toBe("talk.mp4 is cut short: only the first 0:01.5 of 0:30 can be read");
  });

  it("trusts a header that claims a little more than the packets, but not much more", () => {
    const whole = applyIndex(sampleInfo({ duration: 12.02 }), index({ end: 12, cut: false }));
    expect(whole.ok && whole.value.duration).toBe(12.02);
    expect(whole.ok && cutShortNote(whole.value)).toBeNull();
    const halved = applyIndex(sampleInfo({ duration: 30 }), index({ end: 14, cut: false }));
    expect(halved.ok && cutShortNote(halved.value)).toBe("talk.mp4 is cut short: only the first 0:14 of 0:30 can be read");
  });

  it("counts a header's length from the file's start, which may lie before the first frame", () => {
    // Sound from 0, the first frame at 1.2 s: 30 s of frames make a 31.2 s file.
    const late = applyIndex(sampleInfo({ duration: 31.2, origin: 1.2, start: 0 }), index({ end: 30, cut: false }));
    expect(late.ok && late.value.duration).toBe(31.2);
    expect(late.ok && cutShortNote(late.value)).toBeNull();
  });

  it("refuses a file of which nothing can be read", () => {
    expect(applyIndex(sampleInfo({ duration: 30 }), index({ end: 0, cut: true }))).toEqual({
      ok: false,
      error: "talk.mp4 is cut short: none of its 0:30 can be read",
    });
  });
});

describe("pastReadableEnd", () => {
  const cut = sampleInfo({ duration: 1.5, claimedDuration: 30 });
  it("refuses clips that would come out shorter than asked, naming them", () => {
    expect(pastReadableEnd([{ start: 0, end: 1 }, { start: 1, end: 3 }], cut)).toBe(
      "Clip 2 ends after 0:01.5, where the readable part of the video ends (talk.mp4 is cut short): shorten or delete it to export",
    );
    expect(pastReadableEnd([{ start: 0, end: 2 }, { start: 1, end: 3 }], cut)).toMatch(/^Clips 1, 2 end after 0:01.5/);
  });

  it("lets clips within the readable part through", () => {
    expect(pastReadableEnd([{ start: 0, end: 1.5 }], cut)).toBeNull();
  });
});
