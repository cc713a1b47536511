import { clipDuration, type Clip } from "./clips";
import type { ListClip, ListContext, ListSource } from "./formats/edit-format";
import { textLines, type EditEntry, type LineWarning } from "./formats/edit-list";
import * as registry from "./formats/registry";
import { videoFrames } from "./frames";
import { plural } from "./plural";
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

/** A file a list names that the project lacks, and how many of the list's clips are of it. */
export interface MissingFile {
  name: string;
  clips: number;
}

export interface ImportPreview {
  format: EditFormat;
  /** What the file holds, every clip, as read (with the file each names, where the format names one). */
  listed: EditEntry[];
  /** What an import would add: the clips of the project's files, each on its source and fitted to it. */
  entries: ListClip[];
  /** The sources whose clips a Replace replaces: those the list brings clips to. */
  replaces: string[];
  /**
   * What the format's reader skipped, by line, then the clips clamped or dropped at their source's
   * ends, grouped.
   */
  warnings: Warnings;
  /** Files the list names that are not in the project, in the list's order. */
  missing: MissingFile[];
  duration: number;
}

/**
 * Keeps what lies in the source: an IN before its start or an OUT past its end is clamped, a clip
 * wholly outside it is dropped. `of`: the file's name, where the project has several.
 */
function fitToSource(entry: EditEntry, place: number, duration: number, of: string, leftOut: LineWarning[]): EditEntry[] {
  const note = (message: string) => leftOut.push({ line: 0, message });
  const where = `clip ${place} (${formatTimecode(entry.start)}–${formatTimecode(entry.end)})${of}`;
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

/**
 * The project's source a clip of the list is of: the player's where the list names no file, else
 * the one of that name (the player's first, where two files have one name).
 */
function sourceNamed({ sources, onPlayer }: ListContext, name: string | undefined): ListSource | undefined {
  if (name === undefined || name === onPlayer.fileName) return onPlayer;
  return sources.find((s) => s.fileName === name);
}

/** The files a list names that the project lacks, each with its count of clips. */
function missingFiles(entries: readonly EditEntry[], context: ListContext): MissingFile[] {
  const counts = new Map<string, number>();
  for (const { sourceName } of entries) {
    if (sourceName !== undefined && !sourceNamed(context, sourceName)) counts.set(sourceName, (counts.get(sourceName) ?? 0) + 1);
  }
  return [...counts].map(([name, clips]) => ({ name, clips }));
}

const MISSING_SHOWN = 8;

/** What the preview says of the files the project lacks: "Add video to bring in 6 clips of GP020001.MP4". */
export function missingLines(missing: readonly MissingFile[]): string[] {
  const line = ({ name, clips }: MissingFile) => `Add video to bring in ${plural(clips, "clip", "clips")} of ${name}`;
  // An editor's whole reel can name hundreds of files: the first few say enough.
  const rest = missing.slice(MISSING_SHOWN);
  const more = rest.reduce((sum, m) => sum + m.clips, 0);
  const tail = rest.length > 0 ? [`and ${plural(more, "clip", "clips")} of ${plural(rest.length, "more file", "more files")}`] : [];
  return [...missing.slice(0, MISSING_SHOWN).map(line), ...tail];
}

/** What importing `text` into the project would do, before anything changes. */
export function previewImport(fileName: string, text: string, context: ListContext): Result<ImportPreview> {
  if (wasUtf16(text)) return fail(`${fileName}: it is UTF-16 text; save it as UTF-8 and import it again`);
  const reader = formatOf(text);
  if (!reader) return fail(`${fileName}: not an edit list this page reads (${READ_NAMES})`);
  const format = reader.id;
  const parsed = reader.reader.parse(text, context);
  if (!parsed.ok) return fail(`${fileName}: ${parsed.error}`);
  const listed = parsed.value.entries;
  const leftOut: LineWarning[] = [];
  const replaces = new Set<string>();
  const entries = listed.flatMap((entry, i): ListClip[] => {
    const source = sourceNamed(context, entry.sourceName);
    if (!source) return [];
    replaces.add(source.id);
    const of = context.sources.length > 1 ? ` of ${source.fileName}` : "";
    return fitToSource(entry, i + 1, source.info.duration, of, leftOut).map(({ start, end, label }) => ({ source: source.id, start, end, label }));
  });
  const frames = new Map(context.sources.map((s) => [s.id, videoFrames(s.info)]));
  const duration = entries.reduce((total, clip) => total + clipDuration(clip, frames.get(clip.source)), 0);
  const warnings = groupWarnings(parsed.value.warnings.concat(leftOut));
  return ok({ format, listed, entries, replaces: [...replaces], warnings, missing: missingFiles(listed, context), duration });
}

/**
 * The imported clips on their sources, in place of those sources' clips (the others' stay), or
 * after the list; ids continue from the list's.
 */
export function applyImport(
  clips: readonly Clip[],
  { entries, replaces }: Pick<ImportPreview, "entries" | "replaces">,
  how: "replace" | "append",
): Clip[] {
  const kept = how === "replace" ? clips.filter((c) => !replaces.includes(c.source)) : [...clips];
  const firstId = kept.reduce((max, c) => Math.max(max, c.id), 0) + 1;
  return [...kept, ...entries.map((e, i) => ({ id: firstId + i, source: e.source, start: e.start, end: e.end, label: e.label }))];
}
