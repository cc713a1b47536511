/**
 * The target nearest to `time` within `tolerance` seconds, or `time` itself: a dragged edge
 * sticks to the playhead, keyframes and other clips' edges when it comes close.
 */
export function snapTime(time: number, targets: readonly number[], tolerance: number): number {
  let best = time;
  let distance = tolerance;
  for (const target of targets) {
    const d = Math.abs(target - time);
    if (d <= distance) {
      best = target;
      distance = d;
    }
  }
  return best;
}
