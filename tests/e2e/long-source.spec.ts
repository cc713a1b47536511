import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { LECTURE } from "./fixtures";
import { clipRows, exportMp4, openVideo, press } from "./page";
import { frameCount, streamDuration } from "./oracle";

async function goTo(page: Page, time: string): Promise<void> {
  const playhead = page.getByRole("textbox", { name: "Playhead" });
  await playhead.fill(time);
  await playhead.press("Enter");
  await page.getByRole("heading", { name: "Clipmark" }).click();
}

// Issue 19: a 2-hour lecture with 48 kHz sound was taken for a dead worker while its index was read.
test("a 2-hour recording with sound opens, and a clip near its end exports losslessly", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, LECTURE);
  await expect(page.getByText(/^lecture\.mp4: /)).toContainText("lecture.mp4: MP4 · H.264 160×90 30 fps · AAC 48 kHz mono");
  await expect(page.getByText("/ 02:00:00.003")).toBeVisible();

  await goTo(page, "1:59:50");
  await press(page, "i");
  await goTo(page, "1:59:56");
  await press(page, "o");
  await expect(clipRows(page)).toHaveCount(1);
  await expect(clipRows(page).first().getByRole("textbox", { name: "IN" })).toHaveValue("01:59:50.000");

  const out = await exportMp4(page, "Lossless (fast)", "lecture-end.mp4", "lecture-cut.mp4");
  // Exactly its frames (IN is on a keyframe: one every 10 s), and the sound within half an AAC frame.
  expect(frameCount(out)).toBe(6 * 30);
  expect(Math.abs(streamDuration(out, "audio") - 6)).toBeLessThanOrEqual(1024 / 48_000 / 2);

  await page.getByRole("button", { name: "Close project" }).click();
  await expect(page.getByText(/^lecture\.mp4 · 1 clip · 00:00:06\.000/)).toBeVisible();
});
