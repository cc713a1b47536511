import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { LONG, SYNC } from "./fixtures";
import { identifyFrames } from "./frame-oracle";
import { openVideo } from "./page";
import { deploy } from "./static-host";
import { expect, test } from "./test";

// Served as a person deploys it, so the service worker runs; this browser has no save pickers.
test.beforeEach(() => deploy());

const EDITS = "# IN,OUT (seconds)\n0.901,2.2,Opening\n8,8.8\n";
const span = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

test("without a folder picker, One file per clip streams its ZIP through the service worker as it is made", async ({ page }) => {
  await page.goto("./");
  await expect(page.getByRole("status", { name: "Offline" })).toHaveText("Offline: ready, works without the network");
  await page.reload();
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

  await openVideo(page, SYNC);
  await page.getByLabel("Import edits").setInputFiles({ name: "edits.csv", mimeType: "text/plain", buffer: Buffer.from(EDITS) });
  await page.getByRole("dialog", { name: "Import edits.csv" }).getByRole("button", { name: "Replace" }).click();
  await page.getByRole("radio", { name: "Smart cut (frame-accurate, fast)" }).check();
  await page.getByRole("checkbox", { name: "One file per clip" }).check();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export MP4" }).click();
  const zip = await download;
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
  expect(identifyFrames(join(dir, "sync-01-Opening.mp4"), SYNC)).toEqual(span(23, 55));
  expect(identifyFrames(join(dir, "sync-02.mp4"), SYNC)).toEqual(span(200, 220));
  await expect(page.getByRole("list", { name: "Exports" }).getByRole("listitem").first()).toContainText("done");
});

test("Cancel during a streamed ZIP ends its download as failed, and the page says the export was cancelled", async ({ page }) => {
  await page.goto("./");
  await expect(page.getByRole("status", { name: "Offline" })).toHaveText("Offline: ready, works without the network");
  await page.reload();
  await openVideo(page, LONG);
  await page.getByLabel("Import edits").setInputFiles({ name: "edits.csv", mimeType: "text/plain", buffer: Buffer.from("# IN,OUT (seconds)\n0,1\n2,38\n") });
  await page.getByRole("dialog", { name: "Import edits.csv" }).getByRole("button", { name: "Replace" }).click();
  await page.getByRole("radio", { name: "Re-encode (frame-accurate)" }).check();
  await page.getByRole("checkbox", { name: "One file per clip" }).check();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export MP4" }).click();
  const zip = await download;
  // The second clip is being made (36 s of 720p re-encoded): the first is in the download already.
  const progress = page.getByRole("progressbar", { name: "Export progress" });
  await expect.poll(async () => Number(await progress.getAttribute("value")), { timeout: 60_000 }).toBeGreaterThan(0.1);
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Export cancelled");
  expect(await zip.failure()).not.toBeNull();
  await expect(page.getByRole("list", { name: "Exports" }).getByRole("listitem").first()).toContainText("cancelled");
});
