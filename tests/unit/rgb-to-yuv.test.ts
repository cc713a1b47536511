import { describe, expect, it } from "vitest";
import { rgbaToI420 } from "../../src/core/rgb-to-yuv";

const filled = (width: number, height: number, [r, g, b]: readonly number[]) =>
  Uint8Array.from({ length: width * height * 4 }, (_, i) => [r, g, b, 255][i % 4] as number);

describe("RGBA to I420 (BT.709, limited range)", () => {
  it("puts black at 16 and white at 235, grey chroma at 128", () => {
    expect([...rgbaToI420(filled(2, 2, [0, 0, 0]), 2, 2)]).toEqual([16, 16, 16, 16, 128, 128]);
    expect([...rgbaToI420(filled(2, 2, [255, 255, 255]), 2, 2)]).toEqual([235, 235, 235, 235, 128, 128]);
  });

  it("gives BT.709's values for the primaries", () => {
    // Rec. 709 red: Y 63, Cb 102, Cr 240; blue: Y 32, Cb 240, Cr 118.
    expect([...rgbaToI420(filled(2, 2, [255, 0, 0]), 2, 2)].slice(3)).toEqual([63, 102, 240]);
    expect([...rgbaToI420(filled(2, 2, [0, 0, 255]), 2, 2)].slice(3)).toEqual([32, 240, 118]);
  });

  it("keeps each pixel's own luma and averages chroma over 2×2, odd edges included", () => {
    const rgba = new Uint8Array(3 * 1 * 4);
    rgba.set([255, 255, 255, 255, 0, 0, 0, 255, 255, 255, 255, 255]);
    const yuv = rgbaToI420(rgba, 3, 1);
    expect([...yuv.subarray(0, 3)]).toEqual([235, 16, 235]);
    expect(yuv).toHaveLength(3 + 2 * 2);
  });
});
