import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { COUNTER, SILENT } from "./fixtures";
import { afterAutosave, clipRows, clipStarts, markSeconds, openVideo, press } from "./page";


test("every change is undoable from the keyboard and the buttons", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, COUNTER);
  await press(page, "Shift+ArrowRight");
  await markSeconds(page, 1);
  await markSeconds(page, 1);
  await clipRows(page).first().getByRole("button", { name: "Delete clip" }).click();
  expect(await clipStarts(page)).toEqual(["00:00:02.000"]);

  await page.getByRole("heading", { name: "Clipmark" }).click();
  await press(page, "Control+z");
  expect(await clipStarts(page)).toEqual(["00:00:01.000", "00:00:02.000"]);
  await press(page, "Control+z");
  expect(await clipStarts(page)).toEqual(["00:00:01.000"]);
  await press(page, "Control+Shift+z");
  expect(await clipStarts(page)).toEqual(["00:00:01.000", "00:00:02.000"]);
  await page.getByRole("button", { name: "Redo" }).click();
  expect(await clipStarts(page)).toEqual(["00:00:02.000"]);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await press(page, "Control+y");
  expect(await clipStarts(page)).toEqual(["00:00:02.000"]);
  await expect(page.getByRole("button", { name: "Redo" })).toBeDisabled();
});

test("the clips, their history and the export mode survive a reload", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, COUNTER);
  await press(page, "Shift+ArrowRight", 3);
  await press(page, "i");
  await press(page, "Shift+ArrowRight", 2);
  await press(page, "o");
  await clipRows(page).first().getByRole("textbox", { name: "Label" }).fill("kept");
  await clipRows(page).first().getByRole("textbox", { name: "Label" }).press("Enter");
  await page.getByRole("radio", { name: "Re-encode (frame-accurate)" }).check();
  await page.waitForTimeout(800);

  await page.reload();
  await expect(page.getByRole("note", { name: "Last project" })).toContainText("counter.mp4, 1 clips");
  await page.getByLabel("Open video").setInputFiles(COUNTER);
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Reopened counter.mp4 with its 1 clips");
  expect(await clipStarts(page)).toEqual(["00:00:03.000"]);
  await expect(clipRows(page).first().getByRole("textbox", { name: "Label" })).toHaveValue("kept");
  await expect(page.getByRole("radio", { name: "Re-encode (frame-accurate)" })).toBeChecked();
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(clipRows(page).first().getByRole("textbox", { name: "Label" })).toHaveValue("");

  // A different video under the same name gets none of those clips, and is told why.
  await page
    .getByLabel("Open video")
    .setInputFiles({ name: "counter.mp4", mimeType: "video/mp4", buffer: readFileSync(SILENT) });
  await expect(page.getByRole("alert")).toContainText("counter.mp4 is not the file of the project");
  await expect(clipRows(page)).toHaveCount(0);

  // Another video is its own project, and the first one is still there when it comes back.
  await page.getByLabel("Open video").setInputFiles(SILENT);
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Opened silent.mp4");
  await expect(clipRows(page)).toHaveCount(0);
  await page.getByLabel("Open video").setInputFiles(COUNTER);
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Reopened counter.mp4 with its 1 clips");
});

test("the Projects list: last edited first, rename, delete, and a backup restored on a fresh profile", async ({ page, browser }) => {
  await page.goto("./");
  await openVideo(page, COUNTER);
  await press(page, "Shift+ArrowRight");
  await markSeconds(page, 1);
  await afterAutosave(page);
  await openVideo(page, SILENT);
  await markSeconds(page, 2);
  await afterAutosave(page);

  await page.reload();
  const projects = page.getByRole("list", { name: "Projects" }).getByRole("listitem");
  await expect(projects).toHaveCount(2);
  await expect(page.getByLabel("Storage")).toContainText(/Storage: \d+\.\d MB used of \d+\.\d MB/);
  await expect(projects.nth(0)).toContainText("silent.mp4 · 1 clips · 00:00:02.000");
  await expect(projects.nth(1)).toContainText("counter.mp4 · 1 clips · 00:00:01.000");
  await projects.nth(1).getByRole("textbox", { name: "Project name" }).fill("Counter, cut one");
  await projects.nth(1).getByRole("textbox", { name: "Project name" }).press("Enter");
  await expect(page.getByRole("listitem", { name: "Counter, cut one" })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Back up projects" }).click();
  const backup = join(test.info().outputDir, "backup.json");
  await (await download).saveAs(backup);

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("listitem", { name: "silent.mp4" }).getByRole("button", { name: "Delete project" }).click();
  await expect(projects).toHaveCount(1);

  const fresh = await browser.newPage();
  await fresh.goto("./");
  await fresh.getByLabel("Restore projects").setInputFiles(backup);
  await expect(fresh.getByRole("status", { name: "Message" })).toHaveText("Restored 2 projects from backup.json");
  const restored = fresh.getByRole("list", { name: "Projects" }).getByRole("listitem");
  await expect(restored).toHaveCount(2);
  await expect(restored.nth(1)).toContainText("counter.mp4 · 1 clips");
  await fresh.getByLabel("Open video").setInputFiles(COUNTER);
  await expect(fresh.getByRole("status", { name: "Message" })).toHaveText("Reopened counter.mp4 with its 1 clips");
  expect(await clipStarts(fresh)).toEqual(["00:00:01.000"]);
  await fresh.close();
});

test("a project open in two tabs: the second is told and read-only until it takes over", async ({ context }) => {
  const first = await context.newPage();
  await first.goto("./");
  await openVideo(first, COUNTER);
  await markSeconds(first, 1);
  await afterAutosave(first);

  const second = await context.newPage();
  await second.goto("./");
  await second.getByLabel("Open video").setInputFiles(COUNTER);
  const notice = second.getByRole("region", { name: "Open in another tab" });
  await expect(notice).toBeVisible();
  await second.getByRole("heading", { name: "Clipmark" }).click();
  await markSeconds(second, 2);
  await expect(second.getByRole("alert")).toContainText("open in another tab");
  await expect(clipRows(second)).toHaveCount(1);

  // The first tab goes on editing and saving; the second takes over from what it saved.
  await press(first, "Shift+ArrowRight");
  await markSeconds(first, 1);
  await afterAutosave(first);
  await notice.getByRole("button", { name: "Edit here" }).click();
  await expect(clipRows(second)).toHaveCount(2);
  await expect(first.getByRole("region", { name: "Open in another tab" })).toBeVisible();
  await second.getByRole("heading", { name: "Clipmark" }).click();
  await press(second, "Control+z");
  await expect(clipRows(second)).toHaveCount(1);
  await expect(clipRows(first)).toHaveCount(2);
});

test("with a copy of a small source kept in the browser, the last project reopens by itself", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, COUNTER);
  await markSeconds(page, 1);
  await page.getByRole("checkbox", { name: "Keep a copy of the video in this browser" }).check();
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("A copy of counter.mp4 is kept in this browser");
  await afterAutosave(page);

  await page.reload();
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Reopened counter.mp4 with its 1 clips");
  await expect(clipRows(page)).toHaveCount(1);
  await expect(page.getByRole("checkbox", { name: "Keep a copy of the video in this browser" })).toBeChecked();

  await page.getByRole("checkbox", { name: "Keep a copy of the video in this browser" }).uncheck();
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("The copy of counter.mp4 is gone");
  await page.reload();
  await expect(page.getByRole("note", { name: "Last project" })).toContainText("counter.mp4");
  await expect(page.getByRole("region", { name: "Player" })).toHaveCount(0);
});
