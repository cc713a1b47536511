import type { Download, Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { LONG, SYNC } from "./fixtures";
import { identifyFrames } from "./frame-oracle";
import { expectFastStart } from "./oracle";
import { openVideo } from "./page";
import { deploy } from "./static-host";
import { expect, test } from "./test";

// Served as a person deploys it, so the service worker runs; this browser has no save pickers.
test.beforeEach(() => deploy());

const EDITS = "# IN,OUT (seconds)\n0.901,2.2,Opening\n8,8.8\n";
const span = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/**
 * `source` opened once the service worker runs the page, the clips of `edits` imported, `mode` and
 * One file per clip chosen; Export MP4 pressed, the download it starts.
 */
async function exportClipFiles(page: Page, source: string, edits: string, mode: string): Promise<Download> {
  await page.goto("./");
  await expect(page.getByRole("status", { name: "Offline" })).toHaveText("Offline: ready, works without the network");
  await page.reload();
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await openVideo(page, source);
  await page.getByLabel("Import edits").setInputFiles({ name: "edits.csv", mimeType: "text/plain", buffer: Buffer.from(edits) });
  await page.getByRole("dialog", { name: "Import edits.csv" }).getByRole("button", { name: "Replace" }).click();
  await page.getByRole("radio", { name: mode }).check();
  await page.getByRole("checkbox", { name: "One file per clip" }).check();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export MP4" }).click();
  return download;
}

test("without a folder picker, One file per clip streams its ZIP through the service worker as it is made", async ({ page }) => {
  const zip = await exportClipFiles(page, SYNC, EDITS, "Smart cut (frame-accurate, fast)");
  // The service worker's URL, not a blob: the bytes were never gathered into one file in the page.
  expect(zip.url()).toMatch(/\/team\/tools\/clipmark\/downloads\/[0-9a-f-]{36}\/sync-clips\.zip$/);
  expect(zip.suggestedFilename()).toBe("sync-clips.zip");
  const dir = join(test.info().outputDir, "unzipped");
  mkdirSync(dir, { recursive: true });
  await zip.saveAs(join(dir, "clips.zip"));
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Exported sync-clips.zip");
  // Python's zipfile, not our code, reads the archive; each clip is exactly its frames.
  execFileSync("python3", ["-m", "zipfile", "-e", join(dir, "clips.zip"), dir]);
  expect(readdirSync(dir).sort()).toEqual(["clips.zip", "sync-01-Opening.mp4", "sync-02.mp4"]);
  for (const clip of ["sync-01-Opening.mp4", "sync-02.mp4"]) expectFastStart(join(dir, clip));
  expect(identifyFrames(join(dir, "sync-01-Opening.mp4"), SYNC)).toEqual(span(23, 55));
  expect(identifyFrames(join(dir, "sync-02.mp4"), SYNC)).toEqual(span(200, 220));
  await expect(page.getByRole("list", { name: "Exports" }).getByRole("listitem").first()).toContainText("done");
});

test("Cancel during a streamed ZIP ends its download as failed, and the page says the export was cancelled", async ({ page }) => {
  const zip = await exportClipFiles(page, LONG, "# IN,OUT (seconds)\n0,1\n2,38\n", "Re-encode (frame-accurate)");
  // Past 5 % (of 37 s), the 1 s first clip is in the download and the 36 s second one is being made.
  const progress = page.getByRole("progressbar", { name: "Export progress" });
  await expect.poll(async () => Number(await progress.getAttribute("value")), { timeout: 60_000 }).toBeGreaterThan(5);
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Export cancelled");
  expect(await zip.failure()).not.toBeNull();
  await expect(page.getByRole("list", { name: "Exports" }).getByRole("listitem").first()).toContainText("cancelled");
});
