import type { ClipColour } from "./clip-colours";
import { moveItem } from "./list-move";
import { modelOf, rangeDuration, spanFrames, type Frames } from "./frames";
import { fail, ok, type Result } from "./result";
import { formatTimecode, parseTime } from "./timecode";

/** One kept part of a source. List order is output order; clips may overlap or go back in time. */
export interface Clip {
  id: number;
  /** The id of the project's source it is cut from. */
  source: string;
  start: number;
  end: number;
  label: string;
  /** Absent: coloured by its place in the list. Kept by split (both parts), merge (the first's), move. */
  colour?: ClipColour;
}

export type ClipField = "start" | "end";

/** The same clip in value: how clips read from storage, which are never the page's own objects, compare. */
export const sameClip = (a: Clip, b: Clip): boolean =>
  a.id === b.id && a.source === b.source && a.start === b.start && a.end === b.end && a.label === b.label && a.colour === b.colour;

export function checkRange(start: number, end: number, duration: number): Result<{ start: number; end: number }> {
  if (start < 0) return fail(`IN ${formatTimecode(start)} is before the start of the source`);
  if (end > duration) return fail(`OUT ${formatTimecode(end)} is after the end of the source (${formatTimecode(duration)})`);
  if (end <= start) return fail(`OUT ${formatTimecode(end)} must be after IN ${formatTimecode(start)}`);
  return ok({ start, end });
}

const nextId = (clips: readonly Clip[]): number => clips.reduce((max, c) => Math.max(max, c.id), 0) + 1;

/** A clip of `source` (a duration's worth long) at the end of the list. */
export function addClip(
  clips: readonly Clip[],
  source: string,
  start: number,
  end: number,
  duration: number,
  label = "",
): Result<Clip[]> {
  const range = checkRange(start, end, duration);
  if (!range.ok) return range;
  return ok([...clips, { id: nextId(clips), source, ...range.value, label }]);
}

/** Sets a clip's IN or OUT to `time` (the playhead, a dragged edge); a refused edit leaves the list as it was. */
export function setClipBound(clips: readonly Clip[], id: number, field: ClipField, time: number, duration: number): Result<Clip[]> {
  const clip = clips.find((c) => c.id === id);
  if (!clip) return fail("that clip is gone");
  const edited = { ...clip, [field]: time };
  const range = checkRange(edited.start, edited.end, duration);
  if (!range.ok) return range;
  return ok(clips.map((c) => (c.id === id ? edited : c)));
}

/** Sets IN or OUT from typed text; a refused edit leaves the list as it was. */
export function setClipTime(
  clips: readonly Clip[],
  id: number,
  field: ClipField,
  text: string,
  duration: number,
): Result<Clip[]> {
  const time = parseTime(text);
  return time.ok ? setClipBound(clips, id, field, time.value, duration) : time;
}

/** The clip the playhead is in: `preferred` if it is one of them, else the first in list order. */
export function clipAt(clips: readonly Clip[], time: number, preferred: number | null = null): Clip | undefined {
  const within = (c: Clip) => c.start < time && time < c.end;
  return clips.find((c) => c.id === preferred && within(c)) ?? clips.find(within);
}

/** Splits a clip in two at `time`: the first part keeps its id, the second follows it in the list with a new one. */
export function splitClip(clips: readonly Clip[], id: number, time: number): Result<Clip[]> {
  const at = clips.findIndex((c) => c.id === id);
  const clip = clips[at];
  if (!clip) return fail("that clip is gone");
  if (!(clip.start < time && time < clip.end)) {
    return fail(`${formatTimecode(time)} is not inside clip ${at + 1} (${formatTimecode(clip.start)}–${formatTimecode(clip.end)})`);
  }
  const parts = [{ ...clip, end: time }, { ...clip, id: nextId(clips), start: time }];
  return ok([...clips.slice(0, at), ...parts, ...clips.slice(at + 1)]);
}

/** Joins a clip and the one after it in the list into one, where they touch or overlap in the source. */
export function mergeWithNext(clips: readonly Clip[], id: number): Result<Clip[]> {
  const at = clips.findIndex((c) => c.id === id);
  const [first, second] = [clips[at], clips[at + 1]];
  if (!first) return fail("that clip is gone");
  if (!second) return fail(`clip ${at + 1} is the last: there is no next clip to merge it with`);
  const [earlier, later] = first.start <= second.start ? [first, second] : [second, first];
  if (later.start > earlier.end) {
    return fail(
      `clips ${at + 1} and ${at + 2} do not meet (${formatTimecode(earlier.end)} to ${formatTimecode(later.start)} lies between them): ` +
        "only clips that touch or overlap merge",
    );
  }
  // A split clip merged back keeps its one label; two labels are both kept.
  const label = [...new Set([first.label, second.label])].filter((l) => l !== "").join(" / ");
  const merged = { ...first, start: earlier.start, end: Math.max(first.end, second.end), label };
  return ok([...clips.slice(0, at), merged, ...clips.slice(at + 2)]);
}

export const setClipLabel = (clips: readonly Clip[], id: number, label: string): Clip[] =>
  clips.map((c) => (c.id === id ? { ...c, label } : c));

/** Gives a clip a colour, or none (`undefined`); the same colour again changes nothing, so it is no undo step. */
export const setClipColour = (clips: readonly Clip[], id: number, colour: ClipColour | undefined): Clip[] =>
  clips.map((c) => (c.id === id && c.colour !== colour ? withColour(c, colour) : c));

// No colour is no field at all, as in clips made before colours: one way to be uncoloured.
const withColour = ({ colour: _old, ...clip }: Clip, colour: ClipColour | undefined): Clip => (colour ? { ...clip, colour } : clip);

export function removeClip(clips: readonly Clip[], id: number): Clip[] {
  // A copy and a splice: filtering would grow the copy of a long list clip by clip.
  const kept = clips.slice();
  const at = kept.findIndex((c) => c.id === id);
  if (at >= 0) kept.splice(at, 1);
  return kept;
}

/** Moves a clip to place `to` of the list (from 0, as the list will be); a place past either end changes nothing. */
export const moveClipTo = (clips: readonly Clip[], id: number, to: number): Clip[] =>
  moveItem(clips, clips.findIndex((c) => c.id === id), to);

/** Moves a clip `offset` places (negative: up); a move past either end changes nothing. */
export const moveClip = (clips: readonly Clip[], id: number, offset: number): Clip[] =>
  moveClipTo(clips, id, clips.findIndex((c) => c.id === id) + offset);

/** Anything that runs from a start to an end in seconds: a clip, an imported entry, a planned cut. */
export interface Span {
  start: number;
  end: number;
}

/**
 * How long a span lasts once cut: its whole frames (spanFrames) when the video's `frames` are
 * given, else its seconds as given (audio).
 */
export const clipDuration = (span: Span, frames?: Frames): number =>
  frames ? rangeDuration(spanFrames(span, frames), frames) : span.end - span.start;

/** Where the playhead goes for a clip: its first frame's start (not IN itself, which may fall inside the frame before). */
export function clipEntry(clip: Span, frames?: Frames): number {
  if (!frames) return clip.start;
  const model = modelOf(frames);
  return model.time(model.nearest(clip.start));
}

export function totalDuration(spans: readonly Span[], frames?: Frames): number {
  const model = frames && modelOf(frames);
  return spans.reduce((total, span) => total + clipDuration(span, model), 0);
}
