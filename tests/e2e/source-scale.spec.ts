import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./test";
import { CAMERA_PARTS } from "./fixtures";
import { afterAutosave, markSeconds, openVideo } from "./page";

const GP01 = CAMERA_PARTS[0]?.path as string;
const message = (page: Page) => page.getByRole("status", { name: "Message" });
const elementCount = (page: Page) => page.evaluate(() => document.querySelectorAll("*").length);

/** A backup of one project: GP010001.MP4 (as the page stored it) and `files - 1` files the browser has never seen. */
function backupOf(saved: { projects: Record<string, unknown>[] }, files: number): Buffer {
  const [project] = saved.projects as [{ sources: unknown[] }];
  const others = Array.from({ length: files - 1 }, (_, i) => ({
    id: `extra-${i + 1}`,
    media: { name: `part ${i + 1}.MP4`, size: 1000 + i, lastModified: 1, fingerprint: (i + 1).toString(16).padStart(16, "0") },
  }));
  const many = { ...project, id: `scale${files}`, name: `${files} files`, sources: [project.sources[0], ...others] };
  return Buffer.from(JSON.stringify({ ...saved, projects: [many] }));
}

/** A fresh profile with that backup restored and its project opened on GP010001.MP4 (the others "needs …"). */
async function opened(browser: Browser, backup: Buffer, files: number): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("./");
  await page.getByLabel("Restore projects").setInputFiles({ name: `${files}.json`, mimeType: "application/json", buffer: backup });
  await expect(message(page)).toHaveText(`Restored 1 project from ${files}.json`);
  await page.getByLabel("Open video").setInputFiles(GP01);
  await expect(message(page)).toHaveText(`Reopened ${files} files with its 1 clip`);
  await expect(page.getByRole("listitem", { name: "part 1.MP4" })).toContainText("needs part 1.MP4");
  return page;
}

// No timings: what the page draws must not grow with the number of files.
test("a project of 1,000 files draws about as much as one of 10, and the keyboard reaches every file", async ({ page, browser }) => {
  await page.goto("./");
  await openVideo(page, GP01);
  await markSeconds(page, 1);
  await afterAutosave(page);
  await page.getByRole("button", { name: "Close project" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Back up projects" }).click();
  const path = join(test.info().outputDir, "backup.json");
  await (await download).saveAs(path);
  const saved = JSON.parse(readFileSync(path, "utf8")) as { projects: Record<string, unknown>[] };

  const few = await opened(browser, backupOf(saved, 10), 10);
  const fewCount = await elementCount(few);
  await few.close();
  const many = await opened(browser, backupOf(saved, 1000), 1000);
  const manyCount = await elementCount(many);
  expect(manyCount, `${fewCount} elements with 10 files, ${manyCount} with 1,000`).toBeLessThanOrEqual(2 * fewCount);

  // End, ↑ and Home move through the whole list, each row reached scrolled into view and focused.
  await many.getByRole("button", { name: "Remove source GP010001.MP4" }).focus();
  await many.keyboard.press("End");
  const last = many.getByRole("button", { name: "Remove source part 999.MP4" });
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await many.keyboard.press("ArrowUp");
  await expect(many.getByRole("button", { name: "Remove source part 998.MP4" })).toBeFocused();
  // From a file with no Move down (the last), the row's first control.
  await many.getByRole("button", { name: "Move up part 999.MP4" }).focus();
  await many.keyboard.press("ArrowDown");
  await expect(many.getByRole("button", { name: "Move up part 999.MP4" })).toBeFocused();
  await many.keyboard.press("Home");
  await expect(many.getByRole("button", { name: "Move up GP010001.MP4" })).toBeDisabled();
  await expect(many.getByRole("button", { name: "GP010001.MP4", exact: true })).toBeFocused();
  await expect(many.getByRole("button", { name: "GP010001.MP4", exact: true })).toBeInViewport();
  // ↓ from the name: the next row's first control, its Pick (that file was never read here).
  await many.keyboard.press("ArrowDown");
  await expect(many.getByLabel("Pick part 1.MP4")).toBeFocused();
});
