import { frameStart, type FrameRange } from "../frames";
import { rationalValue, type Rational } from "../rational";
import { fail, ok, type Result } from "../result";
import { textLines, type EditEntry, type LineWarning } from "./edit-list";
import { isDropRate, nominal, timecodeToFrames } from "./edl-timecode";

/** A clip of an EDL, with what tells its source apart: the names its comments give, and its reel. */
export interface EdlEntry extends EditEntry {
  /** Source file names first (the most telling), then the clip name. */
  names: string[];
  reel: string;
  line: number;
  /** The source range in frames of timecode: times are moved to the video's start in whole frames. */
  frames: FrameRange;
  /** The source IN and OUT as written (read again at the rate of the file an event turns out to cut), and whether it counts drop-frame. */
  sourceIn: string;
  sourceOut: string;
  drop: boolean;
  /** The warning about its speed change, if any: only worth saying where the clip is imported. */
  speed?: LineWarning;
}

export interface EdlList {
  entries: EdlEntry[];
  warnings: LineWarning[];
}

const EVENT =
  /^(\d{1,6})\s+(\S+)\s+(\S+)\s+(C|D|W\d+|K\S*)\s+(?:\d+\s+)?(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$/;

/** Black, bars and tone come from the editor itself, not from a file: no clip. */
const GENERATOR = /^(BL|BLK|BLACK|BARS|SMPTEBARS|SLUG|TONE)$/i;
/** Premiere names its generators instead, on the reel `AX`. */
const GENERATOR_NAME = /^(black video|bars and tone|color matte|transparent video)\b/i;

/**
 * A DaVinci Resolve marker: `note |C:ResolveColorBlue |M:name |D:1` under a one-frame event (longer
 * for a marker with a duration). A list whose every event carries one holds markers, not clips.
 */
const MARKER = /\|C:[^|]*\|M:[^|]*\|D:\s*\d+/;

/** Lines of the format that carry nothing a cut list keeps: audio tracks, effect names, remarks, split edits. */
const READ_ONLY = /^(AUD\b|EFFECTS? NAME\b|REM\b|SPLIT:|TITLE:)/i;

/** Avid's table of sources after the events: its `>>> SOURCE` lines and their comments name no event. */
const SOURCE_TABLE = /^>>>\s*SOURCE\b/i;

/** Comments that name a source; some writers leave out the `*`. */
const NAME = /^\*?\s*(FROM CLIP NAME|TO CLIP NAME|SOURCE FILE|FROM FILE|FROM CLIP):\s*(.*?)\s*$/i;

interface RawEvent {
  number: string;
  reel: string;
  transition: boolean;
  first: number;
  end: number;
  /** Source and record range as written: one edit repeated on other tracks repeats it all. */
  key: string;
  line: number;
  sourceIn: string;
  sourceOut: string;
  drop: boolean;
  clipName?: string;
  toName?: string;
  files: string[];
  label: string;
  speed?: LineWarning;
  marker: boolean;
}

function readEvent(row: string, line: number, rate: Rational, fcmDrop: boolean | undefined): Result<RawEvent> | null {
  const match = EVENT.exec(row);
  if (!match) return null;
  const [, number = "", reel = "", , type = "", sourceIn = "", sourceOut = "", recordIn = "", recordOut = ""] = match;
  const drop = fcmDrop ?? /[;,]/.test(sourceIn);
  const [first, end] = [sourceIn, sourceOut].map((t) => timecodeToFrames(t, rate, drop));
  if (first == null || end == null) return fail("a source timecode is not HH:MM:SS:FF");
  const key = `${first} ${end} ${recordIn.replace(/[;,.]/g, ":")} ${recordOut.replace(/[;,.]/g, ":")}`;
  const transition = type !== "C";
  return ok({ number, reel, transition, first, end, key, line, sourceIn, sourceOut, drop, files: [], label: "", marker: false });
}

/** Attaches a comment line to the event it follows; the outgoing name of a transition to its "from" half. */
function readComment(row: string, events: RawEvent[]): void {
  const last = events.at(-1);
  if (!last) return;
  const comment = /^\*\s*COMMENT:\s*(.*)$/i.exec(row);
  if (comment) last.label = comment[1] ?? "";
  const named = NAME.exec(row);
  if (!named) return;
  const [kind, name] = [(named[1] ?? "").toUpperCase(), named[2] ?? ""];
  if (name === "") return;
  const before = events.at(-2);
  const fromHalf = last.transition && before?.number === last.number ? before : undefined;
  if (kind === "TO CLIP NAME") last.toName = name;
  else if (kind === "FROM CLIP NAME" && fromHalf) fromHalf.clipName ??= name;
  else if (kind === "FROM CLIP NAME") last.clipName ??= name;
  else last.files.push(name);
}

const fps = (rate: Rational) => `${+rationalValue(rate).toFixed(3)} fps`;

/** Reads each line: events, the frame count mode in force, comments, speed changes, markers. */
function readLines(text: string, rate: Rational) {
  const events: RawEvent[] = [];
  const warnings: LineWarning[] = [];
  const warn = (line: number, message: string) => warnings.push({ line, message: `line ${line}: ${message}` });
  let drop: boolean | undefined;
  let inSourceTable = false;
  for (const [index, raw] of textLines(text).entries()) {
    const [row, line] = [raw.trim(), index + 1];
    const fcm = /^FCM:\s*(NON[- ]?)?DROP[- ]FRAME\b/i.exec(row);
    const speed = /^M2\s+(\S+)\s+(-?\d+(?:\.\d+)?)\s+\S+/i.exec(row);
    const event = readEvent(row, line, rate, drop);
    if (row === "" || READ_ONLY.test(row)) continue;
    if (SOURCE_TABLE.test(row)) inSourceTable = true;
    else if (fcm) {
      drop = !fcm[1];
      if (drop && !isDropRate(rate)) warn(line, `drop-frame timecode at ${fps(rate)}, which has none: read as non-drop`);
    } else if (MARKER.test(row)) {
      const last = events.at(-1);
      if (last) last.marker = true;
    } else if (row.startsWith("*") || NAME.test(row)) {
      if (!inSourceTable) readComment(row, events);
    } else if (speed) {
      const last = events.at(-1);
      const speedFps = Number(speed[2]);
      const message = `line ${line}: speed change (M2 at ${speedFps} fps) dropped: the clip is imported at normal speed`;
      if (last && speedFps !== nominal(rate)) last.speed = { line, message };
    } else if (event?.ok) {
      events.push(event.value);
      inSourceTable = false;
    } else warn(line, event ? event.error : "not a CMX 3600 event");
  }
  return { events, warnings };
}

/** A transition's clip is its incoming one, named by `TO CLIP NAME` where the writer gives both. */
const clipNameOf = (event: RawEvent): string | undefined =>
  event.transition ? (event.toName ?? event.clipName) : event.clipName;

/** Whether an event cuts no source frames by design: a generator, or the zero-length "from" half of a transition. */
function isNoClip(event: RawEvent, next: RawEvent | undefined): boolean {
  if (GENERATOR.test(event.reel) || GENERATOR_NAME.test(clipNameOf(event) ?? "")) return true;
  const fromHalf = !event.transition && next?.transition === true && next.number === event.number;
  return fromHalf && event.end === event.first;
}

/**
 * Reads the clips of a CMX 3600 EDL in record order. One edit repeated on other tracks is one clip;
 * generators and transitions' "from" halves are none; a transition's incoming half is the clip.
 */
export function parse(text: string, rate: Rational): Result<EdlList> {
  const lines = textLines(text).map((l) => l.trim());
  if (!lines.some((l) => /^TITLE:/i.test(l) || EVENT.test(l))) return fail("not a CMX 3600 EDL");
  const { events, warnings } = readLines(text, rate);
  const markers = events.filter((e) => e.marker).length;
  if (markers > 0 && markers === events.length) {
    return fail(`a DaVinci Resolve marker list: it holds ${markers} marker${markers === 1 ? "" : "s"}, not clips`);
  }
  const seen = new Set<string>();
  const entries: EdlEntry[] = [];
  for (const [i, event] of events.entries()) {
    if (isNoClip(event, events[i + 1])) continue;
    if (event.end <= event.first) {
      warnings.push({ line: event.line, message: `line ${event.line}: source OUT is not after IN` });
      continue;
    }
    const names = [...event.files, clipNameOf(event)].filter((n): n is string => n !== undefined);
    const key = `${names[0] ?? `reel ${event.reel}`} ${event.key}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (event.speed) warnings.push(event.speed);
    const { line, reel, sourceIn, sourceOut, drop, label, speed } = event;
    const frames = { first: event.first, end: event.end };
    const [start, end] = [frameStart(frames.first, rate), frameStart(frames.end, rate)];
    entries.push({ start, end, label, names, reel, line, frames, sourceIn, sourceOut, drop, ...(speed ? { speed } : {}) });
  }
  warnings.sort((a, b) => a.line - b.line);
  if (entries.length === 0) return fail(warnings[0]?.message ?? `the EDL holds no ${events.length ? "clips" : "events"}`);
  return ok({ entries, warnings });
}
