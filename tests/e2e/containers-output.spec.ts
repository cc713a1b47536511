import type { Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { basename, join } from "node:path";
import { SYNC, SYNC_AV1, TRACK_SYNC, TRACK_SYNC_TRACKS } from "./fixtures";
import { identifyFrames, SYNC_FPS, syncOffsets } from "./frame-oracle";
import { decodeErrors, expectFastStart, keyframeTimes, streams } from "./oracle";
import { afterAutosave, openVideo, zippedClips } from "./page";
import { CLIP_FRAMES, CLIPS, EDITS, span } from "./hard-clips";
import { expect, test } from "./test";

/**
 * The Output container choice, judged by native ffprobe/ffmpeg: the container, every audio track,
 * every output frame identified against SYNC's picture (the three-track MKV's is SYNC's), and each
 * track's beeps at their flashes, on clips off keyframes at both ends, ending on B-frames whose
 * references lie past OUT (hard-clips.ts).
 */
const frames = CLIP_FRAMES;
const [H264] = TRACK_SYNC as [string, string];

const CONTAINERS = [
  // ffprobe's format names; Matroska's track title is its own tag, an MP4's or MOV's the handler name.
  { label: "MKV", extension: "mkv", format: "matroska,webm", title: "title" },
  { label: "MOV", extension: "mov", format: "mov,mp4,m4a,3gp,3g2,mj2", title: "handler_name" },
] as const;
const MODES = ["Lossless (fast)", "Smart cut (frame-accurate, fast)", "Re-encode (frame-accurate)"] as const;

async function openWithEdits(page: Page, source: string): Promise<void> {
  await page.goto("./");
  await openVideo(page, source);
  await page.getByLabel("Import edits").setInputFiles({ name: "edits.csv", mimeType: "text/plain", buffer: Buffer.from(EDITS) });
  await page.getByRole("dialog", { name: "Import edits.csv" }).getByRole("button", { name: "Replace" }).click();
  await expect(page.getByRole("list", { name: "Clips" }).getByRole("listitem")).toHaveCount(CLIPS.length);
}

/** Exports in `mode` as `label`; the download must be named `named`. */
async function exportAs(page: Page, mode: string, label: string, named: string): Promise<string> {
  await page.getByRole("radio", { name: mode }).check();
  await page.getByRole("combobox", { name: "Output container" }).selectOption(label);
  const download = page.waitForEvent("download", { timeout: 170_000 });
  await page.getByRole("button", { name: `Export ${label}` }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(named);
  const path = join(test.info().outputDir, `${mode.split(" ")[0]}-${named}`);
  await file.saveAs(path);
  return path;
}

const formatName = (file: string): string =>
  execFileSync("ffprobe", ["-v", "error", "-show_entries", "format=format_name", "-of", "default=nw=1:nk=1", file]).toString().trim();

/** Splits frame indices into runs of consecutive ones. */
const runsOf = (list: readonly number[]): number[][] =>
  list.reduce<number[][]>((all, n) => {
    const last = all.at(-1);
    if (last && n === (last.at(-1) as number) + 1) last.push(n);
    else all.push([n]);
    return all;
  }, []);

for (const { label, extension, format, title } of CONTAINERS) {
  for (const mode of MODES) {
    test(`${label}, ${mode}: the container, all three tracks, every frame from the clip list, each beep at its flash`, async ({ page }) => {
      await openWithEdits(page, H264);
      const file = await exportAs(page, mode, label, `tracks-sync-h264-cut.${extension}`);
      const status = page.getByRole("status", { name: "Message" });
      await expect(status).toContainText(`tracks-sync-h264-cut.${extension}`);
      expect(formatName(file), "ffprobe's format").toBe(format);
      if (label === "MOV") expectFastStart(file);

      const audio = streams(file).filter((s) => s.codec_type === "audio");
      expect(audio.map((s) => s.tags?.[title]), "audio tracks, by name").toEqual(TRACK_SYNC_TRACKS.map((t) => t.title));

      const times = keyframeTimes(SYNC);
      const keyframes = times.map((t) => Math.round(t * SYNC_FPS));
      const lossless = mode.startsWith("Lossless");
      const starts = frames.map(([from]) => (lossless ? (keyframes.filter((k) => k <= from).at(-1) as number) : from));
      const actual = identifyFrames(file, SYNC);
      const note = (await status.textContent()) ?? "";
      console.log(`${label} ${mode}: ${runsOf(actual).map((r) => `${r[0]}-${r.at(-1)}`).join(" ")} · ${note}`);
      if (lossless && label === "MKV") {
        // No edit lists: each clip from its keyframe, never a frame past OUT; the page names those that end early.
        const runs = runsOf(actual);
        expect(runs.map((r) => r[0]), "each clip from its keyframe").toEqual(starts);
        for (const [i, run] of runs.entries()) {
          const end = (frames[i] as readonly [number, number])[1];
          expect(run.at(-1) as number, `clip ${i + 1}: no frame past OUT`).toBeLessThan(end);
          if ((run.at(-1) as number) < end - 1) expect(note, `clip ${i + 1} ends early: the page says so`).toContain(`clip ${i + 1} `);
        }
      } else {
        expect.soft(actual, "source frame of every output frame").toEqual(frames.flatMap(([, to], i) => span(starts[i] as number, to)));
      }
      expect.soft(decodeErrors(file), "ffmpeg -v error -f null").toBe("");

      // Copied sound is placed to half an AAC frame (Matroska's times are whole ms: half of one more); re-encoded to the sample.
      for (const [t, track] of TRACK_SYNC_TRACKS.entries()) {
        const within = mode.startsWith("Re-encode") ? 1.5 : (1024 / track.rate / 2) * 1000 + (label === "MKV" ? 0.6 : 0.01);
        const offsets = syncOffsets(file, SYNC, t);
        console.log(`  '${track.title}': beep − flash (ms) ${offsets.join(", ")}`);
        expect.soft(offsets.length, `'${track.title}': flashes`).toBeGreaterThanOrEqual(6);
        expect.soft(offsets.filter((ms) => !(Math.abs(ms) <= within)), `'${track.title}': beeps off their flash by more than ${within.toFixed(1)} ms`).toEqual([]);
      }
    });
  }
}

test("the Output container is kept with the project; WebM is offered only for a VP9/AV1 and Opus source, and the panel says why", async ({ page }) => {
  await openWithEdits(page, H264);
  const select = page.getByRole("combobox", { name: "Output container" });
  await expect(select).toHaveValue("mp4");
  await expect(select.getByRole("option", { name: "WebM" })).toBeDisabled();
  await expect(page.getByText("WebM is not offered: WebM holds VP8, VP9 or AV1 video, not H264.")).toBeVisible();
  await select.selectOption("MKV");
  await expect(page.getByRole("button", { name: "Export MKV" })).toBeEnabled();
  await afterAutosave(page);
  await page.reload();
  await page.getByLabel("Open video").setInputFiles(H264);
  await expect(page.getByRole("status", { name: "Message" })).toContainText("Reopened tracks-sync-h264.mkv");
  await expect(select).toHaveValue("mkv");
});

/** Chapters as native ffprobe reads them: start and end in seconds, and title. */
function chaptersOf(file: string): { start: number; end: number; title: string }[] {
  const out = execFileSync("ffprobe", ["-v", "error", "-show_chapters", "-of", "json", file]).toString();
  const { chapters } = JSON.parse(out) as { chapters: { start_time: string; end_time: string; tags?: { title?: string } }[] };
  return chapters.map((c) => ({ start: Number(c.start_time), end: Number(c.end_time), title: c.tags?.title ?? "" }));
}

const LABELLED = `# IN,OUT,label (seconds)\n${CLIPS.map(([from, to], i) => `${from},${to},${["Intro", "", "Q&A", "Outro"][i]}`).join("\n")}\n`;
const CHAPTERED = [
  { label: "MP4", extension: "mp4", mode: "Smart cut (frame-accurate, fast)" },
  { label: "MOV", extension: "mov", mode: "Lossless (fast)" },
  { label: "MP4", extension: "mp4", mode: "Re-encode (frame-accurate)" },
  { label: "MKV", extension: "mkv", mode: "Smart cut (frame-accurate, fast)" },
] as const;

for (const { label, extension, mode } of CHAPTERED) {
  test(`Chapters, ${label} ${mode}: one a clip at its start in the output, to the frame, named by its label or Clip N`, async ({ page }) => {
    await page.goto("./");
    await openVideo(page, SYNC);
    await page.getByLabel("Import edits").setInputFiles({ name: "edits.csv", mimeType: "text/plain", buffer: Buffer.from(LABELLED) });
    await page.getByRole("dialog", { name: "Import edits.csv" }).getByRole("button", { name: "Replace" }).click();
    await page.getByRole("checkbox", { name: "Chapters" }).check();
    const file = await exportAs(page, mode, label, `sync-cut.${extension}`);
    if (label !== "MKV") expectFastStart(file);
    const keyframes = keyframeTimes(SYNC).map((t) => Math.round(t * SYNC_FPS));
    const lossless = mode.startsWith("Lossless");
    // Each clip's frames in the output: lossless from its keyframe.
    const lengths = frames.map(([from, to]) => to - (lossless ? (keyframes.filter((k) => k <= from).at(-1) as number) : from));
    const starts = lengths.map((_, i) => lengths.slice(0, i).reduce((a, b) => a + b, 0) / SYNC_FPS);
    const chapters = chaptersOf(file);
    console.log(`${label} ${mode} chapters: ${chapters.map((c) => `${c.start.toFixed(3)} ${c.title}`).join(", ")}`);
    expect(chapters.map((c) => c.title)).toEqual(["Intro", "Clip 2", "Q&A", "Outro"]);
    // To the frame: within half of one.
    for (const [i, c] of chapters.entries()) expect(Math.abs(c.start - (starts[i] as number)), `chapter ${i + 1} at ${starts[i]} s`).toBeLessThan(0.5 / SYNC_FPS);
    // And the frames are still every clip's own (the chapters took nothing from the cut).
    const actual = identifyFrames(file, SYNC);
    expect(actual.length).toBe(lengths.reduce((a, b) => a + b, 0));
  });
}

test("Chapters are kept with the project", async ({ page }) => {
  await openWithEdits(page, H264);
  await page.getByRole("checkbox", { name: "Chapters" }).check();
  await afterAutosave(page);
  await page.reload();
  await page.getByLabel("Open video").setInputFiles(H264);
  await expect(page.getByRole("status", { name: "Message" })).toContainText("Reopened tracks-sync-h264.mkv");
  await expect(page.getByRole("checkbox", { name: "Chapters" })).toBeChecked();
});

test("WebM from an AV1 and Opus WebM: smart cut and lossless exact to the frame; re-encode (H.264) refused before export", async ({ page }) => {
  const source = SYNC_AV1[1] as string;
  const clips = [[0.901, 2.2], [13.4, 14.4], [8, 8.8]] as const;
  await page.goto("./");
  await openVideo(page, source);
  await page.getByLabel("Import edits").setInputFiles({ name: "edits.csv", mimeType: "text/plain", buffer: Buffer.from(`${clips.map((c) => c.join(",")).join("\n")}\n`) });
  await page.getByRole("dialog", { name: "Import edits.csv" }).getByRole("button", { name: "Replace" }).click();
  await expect(page.getByRole("combobox", { name: "Output container" }).getByRole("option", { name: "WebM" })).toBeEnabled();
  const times = keyframeTimes(source);
  const keyframes = times.map((t) => Math.round((t - (times[0] as number)) * SYNC_FPS));
  const clipFrames = clips.map(([from, to]) => [Math.round(from * SYNC_FPS), Math.round(to * SYNC_FPS)] as const);
  for (const [mode, named] of [["Smart cut (frame-accurate, fast)", "sync-av1-cut.webm"], ["Lossless (fast)", "sync-av1-cut-lossless.webm"]] as const) {
    const file = await exportAs(page, mode, "WebM", named);
    await expect.soft(page.getByRole("status", { name: "Message" }), mode).toHaveText(`Exported ${named}`);
    expect(formatName(file)).toBe("matroska,webm");
    expect(streams(file).map((s) => s.codec_name)).toEqual(["av1", "opus"]);
    const starts = clipFrames.map(([from]) => (mode.startsWith("Lossless") ? (keyframes.filter((k) => k <= from).at(-1) as number) : from));
    expect.soft(identifyFrames(file, SYNC), `${mode}: source frame of every output frame`).toEqual(clipFrames.flatMap(([, to], i) => span(starts[i] as number, to)));
    expect.soft(decodeErrors(file), `${mode}: ffmpeg -v error -f null`).toBe("");
  }
  await page.getByRole("radio", { name: "Re-encode (frame-accurate)" }).check();
  await expect(page.getByRole("note").filter({ hasText: "Re-encode writes H.264 and AAC, which a WebM cannot hold" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Export WebM" })).toBeDisabled();
});

test("One file per clip (a ZIP) in MOV: each clip's file is a fast-start MOV named .mov, with all three tracks", async ({ page }) => {
  await openWithEdits(page, H264);
  await page.getByRole("combobox", { name: "Output container" }).selectOption("MOV");
  const files = await zippedClips(page, "Smart cut (frame-accurate, fast)", "MOV");
  const names = files.map((f) => basename(f));
  expect(names).toEqual(["tracks-sync-h264-01.mov", "tracks-sync-h264-02.mov", "tracks-sync-h264-03.mov", "tracks-sync-h264-04.mov"]);
  for (const [i, name] of names.entries()) {
    const file = files[i] as string;
    expect(formatName(file)).toBe("mov,mp4,m4a,3gp,3g2,mj2");
    expectFastStart(file);
    expect(streams(file).filter((s) => s.codec_type === "audio").map((s) => s.tags?.handler_name)).toEqual(TRACK_SYNC_TRACKS.map((t) => t.title));
    const [from, to] = frames[i] as readonly [number, number];
    expect.soft(identifyFrames(file, SYNC), `${name}: its clip's frames`).toEqual(span(from, to));
  }
});

test("MKV, Lossless, from MPEG-2 (ffmpeg.wasm): re-encoded, since its copy into Matroska cannot end at OUT, and the page says so", async ({ page }) => {
  await openWithEdits(page, TRACK_SYNC[1] as string);
  const file = await exportAs(page, "Lossless (fast)", "MKV", "tracks-sync-mpeg2-cut.mkv");
  await expect(page.getByRole("status", { name: "Message" })).toContainText("with ffmpeg.wasm");
  await expect(page.getByRole("status", { name: "Message" })).toContainText("its stream copy into MKV cannot end a clip at OUT");
  expect(formatName(file)).toBe("matroska,webm");
  const all = streams(file);
  expect(all.map((s) => s.codec_name)).toEqual(["h264", "aac", "aac", "aac"]);
  expect(all.filter((s) => s.codec_type === "audio").map((s) => s.tags?.title)).toEqual(TRACK_SYNC_TRACKS.map((t) => t.title));
  expect.soft(identifyFrames(file, SYNC), "source frame of every output frame").toEqual(frames.flatMap(([from, to]) => span(from, to)));
});
