import { VideoSample, VideoSampleSink, type InputVideoTrack } from "mediabunny";
import { gridCount, gridFrames } from "../core/frame-grid";
import { letterbox, type Size } from "../core/letterbox";
import { rgbaToI420 } from "../core/rgb-to-yuv";
import { clipInterval, frameTimeline, framesIn, type SourcedSpan } from "../core/packet-cut";
import { packetTable } from "./packet-copy";

// Decoded timestamps are snapped to the track's timescale; this absorbs what is left of float noise.
const EPSILON = 1e-6;

/** A decoded sample placed in the output: `time` is where it now starts, `clip` where it came from. */
export interface Timed<S> {
  time: number;
  clip: number;
  sample: S;
}

/** What rgbaToI420 writes. */
const BT709: VideoColorSpaceInit = { matrix: "bt709", primaries: "bt709", transfer: "bt709", fullRange: false };

/** One source's frames as its container's index has them. */
interface SourceFrames {
  /** Every frame's presentation time, ascending, and where the last one ends. */
  times: number[];
  end: number;
  /** The frame duration when the source is constant-rate, else null. */
  step: number | null;
  /** Whether its frames are drawn into the output's size on the output's grid (it is not of the output's format). */
  fitted: boolean;
}

/** The source frames each clip stands for, and where each one lands in the output. */
export interface VideoPlan {
  /** Each clip's file (an index into the tracks) and its frame-snapped interval there. */
  clips: SourcedSpan[];
  /** Output start of each clip, and after the last, the output's length. */
  outStarts: number[];
  sources: SourceFrames[];
  /** The output's frame duration: the first file's when it is constant-rate, else null. */
  step: number | null;
  /** The output's picture size: the first file's. */
  size: Size;
  /** How many frames the output has. */
  frames: number;
}

/** Lowest index whose time is at or after `t` (less a hair). */
function lowerBound(times: readonly number[], t: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((times[mid] as number) < t - EPSILON) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The frame duration if every frame sits on one grid (within 2 % of a frame), else null. */
function constantStep(times: readonly number[]): number | null {
  const first = times[0];
  const last = times[times.length - 1];
  if (first === undefined || last === undefined || times.length < 2) return null;
  const gaps = times.slice(1).map((t, i) => t - (times[i] as number)).sort((a, b) => a - b);
  const median = gaps[gaps.length >> 1] as number;
  if (!(median > 0)) return null;
  // The whole span divided by its frame count: the exact step, free of one gap's rounding.
  const step = (last - first) / Math.round((last - first) / median);
  return times.every((t) => Math.abs((t - first) / step - Math.round((t - first) / step)) < 0.02) ? step : null;
}

/** The step other files' frames are placed on: the output's, or for a variable-rate first file its average frame. */
const gridStep = (plan: VideoPlan): number => plan.step ?? Math.max(EPSILON, (plan.sources[0] as SourceFrames).end / Math.max(1, (plan.sources[0] as SourceFrames).times.length));

/**
 * Plans the clips (each of its own file; `ends`: each file's CutSource `end`) in
 * the first file's format: its picture size and frame rate. A file of another size or rate is
 * fitted: each output frame on the first file's grid shows the frame on screen then, letterboxed.
 */
export async function planVideo(tracks: readonly InputVideoTrack[], ends: readonly number[], clips: readonly SourcedSpan[], signal: AbortSignal): Promise<VideoPlan> {
  const [first] = tracks as [InputVideoTrack];
  const size = { width: first.codedWidth, height: first.codedHeight };
  const sources: SourceFrames[] = [];
  const boundaries: number[][] = [];
  for (const [i, track] of tracks.entries()) {
    const timeline = frameTimeline((await packetTable(track)).info, ends[i]);
    signal.throwIfAborted();
    sources.push({ times: timeline.times, end: timeline.end, step: constantStep(timeline.times), fitted: false });
    boundaries.push(timeline.boundaries);
  }
  const step = (sources[0] as SourceFrames).step;
  for (const [i, source] of sources.entries()) {
    const track = tracks[i] as InputVideoTrack;
    const sameRate = step !== null && source.step !== null && Math.abs(source.step - step) < EPSILON;
    source.fitted = i > 0 && (!sameRate || track.codedWidth !== size.width || track.codedHeight !== size.height);
  }
  const plan: VideoPlan = { clips: [], outStarts: [0], sources, step, size, frames: 0 };
  const grid = gridStep(plan);
  for (const clip of clips) {
    const source = sources[clip.source] as SourceFrames;
    const interval = clipInterval(boundaries[clip.source] as number[], clip);
    // At a constant rate a clip is a whole number of frames: summing those keeps every join on the grid.
    const count = source.fitted ? gridCount(interval, grid) : step ? gridCount(interval, step) : null;
    const length = count !== null ? count * (source.fitted ? grid : (step as number)) : Math.max(0, interval.end - interval.start);
    plan.clips.push({ ...interval, source: clip.source });
    plan.outStarts.push((plan.outStarts[plan.outStarts.length - 1] as number) + length);
    plan.frames += source.fitted ? (count as number) : framesIn(source.times, interval);
  }
  return plan;
}

/**
 * A clip of a file of the output's format: its frames re-timed to follow the clips before.
 * `samples(start, end)` begins with the frame *visible* at start, which may start before it:
 * frames are kept by their own time, exactly those in [start, end).
 */
async function* ownFrames(sink: VideoSampleSink, plan: VideoPlan, clip: number): AsyncGenerator<Timed<VideoSample>> {
  const interval = plan.clips[clip] as SourcedSpan;
  const { times, end } = plan.sources[interval.source] as SourceFrames;
  const outStart = plan.outStarts[clip] as number;
  for await (const sample of sink.samples(interval.start, interval.end)) {
    const t = sample.timestamp;
    if (t < interval.start - EPSILON || t >= interval.end - EPSILON) {
      sample.close();
      continue;
    }
    const next = Math.min(times[lowerBound(times, t) + 1] ?? end, interval.end);
    const offset = plan.step ? Math.round((t - interval.start) / plan.step) * plan.step : t - interval.start;
    sample.setTimestamp(outStart + offset);
    sample.setDuration(plan.step ?? Math.max(0, next - t));
    yield { time: outStart + offset, clip, sample };
  }
}

/**
 * A clip of a file of another size or rate: one output frame a grid step, each the source frame on
 * screen at that instant (gridFrames), drawn fitted inside the output's size on black, as I420.
 */
async function* fittedFrames(sink: VideoSampleSink, plan: VideoPlan, clip: number, canvas: OffscreenCanvas): AsyncGenerator<Timed<VideoSample>> {
  const interval = plan.clips[clip] as SourcedSpan;
  const { times } = plan.sources[interval.source] as SourceFrames;
  const step = gridStep(plan);
  const outStart = plan.outStarts[clip] as number;
  const shown = gridFrames(times, interval.start, step, gridCount(interval, step));
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) throw new Error("no 2D canvas to fit the picture in");
  context.imageSmoothingQuality = "high";
  const { width, height } = plan.size;
  let picture = rgbaToI420(new Uint8Array(width * height * 4).fill(0), width, height);
  let slot = 0;
  const slots = function* () {
    // Every slot up to this frame shows it: at the source's own rate one, at a lower rate several.
    for (; slot < shown.length && (shown[slot] as number) <= index; slot++) {
      const time = outStart + slot * step;
      const sample = new VideoSample(picture, { format: "I420", codedWidth: width, codedHeight: height, timestamp: time, duration: step, colorSpace: BT709 });
      sample.setTimestamp(time);
      yield { time, clip, sample };
    }
  };
  let index = -1;
  for await (const sample of sink.samples(interval.start, interval.end)) {
    try {
      index = lowerBound(times, sample.timestamp);
      // A frame no slot shows (a faster source's in-between ones) is not drawn.
      if (slot >= shown.length || (shown[slot] as number) > index) continue;
      context.fillStyle = "black";
      context.fillRect(0, 0, canvas.width, canvas.height);
      const place = letterbox({ width: sample.displayWidth, height: sample.displayHeight }, plan.size);
      sample.draw(context, place.x, place.y, place.width, place.height);
      picture = rgbaToI420(context.getImageData(0, 0, width, height).data, width, height);
    } finally {
      sample.close();
    }
    yield* slots();
    if (slot >= shown.length) break;
  }
  // Frames that end early leave the last one on screen.
  index = Infinity;
  yield* slots();
}

/** The frames of every clip in list order, re-timed to follow each other. The consumer closes what it receives. */
export async function* clipFrames(tracks: readonly InputVideoTrack[], plan: VideoPlan): AsyncGenerator<Timed<VideoSample>> {
  const sinks = new Map<number, VideoSampleSink>();
  let canvas: OffscreenCanvas | null = null;
  for (const [clip, interval] of plan.clips.entries()) {
    if (interval.end - interval.start < EPSILON) continue;
    let sink = sinks.get(interval.source);
    if (!sink) sinks.set(interval.source, (sink = new VideoSampleSink(tracks[interval.source] as InputVideoTrack)));
    if (!(plan.sources[interval.source] as SourceFrames).fitted) yield* ownFrames(sink, plan, clip);
    else yield* fittedFrames(sink, plan, clip, (canvas ??= new OffscreenCanvas(plan.size.width, plan.size.height)));
  }
}
