import type { Span } from "./clips";

/**
 * How dark each frame of a source is: `times[i]` is frame i's start in page seconds (presentation
 * order), `dark[i]` the luma (0–255) that 98% of its pixels are at or below. A frame is black when
 * that level is at or below the threshold: ffmpeg's blackdetect with its picture ratio of 0.98.
 */
export interface PictureLevels {
  times: ArrayLike<number>;
  dark: ArrayLike<number>;
}

/** The share of a frame's pixels that must be dark for it to count as black (blackdetect's pic_th). */
const BLACK_SHARE = 0.98;

/** The luma at or below which `BLACK_SHARE` of a plane's pixels lie; `stride` bytes a row. */
export function darkLevel(plane: Uint8Array, width: number, height: number, stride: number): number {
  const counts = new Uint32Array(256);
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    for (let x = 0; x < width; x++) {
      const level = plane[row + x] as number;
      counts[level] = (counts[level] as number) + 1;
    }
  }
  const needed = Math.ceil(BLACK_SHARE * width * height);
  let seen = 0;
  for (let level = 0; level < 256; level++) {
    seen += counts[level] as number;
    if (seen >= needed) return level;
  }
  return 255;
}

/**
 * The luma a pixel may have and still be black, for a threshold in percent of the picture's range:
 * video's luma runs from 16 to 235, as blackdetect reads limited-range sources.
 */
export const blackLuma = (percent: number): number => Math.floor(16 + (percent / 100) * (235 - 16));

/**
 * The black stretches: runs of black frames lasting at least `minLength` s, each from its first
 * black frame's start to the next frame's start (or `duration`), as blackdetect reports them.
 */
export function findBlack(levels: PictureLevels, percent: number, minLength: number, duration: number): Span[] {
  const limit = blackLuma(percent);
  const found: Span[] = [];
  let from = -1;
  const close = (end: number) => {
    const start = levels.times[from] as number;
    // A nanosecond's slack: frame times in seconds are not exact in binary.
    if (end - start >= minLength - 1e-9 && end > start) found.push({ start, end });
    from = -1;
  };
  for (let i = 0; i < levels.dark.length; i++) {
    const black = (levels.dark[i] as number) <= limit;
    if (black && from < 0) from = i;
    else if (!black && from >= 0) close(levels.times[i] as number);
  }
  if (from >= 0) close(duration);
  return found;
}
