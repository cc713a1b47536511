import { describe, expect, it } from "vitest";
import { framelessMessage } from "../../src/media/export-job";

describe("framelessMessage", () => {
  it("names one clip, a few, or the first five of many and counts the rest", () => {
    expect(framelessMessage([2])).toBe("Clip 3 is shorter than one frame: make it longer or delete it");
    expect(framelessMessage([0, 4])).toBe("Clips 1, 5 are shorter than one frame: make them longer or delete them");
    const many = Array.from({ length: 9_996 }, (_, i) => i);
    expect(framelessMessage(many)).toBe(
      "Clips 1, 2, 3, 4, 5 and 9,991 others are shorter than one frame: make them longer or delete them",
    );
  });
});
