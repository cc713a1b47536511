import { checkRange, type Clip, type ClipField } from "./clips";
import { fail, ok, type Result } from "./result";

/** Sets IN or OUT to a time in seconds (a dragged or stepped edge); a refused edit leaves the list as it was. */
export function setClipBound(
  clips: readonly Clip[],
  id: number,
  field: ClipField,
  seconds: number,
  duration: number,
): Result<Clip[]> {
  const clip = clips.find((c) => c.id === id);
  if (!clip) return fail("that clip is gone");
  if (!Number.isFinite(seconds)) return fail("that time is not a number");
  const edited = { ...clip, [field]: seconds };
  const range = checkRange(edited.start, edited.end, duration);
  if (!range.ok) return range;
  return ok(clips.map((c) => (c.id === id ? edited : c)));
}

/** Cuts the clip in two at `time` (strictly inside it); both halves keep its label, the second right after it. */
export function splitClip(clips: readonly Clip[], id: number, time: number): Result<Clip[]> {
  const at = clips.findIndex((c) => c.id === id);
  const clip = clips[at];
  if (!clip) return fail("that clip is gone");
  if (time <= clip.start || time >= clip.end) return fail("Move the playhead inside the clip to split it");
  const nextId = clips.reduce((max, c) => Math.max(max, c.id), 0) + 1;
  const split = [...clips];
  split.splice(at, 1, { ...clip, end: time }, { ...clip, id: nextId, start: time });
  return ok(split);
}

/** The clip under `time`: the last in list order that covers it, as the topmost drawn. */
export const clipAt = (clips: readonly Clip[], time: number): Clip | undefined =>
  [...clips].reverse().find((c) => time > c.start && time < c.end);
