import { VideoSampleSink, type InputVideoTrack, type VideoSample } from "mediabunny";
import type { Span } from "../core/clips";
import { clipInterval, frameTimeline } from "../core/packet-cut";
import { packetTable, type CutJob } from "./packet-copy";

// Decoded timestamps are snapped to the track's timescale; this absorbs what is left of float noise.
const EPSILON = 1e-6;

/** A decoded sample placed in the output: `time` is where it now starts, `clip` where it came from. */
export interface Timed<S> {
  time: number;
  clip: number;
  sample: S;
}

/** The source frames each clip stands for, and where each one lands in the output. */
export interface VideoPlan {
  intervals: Span[];
  /** Output start of each clip, and after the last, the output's length. */
  outStarts: number[];
  /** Every frame's presentation time, ascending, and where the last one ends. */
  times: number[];
  end: number;
  /** The frame duration when the source is constant-rate, else null. */
  step: number | null;
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

export async function planVideo(track: InputVideoTrack, clips: readonly Span[], job: CutJob): Promise<VideoPlan> {
  const { times, end, boundaries } = frameTimeline((await packetTable(track)).info, job.sourceEnd);
  job.signal.throwIfAborted();
  const step = constantStep(times);
  const intervals = clips.map((clip) => clipInterval(boundaries, clip));
  const outStarts = [0];
  for (const interval of intervals) {
    // At a constant rate a clip is a whole number of frames: summing those keeps every join on the grid.
    const length = step ? Math.round((interval.end - interval.start) / step) * step : interval.end - interval.start;
    outStarts.push((outStarts[outStarts.length - 1] as number) + Math.max(0, length));
  }
  return { intervals, outStarts, times, end, step };
}

/**
 * The frames of every clip in list order, re-timed to follow each other. `samples(start, end)` begins
 * with the frame *visible* at start, which may start before it: frames are kept by their own time,
 * exactly those in [start, end). The consumer closes what it receives.
 */
export async function* clipFrames(track: InputVideoTrack, plan: VideoPlan): AsyncGenerator<Timed<VideoSample>> {
  const sink = new VideoSampleSink(track);
  for (const [clip, interval] of plan.intervals.entries()) {
    const outStart = plan.outStarts[clip] as number;
    if (interval.end - interval.start < EPSILON) continue;
    for await (const sample of sink.samples(interval.start, interval.end)) {
      const t = sample.timestamp;
      if (t < interval.start - EPSILON || t >= interval.end - EPSILON) {
        sample.close();
        continue;
      }
      const index = lowerBound(plan.times, t);
      const next = Math.min(plan.times[index + 1] ?? plan.end, interval.end);
      const offset = plan.step ? Math.round((t - interval.start) / plan.step) * plan.step : t - interval.start;
      sample.setTimestamp(outStart + offset);
      sample.setDuration(plan.step ?? Math.max(0, next - t));
      yield { time: outStart + offset, clip, sample };
    }
  }
}
