import { fail, ok, type Result } from "../result";
import { parseTime } from "../timecode";
import { quoteField } from "./csv-fields";
import type { EditListFormat } from "./edit-format";
import { textLines, type EditEntry, type EditList, type LineWarning } from "./edit-list";

const CSV_HEADER = "# IN,OUT (seconds)";

const HEADER_ROW = /^\s*"?(in|start)"?\s*,\s*"?(out|end)"?\s*(,.*)?$/i;

/** A label column may be quoted, with `""` for a quote inside it. */
function unquote(text: string): string {
  const trimmed = text.trim();
  return /^".*"$/s.test(trimmed) ? trimmed.slice(1, -1).replace(/""/g, '"') : trimmed;
}

function parseRow(row: string, line: number): Result<EditEntry> {
  const [startText = "", endText = "", ...rest] = row.split(",");
  const start = parseTime(startText);
  const end = parseTime(endText);
  if (!start.ok) return fail(`line ${line}: IN ${start.error}`);
  if (!end.ok) return fail(`line ${line}: OUT ${end.error}`);
  if (end.value <= start.value) return fail(`line ${line}: OUT is not after IN`);
  return ok({ start: start.value, end: end.value, label: unquote(rest.join(",")) });
}

/** Whether trimmed, non-blank lines look like an edit list: some line holds two times and a comma. */
export const recognizes = (lines: readonly string[]): boolean => lines.some((l) => /^[^#]*[\d:.]+\s*,\s*[\d:.]+/.test(l));

/**
 * Reads edits.csv (`start,end` a line, seconds or timecode, `#` comments) and LosslessCut's
 * `start,end,label`. Rows keep file order; an unreadable row is skipped with a warning.
 */
export function parse(text: string): Result<EditList> {
  const entries: EditEntry[] = [];
  const warnings: LineWarning[] = [];
  for (const [index, raw] of textLines(text).entries()) {
    const row = raw.trim();
    if (row === "" || row.startsWith("#") || (entries.length === 0 && HEADER_ROW.test(row))) continue;
    const entry = parseRow(row, index + 1);
    if (entry.ok) entries.push(entry.value);
    else warnings.push({ line: index + 1, message: entry.error });
  }
  if (entries.length === 0) {
    return fail(warnings[0] ? `no clip could be read (${warnings[0].message})` : "the file holds no clips");
  }
  return ok({ entries, warnings });
}

/** Seconds with up to millisecond precision and no needless trailing zeros. */
const seconds = (value: number): string => String(Math.round(value * 1000) / 1000);

export function serialize(entries: readonly EditEntry[]): string {
  const labelled = entries.some((e) => e.label !== "");
  const rows = entries.map((e) => [seconds(e.start), seconds(e.end), ...(labelled ? [quoteField(e.label)] : [])].join(","));
  return [CSV_HEADER, ...rows, ""].join("\n");
}

export const format: EditListFormat = {
  id: "csv",
  name: "edit list (CSV)",
  reader: { recognizes, parse: (text) => parse(text) },
  writer: { action: "Export CSV", suffix: "-edits.csv", mime: "text/csv", scope: "source", serialize: (clips) => ok(serialize(clips)) },
};
