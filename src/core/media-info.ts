import { isObject, type Json } from "./json";
import { parseRational, type Rational } from "./rational";
import { fail, ok, type Result } from "./result";

export interface VideoStream {
  kind: "video";
  index: number;
  codec: string;
  width: number;
  height: number;
  frameRate: Rational;
  pixelFormat: string;
  /** The codec's profile as ffprobe names it ("High", "Main"); absent where it was not read. */
  profile?: string;
  timeBase: Rational;
  /** Shape of one pixel (1/1 square) and of the whole picture. */
  pixelAspect: Rational;
  displayAspect: Rational;
  tags: Record<string, string>;
}

export interface AudioStream {
  kind: "audio";
  index: number;
  codec: string;
  sampleRate: number;
  channels: number;
  channelLayout: string;
  timeBase: Rational;
  bitRate: number;
  tags: Record<string, string>;
}

/** A subtitle or data track (an SRT, a camera's timecode): listed and named, never cut here. */
export interface OtherStream {
  kind: "subtitle" | "data";
  index: number;
  codec: string;
  tags: Record<string, string>;
}

export type Stream = VideoStream | AudioStream | OtherStream;

export interface MediaInfo {
  fileName: string;
  container: string;
  duration: number;
  /** Bytes, and bits per second over the whole file. */
  size: number;
  bitRate: number;
  tags: Record<string, string>;
  streams: Stream[];
  /** Presentation times of the first video stream's keyframes, ascending, from `origin`. */
  keyframes: number[];
  /**
   * Where the page's time 0 lies in the file's own timestamps: the first video frame (or the
   * sound's start). MKV, WebM and MPEG-TS recordings often start late; MP4 at 0. Absent in
   * projects stored before it was read: 0.
   */
  origin?: number;
  /** The file's own start (ffmpeg's start_time), which ffmpeg counts its seeks from. */
  start?: number;
  /**
   * The length the file's header claims when the file stops before it (a download or recording
   * cut short): `duration` is then the part that can be read.
   */
  claimedDuration?: number;
  /** Every video frame's start, from `origin`, ascending: only when the frame rate varies. */
  frameTimes?: number[];
}

/** `origin` as ffmpeg's seeks count it: from the file's start. */
export const originFromStart = (info: MediaInfo): number => (info.origin ?? 0) - (info.start ?? 0);

export const firstVideo = (info: MediaInfo): VideoStream | undefined =>
  info.streams.find((s): s is VideoStream => s.kind === "video");

export const firstAudio = (info: MediaInfo): AudioStream | undefined =>
  info.streams.find((s): s is AudioStream => s.kind === "audio");

/** Every audio track, in file order (ffmpeg's `a:0`, `a:1`…). */
export const audioStreams = (info: MediaInfo): AudioStream[] => info.streams.filter((s): s is AudioStream => s.kind === "audio");

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** A number ffprobe wrote (as a number or as text); 0 for anything else, NaN and infinities included. */
const finite = (value: unknown): number => {
  const n = typeof value === "number" ? value : Number(text(value));
  return Number.isFinite(n) ? n : 0;
};

// A tag named so would reach a prototype once copied with assignment.
const RESERVED_TAGS = new Set(["__proto__", "constructor", "prototype"]);
const tags = (value: unknown): Record<string, string> =>
  isObject(value)
    ? Object.fromEntries(Object.entries(value).filter(([k]) => !RESERVED_TAGS.has(k)).map(([k, v]) => [k, String(v)]))
    : {};

/** A ratio as ffprobe writes it (`1/12800`, `16:9`), or `fallback` when absent or zero. */
function ratio(value: unknown, fallback: Rational): Rational {
  const parsed = parseRational(text(value).replace(":", "/"));
  return parsed.ok ? parsed.value : fallback;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

function parseVideo(s: Json): VideoStream | undefined {
  const rate = [s.avg_frame_rate, s.r_frame_rate].map((r) => parseRational(text(r))).find((r) => r.ok);
  if (!rate?.ok) return undefined;
  const width = Math.max(0, Math.round(finite(s.width)));
  const height = Math.max(0, Math.round(finite(s.height)));
  const divisor = gcd(width, height) || 1;
  return {
    kind: "video",
    index: finite(s.index),
    codec: text(s.codec_name) || "unknown",
    width,
    height,
    frameRate: rate.value,
    pixelFormat: text(s.pix_fmt) || "unknown",
    timeBase: ratio(s.time_base, { num: rate.value.den, den: rate.value.num }),
    pixelAspect: ratio(s.sample_aspect_ratio, { num: 1, den: 1 }),
    displayAspect: ratio(s.display_aspect_ratio, { num: width / divisor, den: height / divisor }),
    tags: tags(s.tags),
    ...(text(s.profile) ? { profile: text(s.profile) } : {}),
  };
}

function parseAudio(s: Json): AudioStream {
  const sampleRate = finite(s.sample_rate);
  const channels = finite(s.channels);
  return {
    kind: "audio",
    index: finite(s.index),
    codec: text(s.codec_name) || "unknown",
    sampleRate,
    channels,
    channelLayout: text(s.channel_layout) || (channels === 1 ? "mono" : channels === 2 ? "stereo" : ""),
    timeBase: ratio(s.time_base, { num: 1, den: sampleRate || 1 }),
    bitRate: finite(s.bit_rate),
    tags: tags(s.tags),
  };
}

/** Cover art is a "video" stream of one picture: not something to cut. */
const isAttachedPicture = (s: Json): boolean =>
  isObject(s.disposition) && s.disposition.attached_pic === 1;

function parseStream(s: unknown): Stream | undefined {
  if (!isObject(s)) return undefined;
  if (s.codec_type === "video" && !isAttachedPicture(s)) return parseVideo(s);
  if (s.codec_type === "audio") return parseAudio(s);
  if (s.codec_type === "subtitle" || s.codec_type === "data") {
    // A data track has no codec ffmpeg decodes: its tag (tmcd: a timecode) says what it is.
    const codec = text(s.codec_name) || text(s.codec_tag_string).replace(/^\[.*\]$/, "") || "unknown";
    return { kind: s.codec_type, index: finite(s.index), codec, tags: tags(s.tags) };
  }
  return undefined;
}

/** Keyframe times from `ffprobe -show_entries packet=pts_time,flags -of csv=p=0`. */
export function parseKeyframes(csv: string, origin = 0): number[] {
  const times = csv
    .split(/\r?\n/)
    .map((line) => line.split(","))
    .filter(([time, flags]) => flags?.includes("K") && time !== "N/A" && time !== "")
    .map(([time]) => Number(time) - origin)
    .filter(Number.isFinite);
  return [...new Set(times)].sort((a, b) => a - b);
}

/** Reads `ffprobe -show_format -show_streams -of json` output into what the app needs. */
export function parseProbe(fileName: string, json: string, keyframesCsv: string): Result<MediaInfo> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return fail(`${fileName}: the probe gave no readable answer`);
  }
  if (!isObject(data) || !isObject(data.format)) return fail(`${fileName}: not a media file ffmpeg can read`);
  const streams = (Array.isArray(data.streams) ? data.streams : []).map(parseStream).filter((s) => s !== undefined);
  if (!streams.some((s) => s.kind === "video" || s.kind === "audio")) return fail(`${fileName}: has no audio or video stream`);
  const duration = finite(data.format.duration);
  if (!(duration > 0)) return fail(`${fileName}: has no duration (empty or truncated?)`);
  const start = finite(data.format.start_time);
  const raw = Array.isArray(data.streams) ? data.streams : [];
  const startOf = (type: string) => raw.find((s): s is Json => isObject(s) && s.codec_type === type && !isAttachedPicture(s));
  const videoStart = startOf("video");
  const origin = videoStart ? finite(videoStart.start_time) : Math.max(0, finite(startOf("audio")?.start_time));
  return ok({
    fileName,
    container: text(data.format.format_name) || "unknown",
    duration,
    size: finite(data.format.size),
    bitRate: finite(data.format.bit_rate),
    tags: tags(data.format.tags),
    streams,
    keyframes: parseKeyframes(keyframesCsv, origin),
    origin,
    start,
  });
}
