import { describe, expect, it } from "vitest";
import { addPeaks, PEAKS_PER_SECOND, peakBetween, thumbAt, thumbTimes } from "../../src/core/strip";

describe("thumbnail times", () => {
  it("spreads them evenly, each on the keyframe at or before its slot", () => {
    expect(thumbTimes(10, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([0, 2, 4, 6, 8]);
    expect(thumbTimes(10, [0, 5])).toEqual([0, 5]);
    expect(thumbTimes(0, [0])).toEqual([]);
  });

  it("takes no more than 240 however long the source", () => {
    const keyframes = Array.from({ length: 7200 }, (_, i) => i);
    expect(thumbTimes(7200, keyframes)).toHaveLength(240);
  });

  it("shows the last thumbnail taken at or before a time", () => {
    const times = [0, 2, 4, 6];
    expect(thumbAt(times, 0)).toBe(0);
    expect(thumbAt(times, 3.99)).toBe(1);
    expect(thumbAt(times, 4)).toBe(2);
    expect(thumbAt(times, 100)).toBe(3);
    expect(thumbAt(times, -1)).toBe(0);
  });
});

describe("waveform peaks", () => {
  it("keeps the loudest sample of every bucket, silence at 0", () => {
    const rate = 1000;
    const peaks = new Uint8Array(3 * PEAKS_PER_SECOND);
    // One second of sound at half scale from 1 s, on the second channel only; silence elsewhere.
    const left = new Float32Array(rate);
    const right = new Float32Array(rate).fill(-0.5);
    addPeaks(peaks, [left, right], rate, 1);
    expect(peakBetween(peaks, 0, 1)).toBe(0);
    expect(peakBetween(peaks, 1, 2)).toBe(128);
    expect(peakBetween(peaks, 2, 3)).toBe(0);
    expect(peakBetween(peaks, 1.5, 1.5)).toBe(128);
  });

  it("ignores sound outside the source", () => {
    const peaks = new Uint8Array(PEAKS_PER_SECOND);
    // From −0.5 s to 0.5 s: only its second half is in the source; then a second past the end.
    addPeaks(peaks, [new Float32Array(100).fill(1)], 100, -0.5);
    addPeaks(peaks, [new Float32Array(100).fill(1)], 100, 1);
    expect(peakBetween(peaks, 0, 0.5)).toBe(255);
    expect(peakBetween(peaks, 0.5, 1)).toBe(0);
  });
});
