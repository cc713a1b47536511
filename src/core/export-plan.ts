import { clipDuration, totalDuration, type Clip } from "./clips";
import { framesBetween } from "./frames";
import { keyframeAtOrBefore } from "./keyframes";
import { firstAudio, firstVideo, type MediaInfo } from "./media-info";
import { formatSeconds } from "./timecode";

export type ExportMode = "lossless" | "reencode";

/** One ffmpeg run. `work` is the output seconds it writes, to weigh progress across runs. */
export interface FfmpegStep {
  args: string[];
  output: string;
  work: number;
}

/** Where a clip will really start and end in the output, and how far a lossless cut moves its IN. */
export interface PlannedClip {
  start: number;
  end: number;
  shift: number;
  frames: number | null;
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
}

export interface ExportRequest {
  input: string;
  workDir: string;
  info: MediaInfo;
  clips: readonly Clip[];
}

const VIDEO_CODEC = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p"];
const AUDIO_CODEC = ["-c:a", "aac", "-b:a", "160k"];
const FASTSTART = ["-movflags", "+faststart"];
// ffmpeg.wasm keeps the log level of the previous run (an ffprobe at "error"): set it every time.
const QUIET = ["-hide_banner", "-nostdin", "-y", "-loglevel", "info"];

/** Per clip: where stream copy can start (the keyframe at or before IN) and what it yields. */
export function planLosslessClips(info: MediaInfo, clips: readonly Clip[]): PlannedClip[] {
  const video = firstVideo(info);
  return clips.map((clip) => {
    const start = video ? keyframeAtOrBefore(info.keyframes, clip.start) : clip.start;
    return {
      start,
      end: clip.end,
      shift: start - clip.start,
      frames: video ? framesBetween(start, clip.end, video.frameRate) : null,
    };
  });
}

function streamMaps(info: MediaInfo, input: number): string[] {
  const maps: string[] = [];
  if (firstVideo(info)) maps.push("-map", `${input}:v:0`);
  if (firstAudio(info)) maps.push("-map", `${input}:a:0`);
  return maps;
}

/**
 * Lossless: each clip is stream-copied from its keyframe into a segment, then the segments are
 * joined by the concat demuxer. Seeking to the keyframe itself keeps audio and video aligned;
 * `-frames:v` ends the video exactly at OUT (a B-frame delay would otherwise add frames).
 */
export function planLossless({ input, workDir, info, clips }: ExportRequest): ExportPlan {
  const planned = planLosslessClips(info, clips);
  const segmentSteps = planned.map((clip, i) => {
    const segment = `${workDir}/segment-${i}.mp4`;
    const args = [
      ...QUIET,
      ...["-ss", formatSeconds(clip.start), "-i", input],
      ...streamMaps(info, 0),
      ...["-c", "copy", "-map_metadata", "-1"],
      ...(clip.frames === null ? [] : ["-frames:v", String(clip.frames)]),
      ...["-t", formatSeconds(clip.end - clip.start), segment],
    ];
    return { args, output: segment, work: clip.end - clip.start };
  });
  const list = `${workDir}/segments.txt`;
  const output = `${workDir}/output.mp4`;
  const duration = totalDuration(planned);
  const join = {
    args: [...QUIET, "-f", "concat", "-safe", "0", "-i", list, "-c", "copy", ...FASTSTART, output],
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
  };
}

/** The concat filter graph joining every input's first video and audio stream in order. */
function concatGraph(count: number, video: boolean, audio: boolean, evenSize: boolean): string {
  const pads = Array.from({ length: count }, (_, i) => (video ? `[${i}:v:0]` : "") + (audio ? `[${i}:a:0]` : ""));
  const scale = video && !evenSize;
  const outs = (video ? (scale ? "[vc]" : "[v]") : "") + (audio ? "[a]" : "");
  const graph = `${pads.join("")}concat=n=${count}:v=${video ? 1 : 0}:a=${audio ? 1 : 0}${outs}`;
  // libx264 with 4:2:0 chroma needs even dimensions.
  return scale ? `${graph};[vc]scale=trunc(iw/2)*2:trunc(ih/2)*2[v]` : graph;
}

/**
 * Re-encode: every clip is its own accurately seeked input (`-ss`/`-t` before `-i`), so only the
 * kept parts are decoded, and one concat filter feeds one H.264/AAC encode.
 */
export function planReencode({ input, workDir, info, clips }: ExportRequest): ExportPlan {
  const video = firstVideo(info);
  const audio = firstAudio(info);
  const evenSize = !video || (video.width % 2 === 0 && video.height % 2 === 0);
  const inputs = clips.flatMap((c) => ["-ss", formatSeconds(c.start), "-t", formatSeconds(clipDuration(c)), "-i", input]);
  const output = `${workDir}/output.mp4`;
  const planned = clips.map((c) => ({
    start: c.start,
    end: c.end,
    shift: 0,
    frames: video ? framesBetween(c.start, c.end, video.frameRate) : null,
  }));
  const duration = totalDuration(planned);
  const args = [
    ...QUIET,
    ...inputs,
    ...["-filter_complex", concatGraph(clips.length, Boolean(video), Boolean(audio), evenSize)],
    ...(video ? ["-map", "[v]", ...VIDEO_CODEC] : []),
    ...(audio ? ["-map", "[a]", ...AUDIO_CODEC] : []),
    ...FASTSTART,
    output,
  ];
  return { mode: "reencode", files: [], steps: [{ args, output, work: duration }], output, clips: planned, duration };
}

export const planExport = (mode: ExportMode, request: ExportRequest): ExportPlan =>
  mode === "lossless" ? planLossless(request) : planReencode(request);
