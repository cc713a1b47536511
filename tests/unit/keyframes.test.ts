import { describe, expect, it } from "vitest";
import { keyframeAtOrBefore, nextKeyframe, previousKeyframe } from "../../src/core/keyframes";

const KEYFRAMES = [0, 2, 4, 6];

describe("keyframes", () => {
  it("finds where a stream copy must start", () => {
    expect(keyframeAtOrBefore(KEYFRAMES, 4.12)).toBe(4);
    expect(keyframeAtOrBefore(KEYFRAMES, 4)).toBe(4);
    expect(keyframeAtOrBefore(KEYFRAMES, 3.9999999)).toBe(4);
    expect(keyframeAtOrBefore(KEYFRAMES, 100)).toBe(6);
  });

  it("never starts after IN, even with no keyframe before it", () => {
    expect(keyframeAtOrBefore([1.5, 3], 1)).toBe(1);
    expect(keyframeAtOrBefore([], 1)).toBe(1);
  });

  it("steps to the previous and next keyframe", () => {
    expect(previousKeyframe(KEYFRAMES, 4)).toBe(2);
    expect(previousKeyframe(KEYFRAMES, 4.5)).toBe(4);
    expect(previousKeyframe(KEYFRAMES, 0)).toBeUndefined();
    expect(nextKeyframe(KEYFRAMES, 4)).toBe(6);
    expect(nextKeyframe(KEYFRAMES, 6)).toBeUndefined();
  });
});
