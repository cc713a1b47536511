import { fileStem } from "../file-names";
import { nominalRange, rangeLength, videoFrames, type Frames } from "../frames";
import { firstAudio, firstVideo, type MediaInfo } from "../media-info";
import { rationalValue, type Rational } from "../rational";
import type { ListClip, ListSource } from "./edit-format";
import type { EditEntry } from "./edit-list";
import { perSource } from "./list-sources";
import { framesToTimecode, nominal, timecodeToFrames } from "./edl-timecode";

/** Whether trimmed, non-blank lines look like an EDL: a title, or an event line with a cut. */
export const recognizes = (lines: readonly string[]): boolean =>
  lines.some((l) => /^TITLE:/i.test(l) || /^\d{3,6}\s+\S+\s+\S+\s+C\s/.test(l));

export { parse } from "./edl-events";

export interface EdlSource {
  title: string;
  fileName: string;
  rate: Rational;
  tracks: "AA/V" | "V" | "AA";
}

/** The rate EDL timecode counts in: the video's, or PAL's for a source without video. */
export const timecodeRate = (info: MediaInfo): Rational => firstVideo(info)?.frameRate ?? { num: 25, den: 1 };

/** The start timecode a camera or ffmpeg's `-timecode` wrote: the video stream's tag, else the file's. */
function startTimecode(info: MediaInfo): string | undefined {
  const tagged = [firstVideo(info)?.tags ?? {}, info.tags].flatMap((tags) =>
    Object.entries(tags).filter(([key]) => key.toLowerCase() === "timecode"),
  );
  return tagged[0]?.[1];
}

/** Where a file's first frame lies in its timecode, in frames at `rate`; none where it has no start timecode. */
export function startFrames(info: MediaInfo, rate: Rational): number | null {
  const tag = startTimecode(info);
  return tag === undefined ? null : timecodeToFrames(tag.trim(), rate);
}

/** How an EDL names and times the source: its file, its tracks, its frame rate. */
export function describeSource(fileName: string, info: MediaInfo): EdlSource {
  const video = firstVideo(info);
  const tracks = video && firstAudio(info) ? "AA/V" : video ? "V" : "AA";
  return { title: fileStem(fileName), fileName, rate: timecodeRate(info), tracks };
}

/** One clip as an event: its source, the frames it is counted in, the reel it is on, and the source's start timecode in frames. */
export interface EdlEvent {
  entry: EditEntry;
  source: EdlSource;
  frames: Frames;
  reel: string;
  origin: number;
}

/** `AX` is the reel of a file that has none: a list of one source needs no other. */
export const AUX_REEL = "AX";

/**
 * The list's reels, one a source: its stem as CMX writes reels (8 characters of A-Z, 0-9, _),
 * or where two would be the same or none is left, `R` and its place (`R002`).
 */
export function reelNames(fileNames: readonly string[]): string[] {
  const stems = fileNames.map((name) => fileStem(name).toUpperCase().replace(/[^A-Z0-9_]/g, "").slice(0, 8));
  return stems.map((stem, i) => (stem !== "" && stems.indexOf(stem) === stems.lastIndexOf(stem) ? stem : `R${String(i + 1).padStart(3, "0")}`));
}

/**
 * One event a clip, record times end to end from zero at `recordRate`, non-drop timecode. Source IN
 * and OUT are the clip's frames at its own source's rate, OUT exclusive as in CMX 3600. EDL timecode
 * counts at the nominal rate, which editors read as time, so a variable rate's `frames` give the
 * instants and each lands on the nominal frame nearest it (nominalRange).
 */
export function serializeEvents(events: readonly EdlEvent[], title: string, recordRate: Rational): string {
  const recordBase = nominal(recordRate);
  // Seconds laid so far, so that sources of other rates join where their frames end.
  let laid = 0;
  const lines = events.flatMap(({ entry, source, frames, reel, origin }, i) => {
    const range = nominalRange(frames, source.rate, entry);
    const tc = (n: number) => framesToTimecode(origin + n, nominal(source.rate));
    const record = (seconds: number) => framesToTimecode(Math.round(seconds * rationalValue(recordRate)), recordBase);
    const recordIn = record(laid);
    laid += rangeLength(range) / rationalValue(source.rate);
    const number = String(i + 1).padStart(3, "0");
    const times = `${tc(range.first)} ${tc(range.end)} ${recordIn} ${record(laid)}`;
    const row = `${number}  ${reel.padEnd(8)} ${source.tracks.padEnd(5)} C        ${times}`;
    const name = `* FROM CLIP NAME: ${source.fileName}`;
    return entry.label ? [row, name, `* COMMENT: ${entry.label.replace(/\s+/g, " ")}`] : [row, name];
  });
  return [`TITLE: ${title}`, "FCM: NON-DROP FRAME", "", ...lines, ""].join("\n");
}

/** The events of one source, on reel `AX`. */
export const serialize = (entries: readonly EditEntry[], source: EdlSource, frames: Frames = source.rate): string =>
  serializeEvents(
    entries.map((entry) => ({ entry, source, frames, reel: AUX_REEL, origin: 0 })),
    source.title,
    source.rate,
  );

/**
 * A project's list: each clip an event on its source's reel (`AX` where the project has one
 * source), source timecode at its own source's rate from its start timecode (where the file has
 * one, as editors read it), record times at the first source's rate from zero.
 */
export function serializeProject(clips: readonly ListClip[], sources: readonly ListSource[]): string {
  const reels = sources.length === 1 ? [AUX_REEL] : reelNames(sources.map((s) => s.fileName));
  const eventOf = perSource(sources, ({ fileName, info }, place) => {
    const source = describeSource(fileName, info);
    return { source, frames: videoFrames(info) ?? source.rate, reel: reels[place] as string, origin: startFrames(info, source.rate) ?? 0 };
  });
  const first = sources[0] as ListSource;
  return serializeEvents(
    clips.map((entry) => ({ entry, ...eventOf(entry) })),
    fileStem(first.fileName),
    timecodeRate(first.info),
  );
}
