/**
 * The native reference for smart cut, done the way LosslessCut does it: per clip, the frames from
 * IN to the next keyframe re-encoded by libx264 (its default preset, at the source's video bit
 * rate), the rest stream-copied from that keyframe, sound stream-copied, then everything joined by
 * ffmpeg's concat demuxer. MPEG-TS segments carry each part's parameter sets in-band. Assumes a
 * constant frame rate (the bench's source). Used by scripts/bench.ts.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Clip } from "../src/core/clips";
import type { MediaInfo, VideoStream } from "../src/core/media-info";
import type { NativeRun } from "./bench-media";

const ffmpeg = (args: string[]) => execFileSync("ffmpeg", ["-v", "error", "-y", ...args], { stdio: ["ignore", "ignore", "pipe"] });
const seconds = (frame: number, fps: number) => (frame / fps).toFixed(6);

/** The source's video bit rate in bits per second, as LosslessCut reads it (the stream's bit_rate). */
const videoBitRate = (source: string): number =>
  Number(execFileSync("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=bit_rate", "-of", "csv=p=0", source]).toString().trim());

export function runNativeSmartCut(source: string, info: MediaInfo, clips: readonly Clip[], dir: string): NativeRun {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const video = info.streams.find((s): s is VideoStream => s.kind === "video");
  if (!video) throw new Error("native smart cut: the source has no video");
  const fps = video.frameRate.num / video.frameRate.den;
  const keys = info.keyframes.map((t) => Math.round(t * fps));
  const began = performance.now();
  const bitRate = videoBitRate(source);
  const videoParts: string[] = [];
  const soundParts: string[] = [];
  for (const [i, clip] of clips.entries()) {
    const first = Math.round(clip.start * fps);
    const end = Math.round(clip.end * fps);
    const key = keys.find((k) => k >= first && k < end) ?? end;
    if (key > first) {
      // Input seeking decodes from the keyframe before and drops frames before -ss: half a frame early lands on `first`.
      const head = join(dir, `head-${i}.ts`);
      ffmpeg([
        ...["-ss", seconds(first - 0.5, fps), "-i", source, "-map", "0:v:0", "-frames:v", String(key - first)],
        ...["-c:v", "libx264", "-b:v", String(bitRate), "-pix_fmt", "yuv420p", "-f", "mpegts", head],
      ]);
      videoParts.push(head);
    }
    if (key < end) {
      // Stream copy starts at the keyframe at or before -ss: half a frame late is that keyframe exactly.
      const rest = join(dir, `rest-${i}.ts`);
      ffmpeg(["-ss", seconds(key + 0.5, fps), "-i", source, "-map", "0:v:0", "-t", seconds(end - key, fps), "-c", "copy", "-f", "mpegts", rest]);
      videoParts.push(rest);
    }
    const sound = join(dir, `sound-${i}.aac`);
    ffmpeg(["-ss", seconds(first, fps), "-i", source, "-map", "0:a:0", "-t", seconds(end - first, fps), "-c", "copy", "-f", "adts", sound]);
    soundParts.push(sound);
  }
  const list = (name: string, parts: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, parts.map((p) => `file '${p}'\n`).join(""));
    return path;
  };
  const output = join(dir, "smart.mp4");
  ffmpeg([
    ...["-f", "concat", "-safe", "0", "-i", list("video.txt", videoParts)],
    ...["-f", "concat", "-safe", "0", "-i", list("sound.txt", soundParts)],
    ...["-map", "0:v", "-map", "1:a", "-c", "copy", output],
  ]);
  return { seconds: (performance.now() - began) / 1000, output };
}
