import { frameStart, nominalRange, rangeLength, rangeSpan, videoFrames } from "../frames";
import { isObject, type Json } from "../json";
import { firstAudio, firstVideo, type MediaInfo } from "../media-info";
import { rationalValue, type Rational } from "../rational";
import { fail, ok, type Result } from "../result";
import type { EditListFormat, ListClip, ListSource, ListTarget } from "./edit-format";
import type { EditEntry, EditList, LineWarning } from "./edit-list";
import { perSource } from "./list-sources";
import { pickProfile } from "./openshot-profiles";

/** The file a path names, whichever separator the project was saved with. */
export const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

const finite = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

interface OspClip {
  position: number;
  entry: EditEntry;
  /** What the clip does in OpenShot that the import does not keep. */
  lost: string[];
}

interface Point {
  x: number;
  y: number;
  interpolation: unknown;
}

/** The points of an OpenShot keyframe curve (`{Points: [{co: {X, Y}, interpolation}]}`) that can be read. */
function curvePoints(curve: unknown): Point[] {
  if (!isObject(curve) || !Array.isArray(curve.Points)) return [];
  return curve.Points.flatMap((point) => {
    const co = isObject(point) && isObject(point.co) ? point.co : null;
    const [x, y] = [finite(co?.X), finite(co?.Y)];
    return x === null || y === null || !isObject(point) ? [] : [{ x, y, interpolation: point.interpolation }];
  });
}

const LINEAR = 1;

/**
 * Whether a `time` curve changes the clip's timing (speed, reverse, freeze). It maps a frame to the
 * source frame shown, so it keeps time only if every point lies on Y = X and, where there are
 * several, they are joined by straight lines (OpenShot's default Bézier eases between them).
 */
function retimes(curve: unknown): boolean {
  const points = curvePoints(curve);
  const offDiagonal = points.some((p) => Math.abs(p.y - p.x) > 1e-9);
  return offDiagonal || (points.length > 1 && points.slice(0, -1).some((p) => p.interpolation !== LINEAR));
}

/** Whether a has_video / has_audio curve turns the stream off anywhere (0; -1 is "as the file has"). */
const switchedOff = (curve: unknown): boolean => curvePoints(curve).some((p) => p.y === 0);

/** What a clip does in OpenShot that an import does not keep, said with the clip's number and title. */
function lostEffects(clip: Record<string, unknown>, name: string): string[] {
  const lost = [
    retimes(clip.time) ? "its time curve (speed change or reverse): imported at normal speed" : "",
    switchedOff(clip.has_video) ? "its picture is off (sound only): imported with picture" : "",
    switchedOff(clip.has_audio) ? "its sound is off: imported with sound" : "",
  ];
  return lost.filter((text) => text !== "").map((text) => `${name}: ${text}`);
}

function readClip(clip: unknown, paths: Map<string, string>, index: number): Result<OspClip> {
  if (!isObject(clip)) return fail(`clip ${index + 1} is not an object`);
  const position = finite(clip.position);
  const start = finite(clip.start);
  const end = finite(clip.end);
  if (position === null || start === null || end === null) return fail(`clip ${index + 1} has no position, start or end`);
  if (end <= start) return fail(`clip ${index + 1} ends before it starts`);
  const readerPath = isObject(clip.reader) && typeof clip.reader.path === "string" ? clip.reader.path : undefined;
  const path = readerPath ?? paths.get(String(clip.file_id)) ?? "";
  const source = baseName(path);
  const title = typeof clip.title === "string" && clip.title !== source ? clip.title : "";
  const lost = lostEffects(clip, `clip ${index + 1} "${title || source}"`);
  return ok({ position, entry: { start, end, label: title, sourceName: source }, lost });
}

/** Whether trimmed, non-blank lines look like an OpenShot project: JSON, so an object first. */
export const recognizes = (lines: readonly string[]): boolean => lines[0]?.startsWith("{") ?? false;

/**
 * Reads an OpenShot project's timeline: every clip with its start and end in its source, in
 * timeline order, each naming its source file (matched to the project's files by file name).
 */
export function parse(text: string): Result<EditList> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return fail("not an OpenShot project (not JSON)");
  }
  if (!isObject(data) || !Array.isArray(data.clips)) return fail("not an OpenShot project (no clips list)");
  const files = Array.isArray(data.files) ? data.files.filter(isObject) : [];
  const paths = new Map(files.map((f) => [String(f.id), typeof f.path === "string" ? f.path : ""]));
  const clips: OspClip[] = [];
  const warnings: LineWarning[] = [];
  for (const [index, raw] of data.clips.entries()) {
    const clip = readClip(raw, paths, index);
    if (clip.ok) clips.push(clip.value);
    else warnings.push({ line: 0, message: clip.error });
    if (clip.ok) warnings.push(...clip.value.lost.map((message) => ({ line: 0, message })));
  }
  clips.sort((a, b) => a.position - b.position);
  return ok({ entries: clips.map((c) => c.entry), warnings });
}

// libopenshot's enums, as its FFmpegReader writes them.
const CHANNEL_LAYOUTS: Record<string, number> = { mono: 4, stereo: 3, "2.1": 11, "5.1": 63, "5.1(side)": 1551, "7.1": 1599 };
const PIXEL_FORMATS: Record<string, number> = {
  yuv420p: 0, yuyv422: 1, rgb24: 2, bgr24: 3, yuv422p: 4, yuv444p: 5, gray: 8, yuvj420p: 12, yuvj422p: 13, yuvj444p: 14,
};
const DEFAULT_FPS: Rational = { num: 30, den: 1 };

/** The reader JSON libopenshot builds a clip's media from: a complete and true copy of the probe. */
function readerOf(info: MediaInfo, path: string): Json {
  const video = firstVideo(info);
  const audio = firstAudio(info);
  const fps = video?.frameRate ?? DEFAULT_FPS;
  return {
    acodec: audio?.codec ?? "",
    audio_bit_rate: audio?.bitRate ?? 0,
    audio_stream_index: audio?.index ?? -1,
    audio_timebase: audio?.timeBase ?? { num: 1, den: 1 },
    channel_layout: audio ? (CHANNEL_LAYOUTS[audio.channelLayout] ?? (audio.channels === 1 ? 4 : 3)) : 3,
    channels: audio?.channels ?? 0,
    display_ratio: video?.displayAspect ?? { num: 1, den: 1 },
    duration: info.duration,
    file_size: String(info.size),
    fps,
    has_audio: Boolean(audio),
    has_single_image: false,
    has_video: Boolean(video),
    height: video?.height ?? 0,
    interlaced_frame: false,
    metadata: { ...info.tags, ...video?.tags, ...audio?.tags },
    path,
    pixel_format: video ? (PIXEL_FORMATS[video.pixelFormat] ?? -1) : -1,
    pixel_ratio: video?.pixelAspect ?? { num: 1, den: 1 },
    sample_rate: audio?.sampleRate ?? 0,
    top_field_first: true,
    type: "FFmpegReader",
    vcodec: video?.codec ?? "",
    // libopenshot reports the container's bit rate in bytes per second here.
    video_bit_rate: Math.floor(info.bitRate / 8),
    video_length: String(Math.round(info.duration * rationalValue(fps))),
    video_stream_index: video?.index ?? -1,
    video_timebase: video?.timeBase ?? { num: 1, den: 1 },
    width: video?.width ?? 0,
  };
}

const constant = (value: number) => ({ Points: [{ co: { X: 1, Y: value }, interpolation: 2 }] });
const colour = (value: number) => ({
  Points: [
    { co: { X: 1, Y: value }, handle_left: { X: 0.5, Y: 1 }, handle_right: { X: 0.5, Y: 0 }, handle_type: 0, interpolation: 0 },
  ],
});
const PERSPECTIVE = Object.fromEntries(
  [1, 2, 3, 4].flatMap((corner) => ["x", "y"].map((axis) => [`perspective_c${corner}_${axis}`, constant(-1)])),
);

/** Every property OpenShot's own clips carry, at OpenShot's defaults. */
const CLIP_DEFAULTS = {
  alpha: constant(1),
  anchor: 0,
  channel_filter: constant(-1),
  channel_mapping: constant(-1),
  display: 0,
  effects: [],
  gravity: 4,
  has_audio: constant(-1),
  has_video: constant(-1),
  location_x: constant(0),
  location_y: constant(0),
  mixing: 0,
  origin_x: constant(0.5),
  origin_y: constant(0.5),
  parentObjectId: "",
  ...PERSPECTIVE,
  rotation: constant(0),
  scale: 1,
  scale_x: constant(1),
  scale_y: constant(1),
  shear_x: constant(0),
  shear_y: constant(0),
  time: constant(1),
  volume: constant(1),
  wave_color: { alpha: colour(255), blue: colour(255), green: colour(123), red: colour(0) },
  waveform: false,
  image: "",
};

const LAYERS = [1, 2, 3, 4, 5].map((n) => ({ id: `L${n}`, label: "", number: n * 1_000_000, y: 0, lock: false }));
const FIRST_TRACK = 1_000_000;

/** A file as the project has it: its id in `files`, its reader, and its frames at its nominal rate. */
function fileOf(source: ListSource, id: string) {
  const fps = firstVideo(source.info)?.frameRate ?? DEFAULT_FPS;
  return { id, source, fps, frames: videoFrames(source.info) ?? fps, reader: readerOf(source.info, source.fileName) };
}
type OspFile = ReturnType<typeof fileOf>;

/**
 * A complete OpenShot project: every source in `files` (named by file name, relative to the
 * project's folder), the clips end to end on the first track in list order, each with its own
 * file's `file_id` and reader, and the frames it stands for at that file's nominal rate
 * (nominalRange: a variable rate's instants, on the nominal grid), so times sit on the frame grid
 * libopenshot counts in (it truncates start × fps, so off-grid times lose a frame). The profile is
 * the first source's. OpenShot's ids are 10 characters of A-Z0-9 (`makeId`).
 */
export function serialize(clips: readonly ListClip[], { sources, makeId }: ListTarget): string {
  const first = sources[0] as ListSource;
  const video = firstVideo(first.info);
  const audio = firstAudio(first.info);
  const fps = video?.frameRate ?? DEFAULT_FPS;
  const files = sources.map((source) => fileOf(source, makeId()));
  const file = perSource(sources, (_, place) => files[place] as OspFile);
  // Seconds laid on the track so far, put on the project's frame grid.
  let laid = 0;
  const onGrid = (seconds: number) => frameStart(Math.round(seconds * rationalValue(fps)), fps);
  const timeline = clips.map((entry) => {
    const { source, fps: rate, frames, reader, id } = file(entry);
    const range = nominalRange(frames, rate, entry);
    const { start, end } = rangeSpan(range, rate);
    const position = onGrid(laid);
    laid += rangeLength(range) / rationalValue(rate);
    return {
      ...CLIP_DEFAULTS,
      id: makeId(),
      file_id: id,
      title: entry.label || baseName(source.fileName),
      layer: FIRST_TRACK,
      position,
      start,
      end,
      duration: source.info.duration,
      reader,
    };
  });
  const length = onGrid(laid);
  const profile = pickProfile(video?.width ?? 1280, video?.height ?? 720, fps);
  const project = {
    id: makeId(),
    fps: profile.fps,
    display_ratio: video?.displayAspect ?? { num: 16, den: 9 },
    pixel_ratio: video?.pixelAspect ?? { num: 1, den: 1 },
    width: profile.width,
    height: profile.height,
    sample_rate: audio?.sampleRate ?? 48000,
    channels: audio?.channels ?? 2,
    channel_layout: (files[0] as OspFile).reader.channel_layout,
    settings: {},
    clips: timeline,
    effects: [],
    files: files.map(({ reader, id, source }) => ({ ...reader, id, media_type: firstVideo(source.info) ? "video" : "audio" })),
    duration: Math.max(300, Math.ceil(length)),
    scale: 15,
    tick_pixels: 100,
    playhead_position: 0,
    profile: profile.name,
    export_path: "",
    import_path: "",
    layers: LAYERS,
    markers: [],
    progress: [],
    history: { undo: [], redo: [] },
    version: { "openshot-qt": "2.6.1", libopenshot: "0.2.7" },
  };
  return JSON.stringify(project, null, 2);
}

export const format: EditListFormat = {
  id: "osp",
  name: "OpenShot project",
  reader: { recognizes, parse: (text) => parse(text) },
  writer: { action: "Export .osp", suffix: ".osp", mime: "application/json", scope: "project", serialize: (clips, target) => ok(serialize(clips, target)) },
};
