import { expect, test } from "./test";
import { LONG } from "./fixtures";
import { clipRows, exportFirstTwoSeconds, startLongExport } from "./page";
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
