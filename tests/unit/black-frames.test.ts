import { describe, expect, it } from "vitest";
import { blackLuma, darkLevel, findBlack } from "../../src/core/black-frames";

describe("darkLevel", () => {
  it("is the level 98% of the pixels are at or below, rows read by their stride", () => {
    // 10×10 pixels in rows of 12 bytes: 98 at 16, 2 at 200, and padding that must not count.
    const plane = new Uint8Array(12 * 10).fill(255);
    for (let y = 0; y < 10; y++) for (let x = 0; x < 10; x++) plane[y * 12 + x] = y * 10 + x < 98 ? 16 : 200;
    expect(darkLevel(plane, 10, 10, 12)).toBe(16);
    plane[0] = 200; // now 3% bright: the 98th percentile is bright
    expect(darkLevel(plane, 10, 10, 12)).toBe(200);
  });
});

describe("findBlack", () => {
  const times = Array.from({ length: 10 }, (_, i) => i / 10);
  it("gives runs of black frames from their first frame to the next frame, as blackdetect does", () => {
    const dark = [16, 16, 90, 90, 20, 20, 20, 90, 16, 16];
    expect(findBlack({ times, dark }, 10, 0.1, 1)).toEqual([
      { start: 0, end: 0.2 },
      { start: 0.4, end: 0.7 },
      { start: 0.8, end: 1 },
    ]);
    expect(findBlack({ times, dark }, 10, 0.25, 1)).toEqual([{ start: 0.4, end: 0.7 }]);
  });
  it("reads the threshold as a share of video's 16–235 luma, truncated as blackdetect does", () => {
    expect(blackLuma(10)).toBe(37);
    expect(findBlack({ times: [0, 0.5], dark: [37, 38] }, 10, 0, 1)).toEqual([{ start: 0, end: 0.5 }]);
  });
});
