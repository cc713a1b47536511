import { expect, test, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expectFastStart } from "./oracle";

/** Opens a file through "Open video" and hands the keyboard back to the page. */
export async function openVideo(page: Page, file: string): Promise<void> {
  await page.getByLabel("Open video").setInputFiles(file);
  await expect(page.getByRole("status", { name: "Message" })).toContainText("Opened");
  await page.getByRole("heading", { name: "Clipmark" }).click();
}

export async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

export const clipRows = (page: Page) => page.getByRole("list", { name: "Clips" }).getByRole("listitem");

/** Playhead in seconds, as the page shows it. */
export async function playhead(page: Page): Promise<number> {
  const text = (await page.getByRole("textbox", { name: "Playhead" }).inputValue()).split(":").map(Number);
  return text.reduce((total, part) => total * 60 + part, 0);
}

/** The IN of every row of the clip list, as shown. */
export const clipStarts = (page: Page): Promise<string[]> =>
  clipRows(page)
    .getByRole("textbox", { name: "IN" })
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

/** M here, then M again `seconds` later: a clip of that length, from the keys alone. */
export async function markSeconds(page: Page, seconds: number): Promise<void> {
  await press(page, "m");
  await press(page, "Shift+ArrowRight", seconds);
  await press(page, "m");
}

/** Saves follow a change at once (typing, after a 300 ms pause): wait until the page says it is stored. */
export const afterAutosave = (page: Page): Promise<void> =>
  expect(page.getByRole("status", { name: "Saving" })).toHaveText("All changes saved in this browser");

/** Opens `file`, makes the whole of it one clip and starts a re-encode: returns once it is under way. */
export async function startLongExport(page: Page, file: string) {
  await page.goto("./");
  await openVideo(page, file);
  await press(page, "m");
  await press(page, "End");
  await press(page, "m");
  await expect(clipRows(page)).toHaveCount(1);
  await page.getByRole("radio", { name: "Re-encode (frame-accurate)" }).check();
  await page.getByRole("button", { name: "Export MP4" }).click();
  const progress = page.getByRole("progressbar", { name: "Export progress" });
  await expect.poll(async () => Number(await progress.getAttribute("value")), { timeout: 60_000 }).toBeGreaterThan(0);
  return progress;
}

/** Shortens the one clip to its first 2 s and exports it: the file the page gave, saved as `name`. */
export async function exportFirstTwoSeconds(page: Page, name: string): Promise<string> {
  const out = clipRows(page).first().getByRole("textbox", { name: "OUT" });
  await out.fill("2");
  await out.press("Enter");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export MP4" }).click();
  const path = join(test.info().outputDir, name);
  await (await download).saveAs(path);
  expectFastStart(path);
  return path;
}

/**
 * Exports the clip list in `mode` and saves the download as `saveAs` in the test's folder; checks
 * the page named it `named`. No wait for the progress bar: a lossless export may be over before
 * it shows (cancel.spec.ts checks it).
 */
export async function exportMp4(page: Page, mode: string, saveAs: string, named: string): Promise<string> {
  await page.getByRole("radio", { name: mode }).check();
  const download = page.waitForEvent("download", { timeout: 170_000 });
  await page.getByRole("button", { name: "Export MP4" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(named);
  const path = join(test.info().outputDir, saveAs);
  await file.saveAs(path);
  expectFastStart(path);
  return path;
}

/**
 * Exports one file per clip in `mode` (the container chosen: `label`), as a ZIP: the files in it
 * with that extension, unpacked (by Python's zipfile, not our code), in name order.
 */
export async function zippedClips(page: Page, mode: string, label = "MP4"): Promise<string[]> {
  await page.getByRole("radio", { name: mode }).check();
  await page.getByRole("checkbox", { name: "One file per clip" }).check();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: `Export ${label}` }).click();
  const dir = join(test.info().outputDir, "unzipped");
  mkdirSync(dir, { recursive: true });
  await (await download).saveAs(join(dir, "clips.zip"));
  execFileSync("python3", ["-m", "zipfile", "-e", join(dir, "clips.zip"), dir]);
  const extension = `.${label.toLowerCase()}`;
  return readdirSync(dir).filter((name) => name.endsWith(extension)).sort().map((name) => join(dir, name));
}
