import { TWO_RATES } from "./fixtures";
import { markClip } from "./marking";
import { frameCount, videoFrameTimes } from "./oracle";
import { clipRows, exportMp4, openVideo } from "./page";
import { expect, test } from "./test";

// Both edges on keyframes and frame starts, so a lossless cut keeps exactly the clip's frames.
const [IN, OUT] = [1, 2.5];

test("a variable frame rate's clip counts, and exports, the frames its own times hold", async ({ page }) => {
  // ffprobe's frames of the source from IN up to OUT: 30 at 30 fps, then 5 at 10 fps.
  const times = videoFrameTimes(TWO_RATES);
  const first = times.filter((t) => t < IN - 1e-6).length;
  const truth = times.filter((t) => t >= IN - 1e-6 && t < OUT - 1e-6).length;
  await page.goto("./");
  await openVideo(page, TWO_RATES);
  await markClip(page, IN, OUT);
  const row = clipRows(page).first();
  await expect(row.getByLabel("Frames")).toHaveText(`frames ${first}–${first + truth - 1} (${truth})`);
  await expect(row.getByLabel("Duration")).toHaveText("00:00:01.500");
  await expect(page.getByText(/1 clip, total/)).toHaveText(`1 clip, total 00:00:01.500, ${truth} frames`);
  for (const [mode, name] of [["Lossless (fast)", "two-rates-cut.mp4"], ["Re-encode (frame-accurate)", "two-rates-cut-reencode.mp4"]] as const) {
    const out = await exportMp4(page, mode, name, name);
    expect(frameCount(out), mode).toBe(truth);
  }
});
