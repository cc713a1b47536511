import type { Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { SYNC, TRACK_SYNC, TRACK_SYNC_TRACKS, TRACKS } from "./fixtures";
import { beepPitch, syncOffsets } from "./frame-oracle";
import { expectFastStart, streams } from "./oracle";
import { exportMp4, openVideo } from "./page";
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
  await expect(dropped).toHaveText(["Subtitles 'English' (eng) (SRT) cannot go into an MP4: they are left out."]);
});

/** Clips off keyframes at both ends (the SYNC picture's, exact-cuts.spec.ts), one going back in time; six flashes. */
const EDITS = "# IN,OUT (seconds)\n3.32,5.72\n0.901,2.2\n13.4,14.44\n8,8.84\n";
/**
 * The same but for the second clip, which starts in the file's second GOP: ffmpeg's copy of the
 * first GOP of this MKV (its first keyframe's decode time is not stored) puts that segment's
 * picture a frame late against its sound, on every track alike (a fault of its own, not of the tracks').
 */
const FFMPEG_EDITS = "# IN,OUT (seconds)\n3.32,5.72\n1.32,2.2\n13.4,14.44\n8,8.84\n";
const [H264, MPEG2] = TRACK_SYNC as [string, string];
const MODES = [
  { mode: "Lossless (fast)", source: H264, engine: "", edits: EDITS },
  { mode: "Smart cut (frame-accurate, fast)", source: H264, engine: "", edits: EDITS },
  { mode: "Re-encode (frame-accurate)", source: H264, engine: "", edits: EDITS },
  // MPEG-2 the packet engine cannot copy into an MP4: ffmpeg.wasm cuts it.
  { mode: "Lossless (fast)", source: MPEG2, engine: "with ffmpeg.wasm", edits: FFMPEG_EDITS },
] as const;

async function openWithEdits(page: Page, source: string, edits: string): Promise<void> {
  await page.goto("./");
  await openVideo(page, source);
  await page.getByLabel("Import edits").setInputFiles({ name: "edits.csv", mimeType: "text/plain", buffer: Buffer.from(edits) });
  await page.getByRole("dialog", { name: "Import edits.csv" }).getByRole("button", { name: "Replace" }).click();
}

/** Copied sound moves in whole AAC frames, placed to the nearest: half of one at the track's rate (offsets are to 0.01 ms). */
const copiedTolerance = (rate: number) => (1024 / rate / 2) * 1000 + 0.01;

/**
 * The three tracks in `file`, in order and named, each beeping at its source track's pitch, at
 * least `flashes` flashes, each beep within `tolerance(rate)` ms of its flash.
 */
function expectEveryTrack(file: string, label: string, tolerance: (rate: number) => number, flashes: number): void {
  const audio = streams(file).filter((s) => s.codec_type === "audio");
  // An MP4 track's name, as ffmpeg reads it: its handler name.
  expect(audio.map((s) => s.tags?.handler_name), `${label}: audio tracks, by name`).toEqual(TRACK_SYNC_TRACKS.map((t) => t.title));
  expect(audio.map((s) => Number(s.sample_rate)), `${label}: their sample rates`).toEqual(TRACK_SYNC_TRACKS.map((t) => t.rate));
  for (const [t, { title, pitch, rate }] of TRACK_SYNC_TRACKS.entries()) {
    expect(Math.abs(beepPitch(file, t) - pitch), `${label}: track ${t + 1} '${title}' beeps at its source track's pitch`).toBeLessThan(100);
    const offsets = syncOffsets(file, SYNC, t);
    const within = tolerance(rate);
    console.log(`${label}, '${title}': beep − flash (ms) ${offsets.join(", ")}`);
    expect.soft(offsets.length, `${label}: flashes in the output, track ${t + 1}`).toBeGreaterThanOrEqual(flashes);
    expect.soft(offsets.filter((ms) => !(Math.abs(ms) <= within)), `${label} '${title}': beeps off their flash by more than ${within.toFixed(1)} ms`).toEqual([]);
  }
}

for (const { mode, source, engine, edits } of MODES) {
  test(`${mode}${engine && ` ${engine}`}: every audio track kept, titled, in order, each beep at its flash`, async ({ page }) => {
    await openWithEdits(page, source, edits);
    const named = `${basename(source, ".mkv")}-cut.mp4`;
    const file = await exportMp4(page, mode, `${mode.split(" ")[0]}-${named}`, named);
    if (engine) await expect(page.getByRole("status", { name: "Message" })).toContainText(engine);

    // Re-encoded sound is cut to the sample.
    expectEveryTrack(file, `${mode}${engine && ` ${engine}`}`, (rate) => (mode.startsWith("Re-encode") ? 1 : copiedTolerance(rate)), 6);
  });
}

test("One file per clip (a ZIP) keeps every audio track in each clip's file", async ({ page }) => {
  // Not the clip from 8 s: a file's first AAC frame decodes without its overlap, and that clip's
  // first frame is a flash, whose beep would be lost to it in any one-clip file.
  await openWithEdits(page, H264, EDITS.replace("8,8.84\n", ""));
  await page.getByRole("radio", { name: "Smart cut (frame-accurate, fast)" }).check();
  await page.getByRole("checkbox", { name: "One file per clip" }).check();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export MP4" }).click();
  const dir = join(test.info().outputDir, "unzipped");
  mkdirSync(dir, { recursive: true });
  await (await download).saveAs(join(dir, "clips.zip"));
  // Python's zipfile, not our code, reads the archive.
  execFileSync("python3", ["-m", "zipfile", "-e", join(dir, "clips.zip"), dir]);
  const clips = readdirSync(dir).filter((name) => name.endsWith(".mp4")).sort();
  expect(clips).toHaveLength(3);
  for (const clip of clips) {
    expectFastStart(join(dir, clip));
    // Each file is one clip: its flashes are the clip's own (at least one each).
    expectEveryTrack(join(dir, clip), clip, copiedTolerance, 1);
  }
});
