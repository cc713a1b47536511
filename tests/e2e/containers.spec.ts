import type { Page } from "@playwright/test";
import { basename } from "node:path";
import { SYNC, SYNC_REMUXED, SYNC_WEBM } from "./fixtures";
import { identifyFrames, readCode, SYNC_SIZE } from "./frame-oracle";
import { decodeErrors, keyframeTimes, streams } from "./oracle";
import { exportMp4, openVideo } from "./page";
import { expect, test } from "./test";

/** Frames 23–54 and 200–219 of the flash-and-beep source. */
const EDITS = "# IN,OUT (seconds)\n0.901,2.2\n8,8.8\n";
const FRAMES = [
  [23, 55],
  [200, 220],
] as const;
const span = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

const MODES = ["Lossless (fast)", "Smart cut (frame-accurate, fast)", "Re-encode (frame-accurate)"];
// The session's exports are named apart: the first plainly, the next by their mode.
const NAMES = ["sync-cut.mp4", "sync-cut-smart.mp4", "sync-cut-reencode.mp4"];

/** The source frame the page's player shows, read from its code band. */
async function frameOnScreen(page: Page): Promise<number | null> {
  const gray = await page.evaluate(({ width, height }) => {
    const canvas = Object.assign(document.createElement("canvas"), { width, height });
    const context = canvas.getContext("2d") as CanvasRenderingContext2D;
    context.drawImage(document.querySelector("video") as HTMLVideoElement, 0, 0, width, height);
    const rgba = context.getImageData(0, 0, width, height).data;
    return Array.from({ length: width * height }, (_, i) => Math.round(((rgba[i * 4] as number) + (rgba[i * 4 + 1] as number) + (rgba[i * 4 + 2] as number)) / 3));
  }, SYNC_SIZE);
  return readCode(Buffer.from(gray));
}

for (const source of SYNC_REMUXED.filter((path) => !path.endsWith(".ts")).concat(SYNC_WEBM)) {
  test(`${basename(source)}: the player shows the frame the playhead names, whenever the file's timestamps start`, async ({ page }) => {
    await page.goto("./");
    await openVideo(page, source);
    const playhead = page.getByRole("textbox", { name: "Playhead" });
    for (const frame of [23, 200]) {
      await playhead.fill(String(frame / 25));
      await playhead.press("Enter");
      await expect.poll(() => frameOnScreen(page)).toBe(frame);
    }
  });
}

for (const source of [...SYNC_REMUXED, SYNC_WEBM]) {
  test(`${basename(source)}: every mode cuts exactly the frames asked`, async ({ page }) => {
    await page.goto("./");
    await openVideo(page, source);
    await page.getByLabel("Import edits").setInputFiles({ name: "edits.csv", mimeType: "text/plain", buffer: Buffer.from(EDITS) });
    await page.getByRole("dialog", { name: "Import edits.csv" }).getByRole("button", { name: "Replace" }).click();
    const times = keyframeTimes(source);
    const keyframes = times.map((t) => Math.round((t - (times[0] as number)) * 25));
    for (const [i, mode] of MODES.entries()) {
      const named = NAMES[i] as string;
      const path = await exportMp4(page, mode, `${basename(source)}-${mode.split(" ")[0]}.mp4`, named);
      const message = await page.getByRole("status", { name: "Message" }).textContent();
      const starts = FRAMES.map(([from]) => (mode.startsWith("Lossless") ? (keyframes.filter((k) => k <= from).at(-1) as number) : from));
      const expected = FRAMES.flatMap(([, to], i) => span(starts[i] as number, to));
      expect.soft(identifyFrames(path, SYNC), `${mode}: ${message}`).toEqual(expected);
      // Every export runs on the packet engine; H.264 (MPEG-TS's Annex B too) and VP9 are smart-cut,
      // not re-encoded in full.
      expect.soft(message).toBe(`Exported ${named}`);
      expect.soft(decodeErrors(path), `${mode}: ffmpeg -v error -f null`).toBe("");
      expect.soft(streams(path).map((s) => s.codec_type).sort()).toEqual(["audio", "video"]);
    }
  });
}
