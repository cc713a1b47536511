import { fail, ok, type Result } from "../result";
import { formatTimecode, parseTime } from "../timecode";
import { quoteField, splitRow } from "./csv-fields";
import type { EditListFormat } from "./edit-format";
import { textLines, type EditEntry, type EditList, type LineWarning } from "./edit-list";

// LosslessCut's CSV (its docs, "Import / export"): `start,end,name` a row, no header, times in
// seconds or empty, every row exactly three columns (LosslessCut refuses a file otherwise).
const TIME_OR_EMPTY = /^\s*(\d+(\.\d*)?|\.\d+|\d+:[\d:.]+)?\s*$/;

/** Three columns, the first two times or empty, and no `#` header: ours always has one. */
const isRow = (line: string): boolean => {
  const fields = splitRow(line);
  return fields?.length === 3 && TIME_OR_EMPTY.test(fields[0] as string) && TIME_OR_EMPTY.test(fields[1] as string);
};

export const recognizes = (lines: readonly string[]): boolean => lines.length > 0 && lines.every(isRow);

function readRow(row: string, line: number): Result<EditEntry> {
  const fields = splitRow(row);
  if (fields?.length !== 3) return fail(`line ${line}: not start,end,name (three columns)`);
  const [startText, endText, name] = fields as [string, string, string];
  // An empty start is the start of the file, as in LosslessCut's own example.
  const start = startText.trim() === "" ? ok(0) : parseTime(startText);
  if (!start.ok) return fail(`line ${line}: start ${start.error}`);
  // LosslessCut since it has markers keeps a segment without an end as one: a point in time, not a
  // part to keep (its older docs ran it to the end of the video; either way, said with its line).
  if (endText.trim() === "") return fail(`line ${line}: a marker at ${formatTimecode(start.value)} (no end), not a clip: left out`);
  const end = parseTime(endText);
  if (!end.ok) return fail(`line ${line}: end ${end.error}`);
  if (end.value <= start.value) return fail(`line ${line}: end is not after start`);
  return ok({ start: start.value, end: end.value, label: name.trim() });
}

/** Reads the rows in file order; a row that is no clip is left out with a warning naming its line. */
export function parse(text: string): Result<EditList> {
  const entries: EditEntry[] = [];
  const warnings: LineWarning[] = [];
  for (const [index, raw] of textLines(text).entries()) {
    if (raw.trim() === "") continue;
    const entry = readRow(raw, index + 1);
    if (entry.ok) entries.push(entry.value);
    else warnings.push({ line: index + 1, message: entry.error });
  }
  if (entries.length === 0) return fail(warnings[0] ? `no clip could be read (${warnings[0].message})` : "the file holds no clips");
  return ok({ entries, warnings });
}

/** Times in full (JavaScript's shortest exact form), so a list comes back from LosslessCut unchanged. */
export const serialize = (entries: readonly EditEntry[]): string =>
  entries.map((e) => `${String(e.start)},${String(e.end)},${quoteField(e.label)}\n`).join("");

export const format: EditListFormat = {
  id: "losslesscut",
  name: "LosslessCut CSV",
  reader: { recognizes, parse: (text) => parse(text) },
  writer: {
    action: "Export LosslessCut CSV",
    suffix: "-losslesscut.csv",
    mime: "text/csv",
    scope: "source",
    serialize: (clips) => ok(serialize(clips)),
  },
};
