/**
 * The editor's targets (issue "an editor people choose over LosslessCut"): thumbnails for a
 * 20-minute 720p source ready within 10 s of opening it (the waveform's time beside it), and scrubbing the timeline of a
 * 2-hour source with 500 clips at 50 frames a second or more (frame times measured in the page).
 * Run by `npm run bench` (or `npm run bench -- --only=editor`).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "../playwright.config";
import { WORK } from "./bench-media";
import { judge } from "./bench-verdicts";

const TALK = join(WORK, "talk-720p30-20min.mp4");
const LONG = join(WORK, "long-360p25-2h.mp4");
const THUMBS_TARGET_S = 10;
const SCRUB_TARGET_FPS = 50;
const SCRUB_CLIPS = 500;
const SCRUB_MS = 4000;

/** Made once with native ffmpeg; kept under bench/.generated. */
function make(path: string, args: string[]): void {
  if (existsSync(path)) return;
  mkdirSync(WORK, { recursive: true });
  const temporary = `${path}.part.mp4`;
  execFileSync("ffmpeg", ["-v", "error", "-y", ...args, temporary]);
  renameSync(temporary, path);
}

function makeSources(): void {
  // A talk: moving picture, speech-like sound with pauses (a tone gated on and off every few seconds).
  make(TALK, [
    ...["-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30:duration=1200"],
    ...["-f", "lavfi", "-i", "sine=frequency=220:sample_rate=48000:duration=1200,volume='if(lt(mod(t,7),4),1,0)':eval=frame"],
    ...["-c:v", "libx264", "-preset", "ultrafast", "-g", "60", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", "-shortest"],
  ]);
  make(LONG, [
    ...["-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=7200"],
    ...["-c:v", "libx264", "-preset", "ultrafast", "-g", "250", "-pix_fmt", "yuv420p"],
  ]);
}

export interface EditorBench {
  /** Seconds from "Opened" to the thumbnails on the timeline; null if they never came. */
  thumbsSeconds: number | null;
  /** Seconds from "Opened" to the waveform. */
  waveSeconds: number | null;
  /** Frames the page drew while the playhead was dragged across the timeline. */
  scrubFps: number | null;
  /** The 95th-percentile frame time during the drag, ms. */
  scrubP95Ms: number | null;
  notes: string[];
}

async function open(context: BrowserContext, url: string, file: string): Promise<{ page: Page; opened: number }> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
  await page.getByLabel("Open video").setInputFiles(file);
  await page.getByRole("status", { name: "Message" }).getByText(/Opened/).waitFor({ timeout: 300_000 });
  return { page, opened: performance.now() };
}

async function thumbnails(context: BrowserContext, url: string, result: EditorBench): Promise<void> {
  const { page, opened } = await open(context, url, TALK);
  const timeline = page.getByRole("region", { name: "Timeline" });
  const since = () => (performance.now() - opened) / 1000;
  try {
    const wave = timeline.getByRole("img", { name: "Sound waveform" }).waitFor({ timeout: 120_000 }).then(since);
    await timeline.getByRole("img", { name: "Thumbnails" }).waitFor({ timeout: 120_000 });
    result.thumbsSeconds = since();
    result.waveSeconds = await wave;
  } catch (error) {
    result.notes.push(`thumbnails: ${String(error).split("\n")[0]}`);
  }
}

/** 500 clips spread over the source, imported as edits.csv. */
function clipsCsv(duration: number): string {
  const step = duration / SCRUB_CLIPS;
  const rows = Array.from({ length: SCRUB_CLIPS }, (_, i) => `${(i * step).toFixed(3)},${(i * step + step / 2).toFixed(3)}`);
  return `# IN,OUT (seconds)\n${rows.join("\n")}\n`;
}

async function scrub(context: BrowserContext, url: string, result: EditorBench): Promise<void> {
  const { page } = await open(context, url, LONG);
  await page.getByLabel("Import edits").setInputFiles({ name: "clips.csv", mimeType: "text/csv", buffer: Buffer.from(clipsCsv(7190)) });
  await page.getByRole("dialog", { name: "Import clips.csv" }).getByRole("button", { name: "Replace" }).click();
  await page.getByText(`${SCRUB_CLIPS} clips,`).waitFor();
  const box = await page.getByRole("region", { name: "Timeline" }).getByRole("slider", { name: "Position" }).boundingBox();
  const track = await page.getByRole("region", { name: "Timeline" }).boundingBox();
  if (!box || !track) {
    result.notes.push("scrub: no timeline on the page");
    return;
  }
  // Frame times from the page's own animation frames while the pointer drags the playhead (a
  // string: tsx names inner functions with a helper the page does not have).
  await page.evaluate(`(() => {
    const times = (window.frameTimes = []);
    const tick = (t) => { times.push(t); if (times.length < 10000) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  // From the playhead itself (inside the track, at time 0) across the timeline and back to its start.
  const y = box.y + box.height / 2;
  const left = box.x + box.width / 2;
  const span = track.x + track.width - 10 - left;
  await page.mouse.move(left, y);
  await page.mouse.down();
  const began = performance.now();
  while (performance.now() - began < SCRUB_MS) {
    const fraction = ((performance.now() - began) / SCRUB_MS) % 1;
    await page.mouse.move(left + fraction * span, y);
    await new Promise((resolve) => setTimeout(resolve, 8));
  }
  // The drag must have moved the playhead, or the frames measured nothing.
  const position = page.getByRole("region", { name: "Timeline" }).getByRole("slider", { name: "Position" });
  const reached = Number(await position.getAttribute("aria-valuenow"));
  await page.mouse.up();
  if (!(reached > 60)) result.notes.push(`scrub: the playhead did not follow the pointer (at ${reached} s)`);
  const times = (await page.evaluate("window.frameTimes")) as number[];
  const deltas = times.slice(1).map((t, i) => t - (times[i] as number)).filter((d) => d > 0);
  const inDrag = deltas.slice(-Math.round(SCRUB_MS / 16.7));
  const total = inDrag.reduce((a, b) => a + b, 0);
  result.scrubFps = total > 0 ? (inDrag.length * 1000) / total : null;
  result.scrubP95Ms = [...inDrag].sort((a, b) => a - b)[Math.floor(inDrag.length * 0.95)] ?? null;
}

export async function runEditorBench(url: string): Promise<EditorBench> {
  makeSources();
  const result: EditorBench = { thumbsSeconds: null, waveSeconds: null, scrubFps: null, scrubP95Ms: null, notes: [] };
  for (const [name, run] of [["thumbs", thumbnails], ["scrub", scrub]] as const) {
    const profile = join(WORK, `chromium-profile-editor-${name}`);
    rmSync(profile, { recursive: true, force: true });
    const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, args: chromiumArgs, serviceWorkers: "block" });
    try {
      await run(context, url, result);
    } catch (error) {
      result.notes.push(`${name}: ${String(error).split("\n")[0]}`);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  return result;
}

export function printEditorBench(r: EditorBench): void {
  console.log("\neditor (1280×800, headless Chromium without a GPU)");
  console.log("| measure | value | target | verdict |");
  console.log("|---|---|---|---|");
  const thumbs = r.thumbsSeconds;
  console.log(`| thumbnails, 20-min 720p source, from "Opened" | ${thumbs === null ? "—" : `${thumbs.toFixed(1)} s`} | ≤ ${THUMBS_TARGET_S} s | ${judge(`thumbnails ≤ ${THUMBS_TARGET_S} s`, thumbs === null ? null : thumbs <= THUMBS_TARGET_S)} |`);
  console.log(`| its waveform (info) | ${r.waveSeconds === null ? "—" : `${r.waveSeconds.toFixed(1)} s`} | none | — |`);
  const fps = r.scrubFps;
  console.log(
    `| scrubbing the timeline, 2-hour source, ${SCRUB_CLIPS} clips | ${fps === null ? "—" : `${fps.toFixed(0)} fps (p95 frame ${r.scrubP95Ms?.toFixed(1)} ms)`} | ≥ ${SCRUB_TARGET_FPS} fps | ${judge(`scrubbing ≥ ${SCRUB_TARGET_FPS} fps`, fps === null ? null : fps >= SCRUB_TARGET_FPS)} |`,
  );
  for (const note of r.notes) console.log(`  ${note}`);
}
