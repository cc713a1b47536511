import { isObject } from "./json";

/**
 * A project as stored before schema 4, or backed up before backup version 3, made the shape it has
 * now: its one `media` (and `info`) the one source, every clip and every clip of its undo and redo
 * naming it. What else it holds is kept as it was (checkProject judges it); a project that has
 * `sources` already is given back as it is.
 */
export function withSources(v: unknown): unknown {
  if (!isObject(v) || v.sources !== undefined || !isObject(v.media)) return v;
  const { media, info, ...rest } = v;
  // The one file's fingerprint was its key before, and is unique among a project's sources now.
  const id = media.fingerprint;
  const named = (clip: unknown) => (isObject(clip) && clip.source === undefined ? { ...clip, source: id } : clip);
  const list = (clips: unknown) => (Array.isArray(clips) ? clips.map(named) : clips);
  // A step is a change ({at, removed, inserted}), or before version 2 a whole list.
  const step = (s: unknown) =>
    Array.isArray(s) ? s.map(named) : isObject(s) ? { ...s, removed: list(s.removed), inserted: list(s.inserted) } : s;
  const steps = (history: unknown) => (Array.isArray(history) ? history.map(step) : history);
  return {
    ...rest,
    sources: [{ id, media, ...(info !== undefined && { info }) }],
    clips: list(rest.clips),
    ...(rest.undo !== undefined && { undo: steps(rest.undo) }),
    ...(rest.redo !== undefined && { redo: steps(rest.redo) }),
  };
}
