import type { Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SYNC } from "./fixtures";
import { identifyFrames } from "./frame-oracle";
import { expectFastStart } from "./oracle";
import { openVideo } from "./page";
import { expect, savedFile, test } from "./test";

/** Two clips of the flash-and-beep source, the first labelled; frames 23–54 and 200–219. */
const EDITS = "# IN,OUT (seconds)\n0.901,2.2,Opening: part 1/2\n8,8.8\n";
const FRAMES = [
  [23, 55],
  [200, 220],
] as const;
const span = ([from, to]: readonly [number, number]) => Array.from({ length: to - from }, (_, i) => from + i);

async function openWithClips(page: Page, mode: string): Promise<void> {
  await page.goto("./");
  await openVideo(page, SYNC);
  await page.getByLabel("Import edits").setInputFiles({ name: "edits.csv", mimeType: "text/plain", buffer: Buffer.from(EDITS) });
  await page.getByRole("dialog", { name: "Import edits.csv" }).getByRole("button", { name: "Replace" }).click();
  await page.getByRole("radio", { name: mode }).check();
}

function outPath(name: string): string {
  mkdirSync(test.info().outputDir, { recursive: true });
  return join(test.info().outputDir, name.replaceAll("/", "_"));
}

test.describe("where the browser lets the page write files", () => {
  test.use({ savePicker: "private-file" });

  test("Export MP4 streams into the file picked", async ({ page }) => {
    await openWithClips(page, "Smart cut (frame-accurate, fast)");
    await page.getByRole("button", { name: "Export MP4" }).click();
    await expect(page.getByRole("status", { name: "Message" })).toHaveText("Saved sync-cut.mp4");
    const path = outPath("sync-cut.mp4");
    writeFileSync(path, await savedFile(page, "sync-cut.mp4"));
    expectFastStart(path);
    expect(identifyFrames(path, SYNC)).toEqual(FRAMES.flatMap(span));
  });

  test("One file per clip writes each clip into the folder picked, named by number and label", async ({ page }) => {
    await openWithClips(page, "Re-encode (frame-accurate)");
    await page.getByRole("checkbox", { name: "One file per clip" }).check();
    await page.getByRole("button", { name: "Export MP4" }).click();
    await expect(page.getByRole("status", { name: "Message" })).toHaveText("Saved 2 files in picked");
    for (const [i, name] of ["picked/sync-01-Opening- part 1-2.mp4", "picked/sync-02.mp4"].entries()) {
      const path = outPath(name);
      writeFileSync(path, await savedFile(page, name));
      expectFastStart(path);
      expect(identifyFrames(path, SYNC)).toEqual(span(FRAMES[i] as readonly [number, number]));
    }
  });
});

test("without a folder picker, One file per clip downloads a ZIP of the clips", async ({ page }) => {
  await openWithClips(page, "Lossless (fast)");
  await page.getByRole("checkbox", { name: "One file per clip" }).check();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export MP4" }).click();
  const zip = await download;
  expect(zip.suggestedFilename()).toBe("sync-clips.zip");
  const dir = outPath("unzipped");
  mkdirSync(dir, { recursive: true });
  await zip.saveAs(join(dir, "clips.zip"));
  // Python's zipfile, not our code, reads the archive.
  execFileSync("python3", ["-m", "zipfile", "-e", join(dir, "clips.zip"), dir]);
  expect(readdirSync(dir).sort()).toEqual(["clips.zip", "sync-01-Opening- part 1-2.mp4", "sync-02.mp4"]);
  for (const clip of ["sync-01-Opening- part 1-2.mp4", "sync-02.mp4"]) expectFastStart(join(dir, clip));
  // Lossless: each clip from the keyframe at or before its first frame (0 and 185 in this source).
  expect(identifyFrames(join(dir, "sync-01-Opening- part 1-2.mp4"), SYNC)).toEqual(span([0, 55]));
  expect(identifyFrames(join(dir, "sync-02.mp4"), SYNC)).toEqual(span([185, 220]));
});
