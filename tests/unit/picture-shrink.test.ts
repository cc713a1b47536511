import { describe, expect, it } from "vitest";
import { shrinkPicture, type RgbaPicture } from "../../src/core/picture-shrink";

/** A picture whose pixel (x, y) has red = x, green = y: where each output pixel came from shows. */
function ramp(width: number, height: number): RgbaPicture {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set([x, y, 0, 255], (y * width + x) * 4);
  return { data, width, height };
}

const pixel = (data: Uint8ClampedArray, width: number, x: number, y: number) => Array.from(data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4));

describe("shrinkPicture", () => {
  it("gives each output pixel the mean of the block under it", () => {
    // 8×4 to 2×1: the left half's red averages 0…3 (1.5), its green 0…3 (1.5).
    const out = shrinkPicture(ramp(8, 4), 0, 2, 1);
    expect(pixel(out, 2, 0, 0)).toEqual([2, 2, 0, 255]);
    expect(pixel(out, 2, 1, 0)).toEqual([6, 2, 0, 255]);
  });

  it("keeps a picture at its own size as it is", () => {
    const source = ramp(6, 3);
    expect(Array.from(shrinkPicture(source, 0, 6, 3))).toEqual(Array.from(source.data));
  });

  it("turns the picture clockwise as its rotation says", () => {
    const source = ramp(4, 2); // 4 wide, 2 high
    const quarter = shrinkPicture(source, 90, 2, 4);
    // Turned a quarter clockwise, the source's bottom-left corner (0, 1) is shown top-left, its top-left top-right.
    expect(pixel(quarter, 2, 0, 0)).toEqual([0, 1, 0, 255]);
    expect(pixel(quarter, 2, 1, 0)).toEqual([0, 0, 0, 255]);
    expect(pixel(quarter, 2, 1, 3)).toEqual([3, 0, 0, 255]);
    const half = shrinkPicture(source, 180, 4, 2);
    expect(pixel(half, 4, 0, 0)).toEqual([3, 1, 0, 255]);
    const three = shrinkPicture(source, 270, 2, 4);
    // A three-quarter turn shows the source's top-right corner (3, 0) top-left.
    expect(pixel(three, 2, 0, 0)).toEqual([3, 0, 0, 255]);
    expect(pixel(three, 2, 1, 3)).toEqual([0, 1, 0, 255]);
  });
});
