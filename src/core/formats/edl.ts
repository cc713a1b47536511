import { fileStem } from "../file-names";
import { frameStart, rangeLength, spanFrames } from "../frames";
import { firstAudio, firstVideo, type MediaInfo } from "../media-info";
import { rationalValue, type Rational } from "../rational";
import { fail, ok, type Result } from "../result";
import { textLines, type EditEntry, type EditList, type LineWarning } from "./edit-list";

/** Timecode counts frames at a whole nominal rate (30 for 29.97); drop-frame skips numbers, not frames. */
const nominal = (rate: Rational): number => Math.round(rationalValue(rate));
const isDropRate = (rate: Rational): boolean => rate.den === 1001 && nominal(rate) % 30 === 0;

function framesToTimecode(frames: number, base: number): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const ff = frames % base;
  const seconds = Math.floor(frames / base);
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}:${pad(ff)}`;
}

/** Frame count of `HH:MM:SS:FF` (non-drop) or `HH:MM:SS;FF` (drop-frame) at `rate`. */
function timecodeToFrames(text: string, rate: Rational): number | null {
  const match = /^(\d{2}):(\d{2}):(\d{2})([:;.,])(\d{2})$/.exec(text);
  if (!match) return null;
  const [h, m, s, ff] = [match[1], match[2], match[3], match[5]].map(Number) as [number, number, number, number];
  const base = nominal(rate);
  if (m > 59 || s > 59 || ff >= base) return null;
  const frames = ((h * 60 + m) * 60 + s) * base + ff;
  if (!(match[4] === ";" || match[4] === ",") || !isDropRate(rate)) return frames;
  const dropped = (base / 30) * 2;
  const minutes = h * 60 + m;
  return frames - dropped * (minutes - Math.floor(minutes / 10));
}

const EVENT = /^(\d{1,6})\s+(\S+)\s+(\S+)\s+(C|D|W\d+|K\S*)\s+(?:\d+\s+)?(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$/;

interface Event {
  line: number;
  entry: EditEntry;
}

function readEvent(row: string, line: number, rate: Rational): Result<Event> {
  const match = EVENT.exec(row);
  if (!match) return fail(`line ${line}: not a CMX 3600 event`);
  const [sourceIn, sourceOut] = [match[5], match[6]].map((t) => timecodeToFrames(t as string, rate));
  if (sourceIn == null || sourceOut == null) return fail(`line ${line}: a source timecode is not HH:MM:SS:FF`);
  if (sourceOut <= sourceIn) return fail(`line ${line}: source OUT is not after IN`);
  return ok({ line, entry: { start: frameStart(sourceIn, rate), end: frameStart(sourceOut, rate), label: "" } });
}

/** Whether trimmed, non-blank lines look like an EDL: a title, or an event line with a cut. */
export const recognizes = (lines: readonly string[]): boolean =>
  lines.some((l) => /^TITLE:/i.test(l) || /^\d{3,6}\s+\S+\s+\S+\s+C\s/.test(l));

/** Reads the events of a CMX 3600 EDL in record order; `* COMMENT:` after an event is its label. */
export function parse(text: string, rate: Rational): Result<EditList> {
  const events: Event[] = [];
  const warnings: LineWarning[] = [];
  const lines = textLines(text);
  if (!lines.some((l) => /^TITLE:/i.test(l.trim()) || EVENT.test(l.trim()))) return fail("not a CMX 3600 EDL");
  for (const [index, raw] of lines.entries()) {
    const row = raw.trim();
    const comment = /^\*\s*COMMENT:\s*(.*)$/i.exec(row);
    const last = events.at(-1);
    if (comment && last) last.entry.label = comment[1] ?? "";
    if (row === "" || row.startsWith("*") || /^(TITLE|FCM):/i.test(row)) continue;
    const event = readEvent(row, index + 1, rate);
    if (event.ok) events.push(event.value);
    else warnings.push({ line: index + 1, message: event.error });
  }
  if (events.length === 0) return fail(warnings[0]?.message ?? "the EDL holds no events");
  return ok({ entries: events.map((e) => e.entry), warnings });
}

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
 * Source IN and OUT are the clip's frames (spanFrames), OUT exclusive as in CMX 3600.
 */
export function serialize(entries: readonly EditEntry[], source: EdlSource): string {
  const base = nominal(source.rate);
  const tc = (frames: number) => framesToTimecode(frames, base);
  let record = 0;
  const events = entries.flatMap((entry, i) => {
    const range = spanFrames(entry, source.rate);
    const length = rangeLength(range);
    const number = String(i + 1).padStart(3, "0");
    const row = `${number}  AX       ${source.tracks.padEnd(5)} C        ${tc(range.first)} ${tc(range.end)} ${tc(record)} ${tc(record + length)}`;
    record += length;
    const name = `* FROM CLIP NAME: ${source.fileName}`;
    return entry.label ? [row, name, `* COMMENT: ${entry.label.replace(/\s+/g, " ")}`] : [row, name];
  });
  return [`TITLE: ${source.title}`, "FCM: NON-DROP FRAME", "", ...events, ""].join("\n");
}
