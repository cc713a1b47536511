import { expect, test } from "./test";
import { LONG } from "./fixtures";
import { clipRows, startLongExport } from "./page";
import { frameCount } from "./oracle";
import { join } from "node:path";

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
  const out = clipRows(page).first().getByRole("textbox", { name: "OUT" });
  await out.fill("2");
  await out.press("Enter");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export MP4" }).click();
  const path = join(test.info().outputDir, "after-cancel.mp4");
  await (await download).saveAs(path);
  expect(frameCount(path)).toBe(60);
});
