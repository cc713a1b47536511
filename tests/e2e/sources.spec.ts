import { copyFileSync, mkdirSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "./test";
import { CAMERA_PARTS, NOT_MEDIA } from "./fixtures";
import { frameCount } from "./oracle";
import { afterAutosave, clipRows, markSeconds, press } from "./page";

const [GP01, GP02, GP03] = CAMERA_PARTS.map((part) => part.path) as [string, string, string];
const message = (page: import("@playwright/test").Page) => page.getByRole("status", { name: "Message" });

test("several files open as one project in name order, Add video adds more, and a reload brings back every file's clips", async ({ page }) => {
  await page.goto("./");
  // Picked out of order: the project has them in the order the camera numbered them.
  await page.getByLabel("Open video").setInputFiles([GP02, GP01]);
  await expect(message(page)).toHaveText("Opened 2 files in a new project: GP010001.MP4 and GP020001.MP4");
  await expect(page.getByRole("region", { name: "Player" })).toBeVisible();

  // A file the project has is told so, one that is not a video is named; the rest is added.
  await page.getByLabel("Add video").setInputFiles([GP03, GP01, NOT_MEDIA]);
  await expect(page.getByRole("alert")).toHaveText(
    /^Added GP030001\.MP4\. GP010001\.MP4 is in the project already\. notes\.pdf: .+/,
  );
  await page.getByRole("heading", { name: "Clipmark" }).click();
  await markSeconds(page, 1);
  await expect(clipRows(page)).toHaveCount(1);
  await afterAutosave(page);

  await page.reload();
  await expect(page.getByRole("note", { name: "Last project" })).toContainText("GP010001.MP4, 1 clip");
  await page.getByLabel("Open video").setInputFiles(GP01);
  await expect(message(page)).toHaveText("Reopened GP010001.MP4 with its 1 clip");
  await expect(clipRows(page)).toHaveCount(1);
});

const sources = (page: import("@playwright/test").Page) => page.getByRole("list", { name: "Sources" }).getByRole("listitem");
const sourceNames = (page: import("@playwright/test").Page) =>
  sources(page).evaluateAll((items) => items.map((item) => item.getAttribute("aria-label")));
const onPlayer = (page: import("@playwright/test").Page) => page.locator('[aria-label="Sources"] > li[aria-current="true"]');
const rowSources = (page: import("@playwright/test").Page) => clipRows(page).getByLabel("Source").allTextContents();

async function openCamera(page: import("@playwright/test").Page): Promise<void> {
  await page.goto("./");
  await page.getByLabel("Open video").setInputFiles([GP03, GP01, GP02]);
  await expect(message(page)).toHaveText(/^Opened 3 files in a new project/);
  await page.getByRole("heading", { name: "Clipmark" }).click();
}

/** Types a time into the Playhead field and commits it. */
async function typePlayhead(page: import("@playwright/test").Page, time: string): Promise<void> {
  const field = page.getByRole("textbox", { name: "Playhead" });
  await field.fill(time);
  await field.press("Enter");
}

test("the Sources list: each file's length and format; the one chosen is on the player, and marking, the Playhead and the timeline work on it", async ({ page }) => {
  await openCamera(page);
  await expect.poll(() => sourceNames(page)).toEqual(["GP010001.MP4", "GP020001.MP4", "GP030001.MP4"]);
  await expect(sources(page).nth(0)).toContainText("00:00:04.000 · MP4 · H.264 160×120 25 fps · AAC 48 kHz mono");
  await expect(sources(page).nth(1)).toContainText("00:00:03.000 · MP4 · H.264 160×120 25 fps");
  await expect(onPlayer(page)).toHaveAttribute("aria-label", "GP010001.MP4");

  await page.getByRole("button", { name: "GP020001.MP4", exact: true }).click();
  await expect(onPlayer(page)).toHaveAttribute("aria-label", "GP020001.MP4");
  await expect(page.getByLabel("Preview of GP020001.MP4")).toBeVisible();
  await expect(page.getByRole("slider", { name: "Position" })).toHaveAttribute("aria-valuemax", /^3(\.0\d*)?$/);
  // 3.5 s is past GP020001.MP4's end (3 s), not GP010001.MP4's (4 s).
  await typePlayhead(page, "3.5");
  await expect(page.getByText("3.5 is after the end of the source")).toBeVisible();
  await typePlayhead(page, "1");
  await page.getByRole("heading", { name: "Clipmark" }).click();
  await press(page, "i");
  await press(page, "Shift+ArrowRight");
  await press(page, "o");

  await page.getByRole("button", { name: "GP010001.MP4", exact: true }).click();
  await page.getByRole("heading", { name: "Clipmark" }).click();
  await markSeconds(page, 2);
  await expect(clipRows(page)).toHaveCount(2);
  await expect.poll(() => rowSources(page)).toEqual(["GP020001.MP4", "GP010001.MP4"]);
  // The timeline shows the clips of the file on the player only.
  await expect(page.getByRole("group", { name: "Clip 2" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Clip 1" })).toHaveCount(0);

  // A row of the file not on the player edits in place, bounded by its own file's length.
  const out = clipRows(page).first().getByRole("textbox", { name: "OUT" });
  await out.fill("3.5");
  await out.press("Enter");
  await expect(clipRows(page).first()).toContainText(/after the end|outside|past/);
  await out.fill("2.5");
  await out.press("Enter");
  await expect(clipRows(page).first().getByLabel("Frames")).toHaveText("frames 25–62 (38)");
  await expect(onPlayer(page)).toHaveAttribute("aria-label", "GP010001.MP4");

  // Selecting a clip of another file puts that file on the player, at the clip.
  await clipRows(page).first().getByRole("button", { name: "Go to clip 1" }).click();
  await expect(onPlayer(page)).toHaveAttribute("aria-label", "GP020001.MP4");
  await expect(page.getByRole("textbox", { name: "Playhead" })).toHaveValue("00:00:01.000");
  await expect(page.getByRole("group", { name: "Clip 1" })).toBeVisible();

  // Preview cut plays across the files in list order: the second clip on GP010001.MP4.
  await page.getByRole("button", { name: "Preview cut" }).click();
  await expect(page.getByRole("status", { name: "Preview" })).toHaveText("Playing clip 2 of 2", { timeout: 10_000 });
  await expect(onPlayer(page)).toHaveAttribute("aria-label", "GP010001.MP4");
  await page.getByRole("heading", { name: "Clipmark" }).click();
  await press(page, "Escape");

  // One export of both files' clips: exactly the frames the two rows count, by native decoding
  // (multi-source-export.spec.ts identifies each frame).
  const counts = await clipRows(page).getByLabel("Frames").allTextContents();
  const expected = counts.reduce((n, text) => n + Number(/\((\d+)\)/.exec(text)?.[1]), 0);
  expect(expected).toBe(38 + 50);
  await page.getByRole("radio", { name: "Re-encode (frame-accurate)" }).check();
  const download = page.waitForEvent("download", { timeout: 170_000 });
  await page.getByRole("button", { name: "Export MP4" }).click();
  const path = join(test.info().outputDir, "both-files.mp4");
  await (await download).saveAs(path);
  expect(frameCount(path)).toBe(expected);
});

test("Remove source asks, takes its clips and comes back with Undo; sources move from the keyboard; Join all; a missing file is picked back", async ({ page }) => {
  await openCamera(page);
  await markSeconds(page, 1);
  await page.getByRole("button", { name: "GP020001.MP4", exact: true }).click();
  await page.getByRole("heading", { name: "Clipmark" }).click();
  await markSeconds(page, 1);
  await expect(clipRows(page)).toHaveCount(2);

  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.accept();
  });
  await page.getByRole("button", { name: "Remove source GP020001.MP4" }).click();
  expect(asked).toBe("Remove GP020001.MP4 and its 1 clip from the project? Undo brings them back.");
  await expect.poll(() => sourceNames(page)).toEqual(["GP010001.MP4", "GP030001.MP4"]);
  await expect(clipRows(page)).toHaveCount(1);
  await expect(onPlayer(page)).toHaveAttribute("aria-label", "GP010001.MP4");
  await page.getByRole("heading", { name: "Clipmark" }).click();
  await press(page, "Control+z");
  await expect.poll(() => sourceNames(page)).toEqual(["GP010001.MP4", "GP020001.MP4", "GP030001.MP4"]);
  await expect.poll(() => rowSources(page)).toEqual(["GP010001.MP4", "GP020001.MP4"]);
  await page.getByRole("button", { name: "Redo" }).click();
  await expect.poll(() => sourceNames(page)).toEqual(["GP010001.MP4", "GP030001.MP4"]);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect.poll(() => sourceNames(page)).toEqual(["GP010001.MP4", "GP020001.MP4", "GP030001.MP4"]);

  // A file without clips goes without asking.
  await page.getByRole("button", { name: "Remove source GP030001.MP4" }).click();
  await expect.poll(() => sourceNames(page)).toEqual(["GP010001.MP4", "GP020001.MP4"]);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect.poll(() => sourceNames(page)).toEqual(["GP010001.MP4", "GP020001.MP4", "GP030001.MP4"]);

  // From the keyboard: the moved file keeps the focus, on its other button at the end.
  await page.getByRole("button", { name: "Move down GP010001.MP4" }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => sourceNames(page)).toEqual(["GP020001.MP4", "GP010001.MP4", "GP030001.MP4"]);
  await expect(page.getByRole("button", { name: "Move down GP010001.MP4" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect.poll(() => sourceNames(page)).toEqual(["GP020001.MP4", "GP030001.MP4", "GP010001.MP4"]);
  await expect(page.getByRole("button", { name: "Move up GP010001.MP4" })).toBeFocused();

  // Join all: each file whole, in the Sources order, its frames as native ffprobe counts them.
  await page.getByRole("button", { name: "Join all" }).click();
  await expect(clipRows(page)).toHaveCount(5);
  await expect.poll(async () => (await rowSources(page)).slice(2)).toEqual(["GP020001.MP4", "GP030001.MP4", "GP010001.MP4"]);
  const frames = [GP02, GP03, GP01].map((path) => `frames 0–${frameCount(path) - 1} (${frameCount(path)})`);
  expect((await clipRows(page).getByLabel("Frames").allTextContents()).slice(2)).toEqual(frames);
  await afterAutosave(page);

  // After a reload the other files are needed; a wrong file is refused, the right one brings its file back.
  await page.reload();
  await page.getByLabel("Open video").setInputFiles(GP01);
  await expect(message(page)).toHaveText("Reopened GP010001.MP4 with its 5 clips");
  await expect.poll(() => sourceNames(page)).toEqual(["GP020001.MP4", "GP030001.MP4", "GP010001.MP4"]);
  await expect(sources(page).nth(0)).toContainText("needs GP020001.MP4");
  await expect.poll(() => rowSources(page)).toEqual(["GP010001.MP4", "GP020001.MP4", "GP020001.MP4", "GP030001.MP4", "GP010001.MP4"]);
  await page.getByLabel("Pick GP020001.MP4").setInputFiles(GP03);
  await expect(page.getByRole("alert")).toContainText("GP030001.MP4 is not this project's GP020001.MP4");
  await expect(sources(page).nth(0)).toContainText("needs GP020001.MP4");
  await page.getByLabel("Pick GP020001.MP4").setInputFiles(GP02);
  await expect(message(page)).toHaveText("Found GP020001.MP4");
  await expect(onPlayer(page)).toHaveAttribute("aria-label", "GP020001.MP4");
  await expect(sources(page).nth(0)).not.toContainText("needs");

  // The Projects list counts the files and their length.
  await page.getByRole("button", { name: "Close project" }).click();
  await expect(page.getByRole("list", { name: "Projects" }).getByRole("listitem").first()).toContainText("3 files, 00:00:09.");
});

test("Move down and Remove source are undo steps of their own (Ctrl+Z, Ctrl+Shift+Z, the buttons), kept across a reload", async ({ page }) => {
  await openCamera(page);
  await page.getByRole("button", { name: "GP020001.MP4", exact: true }).click();
  await page.getByRole("heading", { name: "Clipmark" }).click();
  await markSeconds(page, 1);
  await expect(clipRows(page)).toHaveCount(1);

  await page.getByRole("button", { name: "Move down GP010001.MP4" }).click();
  await expect.poll(() => sourceNames(page)).toEqual(["GP020001.MP4", "GP010001.MP4", "GP030001.MP4"]);
  await page.getByRole("heading", { name: "Clipmark" }).click();
  await press(page, "Control+z");
  await expect.poll(() => sourceNames(page)).toEqual(["GP010001.MP4", "GP020001.MP4", "GP030001.MP4"]);
  // The move was one step: the clip marked before it is still there.
  await expect(clipRows(page)).toHaveCount(1);
  await press(page, "Control+Shift+z");
  await expect.poll(() => sourceNames(page)).toEqual(["GP020001.MP4", "GP010001.MP4", "GP030001.MP4"]);

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Remove source GP020001.MP4" }).click();
  await expect.poll(() => sourceNames(page)).toEqual(["GP010001.MP4", "GP030001.MP4"]);
  await expect(clipRows(page)).toHaveCount(0);
  await afterAutosave(page);

  // After a reload Undo brings the removed file back with its clip, its file to be picked; then the move.
  await page.reload();
  await page.getByLabel("Open video").setInputFiles(GP01);
  await expect(message(page)).toHaveText(/^Reopened GP010001\.MP4/);
  await expect.poll(() => sourceNames(page)).toEqual(["GP010001.MP4", "GP030001.MP4"]);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect.poll(() => sourceNames(page)).toEqual(["GP020001.MP4", "GP010001.MP4", "GP030001.MP4"]);
  await expect(sources(page).nth(0)).toContainText("needs GP020001.MP4");
  await expect.poll(() => rowSources(page)).toEqual(["GP020001.MP4"]);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect.poll(() => sourceNames(page)).toEqual(["GP010001.MP4", "GP020001.MP4", "GP030001.MP4"]);
  await page.getByRole("button", { name: "Redo" }).click();
  await expect.poll(() => sourceNames(page)).toEqual(["GP020001.MP4", "GP010001.MP4", "GP030001.MP4"]);
  await page.getByLabel("Pick GP020001.MP4").setInputFiles(GP02);
  await expect(message(page)).toHaveText("Found GP020001.MP4");
  await expect(sources(page).nth(0)).not.toContainText("needs");
});

test("a file changed on disk since it was added stops the export, named; picked again, the export goes on", async ({ page }) => {
  const [first, second] = ["GP010001.MP4", "GP020001.MP4"].map((name) => join(test.info().outputDir, name)) as [string, string];
  mkdirSync(test.info().outputDir, { recursive: true });
  copyFileSync(GP01, first);
  copyFileSync(GP02, second);
  await page.goto("./");
  await page.getByLabel("Open video").setInputFiles([first, second]);
  await expect(message(page)).toHaveText(/^Opened 2 files in a new project/);
  await page.getByRole("heading", { name: "Clipmark" }).click();
  await markSeconds(page, 1);
  await expect(clipRows(page)).toHaveCount(1);
  await afterAutosave(page);

  // Saved again by another program: same bytes, a new date.
  const later = new Date(Date.now() + 60_000);
  utimesSync(first, later, later);
  await page.getByRole("button", { name: "Export MP4" }).click();
  await expect(page.getByRole("alert")).toContainText("GP010001.MP4 has changed since it was added: pick it again");
  await expect(sources(page).nth(0)).toContainText("needs GP010001.MP4");
  await expect(clipRows(page)).toHaveCount(1);

  await page.getByLabel("Pick GP010001.MP4").setInputFiles(first);
  await expect(message(page)).toHaveText("Found GP010001.MP4");
  await expect(sources(page).nth(0)).not.toContainText("needs");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export MP4" }).click();
  const path = join(test.info().outputDir, "after-pick.mp4");
  await (await download).saveAs(path);
  // Lossless: from the keyframe at or before IN (0 s), the clip's 25 frames.
  expect(frameCount(path)).toBe(25);
});
