/**
 * Exports the 12-clip list in both modes in headless Chromium and with native ffmpeg running the
 * same plan on the same file, and prints wall times, ratios and the browser's peak memory.
 * Run by `npm run bench` (after `vite build`).
 */
import { chromium } from "@playwright/test";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { planExport, type ExportMode } from "../src/core/export-plan";
import { parse } from "../src/core/formats/edits-csv";
import { parseProbe } from "../src/core/media-info";
import { planProbe } from "../src/core/probe-plan";
import { chromiumArgs, chromiumPath } from "../playwright.config";

const ROOT = join(import.meta.dirname, "..");
const WORK = join(ROOT, "bench", ".generated");
const SOURCE = join(WORK, "source-1080p30-120s.mp4");
const PORT = 4174;
// BENCH_THREADS=single measures the single-thread core alone; by default the page chooses.
const QUERY = process.env.BENCH_THREADS === "single" ? "?threads=single" : "";
const MODES: { mode: ExportMode; label: string }[] = [
  { mode: "lossless", label: "Lossless (fast)" },
  { mode: "reencode", label: "Re-encode (frame-accurate)" },
];

function makeSource(): void {
  if (existsSync(SOURCE)) return;
  mkdirSync(WORK, { recursive: true });
  console.log("making the 1920×1080 30 fps 120 s source…");
  execFileSync("ffmpeg", [
    ...["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30:duration=120"],
    ...["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=120"],
    ...["-c:v", "libx264", "-preset", "veryfast", "-g", "60", "-keyint_min", "60", "-sc_threshold", "0", "-pix_fmt", "yuv420p"],
    ...["-c:a", "aac", "-b:a", "128k", SOURCE],
  ]);
}

function loadClips() {
  const parsed = parse(readFileSync(join(ROOT, "scripts", "bench-edits.csv"), "utf8"));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value.entries.map((e, i) => ({ id: i + 1, ...e }));
}

function probeNatively() {
  const plan = planProbe(SOURCE, WORK);
  execFileSync("ffprobe", plan.formatArgs);
  execFileSync("ffprobe", plan.keyframesArgs);
  const info = parseProbe(basename(SOURCE), readFileSync(plan.formatFile, "utf8"), readFileSync(plan.keyframesFile, "utf8"));
  if (!info.ok) throw new Error(info.error);
  return info.value;
}

/** The same plan the page runs, run by native ffmpeg (its own threads, as a user's ffmpeg would). */
function runNatively(mode: ExportMode): number {
  const dir = join(WORK, `native-${mode}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  const plan = planExport(mode, { input: SOURCE, workDir: dir, info: probeNatively(), clips: loadClips() });
  const began = performance.now();
  for (const file of plan.files) writeFileSync(file.path, file.text);
  for (const step of plan.steps) execFileSync("ffmpeg", step.args, { stdio: ["ignore", "ignore", "pipe"] });
  return (performance.now() - began) / 1000;
}

/** Resident memory of every Chromium process of this run, in MiB. */
function browserMemory(): number {
  const out = execFileSync("ps", ["-eo", "rss=,args="]).toString();
  const kib = out
    .split("\n")
    .filter((line) => line.includes("playwright_chromiumdev_profile"))
    .reduce((total, line) => total + Number(line.trim().split(/\s+/)[0]), 0);
  return kib / 1024;
}

async function runInBrowser() {
  const server = spawn("npx", ["vite", "preview", "--host", "127.0.0.1", "--port", String(PORT), "--strictPort"], {
    cwd: ROOT,
    stdio: "ignore",
  });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, browserMemory())), 200);
  try {
    // The service worker would precache the cores (64 MB) while the exports run: measure without it.
    const page = await browser.newPage({ acceptDownloads: true, serviceWorkers: "block" });
    for (let tries = 0; ; tries++) {
      try {
        await page.goto(`http://127.0.0.1:${PORT}/${QUERY}`);
        break;
      } catch (error) {
        if (tries > 300) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    const engine = page.getByRole("status", { name: "Engine" });
    await page.waitForFunction(() => /loaded in/.test(document.querySelector("[aria-label=Engine]")?.textContent ?? ""), null, {
      timeout: 120_000,
    });
    const engineText = (await engine.textContent()) ?? "";
    await page.getByLabel("Open video").setInputFiles(SOURCE);
    await page.getByRole("status", { name: "Message" }).getByText("Opened").waitFor({ timeout: 120_000 });
    for (const clip of loadClips()) {
      await page.getByRole("textbox", { name: "Playhead" }).fill(String(clip.start));
      await page.getByRole("textbox", { name: "Playhead" }).press("Enter");
      await page.getByRole("button", { name: "Mark IN" }).click();
      await page.getByRole("textbox", { name: "Playhead" }).fill(String(clip.end));
      await page.getByRole("textbox", { name: "Playhead" }).press("Enter");
      await page.getByRole("button", { name: "Mark OUT" }).click();
    }
    const times: Partial<Record<ExportMode, number>> = {};
    for (const { mode, label } of MODES) {
      await page.getByRole("radio", { name: label }).check();
      const download = page.waitForEvent("download", { timeout: 600_000 });
      const began = performance.now();
      await page.getByRole("button", { name: "Export MP4" }).click();
      await (await download).saveAs(join(WORK, `browser-${mode}.mp4`));
      times[mode] = (performance.now() - began) / 1000;
    }
    return { engineText, times, peak };
  } finally {
    clearInterval(sampler);
    await browser.close();
    server.kill();
  }
}

async function main() {
  makeSource();
  const browser = await runInBrowser();
  console.log(`\n${browser.engineText}`);
  console.log(`clips: ${loadClips().length}; browser peak memory: ${browser.peak.toFixed(0)} MiB\n`);
  console.log("mode       browser s  native s  ratio");
  for (const { mode } of MODES) {
    const native = runNatively(mode);
    const inBrowser = browser.times[mode] ?? NaN;
    const line = [mode.padEnd(10), inBrowser.toFixed(2).padStart(9), native.toFixed(2).padStart(9), `${(inBrowser / native).toFixed(2)}×`.padStart(6)];
    console.log(line.join(" "));
  }
}

await main();
