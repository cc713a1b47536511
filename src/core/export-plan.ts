import { totalDuration, type Clip } from "./clips";
import { rangeLength, rangeSpan, spanFrames, videoFrames, type FrameModel, type FrameRange } from "./frames";
import { keyframeAtOrBefore } from "./keyframes";
import { firstVideo, originFromStart, type AudioStream, type MediaInfo } from "./media-info";
import { formatSeconds } from "./timecode";
import { keptAudio, type DroppedTracks } from "./track-choice";

/** Lossless copies packets; smart cut re-encodes only up to the first keyframe; re-encode does it all. */
export type ExportMode = "lossless" | "smart" | "reencode";

/** One ffmpeg run. `work` is the output seconds it writes, to weigh progress across runs. */
export interface FfmpegStep {
  args: string[];
  output: string;
  work: number;
}

/** Where a clip will really start and end in the source, and how far the cut moves its IN. */
export interface PlannedClip {
  start: number;
  end: number;
  shift: number;
  /** Frames from `start` to `end`; null without video. */
  frames: number | null;
  /** The source frames the clip stands for (spanFrames); null without video. */
  range: FrameRange | null;
}

export interface ExportPlan {
  mode: ExportMode;
  /** Text files the steps read, written to the work folder first. */
  files: { path: string; text: string }[];
  steps: FfmpegStep[];
  output: string;
  clips: PlannedClip[];
  /** Expected output length: the sum of the planned clips. */
  duration: number;
  /**
   * Lossless with video: the frames each segment carries past its clip's OUT (references decoded
   * before OUT, shown after it) are hidden afterwards by edit lists (lossless-trim.ts), since
   * ffmpeg writes none for them. `shown`: seconds each clip shows, from its keyframe to OUT;
   * `audioTracks`: how many audio tracks the output carries, each trimmed alike.
   */
  trim: { segments: string[]; shown: number[]; audioTracks: number } | null;
}

export interface ExportRequest {
  input: string;
  workDir: string;
  info: MediaInfo;
  clips: readonly Clip[];
  /** The tracks left out (Tracks), by stream index; absent: none. */
  droppedTracks?: DroppedTracks;
}

const VIDEO_CODEC = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p"];
const AUDIO_CODEC = ["-c:a", "aac", "-b:a", "160k"];
const FASTSTART = ["-movflags", "+faststart"];
// ffmpeg.wasm keeps the log level of the previous run (an ffprobe at "error"): set it every time.
const QUIET = ["-hide_banner", "-nostdin", "-y", "-loglevel", "info"];

/**
 * Per clip: the frames it stands for, its end at the boundary nearest OUT, and where stream copy
 * can start: the keyframe at or before the clip's first frame.
 */
export function planLosslessClips(info: MediaInfo, clips: readonly Clip[]): PlannedClip[] {
  const model = videoFrames(info);
  return clips.map((clip) => {
    if (!model) return { start: clip.start, end: clip.end, shift: 0, frames: null, range: null };
    const range = spanFrames(clip, model);
    const start = keyframeAtOrBefore(info.keyframes, model.time(range.first));
    const frames = Math.max(0, range.end - model.nearest(start));
    return { start, end: model.time(range.end), shift: start - clip.start, frames, range };
  });
}

/** How long an export of `clips` plays: lossless from each clip's keyframe, the other modes their frames exactly. */
export function outputDuration(info: MediaInfo, clips: readonly Clip[], mode: ExportMode): number {
  if (mode !== "lossless") return totalDuration(clips, videoFrames(info));
  return planLosslessClips(info, clips).reduce((sum, clip) => sum + (clip.end - clip.start), 0);
}

/** The picture and every kept audio track (by its place among the source's), in source order. */
function streamMaps(info: MediaInfo, audio: readonly { ordinal: number }[], input: number): string[] {
  const maps: string[] = [];
  if (firstVideo(info)) maps.push("-map", `${input}:v:0`);
  for (const { ordinal } of audio) maps.push("-map", `${input}:a:${ordinal}`);
  return maps;
}

/**
 * Each output audio track's title and language, set from the source's own: a filter graph's
 * outputs carry none, and the concat demuxer keeps no track's. ffmpeg's MP4 muxer writes no
 * track title, so the title goes where MP4 readers find a track's name: its handler name.
 */
const audioMetadata = (audio: readonly AudioStream[]): string[] =>
  audio.flatMap((a, i) =>
    (["title", "language"] as const).flatMap((key) => {
      const value = a.tags[key];
      return value ? [`-metadata:s:a:${i}`, `${key === "title" ? "handler_name" : key}=${value}`] : [];
    }),
  );

/**
 * Lossless: each clip is stream-copied from its keyframe into a segment, then the segments are
 * joined by the concat demuxer. Seeking to the keyframe itself keeps audio and video aligned.
 * `-t` to the clip's end keeps every frame before OUT, since copying stops at the first packet
 * whose decode time reaches OUT (`-frames:v` counts packets in decode order, so it dropped the
 * B-frames shown last). What stream copy leaves inexact: the frames from the keyframe to IN (the
 * page shows that shift); the reference frames decoded before OUT but shown after it (up to the
 * B-frame delay, not always consecutive), which ffmpeg's MP4 muxer writes no edit list to hide;
 * and audio, which ends on a whole packet and so leaves a gap in its timestamps wherever a
 * clip's video runs past OUT.
 */
export function planLossless({ input, workDir, info, clips, droppedTracks = [] }: ExportRequest): ExportPlan {
  const planned = planLosslessClips(info, clips);
  const audio = keptAudio(info, droppedTracks);
  const segmentSteps = planned.map((clip, i) => {
    const segment = `${workDir}/segment-${i}.mp4`;
    const args = [
      ...QUIET,
      // Program streams leave most B-frames without a time; copied so, they would land in the MP4
      // on their neighbours' times. genpts works them out from the decode order.
      ...["-fflags", "+genpts", "-ss", formatSeconds(clip.start + originFromStart(info)), "-i", input],
      ...streamMaps(info, audio, 0),
      ...["-c", "copy", "-map_metadata", "-1"],
      ...["-t", formatSeconds(clip.end - clip.start), segment],
    ];
    return { args, output: segment, work: clip.end - clip.start };
  });
  const list = `${workDir}/segments.txt`;
  const output = `${workDir}/output.mp4`;
  const duration = totalDuration(planned);
  const join = {
    // The header in front for web playback; the trim's edit lists then move the media on (mp4-faststart.ts).
    args: [...QUIET, "-f", "concat", "-safe", "0", "-i", list, "-map", "0", "-c", "copy", ...audioMetadata(audio.map((a) => a.stream)), ...FASTSTART, output],
    output,
    // Joining only rewrites packets: weigh it as a small share of the whole.
    work: duration * 0.1,
  };
  const listText = ["ffconcat version 1.0", ...segmentSteps.map((s) => `file '${s.output}'`), ""].join("\n");
  return {
    mode: "lossless",
    files: [{ path: list, text: listText }],
    steps: [...segmentSteps, join],
    output,
    clips: planned,
    duration,
    trim: firstVideo(info) && planned.every((c) => c.range) ? { segments: segmentSteps.map((s) => s.output), shown: planned.map((c) => c.end - c.start), audioTracks: audio.length } : null,
  };
}

/** One clip of the re-encode: its input's seek point and read length, and the cut within them. */
interface ReencodeCut {
  seek: number;
  read: number;
  /** Seconds from the seek point to the clip's first instant, and from there to its end. */
  lead: number;
  length: number;
  planned: PlannedClip;
}

/**
 * The input is seeked half a frame before the clip's first frame, so ffmpeg's accurate seek keeps
 * that frame first whatever its rounding, and read half a frame past the clip's end, so the
 * sound reaches it. Without video the clip is cut at its times as given.
 */
function reencodeCut(clip: Clip, model: FrameModel | undefined): ReencodeCut {
  if (!model) {
    const planned = { start: clip.start, end: clip.end, shift: 0, frames: null, range: null };
    return { seek: clip.start, read: clip.end - clip.start, lead: 0, length: clip.end - clip.start, planned };
  }
  const range = spanFrames(clip, model);
  const { start, end } = rangeSpan(range, model);
  const half = model.halfFrame(range.first);
  const seek = Math.max(0, start - half);
  const length = model.duration(range);
  const planned = { start, end, shift: start - clip.start, frames: rangeLength(range), range };
  return { seek, read: start - seek + length + half, lead: start - seek, length, planned };
}

/**
 * Per clip: `trim` keeps the range's frame count from the first frame, `atrim` the same instants
 * of sound from every kept audio track (`audio`: their places among the source's; the first
 * frame's start to the last one's end), and timestamps restart at 0, so the concat lays the clips
 * on one frame grid: constant rate, no frame repeated or dropped, and every track's sound cut at
 * the picture's instants.
 */
function concatGraph(cuts: readonly ReencodeCut[], video: boolean, audio: readonly number[], evenSize: boolean): string {
  const audioTracks = audio.length;
  const tracks = Array.from({ length: audioTracks }, (_, t) => t);
  const filters = cuts.flatMap(({ lead, length, planned }, i) => {
    const sound = `atrim=start=${formatSeconds(lead)}:end=${formatSeconds(lead + length)}`;
    return [
      ...(video ? [`[${i}:v:0]trim=end_frame=${planned.frames},setpts=PTS-STARTPTS[v${i}]`] : []),
      ...tracks.map((t) => `[${i}:a:${audio[t]}]${sound},asetpts=PTS-STARTPTS[a${i}_${t}]`),
    ];
  });
  const pads = cuts.map((_, i) => (video ? `[v${i}]` : "") + tracks.map((t) => `[a${i}_${t}]`).join("")).join("");
  const scale = video && !evenSize;
  const outs = (video ? (scale ? "[vc]" : "[v]") : "") + tracks.map((t) => `[a${t}]`).join("");
  filters.push(`${pads}concat=n=${cuts.length}:v=${video ? 1 : 0}:a=${audioTracks}${outs}`);
  // libx264 with 4:2:0 chroma needs even dimensions.
  if (scale) filters.push("[vc]scale=trunc(iw/2)*2:trunc(ih/2)*2[v]");
  return filters.join(";");
}

/**
 * Re-encode: every clip is its own seeked input (`-ss`/`-t` before `-i`), so only the kept parts
 * are decoded, cut to its frames, and one concat filter feeds one H.264 encode and one AAC
 * encode per kept audio track.
 */
export function planReencode({ input, workDir, info, clips, droppedTracks = [] }: ExportRequest): ExportPlan {
  const video = firstVideo(info);
  const kept = keptAudio(info, droppedTracks);
  const audio = kept.map((a) => a.stream);
  const evenSize = !video || (video.width % 2 === 0 && video.height % 2 === 0);
  const model = videoFrames(info);
  const cuts = clips.map((clip) => reencodeCut(clip, model));
  // Seeks count from the file's start; the page's times from its first frame.
  const inputs = cuts.flatMap((c) => ["-ss", formatSeconds(c.seek + originFromStart(info)), "-t", formatSeconds(c.read), "-i", input]);
  const output = `${workDir}/output.mp4`;
  const planned = cuts.map((c) => c.planned);
  const duration = totalDuration(planned);
  const args = [
    ...QUIET,
    ...inputs,
    ...["-filter_complex", concatGraph(cuts, Boolean(video), kept.map((a) => a.ordinal), evenSize)],
    ...(video ? ["-map", "[v]", ...VIDEO_CODEC] : []),
    // A variable rate keeps its frames' own times: MP4's default, a constant rate, repeats or drops frames to fit one.
    ...(model?.variable ? ["-fps_mode", "passthrough"] : []),
    ...audio.flatMap((_, t) => ["-map", `[a${t}]`]),
    ...(audio.length > 0 ? [...AUDIO_CODEC, ...audioMetadata(audio)] : []),
    ...FASTSTART,
    output,
  ];
  return { mode: "reencode", files: [], steps: [{ args, output, work: duration }], output, clips: planned, duration, trim: null };
}

export const planExport = (mode: ExportMode, request: ExportRequest): ExportPlan =>
  mode === "lossless" ? planLossless(request) : planReencode(request);
