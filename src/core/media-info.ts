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
}

export interface AudioStream {
  kind: "audio";
  index: number;
  codec: string;
  sampleRate: number;
  channels: number;
}

export interface MediaInfo {
  fileName: string;
  container: string;
  duration: number;
  streams: (VideoStream | AudioStream)[];
  /** Presentation times of the first video stream's keyframes, ascending. */
  keyframes: number[];
}

export const firstVideo = (info: MediaInfo): VideoStream | undefined =>
  info.streams.find((s): s is VideoStream => s.kind === "video");

export const firstAudio = (info: MediaInfo): AudioStream | undefined =>
  info.streams.find((s): s is AudioStream => s.kind === "audio");

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;
const text = (value: unknown): string => (typeof value === "string" ? value : "");
const number = (value: unknown): number => (typeof value === "number" ? value : Number(text(value)));

function parseVideo(s: Json): VideoStream | undefined {
  const rate = [s.avg_frame_rate, s.r_frame_rate].map((r) => parseRational(text(r))).find((r) => r.ok);
  if (!rate?.ok) return undefined;
  return {
    kind: "video",
    index: number(s.index),
    codec: text(s.codec_name) || "unknown",
    width: number(s.width),
    height: number(s.height),
    frameRate: rate.value,
    pixelFormat: text(s.pix_fmt) || "unknown",
  };
}

function parseAudio(s: Json): AudioStream {
  return {
    kind: "audio",
    index: number(s.index),
    codec: text(s.codec_name) || "unknown",
    sampleRate: number(s.sample_rate),
    channels: number(s.channels),
  };
}

/** Cover art is a "video" stream of one picture: not something to cut. */
const isAttachedPicture = (s: Json): boolean =>
  isObject(s.disposition) && s.disposition.attached_pic === 1;

function parseStream(s: unknown): VideoStream | AudioStream | undefined {
  if (!isObject(s)) return undefined;
  if (s.codec_type === "video" && !isAttachedPicture(s)) return parseVideo(s);
  if (s.codec_type === "audio") return parseAudio(s);
  return undefined;
}

/** Keyframe times from `ffprobe -show_entries packet=pts_time,flags -of csv=p=0`. */
export function parseKeyframes(csv: string): number[] {
  const times = csv
    .split(/\r?\n/)
    .map((line) => line.split(","))
    .filter(([time, flags]) => flags?.includes("K") && time !== "N/A" && time !== "")
    .map(([time]) => Number(time))
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
  if (streams.length === 0) return fail(`${fileName}: has no audio or video stream`);
  const duration = number(data.format.duration);
  if (!(duration > 0)) return fail(`${fileName}: has no duration (empty or truncated?)`);
  return ok({
    fileName,
    container: text(data.format.format_name) || "unknown",
    duration,
    streams,
    keyframes: parseKeyframes(keyframesCsv),
  });
}
