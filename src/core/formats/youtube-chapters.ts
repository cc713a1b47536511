import { clipDuration } from "../clips";
import { videoFrames, type Frames } from "../frames";
import { fail, ok, type Result } from "../result";
import type { EditListFormat, ListClip, ListTarget } from "./edit-format";
import type { EditEntry } from "./edit-list";
import { perSource } from "./list-sources";

// YouTube's rules for chapters in a description (its help, "Video chapters"): the first at 0:00,
// at least three, each at least 10 seconds long. A list breaking them is ignored by YouTube.
const MIN_CHAPTERS = 3;
const MIN_SECONDS = 10;

/** `MM:SS`, or `H:MM:SS` in a cut of an hour or more. */
function stamp(seconds: number, long: boolean): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  return long ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m + h * 60)}:${pad(s)}`;
}

interface Chapter {
  /** Whole seconds into the cut, as written. */
  at: number;
  title: string;
}

/**
 * Each clip's start in the cut: the frame-exact durations of the clips before it summed, rounded
 * to the nearest whole second (all a chapter line can say); an unlabelled clip is "Clip N".
 */
function chapters<T extends EditEntry>(entries: readonly T[], length: (entry: T) => number): { list: Chapter[]; total: number } {
  let elapsed = 0;
  const list = entries.map((entry, i) => {
    const at = Math.round(elapsed);
    elapsed += length(entry);
    return { at, title: entry.label.replace(/\s+/g, " ").trim() || `Clip ${i + 1}` };
  });
  return { list, total: elapsed };
}

/** The description lines of one source's clips, or which of YouTube's rules the list breaks. */
export const serialize = (entries: readonly EditEntry[], frames?: Frames): Result<string> =>
  chapterLines(entries, (entry) => clipDuration(entry, frames));

/** The chapters of a cut across the project's sources: each clip as long as its own source's frames make it. */
export function serializeCut(clips: readonly ListClip[], { sources }: Pick<ListTarget, "sources">): Result<string> {
  const frames = perSource(sources, (source) => videoFrames(source.info));
  return chapterLines(clips, (clip) => clipDuration(clip, frames(clip)));
}

function chapterLines<T extends EditEntry>(entries: readonly T[], length: (entry: T) => number): Result<string> {
  const { list, total } = chapters(entries, length);
  if (list.length < MIN_CHAPTERS) {
    return fail(`YouTube needs at least ${MIN_CHAPTERS} chapters; the list has ${list.length} clip${list.length === 1 ? "" : "s"}`);
  }
  const lengths = list.map((chapter, i) => (list[i + 1]?.at ?? total) - chapter.at);
  const short = lengths.flatMap((length, i) => (length < MIN_SECONDS ? [`clip ${i + 1} (${Math.max(0, length).toFixed(1)} s)`] : []));
  if (short.length > 0) {
    return fail(`YouTube needs every chapter to last at least ${MIN_SECONDS} s in the cut; too short: ${short.join(", ")}`);
  }
  const long = total >= 3600;
  return ok(list.map((chapter) => `${stamp(chapter.at, long)} ${chapter.title}\n`).join(""));
}

export const format: EditListFormat = {
  id: "youtube",
  name: "YouTube chapters",
  writer: {
    action: "Export YouTube chapters",
    suffix: "-chapters.txt",
    mime: "text/plain",
    scope: "project",
    serialize: serializeCut,
  },
};
