import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect } from "@playwright/test";

/** Native ffprobe/ffmpeg from Debian: an independent judge of what the page exported. */

export interface StreamFacts {
  codec_type: string;
  codec_name: string;
  nb_read_frames?: string;
  duration?: string;
  sample_rate?: string;
  tags?: { title?: string; handler_name?: string; language?: string };
}

export function streams(file: string): StreamFacts[] {
  const out = execFileSync("ffprobe", [
    ...["-v", "error", "-count_frames", "-show_entries", "stream=codec_type,codec_name,nb_read_frames,duration,sample_rate:stream_tags=title,handler_name,language"],
    ...["-of", "json", file],
  ]);
  return (JSON.parse(out.toString()) as { streams: StreamFacts[] }).streams;
}

export const frameCount = (file: string): number =>
  Number(streams(file).find((s) => s.codec_type === "video")?.nb_read_frames);

export function streamDuration(file: string, kind: "video" | "audio"): number {
  return Number(streams(file).find((s) => s.codec_type === kind)?.duration);
}

export function keyframeTimes(file: string): number[] {
  const out = execFileSync("ffprobe", [
    ...["-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time,flags", "-of", "csv=p=0", file],
  ]);
  return out
    .toString()
    .trim()
    .split("\n")
    .filter((line) => line.split(",")[1]?.includes("K"))
    .map((line) => Number(line.split(",")[0]));
}

/** Decoded frame `index` (in presentation order) as 8-bit grey pixels. */
export function grayFrame(file: string, index: number): Buffer {
  return execFileSync("ffmpeg", [
    ...["-v", "error", "-i", file, "-vf", `select=eq(n\\,${index})`, "-vsync", "0", "-frames:v", "1"],
    ...["-f", "rawvideo", "-pix_fmt", "gray", "-"],
  ]);
}

export function psnr(a: Buffer, b: Buffer): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += ((a[i] as number) - (b[i] as number)) ** 2;
  const mse = sum / a.length;
  return mse === 0 ? 99 : 10 * Math.log10((255 * 255) / mse);
}

/** Which of the source frames `candidates` the output frame looks like, with its PSNR. */
export function closestSourceFrame(output: string, outputIndex: number, source: string, candidates: number[]) {
  const frame = grayFrame(output, outputIndex);
  const scored = candidates.map((index) => ({ index, psnr: psnr(frame, grayFrame(source, index)) }));
  return scored.reduce((best, s) => (s.psnr > best.psnr ? s : best));
}

/** ffmpeg's own reading of a file: one decode, frames and samples as ffmpeg's defaults give them (edit lists applied). */
const decode = (args: string[]): Buffer =>
  execFileSync("ffmpeg", ["-v", "error", ...args, "-"], { maxBuffer: 2 ** 31 - 1 });

/** Every video frame in presentation order as 8-bit grey pixels, from one decode. */
export function grayFrames(file: string): Buffer[] {
  const [width, height] = execFileSync("ffprobe", [
    ...["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0", file],
  ])
    .toString()
    .trim()
    .split(",")
    .map(Number) as [number, number];
  // passthrough: no frame dropped or repeated to fit a constant rate; the frames are what the file holds.
  const raw = decode(["-i", file, "-map", "0:v:0", "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "gray"]);
  const size = width * height;
  return Array.from({ length: raw.length / size }, (_, i) => raw.subarray(i * size, (i + 1) * size));
}

interface ProbedFrame {
  pts_time?: string;
  best_effort_timestamp_time?: string;
  nb_samples?: number;
}

interface Probed {
  frames: ProbedFrame[];
  streams: { sample_rate?: string }[];
}

function probedFrames(file: string, stream: `${"v" | "a"}:${number}`): Probed {
  const entries = "frame=pts_time,best_effort_timestamp_time,nb_samples:stream=sample_rate";
  const out = execFileSync("ffprobe", ["-v", "error", "-select_streams", stream, "-show_entries", entries, "-of", "json", file], {
    maxBuffer: 2 ** 28,
  });
  return JSON.parse(out.toString()) as Probed;
}

const frameTime = (f: ProbedFrame): number => Number(f.pts_time ?? f.best_effort_timestamp_time);

/** Presentation time (s) of every decoded video frame, in presentation order, from ffprobe. */
export const videoFrameTimes = (file: string): number[] => probedFrames(file, "v:0").frames.map(frameTime);

export interface DecodedAudio {
  /** One audio stream mixed to mono, every decoded sample in order. */
  samples: Float32Array;
  rate: number;
  /** Presentation time (s) of sample `i`: its decoded frame's pts plus its place in that frame. */
  time(i: number): number;
}

/** Audio track `track` (0 the first) of `file`, decoded by native ffmpeg. */
export function decodeAudio(file: string, track = 0): DecodedAudio {
  const { frames, streams } = probedFrames(file, `a:${track}`);
  const rate = Number(streams[0]?.sample_rate);
  const raw = decode(["-i", file, "-map", `0:a:${track}`, "-ac", "1", "-c:a", "pcm_f32le", "-f", "f32le"]);
  const samples = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length));
  const starts: number[] = [];
  let total = 0;
  for (const f of frames) {
    starts.push(total);
    total += f.nb_samples ?? 0;
  }
  if (total !== samples.length) throw new Error(`${file}: ffprobe lists ${total} audio samples, ffmpeg decoded ${samples.length}`);
  return {
    samples,
    rate,
    time(i: number): number {
      // The last frame starting at or before sample i.
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] as number) <= i) lo = mid;
        else hi = mid - 1;
      }
      return frameTime(frames[lo] as ProbedFrame) + (i - (starts[lo] as number)) / rate;
    },
  };
}

/** What `ffmpeg -v error -i file -f null -` prints: empty for a file that decodes cleanly. */
export function decodeErrors(file: string, streams = "0"): string {
  const run = spawnSync("ffmpeg", ["-v", "error", "-i", file, "-map", streams, "-f", "null", "-"], { encoding: "utf8" });
  return `${run.stdout}${run.stderr}`.trim();
}

/** Picture type (I, P, B) of every video frame in presentation order. */
export const pictureTypes = (file: string): string[] =>
  execFileSync("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "frame=pict_type", "-of", "csv=p=0", file])
    .toString()
    .split("\n")
    .map((line) => line.replace(/[^IPB]/g, ""))
    .filter((type) => type !== "");

/**
 * The file's top-level MP4 boxes in order, read from its bytes here (not by the page's code):
 * `moov` before the first `mdat` is a fast start, playable before the whole file has arrived.
 */
export function topLevelBoxes(file: string): string[] {
  const bytes = readFileSync(file);
  const types: string[] = [];
  for (let at = 0; at + 8 <= bytes.length; ) {
    const small = bytes.readUInt32BE(at);
    const size = small === 1 ? Number(bytes.readBigUInt64BE(at + 8)) : small === 0 ? bytes.length - at : small;
    types.push(bytes.toString("latin1", at + 4, at + 8));
    if (size < 8) break;
    at += size;
  }
  return types;
}

/** Fails unless the MP4's movie box comes before its media: web playback starts on the first bytes. */
export function expectFastStart(file: string): void {
  const boxes = topLevelBoxes(file);
  expect(boxes, `${file}: ${boxes.join(", ")}`).toContain("moov");
  expect(boxes.indexOf("moov"), `${file}: ${boxes.join(", ")}`).toBeLessThan(boxes.includes("mdat") ? boxes.indexOf("mdat") : Infinity);
}
