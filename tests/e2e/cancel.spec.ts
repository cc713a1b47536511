import { expect, test } from "./test";
import { LONG, LONG_NO_PREVIEW } from "./fixtures";
import { clipRows, exportFirstTwoSeconds, openVideo, press, startLongExport } from "./page";
import { frameCount } from "./oracle";

test("Cancel stops a running export, keeps the clips, and the next export works", async ({ page }) => {
  let downloads = 0;
  page.on("download", () => downloads++);
  const progress = await startLongExport(page, LONG);
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Export cancelled");
  await expect(progress).toBeHidden();
  expect(downloads).toBe(0);
  await expect(clipRows(page)).toHaveCount(1);

  // A short clip so the second export is quick: the engine was restarted, not broken.
  expect(frameCount(await exportFirstTwoSeconds(page, "after-cancel.mp4"))).toBe(60);
});

test("Cancel stops an ffmpeg.wasm export too (a file only it reads), and the next export works", async ({ page }) => {
  let downloads = 0;
  page.on("download", () => downloads++);
  await page.goto("./");
  await openVideo(page, LONG_NO_PREVIEW);
  await press(page, "m");
  await press(page, "End");
  await press(page, "m");
  await page.getByRole("radio", { name: "Re-encode (frame-accurate)" }).check();
  await page.getByRole("button", { name: "Export MP4" }).click();
  const progress = page.getByRole("progressbar", { name: "Export progress" });
  await expect.poll(async () => Number(await progress.getAttribute("value")), { timeout: 120_000 }).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Export cancelled");
  await expect(progress).toBeHidden();
  expect(downloads).toBe(0);
  expect(frameCount(await exportFirstTwoSeconds(page, "after-fallback-cancel.mp4"))).toBe(50);
  // The engine that was cancelled and then ran again is ffmpeg.wasm's, and the page says so.
  await expect(page.getByRole("status", { name: "Message" })).toContainText("with ffmpeg.wasm");
});
