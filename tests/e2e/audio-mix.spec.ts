import type { Page } from "@playwright/test";
import { basename } from "node:path";
import { SYNC, TRACK_SYNC } from "./fixtures";
import { beepPitch, beeps, syncOffsets } from "./frame-oracle";
import { decodeAudio, streams } from "./oracle";
import { afterAutosave, exportMp4, openVideo } from "./page";
import { expect, test } from "./test";

/** Clips off keyframes at both ends, one going back in time (tracks.spec.ts's): six flashes, four joins. */
const EDITS = "# IN,OUT (seconds)\n3.32,5.72\n0.901,2.2\n13.4,14.44\n8,8.84\n";
const [H264, MPEG2] = TRACK_SYNC as [string, string];
const SMART = "Smart cut (frame-accurate, fast)";
const REENCODE = "Re-encode (frame-accurate)";

const tracks = (page: Page) => page.getByRole("region", { name: "Tracks" });
const include = (page: Page, title: string) => tracks(page).getByRole("checkbox", { name: `Include ${title} in the mix`, exact: true });
const volume = (page: Page, title: string) => tracks(page).getByRole("spinbutton", { name: `${title} volume (dB)`, exact: true });
const mixBox = (page: Page, titles: string) => tracks(page).getByRole("checkbox", { name: `Mix ${titles} into one track`, exact: true });

async function openWithEdits(page: Page, source: string): Promise<void> {
  await page.goto("./");
  await openVideo(page, source);
  await page.getByLabel("Import edits").setInputFiles({ name: "edits.csv", mimeType: "text/plain", buffer: Buffer.from(EDITS) });
  await page.getByRole("dialog", { name: "Import edits.csv" }).getByRole("button", { name: "Replace" }).click();
}

/** Chooses `titles` for the mix, gives each its volume, and turns the mix on. */
async function mix(page: Page, gains: Record<string, number>): Promise<void> {
  for (const [title, db] of Object.entries(gains)) {
    await include(page, title).check();
    await volume(page, title).fill(String(db));
    await volume(page, title).press("Enter");
  }
  await mixBox(page, Object.keys(gains).join(" + ")).check();
}

/** A tone's amplitude in `samples` (Goertzel), per sample: how loud `hz` is in it. */
function toneLevel(samples: Float32Array, rate: number, hz: number): number {
  const coefficient = 2 * Math.cos((2 * Math.PI * hz) / rate);
  let s1 = 0;
  let s2 = 0;
  for (const x of samples) {
    const s = x + coefficient * s1 - s2;
    s2 = s1;
    s1 = s;
  }
  return Math.sqrt(s1 * s1 + s2 * s2 - coefficient * s1 * s2) / samples.length;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/**
 * Each `hz`'s level in every beep of track `track` (its own window: beeps at different cuts have
 * different phases, so one sum over the track would cancel), the median over the beeps; beeps cut
 * short by a join are left out.
 */
function beepLevels(file: string, track: number, hz: readonly number[]): number[] {
  const { samples, rate } = decodeAudio(file, track);
  const whole = beeps(file, track).filter((b) => b.length >= 0.018);
  return hz.map((f) => median(whole.map((b) => toneLevel(samples.subarray(b.first, b.first + Math.round(b.length * rate)), rate, f))));
}

const dB = (ratio: number) => 20 * Math.log10(ratio);

/**
 * Track `track` of `file`, decoded by native ffmpeg, holds both tones at `gain` dB apart (± 1 dB),
 * against the same tones' levels in their source tracks; and each beep is at its flash.
 */
function expectMixed(file: string, label: string, track: number, tones: { pitch: number; sourceTrack: number }[], gain: number, within: number): void {
  const [outA, outB] = beepLevels(file, track, tones.map((t) => t.pitch)) as [number, number];
  const [srcA, srcB] = tones.map(({ pitch, sourceTrack }) => beepLevels(H264, sourceTrack, [pitch])[0] as number) as [number, number];
  const measured = dB(outB / outA) - dB(srcB / srcA);
  console.log(`${label}: the second tone against the first ${measured.toFixed(2)} dB (asked ${gain} dB)`);
  expect(Math.abs(measured - gain), `${label}: the mix's levels`).toBeLessThan(1);
  const offsets = syncOffsets(file, SYNC, track);
  console.log(`${label}: beep − flash (ms) ${offsets.join(", ")}`);
  expect(offsets.length, `${label}: flashes`).toBeGreaterThanOrEqual(6);
  expect(offsets.filter((ms) => !(Math.abs(ms) <= within)), `${label}: beeps off their flash by more than ${within} ms`).toEqual([]);
}

/** Mixed sound is decoded and cut to the sample at every join, as a re-encode's (tracks.spec.ts): well within half an AAC frame. */
const SAMPLE_EXACT_MS = 1;

const RUNS = [
  { mode: SMART, source: H264, engine: "" },
  { mode: REENCODE, source: H264, engine: "" },
  // MPEG-2 the browser cannot decode: ffmpeg.wasm re-encodes it, with amix.
  { mode: REENCODE, source: MPEG2, engine: "with ffmpeg.wasm" },
] as const;

for (const { mode, source, engine } of RUNS) {
  test(`${mode}${engine && ` ${engine}`}: Game + Mic (Mic at −6 dB) mixed into one track, then Music; each beep at its flash`, async ({ page }) => {
    await openWithEdits(page, source);
    await mix(page, { Game: 0, Mic: -6 });
    const named = `${basename(source, ".mkv")}-cut.mp4`;
    const file = await exportMp4(page, mode, `mixed-${mode.split(" ")[0]}-${named}`, named);
    if (engine) await expect(page.getByRole("status", { name: "Message" })).toContainText(engine);
    const audio = streams(file).filter((s) => s.codec_type === "audio");
    expect(audio.map((s) => s.tags?.handler_name)).toEqual(["Game + Mic", "Music"]);
    expect(audio.map((s) => Number(s.sample_rate))).toEqual([48_000, 44_100]);
    expectMixed(file, `${mode}${engine && ` ${engine}`}`, 0, [{ pitch: 1000, sourceTrack: 0 }, { pitch: 1500, sourceTrack: 1 }], -6, SAMPLE_EXACT_MS);
    // Music is as it was: its own pitch, its own beeps at the flashes.
    expect(Math.abs(beepPitch(file, 1) - 2000)).toBeLessThan(100);
    expect(syncOffsets(file, SYNC, 1).filter((ms) => !(Math.abs(ms) <= (1024 / 44_100 / 2) * 1000 + 0.01))).toEqual([]);
  });
}

test("Smart cut: Music (44.1 kHz) mixed into Game (48 kHz) at +3 dB is resampled to Game's rate, in sync", async ({ page }) => {
  await openWithEdits(page, H264);
  await mix(page, { Game: -3, Music: 0 });
  const file = await exportMp4(page, SMART, "mixed-game-music.mp4", "tracks-sync-h264-cut.mp4");
  const audio = streams(file).filter((s) => s.codec_type === "audio");
  expect(audio.map((s) => [s.tags?.handler_name, Number(s.sample_rate)])).toEqual([
    ["Game + Music", 48_000],
    ["Mic", 48_000],
  ]);
  expectMixed(file, "Game + Music", 0, [{ pitch: 1000, sourceTrack: 0 }, { pitch: 2000, sourceTrack: 2 }], 3, SAMPLE_EXACT_MS);
});

test("the mix is chosen from the keyboard, named by its tracks, refused by lossless in plain words, and kept with the project", async ({ page }) => {
  await openWithEdits(page, H264);
  await expect(mixBox(page, "Game + Mic")).toHaveCount(0);
  await include(page, "Game").focus();
  await page.keyboard.press("Space");
  await expect(volume(page, "Game")).toHaveValue("0");
  // One track is no mix: the box to turn it on comes with the second.
  await expect(tracks(page).getByRole("checkbox", { name: /^Mix / })).toHaveCount(0);
  await include(page, "Mic").focus();
  await page.keyboard.press("Space");
  await volume(page, "Mic").fill("-6");
  await volume(page, "Mic").press("Enter");
  // Out of range is kept within it, and shown so.
  await volume(page, "Game").fill("40");
  await volume(page, "Game").press("Enter");
  await expect(volume(page, "Game")).toHaveValue("12");
  await mixBox(page, "Game + Mic").focus();
  await page.keyboard.press("Space");
  await expect(mixBox(page, "Game + Mic")).toBeChecked();

  await page.getByRole("radio", { name: "Lossless (fast)" }).check();
  await expect(tracks(page).getByRole("note")).toHaveText("Lossless copies sound as it is: choose Smart cut or Re-encode to mix");
  const file = await exportMp4(page, "Lossless (fast)", "lossless-unmixed.mp4", "tracks-sync-h264-cut.mp4");
  await expect(page.getByRole("status", { name: "Message" })).toContainText("the tracks are not mixed: lossless copies sound as it is");
  expect(streams(file).filter((s) => s.codec_type === "audio").map((s) => s.tags?.handler_name)).toEqual(["Game", "Mic", "Music"]);
  await page.getByRole("radio", { name: SMART }).check();
  await expect(tracks(page).getByRole("note")).toHaveCount(0);

  await afterAutosave(page);
  await page.reload();
  await page.getByLabel("Open video").setInputFiles(H264);
  await expect(page.getByRole("status", { name: "Message" })).toContainText("Reopened");
  await expect(mixBox(page, "Game + Mic")).toBeChecked();
  await expect(volume(page, "Mic")).toHaveValue("-6");
  await expect(volume(page, "Game")).toHaveValue("12");

  // A track left out leaves the mix too: with one track left there is nothing to mix.
  await tracks(page).getByRole("checkbox", { name: "Keep AAC 48 kHz stereo 'Mic'", exact: true }).uncheck();
  await expect(include(page, "Mic")).toHaveCount(0);
  await expect(tracks(page).getByRole("checkbox", { name: /^Mix / })).toHaveCount(0);
});
