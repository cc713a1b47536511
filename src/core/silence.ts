/** A stretch of the source quieter than the threshold, in page seconds (from the first frame). */
export interface Pause {
  start: number;
  end: number;
}

/** The sound's level, in dBFS, over windows of `1 / perSecond` s each, from time 0. */
export interface Levels {
  perSecond: number;
  db: ArrayLike<number>;
}

/** The level of full silence: below any threshold a person would pick. */
export const SILENT_DB = -Infinity;

/**
 * The loudest sample of each window of `size` samples (the last window may be shorter), in dBFS,
 * across all channels: a window is as loud as its loudest moment, so a pause ends at the first
 * window that holds any sound.
 */
export function windowPeaks(channels: readonly Float32Array[], size: number): Float64Array {
  const length = channels[0]?.length ?? 0;
  const out = new Float64Array(Math.ceil(length / size));
  for (let w = 0; w < out.length; w++) {
    let peak = 0;
    const end = Math.min(length, (w + 1) * size);
    for (const samples of channels) for (let i = w * size; i < end; i++) peak = Math.max(peak, Math.abs(samples[i] ?? 0));
    out[w] = peak > 0 ? 20 * Math.log10(peak) : SILENT_DB;
  }
  return out;
}

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
    const quiet = (levels.db[w] ?? SILENT_DB) < thresholdDb;
    if (quiet && from < 0) from = w;
    else if (!quiet && from >= 0) close(w);
  }
  if (from >= 0) close(levels.db.length);
  return pauses;
}

/** The parts with sound: `[0, duration]` less the pauses (which are ascending and apart). */
export function soundParts(pauses: readonly Pause[], duration: number): Pause[] {
  const parts: Pause[] = [];
  let from = 0;
  for (const pause of pauses) {
    if (pause.start > from) parts.push({ start: from, end: pause.start });
    from = Math.max(from, pause.end);
  }
  if (duration > from) parts.push({ start: from, end: duration });
  return parts;
}

/** `span` with the pauses cut out: the pieces of it that have sound (for Split at pauses). */
export function withoutPauses(span: Pause, pauses: readonly Pause[]): Pause[] {
  const inside = pauses
    .filter((p) => p.end > span.start && p.start < span.end)
    .map((p) => ({ start: Math.max(p.start, span.start) - span.start, end: Math.min(p.end, span.end) - span.start }));
  return soundParts(inside, span.end - span.start).map((p) => ({ start: p.start + span.start, end: p.end + span.start }));
}
