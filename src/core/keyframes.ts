const EPSILON = 1e-6;

/**
 * The last keyframe at or before `time`: where a stream copy of a clip starting at `time` must
 * start. With none known there, `time` itself.
 */
export function keyframeAtOrBefore(keyframes: readonly number[], time: number): number {
  return keyframes.filter((k) => k <= time + EPSILON).at(-1) ?? time;
}

export function previousKeyframe(keyframes: readonly number[], time: number): number | undefined {
  return keyframes.filter((k) => k < time - EPSILON).at(-1);
}

export function nextKeyframe(keyframes: readonly number[], time: number): number | undefined {
  return keyframes.find((k) => k > time + EPSILON);
}
