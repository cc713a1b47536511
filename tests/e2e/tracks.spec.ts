import type { Page } from "@playwright/test";
import { basename } from "node:path";
import { SYNC, TRACK_SYNC, TRACK_SYNC_TRACKS, TRACKS } from "./fixtures";
import { beepPitch, syncOffsets } from "./frame-oracle";
import { expectFastStart, streams } from "./oracle";
import { afterAutosave, exportMp4, openVideo, zippedClips } from "./page";
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

type SyncTrack = (typeof TRACK_SYNC_TRACKS)[number];

/**
 * Exactly `tracks` (the three by default) in `file`, in order and named, each beeping at its
 * source track's pitch, at least `flashes` flashes, each beep within `tolerance(rate)` ms of its flash.
 */
function expectEveryTrack(
  file: string,
  label: string,
  tolerance: (rate: number) => number,
  flashes: number,
  tracks: readonly SyncTrack[] = TRACK_SYNC_TRACKS,
): void {
  const audio = streams(file).filter((s) => s.codec_type === "audio");
  // An MP4 track's name, as ffmpeg reads it: its handler name.
  expect(audio.map((s) => s.tags?.handler_name), `${label}: audio tracks, by name`).toEqual(tracks.map((t) => t.title));
  expect(audio.map((s) => Number(s.sample_rate)), `${label}: their sample rates`).toEqual(tracks.map((t) => t.rate));
  for (const [t, { title, pitch, rate }] of tracks.entries()) {
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
  const clips = await zippedClips(page, "Smart cut (frame-accurate, fast)");
  expect(clips).toHaveLength(3);
  for (const clip of clips) {
    expectFastStart(clip);
    // Each file is one clip: its flashes are the clip's own (at least one each).
    expectEveryTrack(clip, basename(clip), copiedTolerance, 1);
  }
});

/**
 * Lossless, one clip a file: the packet engine starts each track a packet before the picture and
 * trims the lead by its edit list, so the sound starts with the picture to the sample (its
 * offsets are the source's own, under 1 ms); ffmpeg.wasm (MPEG-2) places whole packets, to half of one.
 */
const ZIPPED_LOSSLESS = [
  { source: H264, engine: "", edits: EDITS, tolerance: () => 1 },
  { source: MPEG2, engine: "with ffmpeg.wasm", edits: FFMPEG_EDITS, tolerance: copiedTolerance },
] as const;
for (const { source, engine, edits, tolerance } of ZIPPED_LOSSLESS) {
  test(`Lossless${engine && ` ${engine}`}, one file per clip (a ZIP): every track of each clip's file with its picture`, async ({ page }) => {
    // A lossless clip starts at the keyframe before IN, so even the clip from 8 s opens on no flash.
    await openWithEdits(page, source, edits);
    const clips = await zippedClips(page, "Lossless (fast)");
    if (engine) await expect(page.getByRole("status", { name: "Message" })).toContainText(engine);
    expect(clips).toHaveLength(4);
    for (const clip of clips) {
      expectFastStart(clip);
      expectEveryTrack(clip, `${engine || "packet engine"} ${basename(clip)}`, tolerance, 1);
    }
  });
}

test.describe("the Tracks panel", () => {
  const keep = (page: Page, track: string) => page.getByRole("region", { name: "Tracks" }).getByRole("checkbox", { name: `Keep ${track}`, exact: true });
  const WITHOUT_MIC = TRACK_SYNC_TRACKS.filter((t) => t.title !== "Mic");

  test("lists every track, kept by default; what an MP4 cannot hold says why; a track dropped is said and remembered", async ({ page }) => {
    await page.goto("./");
    await openVideo(page, TRACKS);
    // One "Keep" box a track (the kept audio tracks have their mix boxes too: audio-mix.spec.ts).
    const boxes = page.getByRole("region", { name: "Tracks" }).getByRole("checkbox", { name: /^Keep / });
    await expect(boxes).toHaveCount(5);
    await expect(keep(page, "H.264 320×240 variable (about 25 fps)")).toBeChecked();
    await expect(keep(page, "H.264 320×240 variable (about 25 fps)")).toBeDisabled();
    await expect(keep(page, "H.264 320×240 variable (about 25 fps)")).toHaveAccessibleDescription("the cut is made on its frames: it is always kept");
    for (const title of ["Game", "Mic", "Music"]) await expect(keep(page, `AAC 48 kHz stereo '${title}'`)).toBeChecked();
    await expect(keep(page, "Subtitles SRT 'English' (eng)")).not.toBeChecked();
    await expect(keep(page, "Subtitles SRT 'English' (eng)")).toBeDisabled();
    await expect(keep(page, "Subtitles SRT 'English' (eng)")).toHaveAccessibleDescription("an MP4 cannot hold subtitles");

    // From the keyboard: Tab reaches the box, Space unticks it.
    await keep(page, "AAC 48 kHz stereo 'Mic'").focus();
    await page.keyboard.press("Space");
    await expect(keep(page, "AAC 48 kHz stereo 'Mic'")).not.toBeChecked();
    const dropped = page.getByRole("list", { name: "Tracks left out" }).getByRole("listitem");
    await expect(dropped).toHaveText([
      "AAC 48 kHz stereo 'Mic' is left out: you chose not to keep it (Tracks).",
      "Subtitles 'English' (eng) (SRT) cannot go into an MP4: they are left out.",
    ]);

    // A project is made by its first clip; the choice is kept with it.
    await page.getByLabel("Import edits").setInputFiles({ name: "edits.csv", mimeType: "text/plain", buffer: Buffer.from("# IN,OUT (seconds)\n1,2\n") });
    await page.getByRole("dialog", { name: "Import edits.csv" }).getByRole("button", { name: "Replace" }).click();
    await afterAutosave(page);
    await page.reload();
    await page.getByLabel("Open video").setInputFiles(TRACKS);
    await expect(page.getByRole("status", { name: "Message" })).toHaveText("Reopened tracks.mkv with its 1 clip");
    await expect(keep(page, "AAC 48 kHz stereo 'Mic'")).not.toBeChecked();
    await expect(keep(page, "AAC 48 kHz stereo 'Game'")).toBeChecked();
    await expect(dropped.first()).toHaveText("AAC 48 kHz stereo 'Mic' is left out: you chose not to keep it (Tracks).");
  });

  // ffmpeg.wasm's re-encode decodes the first GOP as it should: the clip from 0.901 s (and its flash) stays.
  const RE_ENCODED = [...MODES, { mode: "Re-encode (frame-accurate)", source: MPEG2, engine: "with ffmpeg.wasm", edits: EDITS }] as const;
  for (const { mode, source, engine, edits } of RE_ENCODED) {
    test(`${mode}${engine && ` ${engine}`}, 'Mic' dropped: exactly Game and Music, titled, each beep at its flash`, async ({ page }) => {
      await openWithEdits(page, source, edits);
      await keep(page, "AAC 48 kHz stereo 'Mic'").uncheck();
      const named = `${basename(source, ".mkv")}-cut.mp4`;
      const file = await exportMp4(page, mode, `${mode.split(" ")[0]}-without-mic-${named}`, named);
      if (engine) await expect(page.getByRole("status", { name: "Message" })).toContainText(engine);
      expectEveryTrack(file, `${mode}${engine && ` ${engine}`} without Mic`, (rate) => (mode.startsWith("Re-encode") ? 1 : copiedTolerance(rate)), 6, WITHOUT_MIC);
    });
  }

  test("One file per clip (a ZIP), 'Mic' dropped: each clip's file holds Game and Music only", async ({ page }) => {
    await openWithEdits(page, H264, EDITS.replace("8,8.84\n", ""));
    await keep(page, "AAC 48 kHz stereo 'Mic'").uncheck();
    const clips = await zippedClips(page, "Smart cut (frame-accurate, fast)");
    expect(clips).toHaveLength(3);
    for (const clip of clips) expectEveryTrack(clip, basename(clip), copiedTolerance, 1, WITHOUT_MIC);
  });

  for (const { mode, source, engine, edits } of MODES) {
    test(`${mode}${engine && ` ${engine}`}, every audio track dropped: the picture alone, no audio track`, async ({ page }) => {
      await openWithEdits(page, source, edits);
      for (const { title, rate } of TRACK_SYNC_TRACKS) await keep(page, `AAC ${rate / 1000} kHz stereo '${title}'`).uncheck();
      const named = `${basename(source, ".mkv")}-cut.mp4`;
      const file = await exportMp4(page, mode, `${mode.split(" ")[0]}-silent-${named}`, named);
      expect(streams(file).map((s) => s.codec_type)).toEqual(["video"]);
    });
  }
});
