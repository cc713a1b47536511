import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { COUNTER } from "./fixtures";
import { markClip } from "./marking";
import { openVideo, press } from "./page";

/** The preview element's time at every animation frame for `ms` milliseconds. */
const videoTimes = (page: Page, ms: number): Promise<number[]> =>
  page.getByLabel("Preview of counter.mp4").evaluate(
    (element: HTMLVideoElement, span) =>
      new Promise<number[]>((resolve) => {
        const times: number[] = [];
        const started = performance.now();
        const sample = () => {
          times.push(element.currentTime);
          if (performance.now() - started > span) resolve(times);
          else requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
      }),
    ms,
  );

test("Preview cut plays the clips back to back in list order, jumping over what is cut out", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, COUNTER);
  await markClip(page, 5, 6);
  await markClip(page, 1, 2);
  // Sampled from before the start until well after the two seconds of clips.
  const sampling = videoTimes(page, 5000);
  await page.getByRole("button", { name: "Preview cut" }).click();
  const rows = page.getByRole("list", { name: "Clips" }).getByRole("listitem");
  await expect(page.getByRole("status", { name: "Preview" })).toHaveText("Playing clip 1 of 2");
  // The list follows: the clip playing is the selected row.
  await expect(rows.nth(0)).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("status", { name: "Preview" })).toHaveText("Playing clip 2 of 2");
  await expect(rows.nth(1)).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("button", { name: "Preview cut" })).toHaveAttribute("aria-pressed", "false");
  const times = await sampling;
  const playing = times.filter((t, i) => i > 0 && t !== times[i - 1]);
  // First 5–6 s (list order), then 1–2 s; nothing of the 2–5 s cut out in between.
  const firstAt = playing.findIndex((t) => t >= 5 && t < 6.1);
  const secondAt = playing.findIndex((t) => t >= 1 && t < 2.1);
  expect(firstAt).toBeGreaterThanOrEqual(0);
  expect(secondAt).toBeGreaterThan(firstAt);
  expect(playing.filter((t) => t > 2.1 && t < 4.99)).toEqual([]);
  expect(Math.max(...playing.slice(secondAt))).toBeLessThan(2.2);
});

test("P starts the preview and Escape stops it", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, COUNTER);
  await markClip(page, 1, 8);
  await press(page, "p");
  await expect(page.getByRole("status", { name: "Preview" })).toHaveText("Playing clip 1 of 1");
  await press(page, "Escape");
  await expect(page.getByRole("status", { name: "Preview" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeVisible();
});

test("Preview clip plays the selected clip alone; with Loop it starts over until stopped", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, COUNTER);
  await markClip(page, 1, 1.6);
  await markClip(page, 4, 5);
  await press(page, "ArrowDown");
  await page.getByRole("checkbox", { name: "Loop" }).check();
  await page.getByRole("button", { name: "Preview clip" }).click();
  const status = page.getByRole("status", { name: "Preview" });
  await expect(status).toHaveText("Playing clip 1 of 1");
  // Looping: the playhead comes back to IN after OUT, and never reaches the second clip.
  const seen = await videoTimes(page, 2500);
  const wrapped = seen.some((t, i) => i > 0 && t < (seen[i - 1] ?? 0) - 0.3);
  expect(wrapped).toBe(true);
  expect(Math.max(...seen)).toBeLessThan(1.8);
  await expect(status).toHaveText("Playing clip 1 of 1");
  await press(page, "Escape");
  await expect(status).toHaveCount(0);
});
