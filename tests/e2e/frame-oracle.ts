import { execFileSync } from "node:child_process";
import { decodeAudio, grayFrames, psnr, videoFrameTimes } from "./oracle";

/**
 * The SYNC fixture's picture and sound, and the oracle that reads them back from any export:
 * which source frame every output frame is, and how far each flash's beep sits from it.
 * The geometry lives here only: fixtures.ts draws with the expressions below, the oracle reads them.
 */

export const SYNC_SIZE = { width: 320, height: 240 } as const;
export const SYNC_FPS = 25;
/** 12 bits of the frame index, least significant first, as 24 px wide blocks in the top 32 rows. */
const BAND = { rows: 32, left: 16, bitWidth: 24, bits: 12 } as const;
/** Everything below the band: the picture the cross-check compares. Contiguous in a grey frame. */
const PICTURE_START = BAND.rows * SYNC_SIZE.width;
/**
 * Below this PSNR (dB, over the picture under the band) an output frame is not the source frame its
 * band names. `calibratePsnr` measures where a poor re-encode of the right frame and the best
 * neighbouring frame lie, and checks this constant sits between them.
 */
export const SAME_FRAME_PSNR = 21;
/** Beeps last 20, 35, 50, 65 ms by second mod 4, so a flash is matched to its own second's beep. */
const BEEP_LENGTHS = [0.02, 0.035, 0.05, 0.065] as const;
const BEEP_LEVEL = 0.5;

const esc = (expr: string): string => expr.replace(/,/g, "\\,");

/**
 * Where a second file of SYNC's kind numbers its frames from: its band carries `JOINED_BASE + N`,
 * so an output frame says which file it is. A multiple of 100 (4 s): each code's second still
 * names its beep's length.
 */
export const JOINED_BASE = 1000;

/** geq luma for frame N: the code band on top (N + `base`); below, white at every whole second, else a dark moving check. */
export function syncLumaExpression(base = 0): string {
  const { rows, left, bitWidth, bits } = BAND;
  const bit = `floor((X-${left})/${bitWidth})`;
  const band = `if(between(X,${left},${left + bitWidth * bits - 1}),16+219*mod(floor((N+${base})/pow(2,${bit})),2),16)`;
  // Random 20 px blocks (a sine hash) sliding 6 px right and 3 px down a frame: a neighbouring frame
  // differs in about half the pixels, yet the motion is a plain translation that x264 predicts
  // well, so it picks its usual mix of P- and B-frames.
  const hash = "abs(sin(floor((X+6*N)/20)*12.9898+floor((Y+3*N)/20)*78.233))*43758";
  const dark = `16+96*mod(floor(${hash}),2)`;
  return esc(`if(lt(Y,${rows}),${band},if(eq(mod(N,${SYNC_FPS}),0),235,${dark}))`);
}

/** aevalsrc: silence, and a beep (1 kHz unless said) starting at full level on every whole second. */
export function beepExpression(frequency = 1000): string {
  const length = `0.02+0.015*mod(floor(t),4)`;
  // cos, not sin: the first sample of a beep is already loud, so its onset is one sample, not a ramp.
  return esc(`if(lt(mod(t,1),${length}),${BEEP_LEVEL}*cos(2*PI*${frequency}*t),0)`);
}

/** The frame index a grey frame's band carries, or null where any block is neither black nor white. */
export function readCode(frame: Buffer): number | null {
  const { width } = SYNC_SIZE;
  let code = 0;
  for (let bit = 0; bit < BAND.bits; bit++) {
    const x0 = BAND.left + bit * BAND.bitWidth;
    let sum = 0;
    let count = 0;
    // The blocks' inside only: edges blur under lossy coding and 4:2:0.
    for (let y = 6; y < BAND.rows - 6; y++) {
      for (let x = x0 + 6; x < x0 + BAND.bitWidth - 6; x++, count++) sum += frame[y * width + x] as number;
    }
    const mean = sum / count;
    if (mean > 64 && mean < 192) return null;
    if (mean >= 192) code |= 1 << bit;
  }
  return code;
}

const picture = (frame: Buffer): Buffer => frame.subarray(PICTURE_START);
const isFlash = (frame: Buffer): boolean => {
  const area = picture(frame);
  let sum = 0;
  for (const value of area) sum += value;
  return sum / area.length > 160;
};

const sourceCache = new Map<string, Buffer[]>();
function sourceFrames(source: string): Buffer[] {
  let frames = sourceCache.get(source);
  if (!frames) sourceCache.set(source, (frames = grayFrames(source)));
  return frames;
}

export interface FrameFact {
  /** Presentation time in seconds, from ffprobe. */
  time: number;
  /** What the band says, null where unreadable. */
  code: number | null;
  /** PSNR of the picture against source frame `code`. */
  psnr: number;
  flash: boolean;
}

/**
 * Every output frame in presentation order: its time, its band's code, and how well it matches that
 * source frame. `source`: the file the output was cut from, or several (the second numbered from
 * JOINED_BASE on), each frame matched against the one whose numbers its code falls in.
 */
export function frameFacts(file: string, source: string | readonly string[]): FrameFact[] {
  const frames = grayFrames(file);
  const times = videoFrameTimes(file);
  if (times.length !== frames.length) throw new Error(`${file}: ffprobe lists ${times.length} frames, ffmpeg decoded ${frames.length}`);
  const sources = typeof source === "string" ? [source] : source;
  const reference = (code: number) => {
    const index = Math.min(Math.floor(code / JOINED_BASE), sources.length - 1);
    const from = sources[index];
    return from === undefined ? undefined : sourceFrames(from)[code - index * JOINED_BASE];
  };
  return frames.map((frame, i) => {
    const code = readCode(frame);
    const match = code === null ? undefined : reference(code);
    return { time: times[i] as number, code, psnr: match ? psnr(picture(frame), picture(match)) : 0, flash: isFlash(frame) };
  });
}

/**
 * The source frame index of every output frame, in presentation order; -1 where the band is
 * unreadable or the picture is not that source frame's (a blend, a wrong reference, a stale frame).
 */
export function identifyFrames(file: string, source: string | readonly string[]): number[] {
  return frameFacts(file, source).map((f) => (f.code !== null && f.psnr >= SAME_FRAME_PSNR ? f.code : -1));
}

interface Beep {
  /** Seconds, on the file's audio timeline. */
  onset: number;
  length: number;
  /** Its first sample's index in the decoded track. */
  first: number;
}

/** Beep onsets in audio track `track`: the first sample at half the beep's level after at least 10 ms below it. */
export function beeps(file: string, track = 0): Beep[] {
  const audio = decodeAudio(file, track);
  const { samples, rate } = audio;
  const threshold = BEEP_LEVEL / 2;
  const gap = Math.round(0.01 * rate);
  const found: Beep[] = [];
  let start = -1;
  let last = -Infinity;
  const close = () => {
    if (start >= 0) found.push({ onset: audio.time(start), length: (last - start + 1) / rate, first: start });
  };
  for (let i = 0; i < samples.length; i++) {
    if (Math.abs(samples[i] as number) < threshold) continue;
    if (i - last > gap) {
      close();
      start = i;
    }
    last = i;
  }
  close();
  return found;
}

/**
 * For every flash frame of the output (found by its picture, timed by its pts), the onset of its
 * beep (in audio track `track`) minus its time, in ms. Its beep is the nearest one as long as that second's beep (by length:
 * second mod 4), so a slip by whole seconds shows too. A flash within two frames of a join may have
 * lost its beep's head to the join (AAC frames overlap, so the first one after a join decodes
 * mixed) or its tail: a shorter beep counts there, timed by its end or its onset respectively.
 * A flash whose code is unreadable takes the nearest beep of any length.
 */
export function syncOffsets(file: string, source: string | readonly string[], track = 0): number[] {
  const found = beeps(file, track);
  const facts = frameFacts(file, source);
  const follows = (i: number) => i > 0 && facts[i]?.code != null && facts[i]?.code === (facts[i - 1]?.code ?? NaN) + 1;
  const offsets: number[] = [];
  facts.forEach((f, i) => {
    if (!f.flash) return;
    const length = f.code === null ? null : BEEP_LENGTHS[Math.round(f.code / SYNC_FPS) % BEEP_LENGTHS.length];
    const atStart = !follows(i) || !follows(i - 1);
    const atEnd = !follows(i + 1) || !follows(i + 2);
    const onsets = found.flatMap((b) => {
      if (length == null || Math.abs(b.length - length) < 0.0015) return [b.onset];
      if (b.length > length) return [];
      return [...(atStart ? [b.onset + b.length - length] : []), ...(atEnd ? [b.onset] : [])];
    });
    const nearest = onsets.reduce((best, t) => {
      const offset = (t - f.time) * 1000;
      return Math.abs(offset) < Math.abs(best) ? offset : best;
    }, Infinity);
    offsets.push(Number.isFinite(nearest) ? Math.round(nearest * 100) / 100 : Number.NaN);
  });
  return offsets;
}

/**
 * Where SAME_FRAME_PSNR stands: a deliberately poor re-encode of `source` (x264 CRF 40, worse than
 * any export should be) against its own frames (lowest PSNR) and against their neighbours (highest).
 */
export function calibratePsnr(source: string, scratch: string): { worstSame: number; bestNeighbour: number } {
  execFileSync("ffmpeg", ["-v", "error", "-y", "-i", source, "-an", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "40", scratch]);
  const original = grayFrames(source).map(picture);
  const encoded = grayFrames(scratch).map(picture);
  let worstSame = Infinity;
  let bestNeighbour = -Infinity;
  encoded.forEach((frame, i) => {
    worstSame = Math.min(worstSame, psnr(frame, original[i] as Buffer));
    for (const j of [i - 1, i + 1]) {
      const other = original[j];
      if (other) bestNeighbour = Math.max(bestNeighbour, psnr(frame, other));
    }
  });
  console.log(
    `SYNC PSNR: a CRF 40 re-encode of the right frame ≥ ${worstSame.toFixed(1)} dB, of a neighbour ≤ ${bestNeighbour.toFixed(1)} dB; ` +
      `threshold ${SAME_FRAME_PSNR} dB, margins ${(worstSame - SAME_FRAME_PSNR).toFixed(1)} / ${(SAME_FRAME_PSNR - bestNeighbour).toFixed(1)} dB`,
  );
  if (!(worstSame > SAME_FRAME_PSNR && SAME_FRAME_PSNR > bestNeighbour)) throw new Error("SAME_FRAME_PSNR does not separate them");
  return { worstSame, bestNeighbour };
}

/** Every beep of audio track `track` with its pitch (Hz, from its zero crossings): which source it came from. */
export function beepPitches(file: string, track = 0): (Beep & { pitch: number })[] {
  const { samples, rate } = decodeAudio(file, track);
  return beeps(file, track).map((beep) => {
    let crossings = 0;
    for (let i = beep.first + 1; i < beep.first + Math.round(beep.length * rate); i++) {
      if (Math.sign(samples[i] as number) !== Math.sign(samples[i - 1] as number)) crossings += 1;
    }
    return { ...beep, pitch: crossings / 2 / beep.length };
  });
}

/** The pitch (Hz) of audio track `track`'s longest beep: which source track it is. */
export const beepPitch = (file: string, track: number): number => beepPitches(file, track).reduce((a, b) => (b.length > a.length ? b : a)).pitch;

/**
 * Which frame of `source` each output frame from `from` on is, where the page fitted `source` into
 * the output's size: every frame of `source` letterboxed by native ffmpeg into that size, and each
 * output frame matched to the best of them within `window` frames of `expected` (so a wrong
 * neighbour shows as itself). Answers the matched indexes and the lowest PSNR of a match.
 */
export function fittedFrames(file: string, from: number, source: string, expected: readonly number[], window = 4): { frames: number[]; worst: number } {
  const { width, height } = SYNC_SIZE;
  // Both read as limited range, whatever each file is tagged with, so grey levels compare alike.
  const gray = (path: string, filter: string) =>
    execFileSync("ffmpeg", ["-v", "error", "-i", path, "-map", "0:v:0", "-vf", `setparams=range=tv,${filter}`, "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "gray", "-"], {
      maxBuffer: 2 ** 31 - 1,
    });
  const raw = gray(source, `scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2:black`);
  const out = gray(file, "null");
  const size = width * height;
  const frame = (buffer: Buffer, i: number) => buffer.subarray(i * size, (i + 1) * size);
  const count = raw.length / size;
  let worst = Infinity;
  const frames = Array.from({ length: out.length / size - from }, (_, k) => {
    const centre = expected[k] ?? 0;
    let best = { index: -1, psnr: -Infinity };
    for (let i = Math.max(0, centre - window); i <= Math.min(count - 1, centre + window); i++) {
      const db = psnr(frame(out, from + k), frame(raw, i));
      if (db > best.psnr) best = { index: i, psnr: db };
    }
    worst = Math.min(worst, best.psnr);
    return best.index;
  });
  return { frames, worst };
}
