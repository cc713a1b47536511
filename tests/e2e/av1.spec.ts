import { basename } from "node:path";
import { SYNC, SYNC_AV1, SYNC_AV1_10BIT } from "./fixtures";
import { identifyFrames, SYNC_FPS, syncOffsets } from "./frame-oracle";
import { decodeErrors, keyframeTimes, streams } from "./oracle";
import { exportMp4, openVideo } from "./page";
import { playedFrames } from "./playback";
import { expect, test } from "./test";

/**
 * Frames 23–54 (re-encoded to the keyframe at 50, then copied), 335–359 (back in time, copied from
 * the keyframe at 350) and 200–219 (starts on a keyframe: copied whole) of the flash-and-beep source.
 */
const CLIPS = [
  [0.901, 2.2],
  [13.4, 14.4],
  [8, 8.8],
] as const;
const EDITS = `# IN,OUT (seconds)\n${CLIPS.map(([from, to]) => `${from},${to}`).join("\n")}\n`;
const FRAMES = CLIPS.map(([from, to]) => [Math.round(from * SYNC_FPS), Math.round(to * SYNC_FPS)] as const);
const span = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

// Smart cut first: the session's first export takes the plain name, the later ones their mode's.
// How far a beep may lie from its flash (ms): copied AAC moves in whole frames (21.3 ms), placed to
// the nearest, so half a frame; re-encoded sound is cut to the sample.
const MODES = [
  { mode: "Smart cut (frame-accurate, fast)", suffix: "", video: "av1", tolerance: 10.7 },
  { mode: "Lossless (fast)", suffix: "-lossless", video: "av1", tolerance: 10.7 },
  { mode: "Re-encode (frame-accurate)", suffix: "-reencode", video: "h264", tolerance: 1 },
] as const;

test("the AV1 sources have the keyframes the clips are chosen for", () => {
  for (const source of SYNC_AV1) {
    const times = keyframeTimes(source);
    expect(times.map((t) => Math.round((t - (times[0] as number)) * SYNC_FPS)), basename(source)).toEqual(span(0, 10).map((i) => i * 50));
  }
});

for (const source of SYNC_AV1) {
  test(`${basename(source)}: smart cut joins re-encoded AV1 to copied AV1, exact to the frame; lossless and re-encode too`, async ({ page }) => {
    await page.goto("./");
    await openVideo(page, source);
    await page.getByLabel("Import edits").setInputFiles({ name: "edits.csv", mimeType: "text/plain", buffer: Buffer.from(EDITS) });
    await page.getByRole("dialog", { name: "Import edits.csv" }).getByRole("button", { name: "Replace" }).click();
    await expect(page.getByRole("list", { name: "Clips" }).getByRole("listitem")).toHaveCount(CLIPS.length);
    const times = keyframeTimes(source);
    const keyframes = times.map((t) => Math.round((t - (times[0] as number)) * SYNC_FPS));
    for (const { mode, suffix, video, tolerance } of MODES) {
      const named = `sync-av1-cut${suffix}.mp4`;
      const path = await exportMp4(page, mode, `${basename(source)}${suffix || "-smart"}.mp4`, named);
      const starts = FRAMES.map(([from]) => (mode.startsWith("Lossless") ? (keyframes.filter((k) => k <= from).at(-1) as number) : from));
      const expected = FRAMES.flatMap(([, to], i) => span(starts[i] as number, to));
      // The page names the file and nothing else: a smart cut that fell back would say "re-encoded in full".
      await expect.soft(page.getByRole("status", { name: "Message" }), mode).toHaveText(`Exported ${named}`);
      expect.soft(identifyFrames(path, SYNC), `${mode}: source frame of every output frame`).toEqual(expected);
      expect.soft(decodeErrors(path), `${mode}: ffmpeg -v error -f null`).toBe("");
      expect.soft(streams(path).map((s) => (s.codec_type === "video" ? s.codec_name : s.codec_type)).sort(), mode).toEqual(["audio", video]);
      expect.soft(await playedFrames(page, `Download ${named}`), `${mode}: frames Chromium's <video> played to the end`).toBe(expected.length);
      // Sync is judged on the MP4 source only: native ffmpeg reads the WebM's own Opus 6.5 ms early
      // (its muxer's codec delay), so there the offsets would measure the reader, not the cut.
      if (!source.endsWith(".mp4")) continue;
      const offsets = syncOffsets(path, SYNC);
      expect.soft(offsets.length, `${mode}: flashes in the output`).toBe(expected.filter((n) => n % SYNC_FPS === 0).length);
      expect.soft(offsets.filter((ms) => !(Math.abs(ms) <= tolerance)), `${mode}: beeps off their flash by more than ${tolerance} ms`).toEqual([]);
    }
  });
}

test("10-bit AV1, which this browser cannot encode, is re-encoded in full and the page says why", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, SYNC_AV1_10BIT);
  await page.getByLabel("Import edits").setInputFiles({ name: "edits.csv", mimeType: "text/plain", buffer: Buffer.from(`${CLIPS[0].join(",")}\n`) });
  await page.getByRole("dialog", { name: "Import edits.csv" }).getByRole("button", { name: "Replace" }).click();
  const path = await exportMp4(page, "Smart cut (frame-accurate, fast)", "10bit-smart.mp4", "sync-av1-10bit-cut.mp4");
  await expect(page.getByRole("status", { name: "Message" })).toHaveText(
    "Exported sync-av1-10bit-cut.mp4 (re-encoded in full: this browser cannot encode 10-bit AV1 at 320×240)",
  );
  expect.soft(identifyFrames(path, SYNC), "source frame of every output frame").toEqual(span(...(FRAMES[0] as [number, number])));
  expect.soft(decodeErrors(path), "ffmpeg -v error -f null").toBe("");
  expect.soft(streams(path).map((s) => (s.codec_type === "video" ? s.codec_name : s.codec_type)).sort()).toEqual(["audio", "h264"]);
});
