/**
 * Opening a long recording (issue 19): a 6-hour source with 48 kHz sound, from the file to the
 * page's "Opened", against native `ffprobe -show_format -show_streams` on the same file.
 * Target: opens in under 5 s. Run by `npm run bench` (or `npm run bench -- --only=open`).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "../playwright.config";
import { makeLongRecording } from "../tests/e2e/fixtures";
import { WORK } from "./bench-media";
import { judge } from "./bench-verdicts";

const SIX_HOURS = join(WORK, "lecture-6h.mp4");
const TARGET_S = 5;

export interface OpenBench {
  seconds: number | null;
  nativeSeconds: number;
  note: string;
}

function nativeProbe(): number {
  const began = performance.now();
  execFileSync("ffprobe", ["-v", "error", "-show_format", "-show_streams", SIX_HOURS]);
  return (performance.now() - began) / 1000;
}

export async function runOpenBench(url: string): Promise<OpenBench> {
  if (!existsSync(SIX_HOURS)) makeLongRecording(SIX_HOURS, 6 * 3600);
  const nativeSeconds = nativeProbe();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByRole("status", { name: "Engine" }).getByText(/ready/).waitFor({ timeout: 120_000 });
    const message = page.getByRole("status", { name: "Message" });
    const began = performance.now();
    await page.getByLabel("Open video").setInputFiles(SIX_HOURS);
    await message.getByText(/Opened|stopped|crashed|could not/).waitFor({ timeout: 120_000 });
    const text = (await message.textContent()) ?? "";
    return { seconds: text.includes("Opened") ? (performance.now() - began) / 1000 : null, nativeSeconds, note: text };
  } finally {
    await browser.close();
  }
}

export function printOpenBench(r: OpenBench): void {
  const verdict = judge(`opening a 6-hour source < ${TARGET_S} s`, r.seconds === null ? null : r.seconds < TARGET_S);
  const browser = r.seconds === null ? `failed: ${r.note}` : `${r.seconds.toFixed(2)} s`;
  const ratio = r.seconds === null ? "—" : `${(r.seconds / r.nativeSeconds).toFixed(1)}×`;
  console.log("\n| job | browser | native ffprobe -show_format -show_streams | ratio | target | PASS/MISS |");
  console.log("| --- | ---: | ---: | ---: | --- | --- |");
  console.log(`| opening a 6-hour 30 fps source with 48 kHz sound | ${browser} | ${r.nativeSeconds.toFixed(2)} s | ${ratio} | < ${TARGET_S} s | ${verdict} |`);
}
