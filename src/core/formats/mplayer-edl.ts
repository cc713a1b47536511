import { fail, ok, type Result } from "../result";
import { formatTimecode } from "../timecode";
import type { EditListFormat } from "./edit-format";
import { textLines, type EditEntry, type EditList, type LineWarning } from "./edit-list";

/*
 * MPlayer's EDL (MPlayer's manual, "Edit Decision Lists"): `begin end action` a line, seconds as
 * decimals, action 0 to skip and 1 to mute while playing. It lists what to leave out, so the clips
 * are what MPlayer plays: the source from 0 to its end with every skipped part removed. Action 3
 * is Kodi's commercial break (the same file format, written by comskip and LosslessCut), which
 * Kodi skips as it plays: read as a skip too. A mute keeps the picture, and so stays in a clip, but
 * its silence is not kept; a scene marker (2) is a point, no part: both are said.
 */
const LINE = /^(\d+(?:\.\d*)?|\.\d+)\s+(\d+(?:\.\d*)?|\.\d+)\s+([0-3])$/;

export const recognizes = (lines: readonly string[]): boolean => lines.length > 0 && lines.every((l) => LINE.test(l));

interface Skip {
  start: number;
  end: number;
}

function readLine(row: string, line: number, skips: Skip[], warnings: LineWarning[]): void {
  const match = LINE.exec(row);
  if (!match) {
    warnings.push({ line, message: `line ${line}: not "start end action"` });
    return;
  }
  const [start, end, action] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const where = `${formatTimecode(start)}–${formatTimecode(end)}`;
  if (end <= start) warnings.push({ line, message: `line ${line}: end is not after start` });
  else if (action === 0 || action === 3) skips.push({ start, end });
  else if (action === 1) warnings.push({ line, message: `line ${line}: the sound muted ${where} is not kept (it plays)` });
  else warnings.push({ line, message: `line ${line}: a scene marker at ${formatTimecode(start)}, not a cut: left out` });
}

/** The parts between the skips, in time order, from 0 to the end of the source. */
function keptParts(skips: Skip[], duration: number): EditEntry[] {
  const kept: EditEntry[] = [];
  let from = 0;
  for (const skip of [...skips].sort((a, b) => a.start - b.start)) {
    if (skip.start > from) kept.push({ start: from, end: Math.min(skip.start, duration), label: "" });
    from = Math.max(from, skip.end);
  }
  if (from < duration) kept.push({ start: from, end: duration, label: "" });
  return kept.filter((part) => part.end > part.start);
}

export function parse(text: string, duration: number): Result<EditList> {
  const skips: Skip[] = [];
  const warnings: LineWarning[] = [];
  for (const [index, raw] of textLines(text).entries()) {
    if (raw.trim() !== "") readLine(raw.trim(), index + 1, skips, warnings);
  }
  const entries = keptParts(skips, duration);
  if (entries.length === 0) return fail("it skips the whole video");
  return ok({ entries, warnings });
}

export const format: EditListFormat = {
  id: "mplayer-edl",
  name: "MPlayer EDL",
  reader: { recognizes, parse: (text, { onPlayer }) => parse(text, onPlayer.info.duration) },
};
