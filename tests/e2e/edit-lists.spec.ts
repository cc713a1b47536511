import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { NOT_MEDIA, SMOOTH, SYNC } from "./fixtures";
import { identifyFrames } from "./frame-oracle";
import { clipRows, clipStarts, openVideo } from "./page";

const ROOT = join(import.meta.dirname, "..", "..");
const OSP_CHECK = process.env.OSP_CHECK ?? join(ROOT, "..", "shared", "tools", "osp_check.py");
const OPENSHOT_FIXTURE = join(ROOT, "tests", "fixtures", "osp", "openshot-2.6.1-counter.osp");

// The user's format: a comment header, seconds, a second pass going back in time, one row past the end.
const EDITS = "# IN,OUT (seconds)\n0.92,2.52\n4.12,6.32\n1.28,2.68\n8.52,10.52\n11.4,13\n";
const EXPECTED_INS = ["00:00:00.920", "00:00:04.120", "00:00:01.280", "00:00:08.520", "00:00:11.400"];
// For the round trips the last clip stays clear of the source's end: libopenshot 0.2.7 shows an
// earlier frame for a file's last two frames, whoever wrote the project.
const ROUND_TRIP = "# IN,OUT (seconds)\n0.92,2.52\n4.12,6.32\n1.28,2.68\n8.52,10.52\n10.6,11.4\n";
const ROUND_TRIP_INS = ["00:00:00.920", "00:00:04.120", "00:00:01.280", "00:00:08.520", "00:00:10.600"];

async function importText(page: Page, name: string, text: string) {
  await page.getByLabel("Import edits").setInputFiles({ name, mimeType: "text/plain", buffer: Buffer.from(text) });
}

async function saved(page: Page, button: string): Promise<string> {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: button }).click();
  const file = await download;
  const path = join(test.info().outputDir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}


test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await openVideo(page, SMOOTH);
});

test("edits.csv imports after a preview, in file order, and the import can be undone", async ({ page }) => {
  await importText(page, "edits.csv", EDITS);
  const preview = page.getByRole("dialog", { name: "Import edits.csv" });
  await expect(preview).toContainText("edit list (CSV): 5 clips");
  await expect(preview.getByRole("list", { name: "Import warnings" })).toContainText("OUT clamped to 00:00:12.000");
  await preview.getByRole("button", { name: "Replace" }).click();
  expect(await clipStarts(page)).toEqual(EXPECTED_INS);

  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(clipRows(page)).toHaveCount(0);
});

test("CSV, .osp and EDL export and import back to the same list; OpenShot's libopenshot renders the .osp", async ({ page }) => {
  await importText(page, "edits.csv", ROUND_TRIP);
  await page.getByRole("button", { name: "Replace" }).click();
  await clipRows(page).nth(1).getByRole("textbox", { name: "Label" }).fill("second, with a comma");
  await clipRows(page).nth(1).getByRole("textbox", { name: "Label" }).press("Enter");

  const csv = await saved(page, "Export CSV");
  expect(csv.endsWith("smooth-edits.csv")).toBe(true);
  expect(readFileSync(csv, "utf8")).toBe(
    '# IN,OUT (seconds)\n0.92,2.52,\n4.12,6.32,"second, with a comma"\n1.28,2.68,\n8.52,10.52,\n10.6,11.4,\n',
  );

  const osp = await saved(page, "Export .osp");
  expect(osp.endsWith("smooth.osp")).toBe(true);
  // Saved next to the video, the project opens without relinking: the real libopenshot checks it.
  copyFileSync(SMOOTH, join(test.info().outputDir, "smooth.mp4"));
  const check = execFileSync("/usr/bin/python3", [OSP_CHECK, osp, "--clips", "0.92-2.52,4.12-6.32,1.28-2.68,8.52-10.52,10.6-11.4"], {
    encoding: "utf8",
  });
  expect(check).toContain("PASS");

  const edl = await saved(page, "Export EDL");
  // Worked out by hand from the clips' frames at 25 fps (0.92 s is frame 23 = 00:00:00:23), not
  // by our EDL reader: record times run end to end from zero.
  const event = (n: number, from: string, to: string, recordFrom: string, recordTo: string) =>
    `00${n}  AX       AA/V  C        ${from} ${to} ${recordFrom} ${recordTo}\n* FROM CLIP NAME: smooth.mp4\n`;
  expect(readFileSync(edl, "utf8")).toBe(
    "TITLE: smooth\nFCM: NON-DROP FRAME\n\n" +
      event(1, "00:00:00:23", "00:00:02:13", "00:00:00:00", "00:00:01:15") +
      event(2, "00:00:04:03", "00:00:06:08", "00:00:01:15", "00:00:03:20") +
      "* COMMENT: second, with a comma\n" +
      event(3, "00:00:01:07", "00:00:02:17", "00:00:03:20", "00:00:05:05") +
      event(4, "00:00:08:13", "00:00:10:13", "00:00:05:05", "00:00:07:05") +
      event(5, "00:00:10:15", "00:00:11:10", "00:00:07:05", "00:00:08:00"),
  );
  for (const [file, name] of [
    [osp, "smooth.osp"],
    [edl, "smooth.edl"],
    [csv, "smooth-edits.csv"],
  ] as const) {
    await importText(page, name, readFileSync(file, "utf8"));
    await page.getByRole("dialog", { name: `Import ${name}` }).getByRole("button", { name: "Replace" }).click();
    expect(await clipStarts(page), name).toEqual(ROUND_TRIP_INS);
    await expect(clipRows(page).nth(1).getByRole("textbox", { name: "Label" })).toHaveValue("second, with a comma");
  }
});

test("a timestamp log pairs its lines and names the line it could not read", async ({ page }) => {
  const text = "00:00:01.000\n00:00:02.500,\n\nlunch\n00:00:05.000\n00:00:06.000\n00:00:07.000\n00:00:08.000\n00:00:11.000\n00:00:11.500\n";
  await importText(page, "log.txt", text);
  const preview = page.getByRole("dialog", { name: "Import log.txt" });
  await expect(preview).toContainText("timestamp log: 4 clips");
  await expect(preview.getByRole("list", { name: "Import warnings" })).toContainText("line 4");
  await expect(preview.getByRole("list", { name: "Import warnings" })).toContainText("runs to the end");
  await preview.getByRole("button", { name: "Append" }).click();
  expect(await clipStarts(page)).toEqual(["00:00:01.000", "00:00:06.000", "00:00:08.000", "00:00:11.500"]);
});

test("a project OpenShot wrote for another video says which one to open, and dropping works", async ({ page }) => {
  const text = readFileSync(OPENSHOT_FIXTURE, "utf8");
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], "counter.osp", { type: "" }));
    window.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  const preview = page.getByRole("dialog", { name: "Import counter.osp" });
  await expect(preview).toContainText("OpenShot project: 0 clips");
  await expect(preview.getByRole("note")).toContainText("counter.mp4");
  // The project's clips are listed all the same, with their file.
  const listed = preview.getByRole("table", { name: "Clips in the file" }).getByRole("row");
  await expect(listed).toHaveCount(4);
  await expect(listed.nth(1)).toContainText("00:00:04.120");
  await expect(listed.nth(1)).toContainText("counter.mp4");
  await expect(preview.getByRole("button", { name: "Replace" })).toBeDisabled();
  await preview.getByRole("button", { name: "Cancel" }).click();
  await expect(clipRows(page)).toHaveCount(0);
});

test("a file that is no edit list gives an error naming it and changes nothing", async ({ page }) => {
  await importText(page, "edits.csv", EDITS);
  await page.getByRole("button", { name: "Replace" }).click();
  await page.getByLabel("Import edits").setInputFiles(NOT_MEDIA);
  await expect(page.getByRole("alert")).toContainText("notes.pdf: not an edit list");
  expect(await clipStarts(page)).toEqual(EXPECTED_INS);
});

test("LosslessCut CSV and the Shotcut project go out and come back to the same list", async ({ page }) => {
  await importText(page, "edits.csv", ROUND_TRIP);
  await page.getByRole("button", { name: "Replace" }).click();
  await clipRows(page).nth(1).getByRole("textbox", { name: "Label" }).fill("second, with a comma");
  await clipRows(page).nth(1).getByRole("textbox", { name: "Label" }).press("Enter");

  const losslessCut = await saved(page, "Export LosslessCut CSV");
  expect(losslessCut.endsWith("smooth-losslesscut.csv")).toBe(true);
  // LosslessCut's CSV (its docs): start,end,name in seconds, no header, quoted as CSV quotes.
  expect(readFileSync(losslessCut, "utf8")).toBe('0.92,2.52,\n4.12,6.32,"second, with a comma"\n1.28,2.68,\n8.52,10.52,\n10.6,11.4,\n');
  const shotcut = await saved(page, "Export Shotcut project");
  expect(shotcut.endsWith("smooth.mlt")).toBe(true);

  for (const [file, name, kind] of [
    [losslessCut, "smooth-losslesscut.csv", "LosslessCut CSV: 5 clips"],
    [shotcut, "smooth.mlt", "Shotcut project (MLT): 5 clips"],
  ] as const) {
    await importText(page, name, readFileSync(file, "utf8"));
    const preview = page.getByRole("dialog", { name: `Import ${name}` });
    await expect(preview).toContainText(kind);
    await preview.getByRole("button", { name: "Replace" }).click();
    expect(await clipStarts(page), name).toEqual(ROUND_TRIP_INS);
    await expect(clipRows(page).nth(1).getByRole("textbox", { name: "Label" })).toHaveValue("second, with a comma");
  }
});

test("YouTube chapters are timed on the cut, or the page says which of YouTube's rules the list breaks", async ({ page }) => {
  await importText(page, "edits.csv", ROUND_TRIP);
  await page.getByRole("button", { name: "Replace" }).click();
  await page.getByRole("button", { name: "Export YouTube chapters" }).click();
  await expect(page.getByRole("alert")).toContainText("YouTube needs every chapter to last at least 10 s in the cut");

  // Three clips of 11 s each (275 frames at 25 fps), so the cut has chapters at 0, 11 and 22 s.
  await importText(page, "long.csv", "# IN,OUT (seconds)\n0,11,Intro\n0.5,11.5\n1,12,The end\n");
  await page.getByRole("button", { name: "Replace" }).click();
  const chapters = await saved(page, "Export YouTube chapters");
  expect(chapters.endsWith("smooth-chapters.txt")).toBe(true);
  expect(readFileSync(chapters, "utf8")).toBe("00:00 Intro\n00:11 Clip 2\n00:22 The end\n");
});

test("melt, the MLT engine Shotcut is built on, renders the exported project with each clip's own frames", async ({ page }) => {
  await openVideo(page, SYNC);
  await importText(page, "edits.csv", "# IN,OUT (seconds)\n0.92,2.52\n4.12,6.32\n1.28,2.68\n15.04,16\n");
  await page.getByRole("button", { name: "Replace" }).click();
  const project = await saved(page, "Export Shotcut project");
  // Saved next to the video, as Shotcut finds it: melt renders it headless, native ffmpeg reads it.
  const dir = test.info().outputDir;
  copyFileSync(SYNC, join(dir, "sync.mp4"));
  const out = join(dir, "melt.mp4");
  execFileSync("/usr/bin/melt", ["-quiet", project, "-consumer", `avformat:${out}`, "vcodec=libx264", "crf=4", "preset=veryfast", "an=1"], {
    stdio: "ignore",
  });
  // The clips' frames at 25 fps: 23–62, 103–157, 32–66 and 376–399, end to end.
  const span = (first: number, end: number) => Array.from({ length: end - first }, (_, i) => first + i);
  expect(identifyFrames(out, SYNC)).toEqual([...span(23, 63), ...span(103, 158), ...span(32, 67), ...span(376, 400)]);
});

test("an MPlayer EDL gives the parts MPlayer plays; LosslessCut's markers and OpenShot's speed changes are said", async ({ page }) => {
  // MPlayer skips 2–4 s and 8–9 s of the 12 s video and plays the rest: three parts.
  await importText(page, "cuts.edl", "2 4 0\n8 9 0\n");
  const mplayer = page.getByRole("dialog", { name: "Import cuts.edl" });
  await expect(mplayer).toContainText("MPlayer EDL: 3 clips");
  await mplayer.getByRole("button", { name: "Replace" }).click();
  expect(await clipStarts(page)).toEqual(["00:00:00.000", "00:00:04.000", "00:00:09.000"]);

  await importText(page, "segments.csv", ",1.5,Intro\n3,,A marker\n4,6,Talk\n");
  const losslessCut = page.getByRole("dialog", { name: "Import segments.csv" });
  await expect(losslessCut).toContainText("LosslessCut CSV: 2 clips");
  await expect(losslessCut.getByRole("list", { name: "Import warnings" })).toContainText("line 2: a marker at 00:00:03.000");
  await losslessCut.getByRole("button", { name: "Replace" }).click();
  expect(await clipStarts(page)).toEqual(["00:00:00.000", "00:00:04.000"]);

  const fast = { position: 0, start: 1, end: 3, title: "fast", reader: { path: "smooth.mp4" } };
  const project = { clips: [{ ...fast, time: { Points: [{ co: { X: 1, Y: 1 } }, { co: { X: 26, Y: 51 } }] } }], files: [] };
  await importText(page, "speed.osp", JSON.stringify(project));
  const openShot = page.getByRole("dialog", { name: "Import speed.osp" });
  await expect(openShot.getByRole("list", { name: "Import warnings" })).toContainText('clip 1 "fast": its time curve');
});
