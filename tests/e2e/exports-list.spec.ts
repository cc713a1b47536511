import { statSync } from "node:fs";
import { expect, test } from "./test";
import { COUNTER, LONG } from "./fixtures";
import { exportMp4, markSeconds, openVideo, press, startLongExport } from "./page";

const exportsList = (page: import("@playwright/test").Page) => page.getByRole("list", { name: "Exports" });

test("the Exports list keeps every export of the session, named apart, with its size and download", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, COUNTER);
  await press(page, "Shift+ArrowRight");
  await markSeconds(page, 2);

  const first = await exportMp4(page, "Lossless (fast)", "first.mp4", "counter-cut.mp4");
  const second = await exportMp4(page, "Re-encode (frame-accurate)", "second.mp4", "counter-cut-reencode.mp4");
  const items = exportsList(page).getByRole("listitem");
  await expect(items).toHaveCount(2);
  // The newest first; each with its mode, clips, length, size as written, and state.
  const kB = (path: string) => `${Math.round(statSync(path).size / 1e3)} kB`;
  await expect(items.nth(0)).toContainText(`counter-cut-reencode.mp4 re-encoded, 1 clip, 00:00:02.000, ${kB(second)} done`);
  await expect(items.nth(1)).toContainText(`counter-cut.mp4 lossless, 1 clip, 00:00:02.000, ${kB(first)} done`);
  await expect(items.nth(0).getByRole("link", { name: "Download counter-cut-reencode.mp4" })).toBeVisible();
  await expect(items.nth(1).getByRole("link", { name: "Download counter-cut.mp4" })).toBeVisible();

  // A failed export is listed with why, in plain words.
  const out = page.getByRole("list", { name: "Clips" }).getByRole("listitem").first().getByRole("textbox", { name: "OUT" });
  await out.fill("1.01");
  await out.press("Enter");
  await page.getByRole("button", { name: "Export MP4" }).click();
  await expect(items.nth(0)).toContainText("counter-cut-reencode-2.mp4");
  await expect(items.nth(0)).toContainText("failed: Clip 1 is shorter than one frame: make it longer or delete it");

  await page.getByRole("button", { name: "Remove counter-cut.mp4 from the list" }).click();
  await expect(items).toHaveCount(2);
  await expect(exportsList(page).getByRole("link", { name: "Download counter-cut.mp4" })).toHaveCount(0);
});

test("a cancelled export stays in the list as cancelled, with no download", async ({ page }) => {
  await startLongExport(page, LONG);
  const item = exportsList(page).getByRole("listitem", { name: "long-cut.mp4" });
  await expect(item).toContainText("exporting…");
  await expect(item.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(item).toContainText("cancelled: Export cancelled");
  await expect(item.getByRole("link")).toHaveCount(0);
});
