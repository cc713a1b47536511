import type { Span } from "./clips";
import { frameAtTime, stepFrameTimes } from "./frame-times";
import { firstVideo, type MediaInfo } from "./media-info";
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
 * Frames a clip stands for. A time stands for the frame boundary nearest to it, so at a constant
 * rate a clip is the frames `round(IN·fps)` up to, not including, `round(OUT·fps)`.
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

/** The source frames a span stands for: from the boundary nearest IN to the one nearest OUT. */
export function spanFrames(span: Span, frames: Frames): FrameRange {
  const model = modelOf(frames);
  return { first: model.nearest(span.start), end: model.nearest(span.end) };
}

export const rangeLength = (range: FrameRange): number => Math.max(0, range.end - range.first);

/** Where a frame range starts and ends in seconds. */
export function rangeSpan(range: FrameRange, frames: Frames): Span {
  const model = modelOf(frames);
  return { start: model.time(range.first), end: model.time(range.end) };
}

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

/** How long a range's frames last. */
export const rangeDuration = (range: FrameRange, frames: Frames): number => modelOf(frames).duration(range);

/** Indices of the spans that stand for no frame at all (IN and OUT nearest the same boundary). */
export function frameless(spans: readonly Span[], frames: Frames): number[] {
  const model = modelOf(frames);
  return spans.flatMap((span, i) => (rangeLength(spanFrames(span, model)) === 0 ? [i] : []));
}

/**
 * A source's frames, the one model every count and every output uses. Boundary `i` is where
 * frame `i` starts, and the last one where the last frame ends; a time stands for the boundary
 * nearest to it. A constant rate computes the boundaries, a variable one lists them.
 */
export interface FrameModel {
  /** Whether the frames' own times are listed (a variable rate). */
  readonly variable: boolean;
  /** The boundary nearest to `seconds`. */
  nearest(seconds: number): number;
  /** Where boundary `index` lies, in seconds. */
  time(index: number): number;
  /** How long the frames of `range` last. */
  duration(range: FrameRange): number;
  /** Half the length of the frame that ends at boundary `index` (the first frame's, at 0). */
  halfFrame(index: number): number;
  /** Index of the frame on screen at `seconds`. */
  frameAt(seconds: number): number;
  /** The start of the frame on screen at `seconds`: where a mark made while watching belongs. */
  snap(seconds: number): number;
  /** The start of the frame `count` frames from the one on screen at `seconds`. */
  step(seconds: number, count: number): number;
}

/** A constant rate: exactly the seed's frame arithmetic (above). */
export const constantFrames = (rate: Rational): FrameModel => ({
  variable: false,
  nearest: (seconds) => nearestFrame(seconds, rate),
  time: (index) => frameStart(index, rate),
  duration: (range) => frameStart(rangeLength(range), rate),
  halfFrame: () => frameStart(0.5, rate),
  frameAt: (seconds) => frameIndexAt(seconds, rate),
  snap: (seconds) => snapToFrame(seconds, rate),
  step: (seconds, count) => stepFrames(seconds, count, rate),
});

/**
 * A variable rate: `starts` are every frame's start, ascending, and the last frame is taken to
 * last as long as the one before it (the probe lists starts only), but never past `end`, where
 * the source ends: muxers often write the last sample shorter, and a clip marked to the end
 * (OUT = the duration) must stand for the boundary after the last frame.
 * Lookups are bisections, so a 6-hour source's million frames cost nothing per count.
 */
export function variableFrames(starts: readonly number[], end = Infinity): FrameModel {
  const last = starts.length - 1;
  const lastStart = starts[last] ?? 0;
  const lastStep = last > 0 ? lastStart - (starts[last - 1] as number) : 0;
  const ends = endOfLast(lastStart, lastStart + lastStep, end);
  const boundaries = starts.concat(ends);
  const time = (index: number) => boundaries[Math.min(Math.max(index, 0), boundaries.length - 1)] as number;
  // At the last frame's end (the playhead sent to the end) no frame is on screen, as at a constant
  // rate: a mark made there is the end itself, so OUT there keeps the last frame.
  const past = (seconds: number) => ends > lastStart && seconds >= ends - EPSILON;
  return {
    variable: true,
    nearest: (seconds) => nearestBoundary(boundaries, seconds),
    time,
    duration: (range) => Math.max(0, time(range.end) - time(range.first)),
    halfFrame: (index) => (index > 0 ? time(index) - time(index - 1) : time(1) - time(0)) / 2,
    frameAt: (seconds) => (past(seconds) ? starts.length : frameAtTime(starts, seconds)),
    snap: (seconds) => (past(seconds) ? ends : stepFrameTimes(starts, seconds, 0)),
    step: (seconds, count) => stepFrameTimes(starts, seconds, count),
  };
}

/** Where the last frame ends: where its own length takes it, unless the source ends before (and after its start). */
export const endOfLast = (lastStart: number, ownEnd: number, sourceEnd: number): number =>
  sourceEnd > lastStart + EPSILON ? Math.min(ownEnd, sourceEnd) : ownEnd;

// Built once per probed source: a page redrawn, a list counted, an export planned all share it.
const models = new WeakMap<MediaInfo, FrameModel | null>();

/** The frame model of a source's first video stream; undefined for sound alone. */
export function videoFrames(info: MediaInfo): FrameModel | undefined {
  let model = models.get(info);
  if (model === undefined) {
    const rate = firstVideo(info)?.frameRate;
    model = !rate ? null : info.frameTimes && info.frameTimes.length > 1 ? variableFrames(info.frameTimes, info.duration) : constantFrames(rate);
    models.set(info, model);
  }
  return model ?? undefined;
}

/** A source's frames, or a constant rate standing for them (edit lists, tests). */
export type Frames = FrameModel | Rational;

export const modelOf = (frames: Frames): FrameModel => ("num" in frames ? constantFrames(frames) : frames);

/**
 * A span as a list counting frames at the nominal rate `rate` gives it (EDL, Shotcut, OpenShot):
 * the model's boundary times, each at the nominal frame nearest it. Those tools turn a frame
 * number back into a time (number / fps) and seek there, so the cut lands on the same instants
 * as the MP4's; at a constant rate these are the model's frames themselves.
 */
export function nominalRange(frames: Frames, rate: Rational, span: Span): FrameRange {
  const model = modelOf(frames);
  const range = spanFrames(span, model);
  return { first: nearestFrame(model.time(range.first), rate), end: nearestFrame(model.time(range.end), rate) };
}
