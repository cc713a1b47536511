import type { Span } from "./clips";
import { originFromStart, type MediaInfo } from "./media-info";
import type { PacketInfo } from "./packet-cut";
import { fail, ok, type Result } from "./result";
import { formatLength } from "./timecode";

/**
 * What the container's index says about a source beyond ffprobe's summary, read by the packet
 * engine's demuxer: every time here counts from the first frame (the page's time 0).
 */
export interface SourceIndex {
  /** The first video track's keyframe times, ascending. */
  keyframes: number[];
  /** Where the readable part ends (see `readableExtent`); null when the file has no tracks to read. */
  readable: ReadableExtent | null;
  /** Every frame's start, ascending, when the frame rate varies; null at a constant rate. */
  frameTimes: number[] | null;
}

/** One track's packets in decode order, and how many of them (from the first) the file holds. */
export interface TrackExtent {
  packets: readonly PacketInfo[];
  readable: number;
}

// A container's header may round its duration; a shortfall under this is not a cut.
const SHORTFALL = 0.5;
// A clip typed to the end of a source may overshoot its last frame by rounding.
const READ_TOLERANCE = 1e-3;

/**
 * Where presentation must stop in one track: at the earliest frame of the packets the file does
 * not hold. A frame shown before it never depends on one of them (references come first in
 * decode order), so everything before it decodes.
 */
function trackEnd({ packets, readable }: TrackExtent): { end: number; cut: boolean } {
  let end = readable < packets.length ? Infinity : -Infinity;
  for (let i = readable; i < packets.length; i++) end = Math.min(end, (packets[i] as PacketInfo).pts);
  if (readable < packets.length) return { end, cut: true };
  for (const p of packets) end = Math.max(end, p.pts + p.duration);
  return { end, cut: false };
}

/**
 * How far a source can be read: `cut` when packets its index lists lie past the file's end (the
 * earliest such frame ends it), else where its last packet ends.
 */
export interface ReadableExtent {
  end: number;
  cut: boolean;
}

/** The readable extent of a source from its tracks, counted from the page's time 0. */
export function readableExtent(tracks: readonly TrackExtent[], origin: number): ReadableExtent | null {
  const ends = tracks.filter((t) => t.packets.length > 0).map(trackEnd);
  if (ends.length === 0) return null;
  const cut = ends.filter((e) => e.cut);
  const end = cut.length > 0 ? Math.min(...cut.map((e) => e.end)) : Math.max(...ends.map((e) => e.end));
  return { end: Math.max(0, end - origin), cut: cut.length > 0 };
}

/**
 * Where the readable part of a source ends, or null when it is whole. A file whose every track
 * ends well before the length its header claims (a Matroska file cut short) ends there too.
 */
function readableEnd(readable: ReadableExtent | null, info: MediaInfo): number | null {
  if (!readable) return null;
  if (readable.cut) return readable.end;
  // ffprobe counts the length from the file's start, which may lie before the first frame.
  return readable.end + originFromStart(info) < info.duration - SHORTFALL ? readable.end : null;
}

/** The probe's answer with the index's findings: keyframes, frame times, and only what can be read. */
export function applyIndex(info: MediaInfo, index: SourceIndex): Result<MediaInfo> {
  const withFrames = { ...info, keyframes: index.keyframes, ...(index.frameTimes && { frameTimes: index.frameTimes }) };
  const end = readableEnd(index.readable, info);
  if (end === null || end >= info.duration) return ok(withFrames);
  if (end <= 0) return fail(`${info.fileName} is cut short: none of its ${formatLength(info.duration)} can be read`);
  return ok({
    ...withFrames,
    duration: end,
    claimedDuration: info.duration,
    keyframes: index.keyframes.filter((k) => k < end),
    ...(index.frameTimes && { frameTimes: index.frameTimes.filter((t) => t < end) }),
  });
}

/** Says how much of a file cut short can be read; null for a whole file. */
export function cutShortNote(info: MediaInfo): string | null {
  if (info.claimedDuration === undefined) return null;
  return `${info.fileName} is cut short: only the first ${formatLength(info.duration)} of ${formatLength(info.claimedDuration)} can be read`;
}

/**
 * Refuses an export that would come out shorter than asked: a clip reaching past the readable
 * part of a file cut short. Null when every clip can be read whole. `numbers`: each clip's
 * number in the list (the clips of one file among several).
 */
export function pastReadableEnd(clips: readonly Span[], info: MediaInfo, numbers = clips.map((_, i) => i + 1)): string | null {
  const over = clips.flatMap((c, i) => (c.end > info.duration + READ_TOLERANCE ? [numbers[i] as number] : []));
  if (over.length === 0) return null;
  const which = over.length === 1 ? `Clip ${over[0]} ends` : `Clips ${over.join(", ")} end`;
  const cut = info.claimedDuration === undefined ? "" : ` (${info.fileName} is cut short)`;
  return `${which} after ${formatLength(info.duration)}, where the readable part of the video ends${cut}: shorten or delete ${over.length === 1 ? "it" : "them"} to export`;
}
