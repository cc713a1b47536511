import { totalDuration, type Clip } from "./clips";
import { textLines, type EditEntry, type LineWarning } from "./formats/edit-list";
import * as registry from "./formats/registry";
import { videoFrames } from "./frames";
import type { MediaInfo } from "./media-info";
import { fail, ok, type Result } from "./result";
import { formatTimecode } from "./timecode";

/** A format's id in the registry (`csv`, `osp`, `edl`…). */
export type EditFormat = string;

/** Every format read, named in the message for a file that is none of them. */
const READ_NAMES = registry.READERS.map((f) => f.name).join(", ");

/** What the import preview calls each format. */
export const FORMAT_NAMES: Record<EditFormat, string> = Object.fromEntries(registry.READERS.map((f) => [f.id, f.name]));

const formatOf = (text: string) =>
  registry.detectFormat(
    textLines(text)
      .map((line) => line.trim())
      .filter((line) => line !== ""),
  );

/** Tells the format from the text itself; the file name is only a hint for the user. */
export const detectFormat = (text: string): EditFormat | null => formatOf(text)?.id ?? null;

/** Warnings of one kind (the same message but for its numbers and quoted text): the first, and how many more. */
export interface WarningGroup {
  first: LineWarning;
  more: number;
}

/** A file's warnings, grouped so that a million alike make one line. */
export interface Warnings {
  /** At most WARNING_KINDS kinds, in the order first met. */
  groups: WarningGroup[];
  /** Warnings of the kinds beyond those. */
  unlisted: number;
}

const WARNING_KINDS = 20;

/** Two warnings are alike when they differ only in numbers (lines, clips, times) and quoted text. */
const kindOf = (message: string): string => message.replace(/"[^"]*"/g, '""').replace(/\d+/g, "#");

export function groupWarnings(warnings: Iterable<LineWarning>): Warnings {
  const groups = new Map<string, WarningGroup>();
  let unlisted = 0;
  for (const warning of warnings) {
    const kind = kindOf(warning.message);
    const group = groups.get(kind);
    if (group) group.more++;
    else if (groups.size < WARNING_KINDS) groups.set(kind, { first: warning, more: 0 });
    else unlisted++;
  }
  return { groups: [...groups.values()], unlisted };
}

const count = (n: number): string => n.toLocaleString("en-US");

/** The lines a preview lists: each kind's first warning, with how many more are like it. */
export function warningLines({ groups, unlisted }: Warnings): string[] {
  const lines = groups.map(({ first, more }) =>
    more > 0 ? `${first.message} (and ${count(more)} more like this)` : first.message,
  );
  if (unlisted > 0) lines.push(`${count(unlisted)} more warning${unlisted === 1 ? "" : "s"} of other kinds`);
  return lines;
}

export interface ImportPreview {
  format: EditFormat;
  /** What the file holds, every clip, as read. */
  listed: EditEntry[];
  /** What an import would add: the open video's clips, fitted to it. */
  entries: EditEntry[];
  /**
   * What the format's reader skipped, by line, then the clips left out or clamped (another file of
   * the project, or beyond the source), grouped.
   */
  warnings: Warnings;
  /** Files a project names that are not the open video. */
  otherFiles: string[];
  duration: number;
}

/**
 * Keeps what lies in the source: an IN before its start or an OUT past its end is clamped, a clip
 * wholly outside it is dropped.
 */
function fitToSource(entries: EditEntry[], duration: number, leftOut: LineWarning[]): EditEntry[] {
  const note = (message: string) => leftOut.push({ line: 0, message });
  return entries.flatMap((entry, i) => {
    const where = `clip ${i + 1} (${formatTimecode(entry.start)}–${formatTimecode(entry.end)})`;
    if (entry.start >= duration) {
      note(`${where} starts after the end of the source: dropped`);
      return [];
    }
    if (entry.end <= 0) {
      note(`${where} ends before the start of the source: dropped`);
      return [];
    }
    let fitted = entry;
    if (entry.start < 0) {
      note(`${where} starts before the start of the source: IN clamped to ${formatTimecode(0)}`);
      fitted = { ...fitted, start: 0 };
    }
    if (entry.end > duration) {
      note(`${where} ends after the end of the source: OUT clamped to ${formatTimecode(duration)}`);
      fitted = { ...fitted, end: duration };
    }
    return [fitted];
  });
}

/**
 * Whether text read as UTF-8 was UTF-16: its byte-order mark comes out as two replacement
 * characters, and every ASCII character brings a NUL beside it.
 */
function wasUtf16(text: string): boolean {
  const head = text.slice(0, 200);
  const nuls = head.split("\u0000").length - 1;
  return head.startsWith("\uFFFD\uFFFD") || (head.length > 1 && nuls * 3 > head.length);
}

const OTHER_FILES_SHOWN = 8;

/** What importing `text` into the open source would do, before anything changes. */
export function previewImport(fileName: string, text: string, info: MediaInfo): Result<ImportPreview> {
  if (wasUtf16(text)) return fail(`${fileName}: it is UTF-16 text; save it as UTF-8 and import it again`);
  const reader = formatOf(text);
  if (!reader) return fail(`${fileName}: not an edit list this page reads (${READ_NAMES})`);
  const format = reader.id;
  const parsed = reader.reader.parse(text, info);
  if (!parsed.ok) return fail(`${fileName}: ${parsed.error}`);
  const leftOut: LineWarning[] = [];
  const sources = [...new Set(parsed.value.entries.map((e) => e.source).filter((s): s is string => Boolean(s)))];
  const otherFiles = sources.filter((s) => s !== info.fileName);
  const ofThisSource = parsed.value.entries.filter((e) => e.source === undefined || e.source === info.fileName);
  const skipped = parsed.value.entries.length - ofThisSource.length;
  if (skipped > 0) {
    // An editor's whole reel can name hundreds of files: the first few say enough.
    const more = otherFiles.length - OTHER_FILES_SHOWN;
    const shown = more > 0 ? [...otherFiles.slice(0, OTHER_FILES_SHOWN), `${more} more`] : otherFiles;
    const message = `${skipped} clip${skipped === 1 ? "" : "s"} of other files (${shown.join(", ")}) left out`;
    leftOut.push({ line: 0, message });
  }
  const entries = fitToSource(ofThisSource, info.duration, leftOut);
  const duration = totalDuration(entries, videoFrames(info));
  const listed = parsed.value.entries;
  const warnings = groupWarnings(parsed.value.warnings.concat(leftOut));
  return ok({ format, listed, entries, warnings, otherFiles, duration });
}

/**
 * The imported clips, of `source`, replacing its clips (the other sources' stay), or after the list;
 * ids continue from the list's.
 */
export function applyImport(
  clips: readonly Clip[],
  source: string,
  entries: readonly EditEntry[],
  how: "replace" | "append",
): Clip[] {
  const kept = how === "replace" ? clips.filter((c) => c.source !== source) : [...clips];
  const firstId = kept.reduce((max, c) => Math.max(max, c.id), 0) + 1;
  return [...kept, ...entries.map((e, i) => ({ id: firstId + i, source, start: e.start, end: e.end, label: e.label }))];
}
