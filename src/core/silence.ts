import type { Span } from "./clips";

/** A stretch of the source quieter than the threshold, in page seconds (from the first frame). */
export type Pause = Span;

/** The sound's level, in dBFS, over windows of `1 / perSecond` s each, from time 0. */
export interface Levels {
  perSecond: number;
  db: ArrayLike<number>;
}

/** Silence is measured over windows this long (5 ms): a pause's edges land within one, well inside an AAC frame (21.3 ms). */
export const LEVELS_PER_SECOND = 200;

/**
 * Folds decoded sound into `peaks` (one a window of 1/LEVELS_PER_SECOND s, linear, 0 to 1):
 * `channels` hold the samples from page time `start` on; a window is as loud as its loudest
 * sample on any channel, so a pause ends at the first window that holds any sound.
 */
export function addLevels(peaks: Float32Array, channels: readonly Float32Array[], sampleRate: number, start: number): void {
  const length = channels[0]?.length ?? 0;
  for (let i = 0; i < length; i++) {
    const window = Math.floor((start + i / sampleRate) * LEVELS_PER_SECOND);
    if (window < 0 || window >= peaks.length) continue;
    for (const channel of channels) peaks[window] = Math.max(peaks[window] as number, Math.abs(channel[i] as number));
  }
}

/** Linear peaks as levels in dBFS (digital silence is -Infinity, below any threshold). */
export const levelsOf = (peaks: Float32Array): Levels => ({
  perSecond: LEVELS_PER_SECOND,
  db: Array.from(peaks, (peak) => 20 * Math.log10(peak)),
});

/**
 * The pauses: runs of windows below `thresholdDb` (a window exactly at it counts as sound) that
 * last at least `minLength` s, clamped to `duration`. A pause may start at 0 or end at the end.
 */
export function findPauses(levels: Levels, thresholdDb: number, minLength: number, duration: number): Pause[] {
  const pauses: Pause[] = [];
  const at = (window: number) => Math.min(duration, window / levels.perSecond);
  let from = -1;
  const close = (window: number) => {
    const pause = { start: at(from), end: at(window) };
    // A nanosecond's slack: window edges as fractions of a second are not exact in binary.
    if (pause.end - pause.start >= minLength - 1e-9 && pause.end > pause.start) pauses.push(pause);
    from = -1;
  };
  for (let w = 0; w < levels.db.length; w++) {
    const quiet = (levels.db[w] as number) < thresholdDb;
    if (quiet && from < 0) from = w;
    else if (!quiet && from >= 0) close(w);
  }
  if (from >= 0) close(levels.db.length);
  return pauses;
}
