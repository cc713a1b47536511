import { countBelow } from "./sorted-search";

const EPSILON = 1e-6;

/**
 * The last keyframe at or before `time`: where a stream copy of a clip starting at `time` must
 * start. With none known there, `time` itself. `keyframes` are ascending, as the probe gives them.
 */
export function keyframeAtOrBefore(keyframes: readonly number[], time: number): number {
  return keyframes[countBelow(keyframes, time + EPSILON, true) - 1] ?? time;
}

export function previousKeyframe(keyframes: readonly number[], time: number): number | undefined {
  return keyframes[countBelow(keyframes, time - EPSILON, false) - 1];
}

export function nextKeyframe(keyframes: readonly number[], time: number): number | undefined {
  return keyframes[countBelow(keyframes, time + EPSILON, true)];
}
