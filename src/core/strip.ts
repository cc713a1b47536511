import { keyframeAtOrBefore } from "./keyframes";

/** The sound's loudness is kept this many times a second: enough to see a pause at any zoom. */
export const PEAKS_PER_SECOND = 100;
/** Thumbnails at most every this many seconds, and never more than MAX_THUMBS of them. */
const THUMB_EVERY = 2;
const MAX_THUMBS = 240;

/** The timeline's pictures and sound of one source, as computed once and cached. */
export interface Strip {
  /** Page times (from the first frame) of the thumbnails, ascending. */
  thumbTimes: number[];
  /** One JPEG per time. */
  thumbs: ArrayBuffer[];
  thumbWidth: number;
  thumbHeight: number;
  /** The loudest sample of each 1/PEAKS_PER_SECOND s, 0 (silence) to 255 (full scale); null without sound. */
  peaks: Uint8Array | null;
}

/**
 * When to take thumbnails: evenly over the source, each moved back to the keyframe at or before
 * it, so each costs one decoded frame. Keyframes further apart than the slots give fewer.
 */
export function thumbTimes(duration: number, keyframes: readonly number[]): number[] {
  if (!(duration > 0)) return [];
  const count = Math.min(MAX_THUMBS, Math.max(1, Math.ceil(duration / THUMB_EVERY)));
  const times = Array.from({ length: count }, (_, i) => keyframeAtOrBefore(keyframes, (i * duration) / count));
  return [...new Set(times)].sort((a, b) => a - b);
}

/** The thumbnail to show at `time`: the last one taken at or before it (the first before any). */
export function thumbAt(times: readonly number[], time: number): number {
  let low = 0;
  let high = times.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if ((times[mid] as number) <= time) low = mid;
    else high = mid - 1;
  }
  return Math.max(low, 0);
}

/**
 * Folds decoded sound into `peaks`: `channels` hold the samples from page time `start` on; each
 * bucket keeps the loudest sample any channel has in it.
 */
export function addPeaks(peaks: Uint8Array, channels: readonly Float32Array[], sampleRate: number, start: number): void {
  const length = channels[0]?.length ?? 0;
  for (let i = 0; i < length; i++) {
    const bucket = Math.floor((start + i / sampleRate) * PEAKS_PER_SECOND);
    if (bucket < 0 || bucket >= peaks.length) continue;
    let loudest = 0;
    for (const channel of channels) loudest = Math.max(loudest, Math.abs(channel[i] as number));
    const level = Math.min(255, Math.round(loudest * 255));
    if (level > (peaks[bucket] as number)) peaks[bucket] = level;
  }
}

/** The loudest level between two page times (0 where nothing is known). */
export function peakBetween(peaks: Uint8Array, from: number, to: number): number {
  const first = Math.max(0, Math.floor(from * PEAKS_PER_SECOND));
  const end = Math.min(peaks.length, Math.max(first + 1, Math.ceil(to * PEAKS_PER_SECOND)));
  let loudest = 0;
  for (let i = first; i < end; i++) loudest = Math.max(loudest, peaks[i] as number);
  return loudest;
}
