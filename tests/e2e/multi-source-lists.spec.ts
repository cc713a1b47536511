import type { Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { SMOOTH, SYNC } from "./fixtures";
import { grayFrames, psnr } from "./oracle";
import { clipRows, clipStarts, openVideo } from "./page";
import { expect, test } from "./test";

const ROOT = join(import.meta.dirname, "..", "..");
const OSP_CHECK = process.env.OSP_CHECK ?? join(ROOT, "..", "shared", "tools", "osp_check.py");
const message = (page: Page) => page.getByRole("status", { name: "Message" });

// Two files of one project (25 fps, 320×240), clips going back and forth between them.
const CLIPS = [
  { file: "smooth.mp4", start: 0.92, end: 2.52, label: "" },
  { file: "sync.mp4", start: 4.12, end: 6.32, label: "second, with a comma" },
  { file: "smooth.mp4", start: 8.52, end: 10.52, label: "" },
  { file: "sync.mp4", start: 15.04, end: 16, label: "" },
];
const INS = ["00:00:00.920", "00:00:04.120", "00:00:08.520", "00:00:15.040"];
const EXPECTED = CLIPS.map((c) => `${c.start}-${c.end}`).join(",");

/** An OpenShot project as a user's might be: clips of named files, positions end to end. */
function ospOf(clips: { file: string; start: number; end: number; label: string }[]): string {
  let position = 0;
  const list = clips.map((c) => {
    const clip = { position, start: c.start, end: c.end, title: c.label || c.file, reader: { path: c.file } };
    position += c.end - c.start;
    return clip;
  });
  return JSON.stringify({ clips: list, files: [] });
}

async function importText(page: Page, name: string, text: string) {
  await page.getByLabel("Import edits").setInputFiles({ name, mimeType: "text/plain", buffer: Buffer.from(text) });
}

/** The files one click on `button` downloads, saved in the test's folder by the names the page gave. */
async function saved(page: Page, button: string, count = 1): Promise<string[]> {
  const files: Promise<string>[] = [];
  const got = new Promise<void>((done) => {
    page.on("download", function each(download) {
      const path = join(test.info().outputDir, download.suggestedFilename());
      files.push(download.saveAs(path).then(() => path));
      if (files.length === count) {
        page.off("download", each);
        done();
      }
    });
  });
  await page.getByRole("button", { name: button }).click();
  await got;
  return Promise.all(files);
}

/** The videos beside a list, as a user keeps them, so the editors find them by name. */
function besideTheVideos(): void {
  for (const video of [SMOOTH, SYNC]) copyFileSync(video, join(test.info().outputDir, basename(video)));
}

/** libopenshot (osp_check.py) renders the project and matches every clip's frames against its own file. */
function expectOpenShotRenders(osp: string): void {
  besideTheVideos();
  const check = execFileSync("/usr/bin/python3", [OSP_CHECK, osp, "--clips", EXPECTED], { encoding: "utf8" });
  expect(check).toContain("PASS");
}

/** A fresh project of the two files, opened together (the player on smooth.mp4, first by name). */
async function freshProject(page: Page): Promise<void> {
  await page.goto("./");
  await page.getByLabel("Open video").setInputFiles([SYNC, SMOOTH]);
  await expect(message(page)).toHaveText("Opened 2 files in a new project: smooth.mp4 and sync.mp4");
  await page.getByRole("heading", { name: "Clipmark" }).click();
}

async function replaceWith(page: Page, name: string, text: string, kind: string) {
  await importText(page, name, text);
  const preview = page.getByRole("dialog", { name: `Import ${name}` });
  await expect(preview).toContainText(kind);
  await preview.getByRole("button", { name: "Replace" }).click();
  expect(await clipStarts(page), name).toEqual(INS);
}

test("a project of two files goes out as .osp, EDL, Shotcut and CSVs, and comes back onto the same files", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("./");
  await openVideo(page, SMOOTH);
  await page.getByLabel("Add video").setInputFiles(SYNC);
  await expect(page.getByRole("status", { name: "Message" })).toContainText("Added sync.mp4");
  await replaceWith(page, "start.osp", ospOf(CLIPS), "OpenShot project: 4 clips");
  await expect(clipRows(page).nth(1).getByRole("textbox", { name: "Label" })).toHaveValue("second, with a comma");

  const [osp] = await saved(page, "Export .osp");
  expect(basename(osp as string)).toBe("smooth.osp");
  const project = JSON.parse(readFileSync(osp as string, "utf8")) as { files: { path: string }[] };
  expect(project.files.map((f) => f.path)).toEqual(["smooth.mp4", "sync.mp4"]);
  expectOpenShotRenders(osp as string);

  const [edl] = await saved(page, "Export EDL");
  // Worked out by hand at 25 fps (0.92 s is frame 23 = 00:00:00:23): one reel a file, record times end to end.
  const event = (n: number, reel: string, times: string, file: string) => `00${n}  ${reel.padEnd(8)} AA/V  C        ${times}\n* FROM CLIP NAME: ${file}\n`;
  expect(readFileSync(edl as string, "utf8")).toBe(
    "TITLE: smooth\nFCM: NON-DROP FRAME\n\n" +
      event(1, "SMOOTH", "00:00:00:23 00:00:02:13 00:00:00:00 00:00:01:15", "smooth.mp4") +
      event(2, "SYNC", "00:00:04:03 00:00:06:08 00:00:01:15 00:00:03:20", "sync.mp4") +
      "* COMMENT: second, with a comma\n" +
      event(3, "SMOOTH", "00:00:08:13 00:00:10:13 00:00:03:20 00:00:05:20", "smooth.mp4") +
      event(4, "SYNC", "00:00:15:01 00:00:16:00 00:00:05:20 00:00:06:19", "sync.mp4"),
  );

  const [mlt] = await saved(page, "Export Shotcut project");
  const mltText = readFileSync(mlt as string, "utf8");
  expect(mltText.match(/<chain /g)).toHaveLength(2);
  besideTheVideos();
  const out = join(test.info().outputDir, "melt.mp4");
  execFileSync("/usr/bin/melt", ["-quiet", mlt as string, "-consumer", `avformat:${out}`, "vcodec=libx264", "crf=4", "preset=veryfast", "an=1"], {
    stdio: "ignore",
  });
  // Every frame melt made is the frame of its own file it should be: the closest within a second, decoded natively.
  const rendered = grayFrames(out);
  const decoded = new Map([SMOOTH, SYNC].map((f) => [basename(f), grayFrames(f)]));
  const asked = CLIPS.flatMap((c) =>
    Array.from({ length: Math.round(c.end * 25) - Math.round(c.start * 25) }, (_, i) => [c.file, Math.round(c.start * 25) + i] as const),
  );
  expect(rendered).toHaveLength(asked.length);
  const shown = rendered.map((frame, i) => {
    const [file, index] = asked[i] as readonly [string, number];
    const source = decoded.get(file) as Buffer[];
    const window = Array.from({ length: 51 }, (_, k) => index - 25 + k).filter((k) => k >= 0 && k < source.length);
    const best = window.reduce((a, b) => (psnr(frame, source[b] as Buffer) > psnr(frame, source[a] as Buffer) ? b : a));
    return [file, best];
  });
  expect(shown).toEqual(asked.map(([file, index]) => [file, index]));

  // The CSVs name no file: one a file, each exactly the list of its clips.
  const csvs = await saved(page, "Export CSV", 2);
  expect(csvs.map((p) => basename(p)).sort()).toEqual(["smooth-edits.csv", "sync-edits.csv"]);
  const csvOf = (name: string) => readFileSync(csvs.find((p) => basename(p) === name) as string, "utf8");
  expect(csvOf("smooth-edits.csv")).toBe("# IN,OUT (seconds)\n0.92,2.52\n8.52,10.52\n");
  expect(csvOf("sync-edits.csv")).toBe('# IN,OUT (seconds)\n4.12,6.32,"second, with a comma"\n15.04,16,\n');
  const lossless = await saved(page, "Export LosslessCut CSV", 2);
  expect(lossless.map((p) => basename(p)).sort()).toEqual(["smooth-losslesscut.csv", "sync-losslesscut.csv"]);

  // Into a fresh project of the same two files: the same clips, each on its own file (libopenshot judges).
  for (const [file, kind] of [
    [osp, "OpenShot project: 4 clips"],
    [edl, "CMX 3600 EDL: 4 clips"],
    [mlt, "Shotcut project (MLT): 4 clips"],
  ] as const) {
    await freshProject(page);
    await replaceWith(page, basename(file as string), readFileSync(file as string, "utf8"), kind);
    await expect(clipRows(page).nth(1).getByRole("textbox", { name: "Label" })).toHaveValue("second, with a comma");
    const [again] = await saved(page, "Export .osp");
    expectOpenShotRenders(again as string);
  }

  // A CSV goes onto the file on the player, and only its clips are replaced.
  await importText(page, "smooth-edits.csv", csvOf("smooth-edits.csv"));
  await page.getByRole("dialog", { name: "Import smooth-edits.csv" }).getByRole("button", { name: "Replace" }).click();
  expect(await clipStarts(page)).toEqual(["00:00:04.120", "00:00:15.040", "00:00:00.920", "00:00:08.520"]);

  // The second file's CSV with that file chosen in Sources: its clips land on it, the first file's stay.
  await page.getByRole("region", { name: "Sources" }).getByRole("button", { name: "sync.mp4", exact: true }).click();
  await expect(page.getByRole("list", { name: "Sources" }).getByRole("listitem", { name: "sync.mp4" })).toHaveAttribute("aria-current", "true");
  await importText(page, "sync-edits.csv", csvOf("sync-edits.csv"));
  const preview = page.getByRole("dialog", { name: "Import sync-edits.csv" });
  await expect(preview).toContainText("2 clips");
  await preview.getByRole("button", { name: "Replace" }).click();
  expect(await clipStarts(page)).toEqual(["00:00:00.920", "00:00:08.520", "00:00:04.120", "00:00:15.040"]);
  expect(await clipRows(page).getByLabel("Source").allTextContents()).toEqual(["smooth.mp4", "smooth.mp4", "sync.mp4", "sync.mp4"]);
  await expect(clipRows(page).nth(2).getByRole("textbox", { name: "Label" })).toHaveValue("second, with a comma");
  await expect(clipRows(page).nth(3).getByLabel("Frames")).toHaveText("frames 376–399 (24)");
});

test("an .osp naming a file the project lacks says which to add and how many clips it brings, and loses nothing", async ({ page }) => {
  await freshProject(page);
  await replaceWith(page, "start.osp", ospOf(CLIPS), "OpenShot project: 4 clips");
  const camera = Array.from({ length: 6 }, (_, i) => ({ file: "GP020001.MP4", start: i, end: i + 0.5, label: "" }));
  await importText(page, "trip.osp", ospOf([{ file: "sync.mp4", start: 1, end: 2, label: "more" }, ...camera]));
  const preview = page.getByRole("dialog", { name: "Import trip.osp" });
  await expect(preview.getByRole("note")).toHaveText("Add video to bring in 6 clips of GP020001.MP4");
  await expect(preview).toContainText("OpenShot project: 1 clip");
  await preview.getByRole("button", { name: "Append" }).click();
  expect(await clipStarts(page)).toEqual([...INS, "00:00:01.000"]);
});
