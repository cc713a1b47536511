import type { Span } from "./clips";
import { countBelow } from "./sorted-search";

// Frame times come from container timescales: this absorbs their float noise.
const EPSILON = 1e-6;

/** How many output frames `step` apart a clip of `span` (source time) fills: its length on the output's grid. */
export const gridCount = (span: Span, step: number): number => Math.max(0, Math.round((span.end - span.start) / step));

/**
 * For each of `count` output frames, `step` apart from `start` (source time), the index into
 * `times` (a source's frame times, ascending) of the frame on screen at that instant: the last one
 * at or before it. At the source's own rate that is every frame once; at another, the nearest
 * earlier frame, so a faster source drops frames and a slower one repeats them, never out of order.
 */
export function gridFrames(times: readonly number[], start: number, step: number, count: number): number[] {
  const shown: number[] = [];
  let index = Math.max(0, countBelow(times, start + EPSILON, true) - 1);
  for (let k = 0; k < count; k++) {
    const at = start + k * step + EPSILON;
    while (index + 1 < times.length && (times[index + 1] as number) <= at) index++;
    shown.push(index);
  }
  return shown;
}

/**
 * Audio frames at `rate` from output time `start` to `end`: each bound rounded on its own, so clips
 * laid end to end add up to the whole length exactly, and a clip without sound gets as much silence.
 */
export const soundFrames = (start: number, end: number, rate: number): number => Math.max(0, Math.round(end * rate) - Math.round(start * rate));
