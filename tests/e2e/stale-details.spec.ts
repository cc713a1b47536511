import { expect, test } from "./test";
import { COUNTER, SYNC } from "./fixtures";
import { markSeconds, openVideo } from "./page";

test("what is shown belongs to the open file and the current export", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, COUNTER);
  await markSeconds(page, 2);
  const message = page.getByRole("status", { name: "Message" });
  await page.getByRole("button", { name: "Export MP4" }).click();
  await expect(message).toHaveText("Exported counter-cut.mp4");

  // The next export: the last one's message is gone while it runs.
  await page.getByRole("radio", { name: "Re-encode (frame-accurate)" }).check();
  await page.getByRole("button", { name: "Export MP4" }).click();
  await expect(message).toHaveText("Exporting counter-cut-reencode.mp4…");
  await expect(message).toHaveText("Exported counter-cut-reencode.mp4");

  await openVideo(page, SYNC);
  await expect(page.getByText(/^sync\.mp4: /)).toContainText("9 keyframes");
  // The container as people call it, not ffmpeg's list of demuxer names.
  await expect(page.getByText(/^sync\.mp4: /)).toContainText("sync.mp4: MP4 · H.264");
  await expect(page.getByText(/^counter\.mp4: /)).toHaveCount(0);
});
