import { MAX_GAIN_DB, MIN_GAIN_DB, type AudioMix } from "./audio-mix";
import { isClipColour } from "./clip-colours";
import { sameClip, type Clip } from "./clips";
import type { ExportMode } from "./export-plan";
import type { MediaRef, Project, Source } from "./project";
import { withSources } from "./project-upgrade";
import { apply, fits, stepBetween, type Step } from "./history";
import { isObject } from "./json";
import { asOutputContainer, type OutputContainer } from "./output-container";
import type { AudioStream, MediaInfo, OtherStream, Stream, VideoStream } from "./media-info";
import type { Rational } from "./rational";
import { plural } from "./plural";
import { formatTimecode } from "./timecode";

/**
 * One check for a project from anywhere outside the page's own memory (a backup, a record an older
 * version stored): every field is read into a fresh object, so nothing unchecked and no key that
 * reaches a prototype comes through. What can be repaired is, and said; the rest is refused.
 */

/** Longer than any video a project may know nothing of (about 115 days): times past it are not times. */
export const MAX_SECONDS = 1e7;
export const MAX_LABEL = 1000;
export const MAX_NAME = 500;
const MAX_ID = 300;
/** Clip ids stay well below 2^53, so that the next id (the largest plus one) is still exact. */
const MAX_CLIP_ID = 2 ** 50;
/** The latest time a JavaScript Date holds. */
const MAX_DATE = 8.64e15;
/** Above any real frame rate, time base or picture size: products of times with them stay finite. */
const MAX_RATIO = 2 ** 31;
const EXPORT_MODES: readonly ExportMode[] = ["lossless", "smart", "reencode"];
/** Names that, as object keys, reach or replace an object's prototype. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export type CheckedProject = { ok: true; project: Project; repairs: string[] } | { ok: false; error: string };

export interface CheckOptions {
  /** A fresh id for a project whose own cannot be used (a restore); without it such a project is refused. */
  newId?: () => string;
  /** What dates that are not dates become. */
  now: number;
}

const number = (v: unknown, min: number, max: number): number | null =>
  // `+ 0` turns -0 into 0.
  typeof v === "number" && v >= min && v <= max ? v + 0 : null;
const text = (v: unknown, max = MAX_NAME): string | null => (typeof v === "string" && v.length <= max ? v : null);
const whole = (v: unknown, max: number): number | null => (Number.isSafeInteger(v) ? number(v, 0, max) : null);

/** An id as Clipmark makes them (hex, or a file's name, size and date): printable, not too long, no prototype key. */
export const isPlainId = (v: unknown): v is string =>
  typeof v === "string" && v.length > 0 && v.length <= MAX_ID && !/[\u0000-\u001f\u007f-\u009f]/.test(v) && !RESERVED_KEYS.has(v);

/** A value cut to `max` characters for a message. */
export const shown = (value: string, max = 60): string => (value.length > max ? `${value.slice(0, max)}…` : value);


// What can be wrong with a list's clips, counted by kind: a million bad clips make one message.
type ClipFix =
  | "unreadable"
  | "backwards"
  | "late"
  | "beyond"
  | "clamped"
  | "label"
  | "longLabel"
  | "colour"
  | "source"
  | "ids"
  | "notList"
  | "unfit";
// Each kind with how many and the first clip it was found at, with the value it had, and the end of
// that clip's video, for the message.
type Tally = Map<ClipFix, { count: number; first?: string; end?: number }>;
const FIX_TEXT: Record<ClipFix, (n: number, end: string) => string> = {
  unreadable: (n) => `${plural(n, "clip had", "clips had")} no readable IN and OUT times: left out`,
  backwards: (n) => `${plural(n, "clip had its", "clips had their")} OUT not after IN: left out`,
  late: (n, end) => `${plural(n, "clip started", "clips started")} after the end of the video (${end}): left out`,
  beyond: (n) => `${plural(n, "clip had a time", "clips had times")} past any video's length: left out`,
  clamped: (n, end) => `${plural(n, "clip ended", "clips ended")} after the end of the video: OUT moved to ${end}`,
  label: (n) => `${plural(n, "label was", "labels were")} not text: emptied`,
  longLabel: (n) =>
    `${plural(n, "label was", "labels were")} longer than ${MAX_LABEL.toLocaleString("en-US")} characters: shortened`,
  colour: (n) => `${plural(n, "clip had a colour", "clips had colours")} this page does not know: set to automatic`,
  source: (n) => `${plural(n, "clip was", "clips were")} of a video the project does not have: left out`,
  ids: () => "clip numbers repeated or were not whole numbers: renumbered",
  notList: (n) => `${plural(n, "step was", "steps were")} not a list of clips: left out`,
  unfit: () => "steps that did not fit its clips were left out",
};
const note = (tally: Tally, fix: ClipFix, first?: string, count = 1, end?: number) => {
  const known = tally.get(fix);
  tally.set(fix, known ? { ...known, count: known.count + count } : { count, first, end });
};

/** How long each source's clips may run: its length where it was probed (`known`), else any video's. */
type Bounds = Map<string, { end: number; known: boolean }>;

/** A stored value as a message shows it: a number as it is (1e+308 s), anything else by its kind. */
function given(v: unknown): string {
  if (typeof v === "number") return `${Object.is(v, -0) ? "-0" : String(v)} s`;
  if (typeof v === "string") return JSON.stringify(shown(v, 20));
  return v === undefined || v === null ? "missing" : "not a number";
}

/**
 * A clip as it may be kept: of one of the project's sources, times within its `end` (the video's
 * length when `known`), a short text label. `place` is its number in its list, for the message.
 */
function checkClip(v: unknown, place: number, bounds: Bounds, tally: Tally): Clip | null {
  const at = (what: string) => `clip ${place}${what && `: ${what}`}`;
  const of = typeof v === "object" && v !== null && "source" in v ? v.source : undefined;
  const source = typeof of === "string" ? bounds.get(of) : undefined;
  const { end, known } = source ?? { end: MAX_SECONDS, known: false };
  const drop = (fix: ClipFix, what = ""): null => {
    note(tally, fix, at(what), 1, end);
    return null;
  };
  if (!isObject(v)) return drop("unreadable");
  if (!source) return drop("source", `video ${typeof of === "string" ? JSON.stringify(shown(of, 40)) : "missing"}`);
  const start = number(v.start, 0, Number.MAX_VALUE);
  const stop = number(v.end, 0, Number.MAX_VALUE);
  if (start === null) return drop("unreadable", `IN ${given(v.start)}`);
  if (stop === null) return drop("unreadable", `OUT ${given(v.end)}`);
  if (stop <= start) return drop("backwards", `IN ${given(start)}, OUT ${given(v.end)}`);
  if (start >= end) return drop(known ? "late" : "beyond", `IN ${given(start)}`);
  if (stop > end && !known) return drop("beyond", `OUT ${given(stop)}`);
  if (stop > end) note(tally, "clamped", at(`OUT ${given(stop)}`), 1, end);
  if (typeof v.label !== "string") note(tally, "label");
  let label = typeof v.label === "string" ? v.label : "";
  if (label.length > MAX_LABEL) {
    note(tally, "longLabel");
    label = label.slice(0, MAX_LABEL);
  }
  // Absent is no colour (clips stored before colours); anything else unknown is made none.
  const colour = isClipColour(v.colour) ? v.colour : undefined;
  if (v.colour !== undefined && !colour) note(tally, "colour");
  // A bad id is renumbered with the list's others.
  const id = typeof v.id === "number" ? v.id : 0;
  return { id, source: of as string, start, end: Math.min(stop, end), label, ...(colour && { colour }) };
}

/** A clip list, or null when it is not a list at all. Ids end up unique positive whole numbers. */
function checkClips(v: unknown, bounds: Bounds, tally: Tally): Clip[] | null {
  if (!Array.isArray(v)) return null;
  const clips: Clip[] = [];
  const ids = new Set<number>();
  for (const [i, item] of v.entries()) {
    const clip = checkClip(item, i + 1, bounds, tally);
    if (!clip) continue;
    clips.push(clip);
    ids.add(clip.id);
  }
  const plain = ids.size === clips.length && clips.every((c) => whole(c.id, MAX_CLIP_ID) !== null && c.id > 0);
  if (plain) return clips;
  note(tally, "ids");
  return clips.map((clip, i) => ({ ...clip, id: i + 1 }));
}

/**
 * A stored step, its clips checked as the list's are; null where any part of it is unreadable or
 * changed. An unknown colour is made none here as in the list (and counted), so the step still meets it.
 */
function checkStep(v: unknown, bounds: Bounds, history: Tally): Step<Clip, Source> | null {
  if (!isObject(v) || whole(v.at, MAX_CLIP_ID) === null || !Array.isArray(v.removed) || !Array.isArray(v.inserted)) return null;
  const beside = v.beside === undefined ? undefined : checkSourceStep(v.beside);
  if (beside === null) return null;
  const intact = (list: unknown[]): Clip[] | null => {
    const tally: Tally = new Map();
    const clips = list.map((item, i) => checkClip(item, i + 1, bounds, tally));
    const numbered = clips.every((c) => c && whole(c.id, MAX_CLIP_ID) !== null && c.id > 0);
    const colours = tally.get("colour")?.count ?? 0;
    if (tally.size > (colours > 0 ? 1 : 0) || !numbered) return null;
    if (colours > 0) note(history, "colour", undefined, colours);
    return clips as Clip[];
  };
  const removed = intact(v.removed);
  const inserted = intact(v.inserted);
  const step = removed && inserted && complete<Step<Clip>>({ at: v.at as number, removed, inserted });
  return step && (beside ? { ...step, beside } : step);
}

/** A source as a step of the history keeps it (one moved or removed), or null. An unreadable probe is dropped. */
function checkKeptSource(v: unknown): Source | null {
  const media = isObject(v) ? checkMedia(v.media) : null;
  if (!isObject(v) || !media || !isPlainId(v.id)) return null;
  const info = v.info === undefined ? null : checkInfo(v.info);
  return { id: v.id, media, ...(info && { info }) };
}

/** The sources' part of a stored step, or null where any of it is unreadable. */
function checkSourceStep(v: unknown): Step<Source> | null {
  if (!isObject(v) || whole(v.at, MAX_CLIP_ID) === null || !Array.isArray(v.removed) || !Array.isArray(v.inserted)) return null;
  const removed = v.removed.map(checkKeptSource);
  const inserted = v.inserted.map(checkKeptSource);
  if (removed.includes(null) || inserted.includes(null)) return null;
  return { at: v.at as number, removed: removed as Source[], inserted: inserted as Source[] };
}

/** The sources the stored steps name beside their clips (removed ones, which undo brings back). */
function historySources(v: Record<string, unknown>): Source[] {
  const steps = [v.undo, v.redo].flatMap((list) => (Array.isArray(list) ? list : []));
  return steps.flatMap((step) => {
    const beside = isObject(step) && step.beside !== undefined ? checkSourceStep(step.beside) : null;
    return beside ? [...beside.removed, ...beside.inserted] : [];
  });
}

/**
 * Steps as stored: each a change (now), or each a whole clip list (before changes were kept), made
 * into the changes between those lists. Null for each entry that is neither.
 */
function readSteps(v: unknown, present: Clip[], direction: "forward" | "backward", bounds: Bounds, tally: Tally) {
  if (!Array.isArray(v)) {
    if (v !== undefined) note(tally, "notList");
    return [];
  }
  if (!v.some(Array.isArray)) return v.map((step) => checkStep(step, bounds, tally));
  const lists = v.map((list) => checkClips(list, bounds, tally));
  // Undo lists run oldest first up to the present; redo lists run from it.
  const chain = direction === "backward" ? [...lists, present] : [present, ...lists];
  const steps = chain.slice(1).map((list, i) => {
    const before = chain[i];
    return before && list ? stepBetween(before, list, sameClip) : null;
  });
  return steps;
}

/** A step that puts back what it takes out: none at all, or one whose only change was a colour made none. */
const changesNothing = ({ removed, inserted, beside }: Step<Clip, Source>): boolean =>
  beside === undefined && removed.length === inserted.length && removed.every((clip, i) => sameClip(clip, inserted[i] as Clip));

const sameSource = (a: Source, b: Source): boolean => a.id === b.id && a.media.fingerprint === b.media.fingerprint;

/**
 * Undo and redo, kept only as far as they still lead from the present list: a step that cannot be
 * made on the list it would meet is dropped with every step beyond it.
 */
function checkHistory(v: Record<string, unknown>, present: Clip[], sources: Source[], bounds: Bounds, tally: Tally) {
  const keep = (steps: (Step<Clip, Source> | null)[], direction: "forward" | "backward"): Step<Clip, Source>[] => {
    const order = direction === "backward" ? [...steps].reverse() : steps;
    const kept: Step<Clip, Source>[] = [];
    let list: readonly Clip[] = present;
    // The sources each step meets, where steps change them too.
    let files: readonly Source[] = sources;
    // How many clips of each id the list has, kept step by step: every list met must have each once.
    const ids = new Map(present.map((clip) => [clip.id, 1]));
    const unique = (step: Step<Clip, Source>) => {
      const [out, into] = direction === "backward" ? [step.inserted, step.removed] : [step.removed, step.inserted];
      for (const { id } of out) ids.set(id, (ids.get(id) ?? 0) - 1);
      return into.every(({ id }) => ids.set(id, (ids.get(id) ?? 0) + 1).get(id) === 1);
    };
    for (const step of order) {
      // The sources after the step: it must find what it changes, and bring back none the list has.
      const beside = step?.beside;
      const next = beside ? (fits(files, beside, direction, sameSource) ? apply(files, beside, direction) : null) : files;
      const distinct = next !== null && new Set(next.map((f) => f.id)).size === next.length;
      if (!step || !fits(list, step, direction, sameClip) || !distinct || !unique(step)) {
        note(tally, "unfit");
        break;
      }
      if (changesNothing(step)) continue;
      list = apply(list, step, direction);
      files = next;
      kept.push(step);
    }
    return direction === "backward" ? kept.reverse() : kept;
  };
  return {
    undo: keep(readSteps(v.undo, present, "backward", bounds, tally), "backward"),
    redo: keep(readSteps(v.redo, present, "forward", bounds, tally), "forward"),
  };
}

const tallyText = (tally: Tally, prefix = "") =>
  [...tally].map(([fix, { count, first, end }]) => {
    const where = first ? ` (${count > 1 ? "the first: " : ""}${first})` : "";
    return prefix + FIX_TEXT[fix](count, formatTimecode(end ?? MAX_SECONDS)) + where;
  });

/** Every field there, or null: `fields` as built from checked values, each null where its check failed. */
function complete<T extends object>(fields: { [K in keyof T]: T[K] | null }): T | null {
  return Object.values(fields).includes(null) ? null : (fields as T);
}

/** Tags as a plain object of text, without keys that reach a prototype. */
function checkTags(v: unknown): Record<string, string> | null {
  if (!isObject(v)) return null;
  const kept = Object.entries(v).filter(([key, value]) => !RESERVED_KEYS.has(key) && typeof value === "string");
  return Object.fromEntries(kept) as Record<string, string>;
}

const rate = (v: unknown): Rational | null =>
  isObject(v) ? complete<Rational>({ num: whole(v.num, MAX_RATIO), den: whole(v.den, MAX_RATIO) }) : null;
const positiveRate = (v: unknown): Rational | null => {
  const r = rate(v);
  return r && r.num > 0 && r.den > 0 ? r : null;
};
const aspect = (v: unknown): Rational | null =>
  isObject(v) ? complete<Rational>({ num: number(v.num, 0, MAX_RATIO), den: number(v.den, 0, MAX_RATIO) }) : null;

function checkStream(v: unknown): Stream | null {
  if (!isObject(v)) return null;
  const common = {
    index: whole(v.index, MAX_RATIO),
    codec: text(v.codec),
    timeBase: positiveRate(v.timeBase),
    tags: checkTags(v.tags),
  };
  if (v.kind === "video") {
    const video = complete<Omit<VideoStream, "profile">>({
      kind: "video",
      ...common,
      width: number(v.width, 0, MAX_RATIO),
      height: number(v.height, 0, MAX_RATIO),
      frameRate: positiveRate(v.frameRate),
      pixelFormat: text(v.pixelFormat),
      pixelAspect: aspect(v.pixelAspect),
      displayAspect: aspect(v.displayAspect),
    });
    return video && (typeof v.profile === "string" ? { ...video, profile: v.profile } : video);
  }
  if (v.kind === "subtitle" || v.kind === "data") {
    return complete<OtherStream>({ kind: v.kind, index: common.index, codec: common.codec, tags: common.tags });
  }
  if (v.kind !== "audio") return null;
  return complete<AudioStream>({
    kind: "audio",
    ...common,
    sampleRate: number(v.sampleRate, 0, MAX_RATIO),
    channels: number(v.channels, 0, MAX_RATIO),
    channelLayout: text(v.channelLayout),
    bitRate: number(v.bitRate, 0, Number.MAX_SAFE_INTEGER),
  });
}

const seconds = (v: unknown): number | null => number(v, -MAX_SECONDS, MAX_SECONDS);

/** The probe result a project keeps, or null when any part of it is not what the probe writes. */
function checkInfo(v: unknown): MediaInfo | null {
  if (!isObject(v) || !Array.isArray(v.streams) || !Array.isArray(v.keyframes)) return null;
  const streams = v.streams.map(checkStream);
  const keyframes = v.keyframes.map(seconds);
  if (streams.includes(null) || keyframes.includes(null)) return null;
  const duration = number(v.duration, 0, MAX_SECONDS);
  return complete<MediaInfo>({
    fileName: text(v.fileName),
    container: text(v.container),
    duration: duration === 0 ? null : duration,
    size: number(v.size, 0, Number.MAX_SAFE_INTEGER),
    bitRate: number(v.bitRate, 0, Number.MAX_SAFE_INTEGER),
    tags: checkTags(v.tags),
    streams: streams as Stream[],
    keyframes: keyframes as number[],
    // Absent from projects stored before they were read.
    ...(v.origin !== undefined && { origin: seconds(v.origin) }),
    ...(v.start !== undefined && { start: seconds(v.start) }),
  });
}

function checkMedia(v: unknown): MediaRef | null {
  if (!isObject(v)) return null;
  const name = text(v.name);
  return complete<MediaRef>({
    name: name === "" ? null : name,
    size: whole(v.size, Number.MAX_SAFE_INTEGER),
    lastModified: number(v.lastModified, -MAX_DATE, MAX_DATE),
    fingerprint: isPlainId(v.fingerprint) ? v.fingerprint : null,
  });
}

/** The project's id, a fresh one where it cannot be used and the caller gives one, or a reason to refuse. */
function checkId(v: unknown, options: CheckOptions, repairs: string[]): string | { error: string } {
  if (isPlainId(v)) return v;
  const which = typeof v === "string" ? `its id "${shown(v, 40)}" cannot be used` : "it had no id";
  if (!options.newId) return { error: which };
  repairs.push(`${which}: restored under a new id`);
  return options.newId();
}

const UNDESCRIBED = "(file name, size and fingerprint)";

/**
 * The files a project cuts, each with an id of its own; a reason to refuse the project where any
 * cannot be told (its clips would have nothing to be cut from). An unreadable probe is dropped.
 */
function checkSources(v: unknown, repairs: string[]): Source[] | { error: string } {
  if (!Array.isArray(v) || v.length === 0) return { error: `the video it cuts is not described ${UNDESCRIBED}` };
  const sources: Source[] = [];
  for (const [i, item] of v.entries()) {
    const which = v.length === 1 ? "the video it cuts" : `video ${i + 1} of the ${v.length} it cuts`;
    const media = isObject(item) ? checkMedia(item.media) : null;
    if (!isObject(item) || !media) return { error: `${which} is not described ${UNDESCRIBED}` };
    if (!isPlainId(item.id)) return { error: `${which} (${media.name}) has no id its clips can name` };
    if (sources.some((s) => s.id === item.id)) return { error: `${which} (${media.name}) has another video's id` };
    const info = item.info === undefined ? undefined : (checkInfo(item.info) ?? undefined);
    if (item.info !== undefined && !info) {
      const whose = v.length === 1 ? "the video's" : `${media.name}'s`;
      repairs.push(`its record of ${whose} streams was unreadable: dropped (the video is read again when opened)`);
    }
    sources.push({ id: item.id, media, ...(info && { info }) });
  }
  return sources;
}

/**
 * A project read from outside: repaired where it can be (with what was done), else refused with
 * why. One stored or backed up before a project had several sources is read as having one.
 */
export function checkProject(raw: unknown, options: CheckOptions): CheckedProject {
  const v = withSources(raw);
  if (!isObject(v)) return { ok: false, error: "it is not a project" };
  const repairs: string[] = [];
  const sources = checkSources(v.sources, repairs);
  if (!Array.isArray(sources)) return { ok: false, ...sources };
  const id = checkId(v.id, options, repairs);
  if (typeof id !== "string") return { ok: false, ...id };
  const boundsOf = (list: Source[]): Bounds =>
    new Map(list.map((s) => [s.id, { end: s.info?.duration ?? MAX_SECONDS, known: s.info !== undefined }]));
  const bounds = boundsOf(sources);
  const present: Tally = new Map();
  const clips = checkClips(v.clips, bounds, present);
  if (!clips) return { ok: false, error: "its clip list is unreadable" };
  const past: Tally = new Map();
  // Clips of a source a step removed are in that step, and undo brings them back with it.
  const { undo, redo } = checkHistory(v, clips, sources, boundsOf([...historySources(v), ...sources]), past);
  repairs.push(...tallyText(present), ...tallyText(past, "in its undo history, "));
  const project = { id, ...checkDetails(v, options, repairs), sources, clips, undo, redo };
  return { ok: true, project, repairs };
}

/** Streams a file may list, and so indices a choice of tracks may name. */
const MAX_STREAMS = 1024;

/** The tracks left out: stream indices, each once, ascending; absent (a project from before the choice) stays absent: none. */
function checkDroppedTracks(v: unknown, repairs: string[]): { droppedTracks?: number[] } {
  if (v === undefined) return {};
  const indices = Array.isArray(v) ? v.map((i) => whole(i, MAX_STREAMS - 1)) : [];
  if (!Array.isArray(v) || indices.some((i) => i === null)) {
    repairs.push("its choice of tracks was unreadable: every track kept");
    return {};
  }
  return { droppedTracks: [...new Set(indices as number[])].sort((a, b) => a - b) };
}

/**
 * The audio mix: stream indices each once, ascending; each volume a number of dB within range
 * (else 0 dB), a mix on with fewer than two tracks turned off. Absent stays absent: no mix.
 */
function checkAudioMix(v: unknown, repairs: string[]): { audioMix?: AudioMix } {
  if (v === undefined) return {};
  const tracks = isObject(v) && Array.isArray(v.tracks) ? v.tracks.map((i) => whole(i, MAX_STREAMS - 1)) : null;
  if (!isObject(v) || !tracks || tracks.some((i) => i === null)) {
    repairs.push("its audio mix was unreadable: no tracks mixed");
    return {};
  }
  const chosen = [...new Set(tracks as number[])].sort((a, b) => a - b);
  const gains: Record<number, number> = {};
  const given = isObject(v.gains) ? v.gains : {};
  if (!isObject(v.gains) && v.gains !== undefined) repairs.push("its audio mix's volumes were unreadable: set to 0 dB");
  let bad = 0;
  for (const [key, value] of Object.entries(given)) {
    const index = whole(Number(key), MAX_STREAMS - 1);
    const db = number(value, MIN_GAIN_DB, MAX_GAIN_DB);
    if (index !== null && db !== null && String(index) === key) gains[index] = db;
    else bad++;
  }
  if (bad > 0) repairs.push(`its audio mix had ${plural(bad, "volume", "volumes")} not from ${MIN_GAIN_DB} to ${MAX_GAIN_DB} dB on a track: set to 0 dB`);
  let on = v.on === true;
  if (v.on !== true && v.on !== false) repairs.push("its audio mix was neither on nor off: turned off");
  if (on && chosen.length < 2) {
    repairs.push("its audio mix had fewer than two tracks: turned off");
    on = false;
  }
  return { audioMix: { on, tracks: chosen, gains } };
}

/** The output container and chapters; absent (a project from before the choice) stays absent: MP4, no chapters. */
function checkOutput(container: unknown, chapters: unknown, repairs: string[]): { outputContainer?: OutputContainer; chapters?: boolean } {
  const outputContainer = asOutputContainer(container);
  if (container !== undefined && !outputContainer) repairs.push("its output container was unreadable: MP4");
  if (chapters !== undefined && typeof chapters !== "boolean") repairs.push("its choice of chapters was unreadable: none");
  return { ...(outputContainer ? { outputContainer } : {}), ...(typeof chapters === "boolean" ? { chapters } : {}) };
}

/** The name, export mode, tracks left out, audio mix, output container, chapters and dates: always repairable. */
function checkDetails(v: Record<string, unknown>, { now }: CheckOptions, repairs: string[]) {
  let name = typeof v.name === "string" && v.name.trim() !== "" ? v.name : "Untitled";
  if (name !== v.name) repairs.push("it had no name: named Untitled");
  if (name.length > MAX_NAME) {
    repairs.push(`its name was longer than ${MAX_NAME} characters: shortened`);
    name = name.slice(0, MAX_NAME);
  }
  const exportMode = EXPORT_MODES.find((mode) => mode === v.exportMode);
  if (!exportMode) repairs.push("its export mode was unknown: set to lossless");
  const created = number(v.created, 0, MAX_DATE);
  const edited = number(v.edited, 0, MAX_DATE);
  if (created === null || edited === null) repairs.push("its dates were unreadable: set to now");
  const tracks = checkDroppedTracks(v.droppedTracks, repairs);
  const mix = checkAudioMix(v.audioMix, repairs);
  const output = checkOutput(v.outputContainer, v.chapters, repairs);
  return { name, exportMode: exportMode ?? "lossless", ...tracks, ...mix, ...output, created: created ?? now, edited: edited ?? now };
}
