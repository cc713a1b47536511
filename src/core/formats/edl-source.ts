import { frameStart } from "../frames";
import { firstVideo, type MediaInfo } from "../media-info";
import type { Rational } from "../rational";
import { fail, ok, type Result } from "../result";
import { namesFile } from "../source-match";
import { fileStem } from "../file-names";
import type { EditEntry, EditList, LineWarning } from "./edit-list";
import { timecodeRate } from "./edl";
import { parse, type EdlEntry } from "./edl-events";
import { timecodeToFrames } from "./edl-timecode";

/** `AX` is the reel of a file that has none (Premiere, Resolve): it names no other source. */
const AUX = "AX";

/**
 * Whether an event cuts the open file: by its names where it has any, else by its reel (the file's
 * name, or its first 8 characters as CMX cuts reels); a list of one reel and no names is one source.
 */
function cutsFile(entry: EdlEntry, fileName: string, soleReel: string | undefined): boolean {
  if (entry.names.length > 0) return entry.names.some((name) => namesFile(name, fileName));
  const reel = entry.reel.toLowerCase();
  const file = fileName.toLowerCase();
  return entry.reel === AUX || entry.reel === soleReel || reel === fileStem(file) || (reel.length === 8 && file.startsWith(reel));
}

/** The start timecode a camera or ffmpeg's `-timecode` wrote: the video stream's tag, else the file's. */
function startTimecode(info: MediaInfo): string | undefined {
  const tagged = [firstVideo(info)?.tags ?? {}, info.tags].flatMap((tags) =>
    Object.entries(tags).filter(([key]) => key.toLowerCase() === "timecode"),
  );
  return tagged[0]?.[1];
}

/**
 * Where the list's source time 0 lies, in frames of timecode: the video's start timecode, or
 * where the video has none and every event lies past its end, the first event's whole hour.
 */
function origin(entries: EdlEntry[], info: MediaInfo, rate: Rational, warnings: LineWarning[]): number {
  const tag = startTimecode(info);
  const tagged = tag === undefined ? null : timecodeToFrames(tag.trim(), rate);
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

/**
 * The EDL's clips as an import of `info` sees them: the open file's, timed from its start
 * timecode, and the others named by their source (clip name, else reel) to be counted and left out.
 */
export function importFor(text: string, info: MediaInfo): Result<EditList> {
  const rate = timecodeRate(info);
  const parsed = parse(text, rate);
  if (!parsed.ok) return parsed;
  const all = parsed.value.entries;
  const reels = new Set(all.map((e) => e.reel));
  const soleReel = reels.size === 1 && all.every((e) => e.names.length === 0) ? all[0]?.reel : undefined;
  const ofFile = all.filter((e) => cutsFile(e, info.fileName, soleReel));
  // A speed change of a clip left out changes nothing here.
  const leftOutSpeeds = new Set(all.filter((e) => !ofFile.includes(e)).map((e) => e.speed));
  const warnings = parsed.value.warnings.filter((w) => !leftOutSpeeds.has(w));
  const zero = origin(ofFile, info, rate, warnings);
  const entries: EditEntry[] = all.flatMap((e) => {
    const { start, end, label } = e;
    if (!ofFile.includes(e)) return [{ start, end, label, source: e.names[0] ?? `reel ${e.reel}` }];
    return fromOrigin(e, zero, rate, warnings);
  });
  if (entries.length === 0) return fail(warnings[0]?.message ?? "the EDL holds no clips");
  return ok({ entries, warnings });
}
