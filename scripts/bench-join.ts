/**
 * A lossless join (issue 17): 3 clips from each of 3 files of one format (1080p30 H.264/AAC, 40 s,
 * a keyframe every 2 s) exported as one MP4 in the browser, against native ffmpeg running the
 * page's own fallback plan on the same files (`-c copy` segments, then the concat demuxer).
 * Target: ≤ 1.0× native. Run by `npm run bench` (or `npm run bench -- --only=join`).
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "../playwright.config";
import type { Clip } from "../src/core/clips";
import { planLossless } from "../src/core/export-plan";
import { exportJoined, type JoinClip } from "../tests/e2e/join-driver";
import { decodedFrames, makeOnce, probeNatively, runPlanNatively, WORK } from "./bench-media";
import { judge } from "./bench-verdicts";

const TARGET = 1.0;
const RUNS = 3;
/** ffmpeg's moving test pattern, its hue turned for each file: as many bytes a second as a real recording's pattern. */
const PICTURES = [0, 120, 240].map((hue) => `testsrc2=size=1920x1080:rate=30:duration=40,hue=h=${hue}`);
const SOURCES = PICTURES.map((_, i) => join(WORK, `join-${i + 1}-1080p30-40s.mp4`));
/** The same three spans of each file, none on a keyframe. */
const SPANS = [
  [3.3, 9.1],
  [14.6, 21.2],
  [27.4, 35.8],
] as const;
const CLIPS: JoinClip[] = SOURCES.flatMap((_, source) => SPANS.map(([start, end]) => ({ source, start, end })));

export interface JoinBench {
  seconds: number | null;
  nativeSeconds: number;
  /** What the browser's output decodes to, against the frames the plan keeps. */
  frames: number | null;
  expectedFrames: number;
  note: string;
}

function makeSources(): void {
  for (const [i, path] of SOURCES.entries()) {
    makeOnce(path, (out) =>
      execFileSync("ffmpeg", [
        ...["-v", "error", "-y", "-f", "lavfi", "-i", PICTURES[i] as string],
        ...["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=40"],
        ...["-c:v", "libx264", "-preset", "veryfast", "-g", "60", "-keyint_min", "60", "-sc_threshold", "0", "-pix_fmt", "yuv420p"],
        ...["-c:a", "aac", "-b:a", "128k", out],
      ]),
    );
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

export async function runJoinBench(url: string): Promise<JoinBench> {
  makeSources();
  const inputs = SOURCES.map((input) => ({ input, info: probeNatively(input) }));
  const clips: Clip[] = CLIPS.map((c, i) => ({ id: i + 1, source: String(c.source), start: c.start, end: c.end, label: "" }));
  const planFor = (workDir: string) => planLossless({ workDir, inputs, clips, from: CLIPS.map((c) => c.source) });
  const expected = planFor("/tmp").clips.reduce((sum, c) => sum + (c.frames ?? 0), 0);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const times: number[] = [];
  let frames: number | null = null;
  let note = "";
  try {
    const page = await (await browser.newContext({ bypassCSP: true, acceptDownloads: true })).newPage();
    await page.goto(url);
    for (let run = 0; run < RUNS; run++) {
      const out = join(WORK, "join-browser.mp4");
      const joined = await exportJoined(page, SOURCES, CLIPS, "lossless", out);
      times.push(joined.seconds);
      note = joined.engine === "packet" ? joined.note : `with ffmpeg.wasm (${joined.note})`;
      frames = decodedFrames(out);
      rmSync(out);
    }
  } catch (error) {
    note = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
  } finally {
    await browser.close();
  }
  const native = Array.from({ length: RUNS }, () => runPlanNatively("join", planFor).seconds);
  rmSync(join(WORK, "native-join"), { recursive: true, force: true });
  return { seconds: times.length === RUNS ? median(times) : null, nativeSeconds: median(native), frames, expectedFrames: expected, note };
}

export function printJoinBench(r: JoinBench): void {
  const framesOk = r.frames === r.expectedFrames;
  const ok = r.seconds !== null && framesOk && !r.note.includes("ffmpeg.wasm");
  const ratio = r.seconds === null ? null : r.seconds / r.nativeSeconds;
  const verdict = judge(`lossless join ≤ ${TARGET.toFixed(1)}× native`, ok && ratio !== null ? ratio <= TARGET : null);
  console.log("\n| job | browser | native ffmpeg (-c copy segments + concat) | ratio | target | PASS/MISS |");
  console.log("| --- | ---: | ---: | ---: | --- | --- |");
  console.log(
    `| lossless join, 3 clips from each of 3 files (median of ${RUNS}) | ${r.seconds === null ? "failed" : `${r.seconds.toFixed(2)} s`} | ` +
      `${r.nativeSeconds.toFixed(2)} s | ${ratio === null ? "—" : `${ratio.toFixed(2)}×`} | ≤ ${TARGET.toFixed(1)}× | ${verdict} |`,
  );
  console.log(`  output decodes ${r.frames ?? "—"} frames, the plan keeps ${r.expectedFrames} ${framesOk ? "ok" : "BAD"}${r.note ? `; ${r.note}` : ""}`);
}
