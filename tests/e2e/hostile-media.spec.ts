import { formatLength } from "../../src/core/timecode";
import { makeHostileMedia, type HostileFile } from "../hostile/media";
import { COUNTER, FIXTURE_DIR } from "./fixtures";
import { frameCount, keyframeTimes } from "./oracle";
import { clipRows, exportMp4, markSeconds, openVideo, playhead, press } from "./page";
import { expect, test } from "./test";
import type { Page } from "@playwright/test";

// Made by the tests themselves, into tests/.generated/hostile/.
const FILES = makeHostileMedia();
const refused = FILES.filter((f): f is HostileFile & { expected: { refused: string } } => "refused" in f.expected);
const opened = FILES.filter((f): f is HostileFile & { expected: { facts: string } } => "facts" in f.expected && !f.expected.cutShort);
const cutShort = (name: string) => {
  const file = FILES.find((f) => f.name === name);
  if (!file || !("cutShort" in file.expected) || !file.expected.cutShort) throw new Error(`${name} is not a file cut short`);
  return { path: file.path, ...file.expected.cutShort };
};
// ffmpeg's and the browser's own words, which the page must never show.
const INTERNAL = /moov|atom|Invalid data|Error|undefined|NaN|\[object|ffprobe/;

async function pick(page: Page, path: string): Promise<void> {
  await page.getByLabel("Open video").setInputFiles(path);
}

test("every file that cannot be opened says why, and the open project stays as it was", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("./");
  await openVideo(page, COUNTER);
  await markSeconds(page, 1);
  await expect(clipRows(page)).toHaveCount(1);
  const alert = page.getByRole("alert");
  for (const file of refused) {
    await pick(page, file.path);
    await expect(alert, file.name).toContainText(file.expected.refused);
    await expect(alert).not.toContainText(INTERNAL);
    await expect(clipRows(page)).toHaveCount(1);
    await expect(page.getByRole("region", { name: "Player" })).toContainText("counter.mp4");
  }
  expect(errors).toEqual([]);
});

test("odd but whole files open, described as they are", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  for (const file of opened) {
    // A fresh page for each: the facts line shows its first source's stream facts until a reload.
    await page.goto("./");
    await pick(page, file.path);
    await expect(page.getByRole("status", { name: "Message" }), file.name).toContainText(`Opened ${file.name}`);
    await expect(page.getByRole("region", { name: "Player" })).toContainText(`${file.name}: `);
    await expect(page.getByRole("region", { name: "Player" })).toContainText(file.expected.facts);
    await expect(page.getByRole("alert")).toHaveText("");
  }
  expect(errors).toEqual([]);
});

test("a variable frame rate steps frame by frame on the frames' own times", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, `${FIXTURE_DIR}/hostile/variable-rate.mp4`);
  // Frames at 0, 70, 100, 170, 200 ms …
  await press(page, "ArrowRight");
  expect(await playhead(page)).toBeCloseTo(0.07, 6);
  await press(page, "ArrowRight");
  expect(await playhead(page)).toBeCloseTo(0.1, 6);
  await press(page, "ArrowRight");
  expect(await playhead(page)).toBeCloseTo(0.17, 6);
  await press(page, "ArrowLeft", 2);
  expect(await playhead(page)).toBeCloseTo(0.07, 6);
});

for (const percent of [5, 50]) {
  test(`an MP4 cut at ${percent} % with its index at the front says how much can be read, and exports no less than asked`, async ({ page }) => {
    const name = `cut-${percent}-index-at-front.mp4`;
    const file = cutShort(name);
    await page.goto("./");
    await pick(page, file.path);
    const said = `${name} is cut short: only the first ${formatLength(file.readable)} of ${formatLength(file.claimed)} can be read`;
    await expect(page.getByRole("alert")).toContainText(said);
    await expect(page.getByRole("region", { name: "Player" })).toContainText(`${name}: `);
    await page.getByRole("heading", { name: "Clipmark" }).click();
    // End is the readable end: the last frame there starts before it.
    await press(page, "End");
    expect(await playhead(page)).toBeCloseTo(file.readable, 3);
    // The clip the issue found exported short (1–3 s), where the file holds it; else all that is readable.
    const [first, last] = percent === 50 ? [1, 3] : [0, file.readable];
    await press(page, "Home");
    await press(page, "Shift+ArrowRight", first);
    await press(page, "m");
    if (percent === 50) await press(page, "Shift+ArrowRight", last - first);
    else await press(page, "End");
    await press(page, "m");
    await expect(clipRows(page)).toHaveCount(1);
    const out = await exportMp4(page, "Lossless (fast)", `cut-${percent}.mp4`, `cut-${percent}-index-at-front-cut.mp4`);
    // Every frame asked for, at 25 fps: from the keyframe at or before IN (a lossless cut starts
    // there) up to the frame before OUT, none missing at the end.
    const key = Math.max(...keyframeTimes(file.path).filter((k) => k <= first));
    expect(frameCount(out)).toBe(Math.floor(last * 25 + 1e-6) - Math.round(key * 25));
  });
}
