import { basename } from "node:path";
import { SYNC, TRACK_SYNC, TRACK_SYNC_TRACKS, TRACKS } from "./fixtures";
import { beepPitch, syncOffsets } from "./frame-oracle";
import { streams } from "./oracle";
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

for (const { mode, source, engine, edits } of MODES) {
  test(`${mode}${engine && ` ${engine}`}: every audio track kept, titled, in order, each beep at its flash`, async ({ page }) => {
    await page.goto("./");
    await openVideo(page, source);
    await page.getByLabel("Import edits").setInputFiles({ name: "edits.csv", mimeType: "text/plain", buffer: Buffer.from(edits) });
    await page.getByRole("dialog", { name: "Import edits.csv" }).getByRole("button", { name: "Replace" }).click();
    const named = `${basename(source, ".mkv")}-cut.mp4`;
    const file = await exportMp4(page, mode, `${mode.split(" ")[0]}-${named}`, named);
    if (engine) await expect(page.getByRole("status", { name: "Message" })).toContainText(engine);

    const audio = streams(file).filter((s) => s.codec_type === "audio");
    // An MP4 track's name, as ffmpeg reads it: its handler name.
    expect(audio.map((s) => s.tags?.handler_name), "audio tracks, by name").toEqual(TRACK_SYNC_TRACKS.map((t) => t.title));
    expect(audio.map((s) => Number(s.sample_rate)), "their sample rates").toEqual(TRACK_SYNC_TRACKS.map((t) => t.rate));
    for (const [t, { title, pitch, rate }] of TRACK_SYNC_TRACKS.entries()) {
      expect(Math.abs(beepPitch(file, t) - pitch), `track ${t + 1} '${title}' beeps at its source track's pitch`).toBeLessThan(100);
      const offsets = syncOffsets(file, SYNC, t);
      // Copied sound moves in whole AAC frames, placed to the nearest: half of one at the track's
      // rate (offsets are to 0.01 ms). Re-encoded sound is cut to the sample.
      const tolerance = mode.startsWith("Re-encode") ? 1 : (1024 / rate / 2) * 1000;
      console.log(`${mode}${engine && ` ${engine}`}, '${title}': beep − flash (ms) ${offsets.join(", ")}`);
      expect.soft(offsets.length, `flashes in the output, track ${t + 1}`).toBeGreaterThanOrEqual(6);
      expect.soft(offsets.filter((ms) => !(Math.abs(ms) <= tolerance + 0.01)), `'${title}': beeps off their flash by more than ${tolerance.toFixed(1)} ms`).toEqual([]);
    }
  });
}
