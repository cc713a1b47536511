import { rangeDuration, spanFrames } from "./frames";
import type { Rational } from "./rational";
import { fail, ok, type Result } from "./result";
import { formatTimecode, parseTime } from "./timecode";

/** One kept part of the source. List order is output order; clips may overlap or go back in time. */
export interface Clip {
  id: number;
  start: number;
  end: number;
  label: string;
}

export type ClipField = "start" | "end";

/** The same clip in value: how clips read from storage, which are never the page's own objects, compare. */
export const sameClip = (a: Clip, b: Clip): boolean =>
  a.id === b.id && a.start === b.start && a.end === b.end && a.label === b.label;

export function checkRange(start: number, end: number, duration: number): Result<{ start: number; end: number }> {
  if (start < 0) return fail(`IN ${formatTimecode(start)} is before the start of the source`);
  if (end > duration) return fail(`OUT ${formatTimecode(end)} is after the end of the source (${formatTimecode(duration)})`);
  if (end <= start) return fail(`OUT ${formatTimecode(end)} must be after IN ${formatTimecode(start)}`);
  return ok({ start, end });
}

const nextId = (clips: readonly Clip[]): number => clips.reduce((max, c) => Math.max(max, c.id), 0) + 1;

export function addClip(clips: readonly Clip[], start: number, end: number, duration: number, label = ""): Result<Clip[]> {
  const range = checkRange(start, end, duration);
  if (!range.ok) return range;
  return ok([...clips, { id: nextId(clips), ...range.value, label }]);
}

/** Sets IN or OUT from typed text; a refused edit leaves the list as it was. */
export function setClipTime(
  clips: readonly Clip[],
  id: number,
  field: ClipField,
  text: string,
  duration: number,
): Result<Clip[]> {
  const clip = clips.find((c) => c.id === id);
  if (!clip) return fail("that clip is gone");
  const time = parseTime(text);
  if (!time.ok) return time;
  const edited = { ...clip, [field]: time.value };
  const range = checkRange(edited.start, edited.end, duration);
  if (!range.ok) return range;
  return ok(clips.map((c) => (c.id === id ? edited : c)));
}

export const setClipLabel = (clips: readonly Clip[], id: number, label: string): Clip[] =>
  clips.map((c) => (c.id === id ? { ...c, label } : c));

export const removeClip = (clips: readonly Clip[], id: number): Clip[] => clips.filter((c) => c.id !== id);

/** Moves a clip `offset` places (negative: up); a move past either end changes nothing. */
export function moveClip(clips: readonly Clip[], id: number, offset: number): Clip[] {
  const from = clips.findIndex((c) => c.id === id);
  const to = from + offset;
  if (from < 0 || to < 0 || to >= clips.length) return [...clips];
  const moved = [...clips];
  const [clip] = moved.splice(from, 1);
  moved.splice(to, 0, clip as Clip);
  return moved;
}

/** Anything that runs from a start to an end in seconds: a clip, an imported entry, a planned cut. */
export interface Span {
  start: number;
  end: number;
}

/**
 * How long a span lasts once cut: its whole frames (spanFrames) when a video's `rate` is given,
 * else its seconds as given (audio).
 */
export const clipDuration = (span: Span, rate?: Rational): number =>
  rate ? rangeDuration(spanFrames(span, rate), rate) : span.end - span.start;

export const totalDuration = (spans: readonly Span[], rate?: Rational): number =>
  spans.reduce((total, span) => total + clipDuration(span, rate), 0);
