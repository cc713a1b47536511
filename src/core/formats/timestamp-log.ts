import { fail, ok, type Result } from "../result";
import { formatTimecode, parseTime } from "../timecode";
import type { EditListFormat } from "./edit-format";
import { textLines, type EditEntry, type EditList, type LineWarning } from "./edit-list";

/** A logged line: `HH:MM:SS` with an optional fraction, perhaps with a trailing comma. */
const TIMESTAMP = /^\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?,?$/;

interface Stamp {
  line: number;
  time: number | null;
}

function readStamp(raw: string, line: number, warnings: LineWarning[]): Stamp {
  const text = raw.trim();
  if (!TIMESTAMP.test(text)) {
    warnings.push({ line, message: `line ${line}: "${text.slice(0, 40)}" is not a timestamp` });
    return { line, time: null };
  }
  const time = parseTime(text.replace(/,$/, "").replace(",", "."));
  return { line, time: time.ok ? time.value : null };
}

function pairUp(inStamp: Stamp, outStamp: Stamp, warnings: LineWarning[]): EditEntry | null {
  if (inStamp.time === null || outStamp.time === null) {
    const bad = inStamp.time === null ? inStamp : outStamp;
    warnings.push({ line: bad.line, message: `line ${bad.line}: its pair (lines ${inStamp.line}–${outStamp.line}) is dropped` });
    return null;
  }
  if (outStamp.time <= inStamp.time) {
    warnings.push({ line: outStamp.line, message: `line ${outStamp.line}: OUT is not after IN on line ${inStamp.line}` });
    return null;
  }
  return { start: inStamp.time, end: outStamp.time, label: "" };
}

/** An IN left without its OUT runs to the end of the source, if it lies before the end. */
function lastIn(stamp: Stamp, duration: number, warnings: LineWarning[]): EditEntry | null {
  if (stamp.time !== null && stamp.time < duration) {
    warnings.push({ line: stamp.line, message: `line ${stamp.line}: IN without OUT runs to the end (${formatTimecode(duration)})` });
    return { start: stamp.time, end: duration, label: "" };
  }
  warnings.push({ line: stamp.line, message: `line ${stamp.line}: IN without OUT is dropped` });
  return null;
}

/** Whether trimmed, non-blank lines look like a timestamp log: at least half of them are timestamps. */
export function recognizes(lines: readonly string[]): boolean {
  const stamps = lines.filter((l) => TIMESTAMP.test(l)).length;
  return stamps > 0 && stamps >= lines.length / 2;
}

/**
 * Reads a timestamp log: non-blank lines pair by position (1st with 2nd, …) as IN and OUT. An
 * unreadable line keeps its place, so only its own pair is lost and later pairs stay aligned.
 */
export function parse(text: string, duration: number): Result<EditList> {
  const warnings: LineWarning[] = [];
  const stamps = textLines(text)
    .map((raw, index) => ({ raw, line: index + 1 }))
    .filter(({ raw }) => raw.trim() !== "")
    .map(({ raw, line }) => readStamp(raw, line, warnings));
  if (!stamps.some((s) => s.time !== null)) return fail("no line is a timestamp (HH:MM:SS.mmm)");
  const entries: EditEntry[] = [];
  for (let i = 0; i < stamps.length; i += 2) {
    const [inStamp, outStamp] = [stamps[i] as Stamp, stamps[i + 1]];
    const entry = outStamp ? pairUp(inStamp, outStamp, warnings) : lastIn(inStamp, duration, warnings);
    if (entry) entries.push(entry);
  }
  return ok({ entries, warnings: warnings.sort((a, b) => a.line - b.line) });
}

/** One `HH:MM:SS.mmm` line per IN and per OUT. */
export function serialize(entries: readonly EditEntry[]): string {
  return entries.flatMap((e) => [formatTimecode(e.start), formatTimecode(e.end)]).join("\n") + "\n";
}

export const format: EditListFormat = {
  id: "log",
  name: "timestamp log",
  reader: { recognizes, parse: (text, { onPlayer }) => parse(text, onPlayer.info.duration) },
};
