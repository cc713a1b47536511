import { expect, test } from "./test";
import { SYNC, SYNC_PS } from "./fixtures";
import { frameFacts, identifyFrames, SAME_FRAME_PSNR, SYNC_FPS, syncOffsets } from "./frame-oracle";
import { decodeErrors, keyframeTimes, pictureTypes, streamDuration } from "./oracle";
import { exportMp4, openVideo } from "./page";
import { playedFrames } from "./playback";
import { CLIP_FRAMES, CLIPS, EDITS, span } from "./hard-clips";

/**
 * How far a beep may lie from its flash, in ms. Copied sound moves in whole AAC frames (21.33 ms
 * at 48 kHz; MP2's 24 ms) and is placed to the nearest one, so half a frame; re-encoded sound is cut
 * to the sample. Each bound sees one audio frame wrong.
 */
const SYNC_TOLERANCE = { copied: 10.7, encoded: 1, copiedMp2: 12 };

const frames = CLIP_FRAMES;

/** Runs of consecutive indices, "83-142 23-54 …": the baseline at a glance. */
const runs = (list: number[]): string =>
  list
    .reduce<[number, number][]>((all, n) => {
      const last = all.at(-1);
      if (last && last[1] !== -1 && n === last[1] + 1) last[1] = n;
      else all.push([n, n]);
      return all;
    }, [])
    .map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`))
    .join(" ");

const MODES = [
  { mode: "Lossless (fast)", name: "lossless.mp4", keyframeStart: true, tolerance: SYNC_TOLERANCE.copied, source: SYNC, engine: "" },
  { mode: "Re-encode (frame-accurate)", name: "reencode.mp4", keyframeStart: false, tolerance: SYNC_TOLERANCE.encoded, source: SYNC, engine: "" },
  { mode: "Smart cut (frame-accurate, fast)", name: "smart.mp4", keyframeStart: false, tolerance: SYNC_TOLERANCE.copied, source: SYNC, engine: "" },
  // MPEG-PS only ffmpeg.wasm reads: its copy, with what runs past OUT hidden afterwards.
  { mode: "Lossless (fast)", name: "lossless-ps.mp4", keyframeStart: true, tolerance: SYNC_TOLERANCE.copiedMp2, source: SYNC_PS, engine: "with ffmpeg.wasm" },
] as const;

test("the clips are as hard as promised", () => {
  const types = pictureTypes(SYNC);
  const keyframes = keyframeTimes(SYNC).map((t) => Math.round(t * SYNC_FPS));
  expect(frames.map(([from]) => keyframes.includes(from))).toEqual([false, false, false, false]);
  expect(frames.map(([, to]) => keyframes.includes(to))).toEqual([false, false, false, false]);
  expect(frames.map(([from]) => types[from])).toEqual(["P", "B", "B", "P"]);
  expect(frames.map(([, to]) => types[to - 1])).toEqual(["B", "B", "B", "B"]);
  expect(types.slice(142, 146).join(""), "a B-pyramid run after OUT-1 of clip 1").toBe("BBBP");
  expect(types.slice(54, 56).join(""), "clip 2's last frame is a B before its P").toBe("BP");
});

for (const { mode, name, keyframeStart, tolerance, source, engine } of MODES) {
  test(`${mode}${engine && ` ${engine}`}: every frame and every beep where the clip list says`, async ({ page }) => {
    await page.goto("./");
    await openVideo(page, source);
    await page.getByLabel("Import edits").setInputFiles({ name: "edits.csv", mimeType: "text/plain", buffer: Buffer.from(EDITS) });
    await page.getByRole("dialog", { name: "Import edits.csv" }).getByRole("button", { name: "Replace" }).click();
    await expect(page.getByRole("list", { name: "Clips" }).getByRole("listitem")).toHaveCount(CLIPS.length);
    const file = await exportMp4(page, mode, name, "sync-cut.mp4");
    if (engine) await expect(page.getByRole("status", { name: "Message" })).toContainText(engine);

    // Counted from the first frame, as the page counts (an MPEG-PS starts at 0.54 s).
    const times = keyframeTimes(source);
    const keyframes = times.map((t) => Math.round((t - (times[0] as number)) * SYNC_FPS));
    const starts = frames.map(([from]) => (keyframeStart ? (keyframes.filter((k) => k <= from).at(-1) as number) : from));
    const expected = frames.flatMap(([, to], i) => span(starts[i] as number, to));
    const actual = identifyFrames(file, SYNC);
    const facts = frameFacts(file, SYNC);
    const offsets = syncOffsets(file, SYNC);
    const flashes = facts.filter((f) => f.flash);
    console.log(
      `${mode}\n  expected ${runs(expected)}\n  actual   ${runs(actual)}\n` +
        `  worst picture PSNR against its source frame ${Math.min(...facts.map((f) => f.psnr)).toFixed(1)} dB (threshold ${SAME_FRAME_PSNR})\n` +
        `  sync (flash frame @ s: beep − flash ms) ${flashes.map((f, i) => `${f.code}@${f.time.toFixed(3)}: ${offsets[i]}`).join(", ")}`,
    );

    expect.soft(actual, "source frame of every output frame").toEqual(expected);
    expect.soft(offsets.length, "flashes in the output").toBe(expected.filter((n) => n % SYNC_FPS === 0).length);
    expect.soft(offsets.filter((ms) => !(Math.abs(ms) <= tolerance)), `beeps off their flash by more than ${tolerance} ms`).toEqual([]);
    if (!engine) expect.soft(decodeErrors(file), "ffmpeg -v error -f null").toBe("");
    else {
      // ffmpeg's copy out of a program stream starts each segment's sound mid-frame: that first MP2
      // frame is all that may fail to decode (outside what the edit lists show), and the picture none.
      const picture = decodeErrors(file, "0:v").split("\n").filter((line) => line && !/^\[(mp2|mp3float) @/.test(line));
      expect.soft(picture, "ffmpeg -v error -f null, the picture (its probe reads the sound too)").toEqual([]);
      const sound = decodeErrors(file, "0:a").split("\n").filter((line) => line.startsWith("Error while decoding"));
      expect.soft(sound.length, "MP2 frames that fail to decode: at most each segment's first").toBeLessThanOrEqual(CLIPS.length);
    }
    const lengths = (["video", "audio"] as const).map((kind) => streamDuration(file, kind));
    expect.soft(Math.abs((lengths[1] as number) - (lengths[0] as number)) * 1000, "sound ends with the picture (ms)").toBeLessThanOrEqual(tolerance);
    // Chromium plays neither MPEG-2 nor MP2.
    if (!engine) expect.soft(await playedFrames(page, "Download sync-cut.mp4"), "frames Chromium's <video> played to the end").toBe(expected.length);
  });
}
