import { rationalValue, type Rational } from "./rational";
import { countBelow } from "./sorted-search";

// Container clocks round (Matroska counts whole milliseconds: 29.97 fps steps 33, 33, 34 ms);
// a frame this far from the typical step means the rate really varies.
const JITTER = 0.002;
const EPSILON = 1e-6;

/** Frame starts, sorted: the ones given when the steps between them vary, else null. */
export function variableFrameTimes(times: ArrayLike<number>): number[] | null {
  // Typed arrays sort numerically without a comparator: a 6-hour source's 650,000 frames in milliseconds.
  const sorted = Float64Array.from(times).sort();
  const steps = sorted.subarray(1).map((t, i) => t - (sorted[i] as number));
  if (steps.length < 2) return null;
  const typical = Float64Array.from(steps).sort()[Math.floor(steps.length / 2)] as number;
  return steps.some((s) => Math.abs(s - typical) > Math.max(JITTER, typical * 0.1)) ? Array.from(sorted) : null;
}

/** A rate as people say it: 25, 29.97 (30000/1001), 23.976, 12.5: at most three decimals, no trailing zeros. */
export const rateName = (rate: Rational): string => `${Number(rationalValue(rate).toFixed(3))}`;

/** The frame rate for people: `25 fps`, `29.97 fps`, or `variable (about 20 fps)`. */
export function frameRateLabel(rate: Rational, frameTimes: readonly number[] | undefined): string {
  if (!frameTimes || frameTimes.length < 2) return `${rateName(rate)} fps`;
  const span = (frameTimes.at(-1) as number) - (frameTimes[0] as number);
  return `variable (about ${Math.round((frameTimes.length - 1) / span)} fps)`;
}

/** Index of the frame on screen at `seconds`: the last one starting at or before it (0 before the first). */
export function frameAtTime(frameTimes: readonly number[], seconds: number): number {
  return Math.max(0, countBelow(frameTimes, seconds + EPSILON, true) - 1);
}

/** The start of the frame `count` frames away from the one on screen, clamped to the first and last. */
export function stepFrameTimes(frameTimes: readonly number[], seconds: number, count: number): number {
  const index = Math.min(Math.max(frameAtTime(frameTimes, seconds) + count, 0), frameTimes.length - 1);
  return frameTimes[index] ?? seconds;
}
