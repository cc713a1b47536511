import { soundLayout, type AudioMix, type OutputSound } from "./audio-mix";
import { totalDuration, type Clip } from "./clips";
import { rangeLength, rangeSpan, spanFrames, videoFrames, type FrameRange } from "./frames";
import { keyframeAtOrBefore } from "./keyframes";
import { audioStreams, firstVideo, originFromStart, type AudioStream, type MediaInfo, type VideoStream } from "./media-info";
import type { Rational } from "./rational";
import { CONTAINER_FORMATS, hasEditLists, type OutputContainer } from "./output-container";
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
  /** The tracks mixed into one (Tracks); absent: none. */
  audioMix?: AudioMix;
  /** The file written; absent: MP4. */
  container?: OutputContainer;
}

/** A file a plan reads: its path in ffmpeg's file system, and its probe. */
export interface PlanInput {
  input: string;
  info: MediaInfo;
}

/**
 * An export of several files: `clips` in output order, `from[i]` the index in `inputs` of the
 * file clip i is cut from. The output takes the first input's format.
 */
export interface JoinRequest {
  workDir: string;
  inputs: readonly PlanInput[];
  clips: readonly Clip[];
  from: readonly number[];
  /** The first file's tracks left out (Tracks), by stream index; every file drops its tracks at the same audio places. */
  droppedTracks?: DroppedTracks;
  /** The first file's tracks mixed into one (Tracks); lossless mixes nothing. */
  audioMix?: AudioMix;
  /** The file written; absent: MP4. */
  container?: OutputContainer;
}

/** One file's request as a join of that file alone. */
const asJoin = (request: ExportRequest | JoinRequest): JoinRequest =>
  "inputs" in request
    ? request
    : { workDir: request.workDir, inputs: [request], clips: request.clips, from: request.clips.map(() => 0), droppedTracks: request.droppedTracks, audioMix: request.audioMix, container: request.container };

/** The output's audio tracks: the first file's kept ones, each with its place among that file's audio tracks. */
const outputAudio = (join: JoinRequest) => keptAudio((join.inputs[0] as PlanInput).info, join.droppedTracks ?? []);

/** Each clip with the file it is cut from. */
const withInputs = ({ inputs, clips, from }: JoinRequest): { clip: Clip; source: PlanInput }[] =>
  clips.map((clip, i) => ({ clip, source: inputs[from[i] as number] as PlanInput }));

const VIDEO_CODEC = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p"];
const AUDIO_CODEC = ["-c:a", "aac", "-b:a", "160k"];
/** The output's path, and for MP4 and MOV the header in front (web playback). */
function outputFile(join: JoinRequest): { output: string; faststart: string[] } {
  const container = join.container ?? "mp4";
  const faststart = hasEditLists(container) ? ["-movflags", "+faststart"] : [];
  return { output: `${join.workDir}/output${CONTAINER_FORMATS[container].extension}`, faststart };
}
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
const audioMetadata = (audio: readonly { tags: Record<string, string> }[], container: OutputContainer = "mp4"): string[] =>
  audio.flatMap((a, i) =>
    (["title", "language"] as const).flatMap((key) => {
      const value = a.tags[key];
      const name = key === "title" && hasEditLists(container) ? "handler_name" : key;
      return value ? [`-metadata:s:a:${i}`, `${name}=${value}`] : [];
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
export function planLossless(request: ExportRequest | JoinRequest): ExportPlan {
  const join = asJoin(request);
  const { workDir } = join;
  const info = (join.inputs[0] as PlanInput).info;
  const audio = outputAudio(join);
  const cuts = withInputs(join).map(({ clip, source }) => ({ source, clip: planLosslessClips(source.info, [clip])[0] as PlannedClip }));
  const planned = cuts.map((c) => c.clip);
  const segmentSteps = cuts.map(({ clip, source }, i) => {
    const segment = `${workDir}/segment-${i}.mp4`;
    const args = [
      ...QUIET,
      // Program streams leave most B-frames without a time; copied so, they would land in the MP4
      // on their neighbours' times. genpts works them out from the decode order.
      ...["-fflags", "+genpts", "-ss", formatSeconds(clip.start + originFromStart(source.info)), "-i", source.input],
      ...streamMaps(source.info, audio, 0),
      ...["-c", "copy", "-map_metadata", "-1"],
      ...["-t", formatSeconds(clip.end - clip.start), segment],
    ];
    return { args, output: segment, work: clip.end - clip.start };
  });
  const list = `${workDir}/segments.txt`;
  const { output, faststart } = outputFile(join);
  const duration = totalDuration(planned);
  const joined = {
    // The header in front for web playback; the trim's edit lists then move the media on (mp4-faststart.ts).
    args: [...QUIET, "-f", "concat", "-safe", "0", "-i", list, "-map", "0", "-c", "copy", ...audioMetadata(audio.map((a) => a.stream), join.container), ...faststart, output],
    output,
    // Joining only rewrites packets: weigh it as a small share of the whole.
    work: duration * 0.1,
  };
  const listText = ["ffconcat version 1.0", ...segmentSteps.map((s) => `file '${s.output}'`), ""].join("\n");
  return {
    mode: "lossless",
    files: [{ path: list, text: listText }],
    steps: [...segmentSteps, joined],
    output,
    clips: planned,
    duration,
    trim: firstVideo(info) && planned.every((c) => c.range) ? { segments: segmentSteps.map((s) => s.output), shown: planned.map((c) => c.end - c.start), audioTracks: audio.length } : null,
  };
}

/** One clip of the re-encode: its file, its input's seek point and read length, and the cut within them. */
interface ReencodeCut {
  source: PlanInput;
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
function reencodeCut(clip: Clip, source: PlanInput): ReencodeCut {
  const model = videoFrames(source.info);
  if (!model) {
    const planned = { start: clip.start, end: clip.end, shift: 0, frames: null, range: null };
    return { source, seek: clip.start, read: clip.end - clip.start, lead: 0, length: clip.end - clip.start, planned };
  }
  const range = spanFrames(clip, model);
  const { start, end } = rangeSpan(range, model);
  const half = model.halfFrame(range.first);
  const seek = Math.max(0, start - half);
  const length = model.duration(range);
  const planned = { start, end, shift: start - clip.start, frames: rangeLength(range), range };
  return { source, seek, read: start - seek + length + half, lead: start - seek, length, planned };
}

/** What the re-encode writes: the first file's picture (if it has one) and kept audio tracks (with their places among its audio). */
interface OutputFormat {
  video: VideoStream | undefined;
  audio: readonly { stream: AudioStream; ordinal: number }[];
}

const rateText = (rate: Rational) => `${rate.num}/${rate.den}`;
const layoutOf = (a: AudioStream) => a.channelLayout || `${a.channels}c`;

/**
 * A clip's picture in the output's format: another size fitted inside it with black bars (never
 * stretched), another rate put on its frame grid; a file without video gives black.
 */
function pictureOf(cut: ReencodeCut, i: number, out: VideoStream): string {
  const own = firstVideo(cut.source.info);
  const { width: w, height: h } = out;
  if (!own) return `color=c=black:s=${w}x${h}:r=${rateText(out.frameRate)}:d=${formatSeconds(cut.length)}[v${i}]`;
  const fit =
    own.width === w && own.height === h
      ? ""
      : `,scale=${w}:${h}:force_original_aspect_ratio=decrease,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2:black,setsar=1`;
  const sameRate = own.frameRate.num * out.frameRate.den === out.frameRate.num * own.frameRate.den;
  const rate = sameRate ? "" : `,fps=${rateText(out.frameRate)}`;
  return `[${i}:v:0]trim=end_frame=${cut.planned.frames},setpts=PTS-STARTPTS${fit}${rate}[v${i}]`;
}

/**
 * A clip's sound for output track t, the first file's audio track at place `ordinal`: its own
 * file's track at that place (made the output's rate and channels), or silence where it has none.
 */
function soundOf(cut: ReencodeCut, i: number, t: number, { stream: out, ordinal }: OutputFormat["audio"][number]): string {
  const own = audioStreams(cut.source.info)[ordinal];
  const label = `[a${i}_${t}]`;
  if (!own) return `anullsrc=r=${out.sampleRate}:cl=${layoutOf(out)},atrim=end=${formatSeconds(cut.length)}${label}`;
  const same = own.sampleRate === out.sampleRate && own.channels === out.channels;
  const convert = same ? "" : `,aformat=sample_rates=${out.sampleRate}:channel_layouts=${layoutOf(out)}`;
  return `[${i}:a:${ordinal}]atrim=start=${formatSeconds(cut.lead)}:end=${formatSeconds(cut.lead + cut.length)},asetpts=PTS-STARTPTS${convert}${label}`;
}

/**
 * Per clip: `trim` keeps the range's frame count from the first frame, `atrim` the same instants
 * of sound from every kept audio track (`audio`: their places among the source's; the first
 * frame's start to the last one's end), and timestamps restart at 0, so the concat lays the clips
 * on one frame grid: constant rate, no frame repeated or dropped, and every track's sound cut at
 * the picture's instants.
 */
function concatGraph(cuts: readonly ReencodeCut[], out: OutputFormat): string {
  const { video } = out;
  const filters = cuts.flatMap((cut, i) => [
    ...(video ? [pictureOf(cut, i, video)] : []),
    ...out.audio.map((a, t) => soundOf(cut, i, t, a)),
  ]);
  const tracks = out.audio.map((_, t) => t);
  const pads = cuts.map((_, i) => (video ? `[v${i}]` : "") + tracks.map((t) => `[a${i}_${t}]`).join("")).join("");
  // libx264 with 4:2:0 chroma needs even dimensions.
  const scale = video && (video.width % 2 !== 0 || video.height % 2 !== 0);
  const outs = (video ? (scale ? "[vc]" : "[v]") : "") + tracks.map((t) => `[a${t}]`).join("");
  filters.push(`${pads}concat=n=${cuts.length}:v=${video ? 1 : 0}:a=${tracks.length}${outs}`);
  if (scale) filters.push("[vc]scale=trunc(iw/2)*2:trunc(ih/2)*2[v]");
  return filters.join(";");
}

/**
 * The output's sound after the concat (track t of the kept ones is `[a{t}]`), in `layout`'s order:
 * a kept track as it is; mixed ones each at its volume, made the first one's rate and channels,
 * summed by `amix` with `normalize=0` so a volume means what it says (amix would otherwise divide
 * by the count). Each with the tags its output track is written with.
 */
function outputSounds(layout: readonly OutputSound[], kept: readonly AudioStream[]): { filters: string[]; tracks: { label: string; tags: Record<string, string> }[] } {
  const filters: string[] = [];
  const tracks = layout.map((sound, t) => {
    if (sound.kind === "copy") return { label: `[a${sound.position}]`, tags: (kept[sound.position] as AudioStream).tags };
    const first = kept[sound.positions[0] as number] as AudioStream;
    const format = `aformat=sample_fmts=fltp:sample_rates=${first.sampleRate}:channel_layouts=${layoutOf(first)}`;
    const inputs = sound.positions.map((_, m) => `[mix${t}_${m}]`);
    sound.positions.forEach((p, m) => filters.push(`[a${p}]volume=${sound.gains[m]},${format}${inputs[m]}`));
    filters.push(`${inputs.join("")}amix=inputs=${inputs.length}:duration=longest:normalize=0[mix${t}]`);
    return { label: `[mix${t}]`, tags: { title: sound.title } };
  });
  return { filters, tracks };
}

/**
 * Re-encode: every clip is its own seeked input (`-ss`/`-t` before `-i`), so only the kept parts
 * are decoded, cut to its frames, and one concat filter feeds one H.264 encode and one AAC
 * encode per kept audio track: the first file's picture size, frame rate and kept audio tracks.
 */
export function planReencode(request: ExportRequest | JoinRequest): ExportPlan {
  const join = asJoin(request);
  const info = (join.inputs[0] as PlanInput).info;
  const video = firstVideo(info);
  const kept = outputAudio(join);
  const audio = kept.map((a) => a.stream);
  const model = videoFrames(info);
  const cuts = withInputs(join).map(({ clip, source }) => reencodeCut(clip, source));
  const sounds = outputSounds(soundLayout(info, join.droppedTracks ?? [], join.audioMix, "reencode"), audio);
  // Seeks count from the file's start; the page's times from its first frame.
  const inputs = cuts.flatMap((c) => ["-ss", formatSeconds(c.seek + originFromStart(c.source.info)), "-t", formatSeconds(c.read), "-i", c.source.input]);
  const { output, faststart } = outputFile(join);
  const planned = cuts.map((c) => c.planned);
  const duration = totalDuration(planned);
  const args = [
    ...QUIET,
    ...inputs,
    ...["-filter_complex", [concatGraph(cuts, { video, audio: kept }), ...sounds.filters].join(";")],
    ...(video ? ["-map", "[v]", ...VIDEO_CODEC] : []),
    // A variable rate keeps its frames' own times: MP4's default, a constant rate, repeats or drops frames to fit one.
    ...(model?.variable ? ["-fps_mode", "passthrough"] : []),
    ...sounds.tracks.flatMap((t) => ["-map", t.label]),
    ...(audio.length > 0 ? [...AUDIO_CODEC, ...audioMetadata(sounds.tracks, join.container)] : []),
    ...faststart,
    output,
  ];
  return { mode: "reencode", files: [], steps: [{ args, output, work: duration }], output, clips: planned, duration, trim: null };
}

/**
 * ffmpeg's plan for `mode`. A stream copy into Matroska cannot end at OUT (no edit lists hide the
 * references past it), so there the lossless mode is re-encoded: `losslessRefused` says why.
 */
export const planExport = (mode: ExportMode, request: ExportRequest | JoinRequest): ExportPlan =>
  mode === "lossless" && !losslessRefused(request.container) ? planLossless(request) : planReencode(request);

/** Why ffmpeg cannot stream-copy into this container and end each clip at OUT; null when it can. */
export const losslessRefused = (container: OutputContainer = "mp4"): string | null =>
  hasEditLists(container) ? null : `ffmpeg re-encoded it: its stream copy into ${CONTAINER_FORMATS[container].label} cannot end a clip at OUT`;
