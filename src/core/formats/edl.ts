import { fileStem } from "../file-names";
import { nominalRange, rangeLength, type Frames } from "../frames";
import { firstAudio, firstVideo, type MediaInfo } from "../media-info";
import type { Rational } from "../rational";
import type { EditEntry } from "./edit-list";
import { framesToTimecode, nominal } from "./edl-timecode";

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

/** How an EDL names and times the source: its file, its tracks, its frame rate. */
export function describeSource(fileName: string, info: MediaInfo): EdlSource {
  const video = firstVideo(info);
  const tracks = video && firstAudio(info) ? "AA/V" : video ? "V" : "AA";
  return { title: fileStem(fileName), fileName, rate: timecodeRate(info), tracks };
}

/**
 * One event a clip, record times end to end from zero, non-drop timecode at the source's rate.
 * Source IN and OUT are the clip's frames, OUT exclusive as in CMX 3600. EDL timecode counts at
 * the nominal rate, which editors read as time, so a variable rate's `frames` give the instants
 * and each lands on the nominal frame nearest it (nominalRange).
 */
export function serialize(entries: readonly EditEntry[], source: EdlSource, frames: Frames = source.rate): string {
  const base = nominal(source.rate);
  const tc = (frames: number) => framesToTimecode(frames, base);
  let record = 0;
  const events = entries.flatMap((entry, i) => {
    const range = nominalRange(frames, source.rate, entry);
    const length = rangeLength(range);
    const number = String(i + 1).padStart(3, "0");
    const row = `${number}  AX       ${source.tracks.padEnd(5)} C        ${tc(range.first)} ${tc(range.end)} ${tc(record)} ${tc(record + length)}`;
    record += length;
    const name = `* FROM CLIP NAME: ${source.fileName}`;
    return entry.label ? [row, name, `* COMMENT: ${entry.label.replace(/\s+/g, " ")}`] : [row, name];
  });
  return [`TITLE: ${source.title}`, "FCM: NON-DROP FRAME", "", ...events, ""].join("\n");
}
