import { frameRateLabel } from "./frame-times";
import { firstVideo, type MediaInfo } from "./media-info";
import type { Rational } from "./rational";

/** ffmpeg's demuxer names (its `format_name`) as people call the formats; the file's extension tells apart those one demuxer reads. */
const BY_EXTENSION: Record<string, Record<string, string>> = {
  "mov,mp4,m4a,3gp,3g2,mj2": { mov: "QuickTime (MOV)", m4a: "MPEG-4 audio (M4A)", m4v: "MPEG-4 video (M4V)", "3gp": "3GP", "3g2": "3GP2", "": "MP4" },
  "matroska,webm": { webm: "WebM", mka: "Matroska audio (MKA)", "": "Matroska (MKV)" },
};

const NAMES: Record<string, string> = {
  mpegts: "MPEG-TS",
  mpeg: "MPEG program stream",
  avi: "AVI",
  flv: "Flash video (FLV)",
  asf: "Windows Media (ASF)",
  ogg: "Ogg",
  wav: "WAV",
  mp3: "MP3",
  aac: "AAC",
  flac: "FLAC",
  h264: "raw H.264",
  hevc: "raw H.265",
  dv: "DV",
  gif: "GIF",
};

const extensionOf = (fileName: string): string => /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";

/** The container as a person reads it: "MP4", "QuickTime (MOV)", "Matroska (MKV)", never `mov,mp4,m4a,3gp,3g2,mj2`. */
export function containerName(formatName: string, fileName: string): string {
  const family = BY_EXTENSION[formatName];
  if (family) return family[extensionOf(fileName)] ?? (family[""] as string);
  const first = formatName.split(",")[0] ?? "";
  return NAMES[first] ?? (first ? first.toUpperCase() : "an unknown format");
}

const CODECS: Record<string, string> = {
  h264: "H.264",
  hevc: "H.265",
  vp8: "VP8",
  vp9: "VP9",
  av1: "AV1",
  mpeg2video: "MPEG-2",
  mpeg4: "MPEG-4 Part 2",
  mjpeg: "Motion JPEG",
  prores: "ProRes",
  aac: "AAC",
  mp3: "MP3",
  mp2: "MPEG audio layer 2",
  opus: "Opus",
  vorbis: "Vorbis",
  flac: "FLAC",
  ac3: "Dolby Digital (AC-3)",
  eac3: "Dolby Digital Plus (E-AC-3)",
  subrip: "SRT",
  ass: "ASS",
  ssa: "SSA",
  webvtt: "WebVTT",
  mov_text: "MP4 text",
  hdmv_pgs_subtitle: "PGS",
  dvd_subtitle: "DVD subtitles",
  tmcd: "timecode",
};

/** ffmpeg's codec name as people call it: "H.264", "AAC"; uncompressed sound is "PCM". */
export function codecName(codec: string): string {
  if (codec.startsWith("pcm_")) return "PCM";
  return CODECS[codec] ?? codec.toUpperCase();
}

/** Channels as a person says them. */
export const channelsName = (channels: number): string => (channels === 1 ? "mono" : channels === 2 ? "stereo" : `${channels} channels`);

/** A track's own title and language, as its tags give them: " 'Mic'", " 'Game' (eng)", or nothing. */
export function trackTitle(tags: Record<string, string>): string {
  const title = tags.title?.trim();
  const language = tags.language && tags.language !== "und" ? tags.language : "";
  return `${title ? ` '${title}'` : ""}${language ? ` (${language})` : ""}`;
}

/** An audio track as people read it: "AAC 48 kHz stereo 'Mic'". */
export const audioName = (a: { codec: string; sampleRate: number; channels: number; tags: Record<string, string> }): string =>
  `${codecName(a.codec)} ${a.sampleRate / 1000} kHz ${channelsName(a.channels)}${trackTitle(a.tags)}`;

/** A video track as people read it: "H.264 1920×1080 29.97 fps", "AV1 1280×720 25 fps 10-bit". */
export function videoName(v: { codec: string; width: number; height: number; frameRate: Rational; pixelFormat: string }, frameTimes?: readonly number[]): string {
  const depth = bitDepthName(v.pixelFormat);
  return `${codecName(v.codec)} ${v.width}×${v.height} ${frameRateLabel(v.frameRate, frameTimes)}${depth ? ` ${depth}` : ""}`;
}

/** A subtitle or data track as people read it: "Subtitles SRT 'English'", "Data (timecode)". */
export const otherName = (s: { kind: "subtitle" | "data"; codec: string; tags: Record<string, string> }): string =>
  s.kind === "subtitle"
    ? `Subtitles ${codecName(s.codec)}${trackTitle(s.tags)}`
    : `Data${s.codec === "unknown" ? "" : ` (${codecName(s.codec)})`}${trackTitle(s.tags)}`;

/** The bit depth where it is not the usual 8 (from ffmpeg's pixel format, e.g. yuv420p10le), else nothing. */
export function bitDepthName(pixelFormat: string): string | null {
  const depth = /p(9|10|12|14|16)(le|be)?$/.exec(pixelFormat)?.[1];
  return depth ? `${depth}-bit` : null;
}

const WEB_CODECS: Record<string, string> = { avc1: "H.264", avc3: "H.264", vp09: "VP9", av01: "AV1" };

/**
 * A WebCodecs codec string as people call it, with its bit depth where not the usual 8:
 * "H.264", "10-bit AV1" (`av01.0.08M.10`), "VP9" (`vp09.00.41.08`).
 */
export function webCodecName(codec: string): string {
  const [family = "", ...parts] = codec.split(".");
  const name = WEB_CODECS[family] ?? codec;
  const depth = family === "av01" || family === "vp09" ? Number(parts[2]) : 8;
  return depth && depth !== 8 ? `${depth}-bit ${name}` : name;
}

/**
 * A file's format in the media line's words: "QuickTime (MOV) · H.264 1920×1080 30 fps · AAC 48 kHz
 * stereo", every stream after the container, as the player and the Sources list show it.
 */
export function formatLine(info: MediaInfo, fileName: string): string {
  const video = firstVideo(info);
  const picture = video && videoName(video, info.frameTimes);
  // The first video leads; other video streams are not named.
  const others = info.streams.flatMap((s) => (s.kind === "audio" ? [audioName(s)] : s.kind === "video" ? [] : [otherName(s)]));
  return [containerName(info.container, fileName), ...(picture ? [picture] : []), ...others].join(" · ");
}
