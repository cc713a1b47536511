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

/** Number of frames whose start lies in [from, to). */
export function framesBetween(from: number, to: number, rate: Rational): number {
  const firstAtOrAfter = (t: number) => Math.ceil(t * rationalValue(rate) - EPSILON);
  return Math.max(0, firstAtOrAfter(to) - firstAtOrAfter(from));
}

/** The frame `count` frames away from the one shown at `seconds`, clamped at 0. */
export const stepFrames = (seconds: number, count: number, rate: Rational): number =>
  frameStart(Math.max(0, frameIndexAt(seconds, rate) + count), rate);
