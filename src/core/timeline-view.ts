/**
 * The timeline's window on the source: which seconds are visible, how zoom and scroll move it.
 * Pure maths: the component turns fractions into pixels.
 */
export interface TimelineView {
  /** First visible second. */
  start: number;
  /** Seconds visible across the whole width. */
  span: number;
}

/** At the deepest zoom this many frames fill the width, so each frame is wide enough to aim at. */
export const FRAMES_AT_MAX_ZOOM = 12;
/** One +/− press or wheel notch. */
export const ZOOM_STEP = 1.5;

export const fitView = (duration: number): TimelineView => ({ start: 0, span: Math.max(duration, 0) });

/** The narrowest span: a few frames of video (or hundredths of a second of sound), never more than the file. */
export const minSpan = (duration: number, frameSeconds: number): number =>
  Math.min(duration, FRAMES_AT_MAX_ZOOM * frameSeconds);

/** Keeps the view inside the source and within the zoom limits. */
export function clampView(view: TimelineView, duration: number, frameSeconds: number): TimelineView {
  const span = Math.min(Math.max(view.span, minSpan(duration, frameSeconds)), duration);
  const start = Math.min(Math.max(view.start, 0), duration - span);
  return { start, span };
}

/**
 * Zooms by `factor` (above 1: in) keeping `anchor` (a second in the source) where it is on
 * screen, as a wheel zoom under the pointer does.
 */
export function zoomView(view: TimelineView, factor: number, anchor: number, duration: number, frameSeconds: number): TimelineView {
  const span = Math.min(Math.max(view.span / factor, minSpan(duration, frameSeconds)), duration);
  const at = view.span > 0 ? (anchor - view.start) / view.span : 0;
  return clampView({ start: anchor - at * span, span }, duration, frameSeconds);
}

/** Moves the view by `fraction` of its width (negative: back). */
export const scrollView = (view: TimelineView, fraction: number, duration: number, frameSeconds: number): TimelineView =>
  clampView({ start: view.start + fraction * view.span, span: view.span }, duration, frameSeconds);

/** Brings `time` into view a page at a time, so a playing playhead never leaves the timeline. */
export function followTime(view: TimelineView, time: number, duration: number, frameSeconds: number): TimelineView {
  if (time >= view.start && time <= view.start + view.span) return view;
  return clampView({ start: time < view.start ? time - view.span : time, span: view.span }, duration, frameSeconds);
}

/** Where `time` is across the view: 0 its left edge, 1 its right one (outside for times out of view). */
export const fractionAt = (view: TimelineView, time: number): number => (view.span > 0 ? (time - view.start) / view.span : 0);

export const timeAt = (view: TimelineView, fraction: number): number => view.start + fraction * view.span;

/** Whether the view is zoomed in (anything narrower than the whole source). */
export const isZoomed = (view: TimelineView, duration: number): boolean => view.span < duration - 1e-9;

/**
 * The keyframes to draw as ticks in a view `widthPx` wide: all of them in view once they stand at
 * least `minGapPx` apart on average, none while they would smear into a bar.
 */
export function visibleKeyframes(keyframes: readonly number[], view: TimelineView, widthPx: number, minGapPx = 6): number[] {
  const end = view.start + view.span;
  const inView = keyframes.filter((k) => k >= view.start && k <= end);
  if (inView.length === 0 || widthPx <= 0) return [];
  return widthPx / inView.length >= minGapPx ? inView : [];
}

const NICE_STEPS = [0.001, 0.01, 0.1, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/** Ruler marks: the smallest round step that keeps marks at least `minGapPx` apart. */
export function rulerMarks(view: TimelineView, widthPx: number, minGapPx = 90): number[] {
  if (view.span <= 0 || widthPx <= 0) return [];
  const wanted = (view.span * minGapPx) / widthPx;
  const step = NICE_STEPS.find((s) => s >= wanted) ?? Math.ceil(wanted / 3600) * 3600;
  const marks: number[] = [];
  for (let i = Math.ceil(view.start / step); i * step <= view.start + view.span + 1e-9; i++) marks.push(i * step);
  return marks;
}
