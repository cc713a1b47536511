import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { COUNTER, FPS, NO_PREVIEW, NOT_MEDIA, SILENT, TONE } from "./fixtures";
import { exportMp4, markSeconds, openVideo, press } from "./page";
import { closestSourceFrame, expectFastStart, frameCount, keyframeTimes, streamDuration, streams } from "./oracle";

/** [IN, OUT] in frames of the three clips the keys below mark, in list order. */
const MARKED = [
  [103, 158],
  [32, 67],
  [213, 263],
] as const;

async function markThreeClips(page: Page): Promise<void> {
  const current = page.getByRole("status", { name: "Message" });
  await press(page, "Shift+ArrowRight", 4);
  await press(page, "ArrowRight", 3);
  await press(page, "i");
  await press(page, "Shift+ArrowRight", 2);
  await press(page, ".", 5);
  await press(page, "o");
  await expect(current).toHaveText("Added clip 1");
  // The second clip lies before the first in time.
  await press(page, "Home");
  await press(page, "Shift+ArrowRight");
  await press(page, "ArrowRight", 7);
  await press(page, "m");
  await press(page, "Shift+ArrowRight");
  await press(page, ".", 10);
  await press(page, "m");
  await expect(current).toHaveText("Added clip 2");
  await press(page, "End");
  await press(page, "Shift+ArrowLeft", 3);
  await press(page, "Alt+ArrowLeft");
  await press(page, "ArrowRight", 13);
  await press(page, "i");
  await press(page, "Shift+ArrowRight", 2);
  await press(page, "o");
  await expect(current).toHaveText("Added clip 3");
}

test("marks three clips by keyboard and exports both modes, checked by native ffmpeg", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, COUNTER);
  await markThreeClips(page);

  const rows = page.getByRole("list", { name: "Clips" }).getByRole("listitem");
  await expect(rows).toHaveCount(3);
  for (const [i, [start, end]] of MARKED.entries()) {
    await expect(rows.nth(i).getByRole("textbox", { name: "IN" })).toHaveValue(timecode(start / FPS));
    await expect(rows.nth(i).getByRole("textbox", { name: "OUT" })).toHaveValue(timecode(end / FPS));
  }

  // Lossless: each clip starts at the keyframe at or before its IN and ends at its OUT.
  const keyframes = keyframeTimes(COUNTER).map((t) => Math.round(t * FPS));
  const lossless = MARKED.map(([start, end]) => {
    const from = keyframes.filter((k) => k <= start).at(-1) as number;
    return [from, end] as const;
  });
  await expect(page.getByRole("table", { name: "Where lossless cuts land" })).toContainText("−0.120 s");
  const copied = await exportMp4(page, "Lossless (fast)", "lossless.mp4", "counter-cut.mp4");
  expectCut(copied, lossless, ["h264", "aac"]);

  // A second export in another mode is named apart from the first.
  const encoded = await exportMp4(page, "Re-encode (frame-accurate)", "reencode.mp4", "counter-cut-reencode.mp4");
  expectCut(encoded, MARKED, ["h264", "aac"]);
});

/** Stream kinds, frame count, audio length, and the first frame of every clip against the source. */
function expectCut(file: string, clips: readonly (readonly [number, number])[], codecs: string[]): void {
  expect(streams(file).map((s) => s.codec_name)).toEqual(codecs);
  const frames = clips.reduce((total, [start, end]) => total + end - start, 0);
  expect(frameCount(file)).toBe(frames);
  if (codecs.includes("aac")) expect(Math.abs(streamDuration(file, "audio") - frames / FPS)).toBeLessThan(0.1);
  let at = 0;
  for (const [start, end] of clips) {
    const match = closestSourceFrame(file, at, COUNTER, [start - 1, start, start + 1]);
    expect(match.index, `output frame ${at} should be source frame ${start}`).toBe(start);
    expect(match.psnr).toBeGreaterThan(30);
    at += end - start;
  }
}

function timecode(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

test("a source without audio exports video only", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, SILENT);
  await expect(page.getByRole("note")).toContainText("no audio");
  await press(page, "Shift+ArrowRight");
  await press(page, "i");
  await press(page, "Shift+ArrowRight", 2);
  await press(page, "o");
  const download = page.waitForEvent("download");
  await page.getByRole("radio", { name: "Re-encode (frame-accurate)" }).check();
  await page.getByRole("button", { name: "Export MP4" }).click();
  const path = join(test.info().outputDir, "silent-cut.mp4");
  await (await download).saveAs(path);
  expectFastStart(path);
  expect(streams(path).map((s) => s.codec_type)).toEqual(["video"]);
  expect(frameCount(path)).toBe(2 * FPS);
});

test("a source with sound only exports sound only, in every mode", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, TONE);
  await press(page, "Shift+ArrowRight");
  await markSeconds(page, 2);
  // Copied sound moves in whole AAC frames (21.3 ms), each end to the nearest; re-encoded sound is
  // cut to the sample (a smart cut of sound only is a re-encode).
  const modes = [
    { mode: "Lossless (fast)", within: 0.0214, named: "tone-cut.mp4" },
    { mode: "Smart cut (frame-accurate, fast)", within: 0.001, named: "tone-cut-smart.mp4" },
    { mode: "Re-encode (frame-accurate)", within: 0.001, named: "tone-cut-reencode.mp4" },
  ];
  for (const { mode, within, named } of modes) {
    const path = await exportMp4(page, mode, `tone-${mode.split(" ")[0]}.mp4`, named);
    expect(streams(path).map((s) => s.codec_type)).toEqual(["audio"]);
    expect(Math.abs(streamDuration(path, "audio") - 2)).toBeLessThanOrEqual(within);
  }
});

test("the page loads with no uncaught error and names its engine in plain words", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto("./");
  await expect(page.getByRole("status", { name: "Engine" })).toHaveText("Ready");
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByRole("status", { name: "Engine" })).not.toContainText(/Error|TypeError|self-test/);
  expect(errors).toEqual([]);
});

test("a file that is not media gives a clear error and changes nothing", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, COUNTER);
  await press(page, "Shift+ArrowRight");
  await markSeconds(page, 1);
  await page.getByLabel("Open video").setInputFiles(NOT_MEDIA);
  await expect(page.getByRole("alert")).toContainText("notes.pdf");
  await expect(page.getByRole("alert")).toContainText("not a video");
  await expect(page.getByRole("list", { name: "Clips" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Player" })).toContainText("counter.mp4");

  // A recording cut short (its index is at the end) and an empty file fare the same.
  const half = readFileSync(COUNTER).subarray(0, 150_000);
  await page.getByLabel("Open video").setInputFiles({ name: "cut-short.mp4", mimeType: "video/mp4", buffer: half });
  await expect(page.getByRole("alert")).toContainText("cut-short.mp4: its index (the part of an MP4 that says where each frame is) is missing");
  await page.getByLabel("Open video").setInputFiles({ name: "empty.mp4", mimeType: "video/mp4", buffer: Buffer.alloc(0) });
  await expect(page.getByRole("alert")).toContainText("empty.mp4: the file is empty");
  await expect(page.getByRole("list", { name: "Clips" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Player" })).toContainText("counter.mp4");
});

test("a source the browser cannot preview is marked by typed times and still exports", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, NO_PREVIEW);
  await expect(page.getByRole("note").filter({ hasText: "Preview unavailable" })).toBeVisible();
  const field = page.getByRole("textbox", { name: "Playhead" });
  await field.fill("1");
  await field.press("Enter");
  await page.getByRole("button", { name: "Mark IN" }).click();
  await field.fill("00:00:02.000");
  await field.press("Enter");
  await page.getByRole("button", { name: "Mark OUT" }).click();
  await page.getByRole("radio", { name: "Re-encode (frame-accurate)" }).check();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export MP4" }).click();
  const path = join(test.info().outputDir, "archive-cut.mp4");
  await (await download).saveAs(path);
  expect((await download).suggestedFilename()).toBe("archive-cut.mp4");
  expectFastStart(path);
  expect(streams(path).map((s) => s.codec_name)).toEqual(["h264"]);
  expect(frameCount(path)).toBe(FPS);
});
