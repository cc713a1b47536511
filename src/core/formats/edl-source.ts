import { frameStart } from "../frames";
import type { MediaInfo } from "../media-info";
import type { Rational } from "../rational";
import { fail, ok, type Result } from "../result";
import { namesFile } from "../source-match";
import { fileStem } from "../file-names";
import type { EditEntry, EditList, LineWarning } from "./edit-list";
import { AUX_REEL, startFrames, timecodeRate } from "./edl";
import type { ListContext, ListSource } from "./edit-format";
import { baseName } from "./osp";
import { parse, type EdlEntry } from "./edl-events";
import { nominal, timecodeToFrames } from "./edl-timecode";

/**
 * The project's source an event cuts (`files`, the player's first): by its names where it has any
 * (the file's own name before a namesake's stem), else by its reel (`AX`, or the list's only reel,
 * is the file on the player; otherwise a file's name, or its first 8 characters as CMX cuts reels).
 */
function sourceOf(entry: EdlEntry, files: readonly ListSource[], soleReel: string | undefined): ListSource | undefined {
  if (entry.names.length > 0) {
    const exact = files.find((s) => entry.names.some((name) => baseName(name).toLowerCase() === s.fileName.toLowerCase()));
    return exact ?? files.find((s) => entry.names.some((name) => namesFile(name, s.fileName)));
  }
  if (entry.reel === AUX_REEL || entry.reel === soleReel) return files[0];
  const reel = entry.reel.toLowerCase();
  return files.find(({ fileName }) => {
    const file = fileName.toLowerCase();
    return reel === fileStem(file) || (reel.length === 8 && file.startsWith(reel));
  });
}

/**
 * Where the list's source time 0 lies, in frames of timecode: the video's start timecode, or
 * where the video has none and every event lies past its end, the first event's whole hour.
 */
function origin(entries: EdlEntry[], info: MediaInfo, rate: Rational, warnings: LineWarning[]): number {
  const tagged = startFrames(info, rate);
  if (tagged != null) return tagged;
  const first = entries[0];
  if (!first || !entries.every((e) => e.start >= info.duration)) return 0;
  const hour = first.sourceIn.slice(0, 2);
  const frames = timecodeToFrames(`${hour}:00:00:00`, rate, first.drop) ?? 0;
  if (frames > 0) {
    const message = `the video has no start timecode and every event lies past its end: timecode counted from ${hour}:00:00:00, the list's first hour`;
    warnings.push({ line: 0, message });
  }
  return frames;
}

/** Events before the video's first frame are dropped, or start at it. */
function fromOrigin(entry: EdlEntry, origin: number, rate: Rational, warnings: LineWarning[]): EditEntry[] {
  const [first, end] = [entry.frames.first - origin, entry.frames.end - origin];
  const clip = (from: number) => [{ start: frameStart(from, rate), end: frameStart(end, rate), label: entry.label }];
  if (end <= 0) {
    warnings.push({ line: entry.line, message: `line ${entry.line}: ends before the video's start timecode: dropped` });
    return [];
  }
  if (first < 0) {
    warnings.push({ line: entry.line, message: `line ${entry.line}: starts before the video's start timecode: IN moved to it` });
    return clip(0);
  }
  return clip(first);
}

/** An event's frames at the rate of the file it cuts, where that is not the rate the list was read at. */
function atRate(entry: EdlEntry, rate: Rational, readAt: Rational): EdlEntry | null {
  if (rate.num === readAt.num && rate.den === readAt.den) return entry;
  const [first, end] = [entry.sourceIn, entry.sourceOut].map((t) => timecodeToFrames(t, rate, entry.drop));
  if (first == null || end == null || end <= first) return null;
  return { ...entry, frames: { first, end }, start: frameStart(first, rate), end: frameStart(end, rate) };
}

/**
 * The EDL's clips as an import into the project sees them: each event of a project's file timed
 * from that file's start timecode at its rate and named by it; the others named by their source
 * (clip name, else reel) to be counted and left out. The list is read at the fastest of the
 * files' rates (so every frame number of each is one), then each event again at its own file's.
 */
export function importFor(text: string, context: ListContext): Result<EditList> {
  const files = [context.onPlayer, ...context.sources.filter((s) => s.id !== context.onPlayer.id)];
  const rates = files.map((s) => timecodeRate(s.info));
  const readAt = rates.reduce((fastest, rate) => (nominal(rate) > nominal(fastest) ? rate : fastest));
  const parsed = parse(text, readAt);
  if (!parsed.ok) return parsed;
  const all = parsed.value.entries;
  const reels = new Set(all.map((e) => e.reel));
  const soleReel = reels.size === 1 && all.every((e) => e.names.length === 0) ? all[0]?.reel : undefined;
  const cuts = new Map(all.map((e) => [e, sourceOf(e, files, soleReel)]));
  // A speed change of a clip left out changes nothing here.
  const leftOutSpeeds = new Set(all.filter((e) => !cuts.get(e)).map((e) => e.speed));
  const warnings = parsed.value.warnings.filter((w) => !leftOutSpeeds.has(w));
  const timed = new Map<EdlEntry, EditEntry[]>();
  for (const source of files) {
    const rate = timecodeRate(source.info);
    const events = all.filter((e) => cuts.get(e)?.id === source.id);
    const read = events.flatMap((e) => {
      const entry = atRate(e, rate, readAt);
      if (!entry) warnings.push({ line: e.line, message: `line ${e.line}: not a timecode of ${source.fileName} at its rate` });
      return entry ? [{ as: e, entry }] : [];
    });
    const zero = origin(read.map((r) => r.entry), source.info, rate, warnings);
    for (const { as, entry } of read) {
      timed.set(as, fromOrigin(entry, zero, rate, warnings).map((t) => ({ ...t, sourceName: source.fileName })));
    }
  }
  const entries: EditEntry[] = all.flatMap((e) => {
    const { start, end, label } = e;
    return cuts.get(e) ? (timed.get(e) ?? []) : [{ start, end, label, sourceName: e.names[0] ?? `reel ${e.reel}` }];
  });
  if (entries.length === 0) return fail(warnings[0]?.message ?? "the EDL holds no clips");
  return ok({ entries, warnings });
}
