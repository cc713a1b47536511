import { TRACKS } from "./fixtures";
import { openVideo } from "./page";
import { expect, test } from "./test";

test("the media line names every track of an OBS recording, with its title", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, TRACKS);
  const line = page.getByText(/^tracks\.mkv: /);
  await expect(line).toContainText("Matroska (MKV) · H.264 320×240");
  await expect(line).toContainText(
    "· AAC 48 kHz stereo 'Game' · AAC 48 kHz stereo 'Mic' · AAC 48 kHz stereo 'Music' · Subtitles SRT 'English' (eng) ·",
  );
});

test("the export says which tracks it leaves out, and why, before it starts", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, TRACKS);
  const dropped = page.getByRole("list", { name: "Tracks left out" }).getByRole("listitem");
  await expect(dropped).toHaveText([
    "Audio 2 (AAC 48 kHz stereo 'Mic') is left out: exports keep the first audio track only.",
    "Audio 3 (AAC 48 kHz stereo 'Music') is left out: exports keep the first audio track only.",
    "Subtitles 'English' (eng) (SRT) cannot go into an MP4: they are left out.",
  ]);
});
