import { execFileSync } from "node:child_process";

/** Native ffprobe/ffmpeg from Debian: an independent judge of what the page exported. */

export interface StreamFacts {
  codec_type: string;
  codec_name: string;
  nb_read_frames?: string;
  duration?: string;
}

export function streams(file: string): StreamFacts[] {
  const out = execFileSync("ffprobe", [
    ...["-v", "error", "-count_frames", "-show_entries", "stream=codec_type,codec_name,nb_read_frames,duration"],
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
