import { concatBytes } from "./bytes";
import type { EditEntry } from "./packet-cut";

/**
 * Writes edit lists into a finished MP4's movie box (`moov`). A lossless cut copies whole GOPs, so
 * each clip carries frames it must not show; an edit list entry per clip presents only the asked
 * part of each track's media. The muxer writes at most one entry, so its `moov` is rewritten here.
 */

export interface Box {
  type: string;
  start: number;
  size: number;
  /** Offset of the payload (after size and type, and after version/flags for full boxes). */
  body: number;
}

export const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export function children(bytes: Uint8Array, from: number, to: number): Box[] {
  const data = view(bytes);
  const boxes: Box[] = [];
  for (let at = from; at + 8 <= to; ) {
    const size = data.getUint32(at);
    if (size < 8 || at + size > to) throw new Error("the movie box is malformed");
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    boxes.push({ type, start: at, size, body: at + 8 });
    at += size;
  }
  return boxes;
}

export const child = (bytes: Uint8Array, parent: Box, type: string): Box | undefined =>
  children(bytes, parent.body, parent.start + parent.size).find((b) => b.type === type);

/** Reads a full box's timescale (mvhd, mdhd) and the offset of its duration field. */
function timing(bytes: Uint8Array, box: Box): { timescale: number; durationAt: number; wide: boolean } {
  const wide = bytes[box.body] === 1;
  const timescaleAt = box.body + 4 + (wide ? 16 : 8);
  return { timescale: view(bytes).getUint32(timescaleAt), durationAt: timescaleAt + 4, wide };
}

function trackId(bytes: Uint8Array, tkhd: Box): { id: number; durationAt: number; wide: boolean } {
  const wide = bytes[tkhd.body] === 1;
  const idAt = tkhd.body + 4 + (wide ? 16 : 8);
  return { id: view(bytes).getUint32(idAt), durationAt: idAt + 8, wide };
}

function setDuration(bytes: Uint8Array, at: number, wide: boolean, value: number): void {
  if (wide) view(bytes).setBigUint64(at, BigInt(value));
  else view(bytes).setUint32(at, Math.min(value, 0xffffffff));
}

export function box(type: string, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + payload.length);
  view(out).setUint32(0, out.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(payload, 8);
  return out;
}

/** `edts` holding one version-1 `elst` (64-bit fields, so no length limit). */
function editBox(entries: readonly { duration: number; mediaTime: number }[]): Uint8Array {
  const payload = new Uint8Array(8 + entries.length * 20);
  const data = view(payload);
  data.setUint8(0, 1);
  data.setUint32(4, entries.length);
  entries.forEach((entry, i) => {
    const at = 8 + i * 20;
    data.setBigUint64(at, BigInt(entry.duration));
    data.setBigInt64(at + 8, BigInt(entry.mediaTime));
    data.setInt16(at + 16, 1);
  });
  return box("edts", box("elst", payload));
}

/**
 * Entries where each starts in the media where the one before ends, as one entry: the same
 * picture, and no join for a player to trip on. FFmpeg's MP4 reader (which Chromium plays files
 * through) hands the decoder the keyframe after each entry's end marked to be dropped, and its
 * dav1d AV1 decoder shows it anyway: one frame too many at every join.
 */
function merged(entries: readonly EditEntry[], tick: number): EditEntry[] {
  const out: EditEntry[] = [];
  for (const entry of entries) {
    const last = out.at(-1);
    if (last && Math.abs(last.mediaTime + last.duration - entry.mediaTime) < tick / 2) last.duration += entry.duration;
    else out.push({ ...entry });
  }
  return out;
}

/**
 * Returns `moov` with each listed track's edit list replaced by `edits` (seconds, rounded to the
 * track's and the movie's timescales) and the track and movie durations set to what is shown.
 */
export function withEditLists(moov: Uint8Array, edits: ReadonlyMap<number, readonly EditEntry[]>): Uint8Array {
  const bytes = moov.slice();
  const [root] = children(bytes, 0, bytes.length);
  if (!root || root.type !== "moov") throw new Error("not a movie box");
  const mvhd = child(bytes, root, "mvhd");
  if (!mvhd) throw new Error("the movie box has no header");
  const movie = timing(bytes, mvhd);
  let movieDuration = 0;
  const parts: Uint8Array[] = [];
  for (const part of children(bytes, root.body, root.start + root.size)) {
    const whole = bytes.subarray(part.start, part.start + part.size);
    const tkhd = part.type === "trak" ? child(bytes, part, "tkhd") : undefined;
    const mdhd = tkhd ? child(bytes, child(bytes, part, "mdia") ?? part, "mdhd") : undefined;
    const track = tkhd ? trackId(bytes, tkhd) : undefined;
    const entries = track ? edits.get(track.id) : undefined;
    if (!tkhd || !mdhd || !track || !entries) {
      if (tkhd && track) movieDuration = Math.max(movieDuration, readDuration(bytes, track.durationAt, track.wide));
      parts.push(whole);
      continue;
    }
    const media = timing(bytes, mdhd);
    const scaled = merged(entries, 1 / media.timescale).map((e) => ({
      duration: Math.round(e.duration * movie.timescale),
      mediaTime: Math.round(e.mediaTime * media.timescale),
    }));
    const shown = scaled.reduce((sum, e) => sum + e.duration, 0);
    setDuration(bytes, track.durationAt, track.wide, shown);
    movieDuration = Math.max(movieDuration, shown);
    const kept = children(bytes, part.body, part.start + part.size).filter((b) => b.type !== "edts");
    const inner = kept.flatMap((b) => {
      const copy = bytes.subarray(b.start, b.start + b.size);
      return b.type === "tkhd" ? [copy, editBox(scaled)] : [copy];
    });
    parts.push(box("trak", concatBytes(inner)));
  }
  // `parts` are views of `bytes` where untouched, so the movie header's new duration shows in them.
  setDuration(bytes, movie.durationAt, movie.wide, movieDuration);
  return box("moov", concatBytes(parts));
}

function readDuration(bytes: Uint8Array, at: number, wide: boolean): number {
  return wide ? Number(view(bytes).getBigUint64(at)) : view(bytes).getUint32(at);
}

/** A track's edit list as it plays: presentation from `at` for `duration` seconds shows media from `media` (null: nothing). */
export interface PlayedEdit {
  at: number;
  duration: number;
  media: number | null;
}

function playedEdits(bytes: Uint8Array, trak: Box, movieScale: number, mediaScale: number): PlayedEdit[] {
  const elst = child(bytes, child(bytes, trak, "edts") ?? trak, "elst");
  if (!elst) return [];
  const data = view(bytes);
  const wide = bytes[elst.body] === 1;
  const count = data.getUint32(elst.body + 4);
  const played: PlayedEdit[] = [];
  let at = 0;
  for (let i = 0, entry = elst.body + 8; i < count; i++, entry += wide ? 20 : 12) {
    const duration = (wide ? Number(data.getBigUint64(entry)) : data.getUint32(entry)) / movieScale;
    const media = wide ? Number(data.getBigInt64(entry + 8)) : data.getInt32(entry + 4);
    played.push({ at, duration, media: media < 0 ? null : media / mediaScale });
    at += duration;
  }
  return played;
}

/** The media time a track's edit list shows at the presentation time `at` (past its end, the last edit runs on). */
export function mediaAt(played: readonly PlayedEdit[], at: number): number {
  const shown = played.filter((e) => e.media !== null);
  const edit = shown.find((e) => at < e.at + e.duration) ?? shown.at(-1);
  return edit ? (edit.media as number) + (at - edit.at) : at;
}

/** The presentation time at which a track's edit list shows the media time `media` (the first edit holding it). */
export function presentationAt(played: readonly PlayedEdit[], media: number): number {
  const shown = played.filter((e) => e.media !== null);
  const edit = shown.find((e) => media >= (e.media as number) && media < (e.media as number) + e.duration) ?? shown[0];
  return edit ? edit.at + (media - (edit.media as number)) : media;
}

export interface MovieTrack {
  id: number;
  kind: "video" | "audio" | "other";
  played: PlayedEdit[];
}

/** The movie's tracks: id, kind (from the handler) and the edit list each plays by now. */
export function movieTracks(moov: Uint8Array): MovieTrack[] {
  const [root] = children(moov, 0, moov.length);
  if (!root || root.type !== "moov") throw new Error("not a movie box");
  const mvhd = child(moov, root, "mvhd");
  if (!mvhd) throw new Error("the movie box has no header");
  const movieScale = timing(moov, mvhd).timescale;
  const traks = children(moov, root.body, root.start + root.size).filter((b) => b.type === "trak");
  return traks.flatMap((trak) => {
    const tkhd = child(moov, trak, "tkhd");
    const mdia = child(moov, trak, "mdia");
    const mdhd = mdia && child(moov, mdia, "mdhd");
    const hdlr = mdia && child(moov, mdia, "hdlr");
    if (!tkhd || !mdhd || !hdlr) return [];
    const handler = String.fromCharCode(...moov.subarray(hdlr.body + 8, hdlr.body + 12));
    const kind = handler === "vide" ? "video" : handler === "soun" ? "audio" : "other";
    return [{ id: trackId(moov, tkhd).id, kind, played: playedEdits(moov, trak, movieScale, timing(moov, mdhd).timescale) }];
  });
}
