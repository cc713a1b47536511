import type { Span } from "./clips";
import { rationalValue, type Rational } from "./rational";

// Times computed as n / fps land a hair off the frame's true start; this absorbs that.
const EPSILON = 1e-6;

/** Index of the frame shown at `seconds` (constant frame rate). */
export const frameIndexAt = (seconds: number, rate: Rational): number =>
  Math.floor(seconds * rationalValue(rate) + EPSILON);

export const frameStart = (index: number, rate: Rational): number => (index * rate.den) / rate.num;

/** Start of the frame shown at `seconds`: where a mark made while watching belongs. */
export const snapToFrame = (seconds: number, rate: Rational): number =>
  frameStart(frameIndexAt(seconds, rate), rate);

/** The frame `count` frames away from the one shown at `seconds`, clamped at 0. */
export const stepFrames = (seconds: number, count: number, rate: Rational): number =>
  frameStart(Math.max(0, frameIndexAt(seconds, rate) + count), rate);

/**
 * The one frame model every output shares. A time stands for the frame boundary nearest to it,
 * so a clip is the frames `round(IN·fps)` up to, not including, `round(OUT·fps)`.
 */
export interface FrameRange {
  /** First frame of the clip. */
  first: number;
  /** The frame after the clip's last one. */
  end: number;
}

/** The frame boundary nearest to `seconds` at a constant rate. */
export const nearestFrame = (seconds: number, rate: Rational): number =>
  Math.round((seconds * rate.num) / rate.den);

/** The source frames a clip stands for (constant frame rate). */
export const spanFrames = (span: Span, rate: Rational): FrameRange => ({
  first: nearestFrame(span.start, rate),
  end: nearestFrame(span.end, rate),
});

export const rangeLength = (range: FrameRange): number => Math.max(0, range.end - range.first);

/** Where a frame range starts and ends in seconds, at a constant rate. */
export const rangeSpan = (range: FrameRange, rate: Rational): Span => ({
  start: frameStart(range.first, rate),
  end: frameStart(range.end, rate),
});

/**
 * The boundary nearest to `seconds` among `boundaries` (ascending: every frame's start, then the
 * last frame's end), as an index into them: the same model for a variable frame rate.
 */
export function nearestBoundary(boundaries: readonly number[], seconds: number): number {
  let low = 0;
  let high = boundaries.length - 1;
  if (high < 0) return 0;
  // The last boundary at or before `seconds`, by bisection.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if ((boundaries[mid] as number) <= seconds) low = mid;
    else high = mid - 1;
  }
  const below = boundaries[low] as number;
  const above = boundaries[low + 1];
  if (below > seconds) return 0;
  return above !== undefined && above - seconds <= seconds - below ? low + 1 : low;
}

/** How long a range's frames last at a constant rate. */
export const rangeDuration = (range: FrameRange, rate: Rational): number => frameStart(rangeLength(range), rate);

/** Indices of the spans that stand for no frame at all (IN and OUT nearest the same boundary). */
export const frameless = (spans: readonly Span[], rate: Rational): number[] =>
  spans.flatMap((span, i) => (rangeLength(spanFrames(span, rate)) === 0 ? [i] : []));
