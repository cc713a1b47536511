import { concatBytes } from "./bytes";
import { box, children, view } from "./mp4-edit-list";

/** A chapter of the output: where it starts in the output's timeline (seconds) and its title. */
export interface Chapter {
  start: number;
  title: string;
}

/** The Nero chapter list (`chpl`) counts its chapters in one byte, and each title's length too. */
export const MAX_CHAPTERS = 255;
const MAX_TITLE_BYTES = 255;
/** chpl's times are in 100 ns units. */
const CHPL_UNITS = 1e7;

/** One chapter a clip, at the clip's start in the output (`lengths`: what each clip shows, in order), titled by its label or "Clip N". */
export function clipChapters(labels: readonly string[], lengths: readonly number[]): Chapter[] {
  let start = 0;
  return lengths.map((length, i) => {
    const chapter = { start, title: labels[i]?.trim() || `Clip ${i + 1}` };
    start += length;
    return chapter;
  });
}

/** What the page says when a list has more clips than an MP4's chapter list holds; empty when it holds them all. */
export const chaptersLeftOut = (clips: number, isobmff: boolean): string =>
  isobmff && clips > MAX_CHAPTERS ? `only the first ${MAX_CHAPTERS} clips have chapters: an MP4 chapter list holds no more` : "";

/** A title as UTF-8 of at most 255 bytes, cut before a character it would split. */
export function titleBytes(title: string): Uint8Array {
  const bytes = new TextEncoder().encode(title);
  if (bytes.length <= MAX_TITLE_BYTES) return bytes;
  let end = MAX_TITLE_BYTES;
  // Continuation bytes are 10xxxxxx: step back to the start of the character.
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end);
}

/** The `chpl` box ffmpeg reads (libavformat/mov.c, mov_read_chpl): version 1, a reserved word, the count, then each start and title. */
export function chplBox(chapters: readonly Chapter[]): Uint8Array {
  const kept = chapters.slice(0, MAX_CHAPTERS);
  const entries = kept.map((c) => {
    const title = titleBytes(c.title);
    const entry = new Uint8Array(9 + title.length);
    view(entry).setBigUint64(0, BigInt(Math.round(c.start * CHPL_UNITS)));
    entry[8] = title.length;
    entry.set(title, 9);
    return entry;
  });
  return box("chpl", concatBytes([Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0, kept.length), ...entries]));
}

/** Bytes `withChapters` adds at most: the chpl box and a udta box around it. */
export const chaptersSize = (chapters: readonly Chapter[]): number => (chapters.length === 0 ? 0 : 8 + chplBox(chapters).length);

/** The movie box with these chapters in its `udta` (made where it has none, replacing any chpl there); as it was without chapters. */
export function withChapters(moov: Uint8Array, chapters: readonly Chapter[]): Uint8Array {
  if (chapters.length === 0) return moov;
  const [root] = children(moov, 0, moov.length);
  if (!root || root.type !== "moov") throw new Error("not a movie box");
  const parts = children(moov, root.body, root.start + root.size);
  const whole = (b: { start: number; size: number }) => moov.subarray(b.start, b.start + b.size);
  const udta = parts.find((b) => b.type === "udta");
  const kept = udta ? children(moov, udta.body, udta.start + udta.size).filter((b) => b.type !== "chpl").map(whole) : [];
  const newUdta = box("udta", concatBytes([...kept, chplBox(chapters)]));
  return box("moov", concatBytes([...parts.filter((b) => b.type !== "udta").map(whole), newUdta]));
}
