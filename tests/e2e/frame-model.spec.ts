import { basename } from "node:path";
import { TWO_RATES, TWO_RATES_MPEG4 } from "./fixtures";
import { markClip, typeTime } from "./marking";
import { frameCount, videoFrameTimes } from "./oracle";
import { clipRows, exportMp4, openVideo, press } from "./page";
import { expect, test } from "./test";

// Both edges on keyframes and frame starts, so a lossless cut keeps exactly the clip's frames.
const [IN, OUT] = [1, 2.5];
const MODES = [["Lossless (fast)", "cut"], ["Re-encode (frame-accurate)", "cut-reencode"]] as const;
const SMART = ["Smart cut (frame-accurate, fast)", "cut-smart"] as const;

// H.264 is cut by the packet engine, MPEG-4 Part 2 (no browser decodes it) by ffmpeg.wasm.
for (const [source, engine] of [[TWO_RATES, "the packet engine"], [TWO_RATES_MPEG4, "ffmpeg.wasm"]] as const) {
  test(`a variable frame rate's clip counts, and exports with ${engine}, the frames its own times hold`, async ({ page }) => {
    // ffprobe's frames of the source from IN up to OUT: 30 at 30 fps, then 5 at 10 fps.
    const times = videoFrameTimes(source);
    const first = times.filter((t) => t < IN - 1e-6).length;
    const truth = times.filter((t) => t >= IN - 1e-6 && t < OUT - 1e-6).length;
    await page.goto("./");
    await openVideo(page, source);
    await markClip(page, IN, OUT);
    const row = clipRows(page).first();
    await expect(row.getByLabel("Frames")).toHaveText(`frames ${first}–${first + truth - 1} (${truth})`);
    await expect(row.getByLabel("Duration")).toHaveText("00:00:01.500");
    await expect(page.getByText(/1 clip, total/)).toHaveText(`1 clip, total 00:00:01.500, ${truth} frames`);
    for (const [mode, suffix] of MODES) {
      const name = `${basename(source, ".mp4")}-${suffix}.mp4`;
      const out = await exportMp4(page, mode, name, name);
      expect(frameCount(out), mode).toBe(truth);
    }
  });

  test(`a variable frame rate's clip marked to the end keeps the last frame, with ${engine}`, async ({ page }) => {
    // The last frame starts at 3.9 and the file ends at 3.934, sooner than 10 fps would take it.
    const times = videoFrameTimes(source);
    const first = times.filter((t) => t < 3 - 1e-6).length;
    const truth = times.length - first;
    await page.goto("./");
    await openVideo(page, source);
    await typeTime(page, 3);
    await press(page, "i");
    await press(page, "End");
    await press(page, "o");
    const row = clipRows(page).first();
    await expect(row.getByLabel("Frames")).toHaveText(`frames ${first}–${first + truth - 1} (${truth})`);
    for (const [mode, suffix] of [...MODES, SMART]) {
      const name = `${basename(source, ".mp4")}-${suffix}.mp4`;
      const out = await exportMp4(page, mode, name, name);
      expect(frameCount(out), mode).toBe(truth);
    }
  });
}
