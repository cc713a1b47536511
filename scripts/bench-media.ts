/**
 * The benchmark's native side: the sources it makes, native ffmpeg running the page's own plans,
 * and ffprobe checks of what the browser wrote. Used by scripts/bench.ts.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statfsSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Clip } from "../src/core/clips";
import { planExport, type ExportMode, type ExportPlan } from "../src/core/export-plan";
import { parse } from "../src/core/formats/edits-csv";
import { parseProbe, type MediaInfo } from "../src/core/media-info";
import { planProbe } from "../src/core/probe-plan";

export const ROOT = join(import.meta.dirname, "..");
export const WORK = join(ROOT, "bench", ".generated");
export const SOURCE = join(WORK, "source-1080p30-120s.mp4");
export const BIG_SOURCE = join(WORK, "source-1080p30-over-4gib.mp4");
export const GIB = 1024 ** 3;
const BIG_SIZE = 4.25 * GIB;
/** Free space needed before the big run: the source (4.3 GiB), the OPFS output and native's segments and output. */
export const BIG_FREE_BYTES = 12e9;

const ffmpeg = (args: string[]) => execFileSync("ffmpeg", ["-v", "error", "-y", ...args], { stdio: ["ignore", "ignore", "pipe"] });

/** Writes through a temporary name, so that a run stopped half way leaves no broken source behind. */
export function makeOnce(path: string, make: (temporary: string) => void): void {
  if (existsSync(path)) return;
  mkdirSync(dirname(path), { recursive: true });
  const temporary = path.replace(/\.mp4$/, ".partial.mp4");
  make(temporary);
  renameSync(temporary, path);
  // Let the disk finish writing it, so the measured runs do not share it with the kernel's flush.
  execFileSync("sync");
}

/** 1920×1080 30 fps H.264/AAC, 120 s, a keyframe every 2 s (as the README describes). */
export function makeSource(): void {
  makeOnce(SOURCE, (out) => {
    console.log("making the 1920×1080 30 fps 120 s source…");
    ffmpeg([
      ...["-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30:duration=120"],
      ...["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=120"],
      ...["-c:v", "libx264", "-preset", "veryfast", "-g", "60", "-keyint_min", "60", "-sc_threshold", "0", "-pix_fmt", "yuv420p"],
      ...["-c:a", "aac", "-b:a", "128k", out],
    ]);
  });
}

export const freeBytes = (path: string): number => {
  const stats = statfsSync(path);
  return stats.bavail * stats.bsize;
};

/**
 * A source over 4 GiB, made fast: 4 s of noisy 1080p30 H.264 (B-frames, a keyframe every 2 s,
 * about 280 Mbit/s) encoded once, its packets repeated by `-stream_loop` past 4.25 GiB, and one
 * continuous AAC track encoded beside them.
 */
export function makeBigSource(): void {
  makeOnce(BIG_SOURCE, (out) => {
    const segment = join(WORK, "big-segment.mp4");
    const seconds = 4;
    if (!existsSync(segment)) {
      console.log("making a 4 s high-bitrate 1080p segment for the source over 4 GiB…");
      ffmpeg([
        ...["-f", "lavfi", "-i", `testsrc2=size=1920x1080:rate=30:duration=${seconds}`, "-vf", "noise=alls=25:allf=t"],
        ...["-c:v", "libx264", "-preset", "superfast", "-crf", "14", "-g", "60", "-keyint_min", "60", "-sc_threshold", "0"],
        ...["-pix_fmt", "yuv420p", "-an", segment],
      ]);
    }
    const loops = Math.ceil(BIG_SIZE / statSync(segment).size);
    console.log(`repeating it ${loops} times (${loops * seconds} s) with -stream_loop -c copy…`);
    ffmpeg([
      ...["-stream_loop", String(loops - 1), "-i", segment],
      ...["-f", "lavfi", "-i", `sine=frequency=440:sample_rate=48000:duration=${loops * seconds}`],
      ...["-map", "0:v", "-map", "1:a", "-c:v", "copy", "-c:a", "aac", "-b:a", "128k", "-shortest", out],
    ]);
  });
}

export function csvClips(text: string): Clip[] {
  const parsed = parse(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value.entries.map((e, i) => ({ id: i + 1, source: "s", start: e.start, end: e.end, label: e.label }));
}

export const readCsv = (path: string): string => readFileSync(path, "utf8");

/** What the page's probe finds in the file, worked out by native ffprobe with the same plan. */
export function probeNatively(source: string): MediaInfo {
  const dir = join(WORK, "probe");
  mkdirSync(dir, { recursive: true });
  const plan = planProbe(source, dir);
  execFileSync("ffprobe", plan.formatArgs);
  execFileSync("ffprobe", plan.keyframesArgs, { maxBuffer: 1 << 28 });
  const info = parseProbe(basename(source), readFileSync(plan.formatFile, "utf8"), readFileSync(plan.keyframesFile, "utf8"));
  if (!info.ok) throw new Error(info.error);
  return info.value;
}

export interface NativeRun {
  seconds: number;
  output: string;
}

/** The same plan the page's fallback runs, run by native ffmpeg (its own threads, as a user's ffmpeg would). */
export function runNatively(mode: ExportMode, source: string, info: MediaInfo, clips: readonly Clip[], name: string): NativeRun {
  return runPlanNatively(name, (dir) => planExport(mode, { input: source, workDir: dir, info, clips }));
}

/** A plan (made for its work folder) run by native ffmpeg, timed from its first file written to its last step's end. */
export function runPlanNatively(name: string, planFor: (workDir: string) => ExportPlan): NativeRun {
  const dir = join(WORK, `native-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  const plan = planFor(dir);
  const began = performance.now();
  for (const file of plan.files) writeFileSync(file.path, file.text);
  for (const step of plan.steps) execFileSync("ffmpeg", step.args, { stdio: ["ignore", "ignore", "pipe"] });
  return { seconds: (performance.now() - began) / 1000, output: plan.output };
}

/** Frames the output should show: lossless from each clip's keyframe (or exactly IN, if the engine trims), else IN to OUT. */
export function expectedFrames(info: MediaInfo, clips: readonly Clip[]): { fromKeyframe: number; exact: number } {
  const sum = (mode: ExportMode) =>
    planExport(mode, { input: "in.mp4", workDir: "/tmp", info, clips }).clips.reduce((total, c) => total + (c.frames ?? 0), 0);
  return { fromKeyframe: sum("lossless"), exact: sum("reencode") };
}

const probeText = (args: string[]) => execFileSync("ffprobe", ["-v", "error", ...args], { maxBuffer: 1 << 28 }).toString();

/** Video frames the file shows, decoded (edit lists applied): proof the bitstream plays. */
export function decodedFrames(file: string): number {
  const out = probeText(["-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", file]);
  return Number(out.trim());
}

/** Video packets the file shows (not flagged discard by its edit list), read without decoding. */
export function shownPackets(file: string): number {
  const out = probeText(["-select_streams", "v:0", "-show_entries", "packet=flags", "-of", "csv=p=0", file]);
  return out.split("\n").filter((flags) => flags.trim() !== "" && !flags.includes("D")).length;
}

/** Decodes the first and the last `seconds` of the file; returns ffmpeg's complaints, empty when clean. */
export function decodeEnds(file: string, seconds: number): string {
  const duration = Number(probeText(["-show_entries", "format=duration", "-of", "csv=p=0", file]).trim());
  const run = (from: number) => {
    try {
      const out = execFileSync("ffmpeg", ["-v", "error", "-ss", String(from), "-t", String(seconds), "-i", file, "-f", "null", "-"], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      return out.toString();
    } catch (error) {
      return String((error as { stderr?: Buffer }).stderr ?? error);
    }
  };
  return (run(0) + run(Math.max(0, duration - seconds))).trim();
}

export const streamSummary = (file: string): string =>
  probeText(["-show_entries", "stream=codec_name,duration", "-of", "csv=p=0", file]).trim().split("\n").join("; ");
