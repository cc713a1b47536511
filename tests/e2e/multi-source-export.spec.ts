import type { Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { expect, savedFile, test } from "./test";
import { OTHER_FORMAT, OTHER_FORMAT_SIZE, SYNC, SYNC_B, SYNC_B_PITCH } from "./fixtures";
import { beepPitches, fittedFrames, identifyFrames, JOINED_BASE, SYNC_FPS, SYNC_SIZE, syncOffsets } from "./frame-oracle";
import { markClip } from "./marking";
import { decodeAudio, decodeErrors, expectFastStart, grayFrames, keyframeTimes, psnr, streamDuration, videoFrameTimes } from "./oracle";
import { clipRows, exportMp4, markSeconds, openVideo } from "./page";

/**
 * Clips of several files joined into one MP4 through the page as a person does it (Open video,
 * Add video, each file chosen in Sources and marked with I and O at typed times, Export MP4),
 * judged by native decoding: every output frame named against both files (SYNC's frames are 0…,
 * SYNC_B's JOINED_BASE…), each beep at its flash and of its own file's pitch.
 */

/** A clip as a person marks it: on which of the project's files (an index into those given), IN and OUT. */
interface PageClip {
  source: number;
  start: number;
  end: number;
}

const sources = (page: Page) => page.getByRole("region", { name: "Sources" });

/** Puts one of the project's files on the player from the Sources list. */
async function choose(page: Page, file: string): Promise<void> {
  const name = basename(file);
  await sources(page).getByRole("button", { name, exact: true }).click();
  await expect(sources(page).getByRole("listitem", { name, exact: true })).toHaveAttribute("aria-current", "true");
}

/** Opens the first file, adds the others one by one (so Sources keeps their order), and marks each clip on its own file. */
async function project(page: Page, files: readonly string[], clips: readonly PageClip[]): Promise<void> {
  await page.goto("./");
  await openVideo(page, files[0] as string);
  for (const file of files.slice(1)) {
    await page.getByLabel("Add video").setInputFiles(file);
    await expect(page.getByRole("status", { name: "Message" })).toHaveText(`Added ${basename(file)}`);
  }
  for (const clip of clips) {
    await choose(page, files[clip.source] as string);
    await markClip(page, clip.start, clip.end);
  }
  await expect(clipRows(page)).toHaveCount(clips.length);
  const named = clips.map((c) => basename(files[c.source] as string));
  expect(await clipRows(page).getByLabel("Source").allTextContents()).toEqual(named);
}

/** SYNC frames 83-142 (IN on a P-frame between keyframes 63 and 116), SYNC_B frames 63-124 (between its keyframes 43 and 105). */
const CLIPS: PageClip[] = [
  { source: 0, start: 3.32, end: 5.72 },
  { source: 1, start: 2.52, end: 5 },
];
const span = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);
const keyAtOrBefore = (file: string, frame: number) =>
  keyframeTimes(file).map((t) => Math.round(t * SYNC_FPS)).filter((k) => k <= frame).at(-1) as number;

const MODES = [
  { mode: "lossless", label: "Lossless (fast)", fromKey: true, tolerance: 10.7 },
  { mode: "smart", label: "Smart cut (frame-accurate, fast)", fromKey: false, tolerance: 10.7 },
  { mode: "reencode", label: "Re-encode (frame-accurate)", fromKey: false, tolerance: 1 },
] as const;
const REENCODE = MODES[2].label;

for (const { mode, label, fromKey, tolerance } of MODES) {
  test(`${mode}: two files of one format joined, every frame its own file's, every beep at its flash`, async ({ page }) => {
    await project(page, [SYNC, SYNC_B], CLIPS);
    // The export is named after the file on the player: the last one marked.
    const out = await exportMp4(page, label, `${mode}.mp4`, "sync-cut.mp4");
    expect(decodeErrors(out)).toBe("");

    // Lossless from the keyframe at or before IN; the others exactly IN. None past OUT.
    const a = fromKey ? keyAtOrBefore(SYNC, 83) : 83;
    const b = fromKey ? keyAtOrBefore(SYNC_B, 63) : 63;
    expect(identifyFrames(out, [SYNC, SYNC_B])).toEqual([...span(a, 143), ...span(JOINED_BASE + b, JOINED_BASE + 125)]);

    // Sound with picture at every flash, the join's included, each file's sound its own.
    const offsets = syncOffsets(out, [SYNC, SYNC_B]);
    expect(offsets.length).toBeGreaterThanOrEqual(4);
    expect(offsets.filter((ms) => !(Math.abs(ms) <= tolerance)), offsets.join(" ")).toEqual([]);
    const joinsAt = (143 - a) / SYNC_FPS;
    const pitches = beepPitches(out).filter((beep) => beep.length > 0.015);
    const wrong = pitches.filter(({ onset, pitch }) => Math.abs(pitch - (onset < joinsAt ? 1000 : SYNC_B_PITCH)) > 50);
    expect(wrong, pitches.map((p) => `${p.onset.toFixed(3)} s ${p.pitch.toFixed(0)} Hz`).join(", ")).toEqual([]);
  });
}

/**
 * The 50 fps 640×360 soundless file's 1-2 s after CLIPS, judged as the first file's format holds it:
 * 122 frames of SYNC and SYNC_B, then its frames 50, 52… (the one on screen at each 25 fps instant)
 * letterboxed into 320×240, every frame on the 25 fps grid, silence under the soundless second.
 */
function expectFitted(out: string): void {
  expect(decodeErrors(out)).toBe("");
  const frames = identifyFrames(out, [SYNC, SYNC_B]);
  expect(frames.slice(0, 122)).toEqual([...span(83, 143), ...span(JOINED_BASE + 63, JOINED_BASE + 125)]);
  expect(frames).toHaveLength(122 + 25);

  // Each fitted frame is the source frame native ffmpeg letterboxes the same way, not a neighbour.
  const expected = span(0, 25).map((k) => 50 + 2 * k);
  const fitted = fittedFrames(out, 122, OTHER_FORMAT, expected);
  expect(fitted.frames).toEqual(expected);
  // Measured: the right frame 29 dB or more, its neighbours 27 dB at most (the browser scales unlike ffmpeg).
  expect(fitted.worst, "PSNR of the worst fitted frame against its letterboxed source frame").toBeGreaterThan(28);

  // 640×360 fitted into 320×240 is 320×180: 30 rows of black above and below, the picture between.
  const { width, height } = SYNC_SIZE;
  const rows = (frame: Buffer, from: number, to: number) => frame.subarray(from * width, to * width);
  for (const frame of grayFrames(out).slice(122)) {
    expect(Math.max(...rows(frame, 0, 28)), "the bar above").toBeLessThanOrEqual(20);
    expect(Math.max(...rows(frame, height - 28, height)), "the bar below").toBeLessThanOrEqual(20);
    const picture = rows(frame, 32, height - 32);
    expect(picture.reduce((sum, v) => sum + v, 0) / picture.length, "the picture between").toBeGreaterThan(60);
    // Not stretched: the picture's own columns reach both edges, as 16:9 in 4:3 does.
    expect(Math.max(...frame.subarray(120 * width, 120 * width + 4))).toBeGreaterThan(20);
  }
  // Every frame on the first file's grid: frame i at i/25 s, none dropped or doubled.
  const off = videoFrameTimes(out).map((t, i) => Math.abs(t - i / SYNC_FPS)).filter((d) => d > 1e-3);
  expect(off, "frames off the 25 fps grid").toEqual([]);

  // The sound runs the whole length, with picture at each flash; the soundless file's second is digital silence.
  expect(Math.abs(streamDuration(out, "audio") - streamDuration(out, "video"))).toBeLessThan(0.03);
  const offsets = syncOffsets(out, [SYNC, SYNC_B]);
  expect(offsets.length).toBeGreaterThanOrEqual(4);
  expect(offsets.filter((ms) => !(Math.abs(ms) <= 1)), offsets.join(" ")).toEqual([]);
  const audio = decodeAudio(out);
  const silent = audio.samples.filter((_, i) => audio.time(i) > 122 / SYNC_FPS + 0.03);
  expect(silent.length).toBeGreaterThan(0.9 * audio.rate);
  expect(silent.reduce((m, v) => Math.max(m, Math.abs(v)), 0), "the soundless file's second").toBeLessThan(1e-3);
}

test("a file of another size, rate and no sound joins by re-encoding on the packet engine: fitted with black bars, on the first file's frame grid, silent", async ({ page }) => {
  test.setTimeout(300_000);
  // 1 s of the 50 fps file is 25 frames at the output's 25 fps.
  await project(page, [SYNC, SYNC_B, OTHER_FORMAT], [...CLIPS, { source: 2, start: 1, end: 2 }]);
  const out = await exportMp4(page, REENCODE, "other-format.mp4", "sync-cut.mp4");
  // No "with ffmpeg.wasm (…)": the packet engine made it.
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Exported sync-cut.mp4");
  expectFitted(out);
});

test("a file whose sound is of another rate and channel count joins by re-encoding on the packet engine, resampled, every beep at its flash", async ({ page }) => {
  // SYNC_B's picture as it is, its sound made 44.1 kHz mono by native ffmpeg; the output's is SYNC's 48 kHz stereo.
  mkdirSync(test.info().outputDir, { recursive: true });
  const other = join(test.info().outputDir, "sync-b-44k.mp4");
  execFileSync("ffmpeg", ["-v", "error", "-y", "-i", SYNC_B, "-c:v", "copy", "-c:a", "aac", "-ar", "44100", "-ac", "1", other]);
  await project(page, [SYNC, other], CLIPS);
  const out = await exportMp4(page, REENCODE, "resampled.mp4", "sync-cut.mp4");
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Exported sync-cut.mp4");
  expect(decodeErrors(out)).toBe("");
  expect(identifyFrames(out, [SYNC, other])).toEqual([...span(83, 143), ...span(JOINED_BASE + 63, JOINED_BASE + 125)]);
  expect(decodeAudio(out).rate).toBe(48_000);
  expect(Math.abs(streamDuration(out, "audio") - streamDuration(out, "video"))).toBeLessThan(0.03);
  const offsets = syncOffsets(out, [SYNC, other]);
  expect(offsets.length).toBeGreaterThanOrEqual(4);
  expect(offsets.filter((ms) => !(Math.abs(ms) <= 1)), offsets.join(" ")).toEqual([]);
  const pitches = beepPitches(out).filter((beep) => beep.length > 0.015);
  const wrong = pitches.filter(({ onset, pitch }) => Math.abs(pitch - (onset < 60 / SYNC_FPS ? 1000 : SYNC_B_PITCH)) > 50);
  expect(wrong, pitches.map((p) => `${p.onset.toFixed(3)} s ${p.pitch.toFixed(0)} Hz`).join(", ")).toEqual([]);
  // Both channels carry the mono file's sound.
  const channels = execFileSync("ffprobe", ["-v", "error", "-select_streams", "a:0", "-show_entries", "stream=channels", "-of", "csv=p=0", out]);
  expect(channels.toString().trim()).toBe("2");
});

test.describe("where the browser lets the page write files", () => {
  test.use({ savePicker: "private-file" });

  test("a join of three files re-encoded streams into the file picked", async ({ page }) => {
    test.setTimeout(300_000);
    await project(page, [SYNC, SYNC_B, OTHER_FORMAT], [...CLIPS, { source: 2, start: 1, end: 2 }]);
    await page.getByRole("radio", { name: REENCODE }).check();
    await page.getByRole("button", { name: "Export MP4" }).click();
    await expect(page.getByRole("status", { name: "Message" })).toHaveText("Saved sync-cut.mp4", { timeout: 170_000 });
    const out = join(test.info().outputDir, "picked.mp4");
    mkdirSync(test.info().outputDir, { recursive: true });
    writeFileSync(out, await savedFile(page, "sync-cut.mp4"));
    expectFastStart(out);
    expectFitted(out);
  });
});

test("a project of two files exports its list when every clip is of one of them", async ({ page }) => {
  await page.goto("./");
  await page.getByLabel("Open video").setInputFiles([SYNC, OTHER_FORMAT]);
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Opened 2 files in a new project: other-format.mp4 and sync.mp4");
  await page.getByRole("heading", { name: "Clipmark" }).click();
  await markSeconds(page, 2);
  await expect(clipRows(page)).toHaveCount(1);
  // The clip is of the file on the player (the first by name): its first 2 s, copied as they are.
  const file = await exportMp4(page, "Lossless (fast)", "one-file.mp4", "other-format-cut.mp4");
  const source = grayFrames(OTHER_FORMAT);
  const copied = grayFrames(file);
  expect(copied).toHaveLength(2 * OTHER_FORMAT_SIZE.fps);
  expect(copied.map((frame, i) => psnr(frame, source[i] as Buffer)).filter((db) => db < 99)).toEqual([]);
});

test("the export panel says before export which file differs from the first, and how, in the modes that cannot join them", async ({ page }) => {
  // The first file sets the output's format: the 2 s clip of other-format.mp4, then 1-3 s of sync.mp4.
  await project(page, [OTHER_FORMAT, SYNC], [
    { source: 0, start: 0, end: 2 },
    { source: 1, start: 1, end: 3 },
  ]);
  const note = page.getByRole("region", { name: "Export" }).getByRole("note");
  const differs = "sync.mp4 is 320×240 25 fps with AAC 48 kHz stereo; other-format.mp4 is 640×360 50 fps with no sound. Re-encode joins them in the first file's format.";
  await expect(note.filter({ hasText: "cannot join" })).toHaveText(`Lossless cannot join these files: ${differs}`);
  for (const [width, height] of [[1280, 800], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.getByRole("region", { name: "Export" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shots-pagejoin/join-note-${width}x${height}.png` });
  }
  await page.getByRole("radio", { name: "Smart cut (frame-accurate, fast)" }).check();
  await expect(note.filter({ hasText: "cannot join" })).toHaveText(`Smart cut cannot join these files: ${differs}`);
  await page.getByRole("radio", { name: REENCODE }).check();
  await expect(note.filter({ hasText: "cannot join" })).toHaveCount(0);
});
