import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { LONG } from "./fixtures";
import { afterAutosave, clipRows, openVideo } from "./page";

// How fast this is lives in `npm run bench` (list-scale lines); here: that all of it works.
const CLIPS = 10_000;
const at = (i: number) => (i * 0.004).toFixed(3);
const editsOf = (clips: number) =>
  `# IN,OUT (seconds)\n${Array.from({ length: clips }, (_, i) => `${at(i)},${(i * 0.004 + 0.002).toFixed(3)}`).join("\n")}\n`;
const EDITS = editsOf(CLIPS);

/** Replaces the list with `clips` clips from an edits.csv, and waits until the page shows them. */
async function replaceWith(page: Page, clips: number): Promise<void> {
  const name = `list-${clips}.csv`;
  await page.getByLabel("Import edits").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(editsOf(clips)) });
  await page.getByRole("dialog", { name: `Import ${name}` }).getByRole("button", { name: "Replace" }).click();
  await expect(page.getByText(/^\d+ clips?, total/)).toContainText(`${clips} clips`);
}

const elementCount = (page: Page) => page.evaluate(() => document.querySelectorAll("*").length);

// The guard behind the bench's list-scale lines, with no timing in it: what the page draws must
// not grow with the list. The timeline once drew a region and two sliders for every clip.
test("the page holds about as many elements with 10,000 clips as with 100", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, LONG);
  await replaceWith(page, 100);
  const few = await elementCount(page);
  await replaceWith(page, CLIPS);
  const many = await elementCount(page);
  expect(many, `${few} elements with 100 clips, ${many} with ${CLIPS}`).toBeLessThanOrEqual(2 * few);
  // The timeline says why it shows a band, not regions, and a zoom to a few seconds draws regions again.
  await expect(page.getByText(/10,000 clips in view: zoom in/)).toBeVisible();
  for (let i = 0; i < 12; i++) await page.getByRole("button", { name: "Zoom in" }).click();
  await expect(page.getByRole("group", { name: "Clip 1", exact: true }).getByRole("slider", { name: "Clip 1 IN" })).toBeVisible();
  expect(await elementCount(page)).toBeLessThanOrEqual(2 * few);
});

test("a list of 10,000 clips: only the rows in view are drawn, and every clip can be reached, edited, undone and kept", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, LONG);
  await page.getByLabel("Import edits").setInputFiles({ name: "many.csv", mimeType: "text/csv", buffer: Buffer.from(EDITS) });
  const dialog = page.getByRole("dialog", { name: "Import many.csv" });
  await expect(dialog).toContainText("10,000 clips");
  // The preview's table says it has every row (and its header) but draws a screenful.
  const table = dialog.getByRole("table", { name: "Clips in the file" });
  await expect(table).toHaveAttribute("aria-rowcount", String(CLIPS + 1));
  expect(await table.getByRole("row").count()).toBeLessThan(100);
  await dialog.getByRole("button", { name: "Replace" }).click();

  const summary = page.getByText(/^\d+ clips?, total/);
  await expect(summary).toContainText(`${CLIPS} clips`);
  const list = page.getByRole("list", { name: "Clips" });
  const drawn = await clipRows(page).count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(100);
  await expect(clipRows(page).first()).toHaveAttribute("aria-setsize", String(CLIPS));

  // Scrolled to the end, the last clip is there, numbered and timed as the file has it.
  await list.evaluate((element) => element.parentElement?.scrollTo({ top: element.parentElement.scrollHeight }));
  const last = page.getByRole("listitem", { name: `Clip ${CLIPS}`, exact: true });
  await expect(last.getByRole("textbox", { name: "IN" })).toHaveValue(`00:00:${at(CLIPS - 1).padStart(6, "0")}`);
  await expect(last).toHaveAttribute("aria-posinset", String(CLIPS));

  await last.getByRole("button", { name: "Delete clip" }).click();
  await expect(summary).toContainText(`${CLIPS - 1} clips`);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(summary).toContainText(`${CLIPS} clips`);
  await expect(last.getByRole("textbox", { name: "IN" })).toHaveValue(`00:00:${at(CLIPS - 1).padStart(6, "0")}`);

  // Kept with its history: after a reload the same video reopens all of it, and the import can still be undone.
  await afterAutosave(page);
  await page.reload();
  await page.getByLabel("Open video").setInputFiles(LONG);
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Reopened long.mp4 with its 10,000 clips");
  await expect(summary).toContainText(`${CLIPS} clips`);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(clipRows(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Redo", exact: true }).click();
  await expect(summary).toContainText(`${CLIPS} clips`);
});

test("undoing a delete brings the clip back into view where it was, not at the end of the list", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, LONG);
  await replaceWith(page, 200);
  const third = page.getByRole("listitem", { name: "Clip 3", exact: true });
  await third.getByRole("button", { name: "Delete clip" }).click();
  await expect(page.getByText(/^\d+ clips?, total/)).toContainText("199 clips");
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByText(/^\d+ clips?, total/)).toContainText("200 clips");
  await expect(third.getByRole("textbox", { name: "IN" })).toHaveValue(`00:00:${at(2).padStart(6, "0")}`);
  await expect(third).toBeInViewport();
});

/** Elements an action adds to the page (with their descendants), counted once the page has drawn it. */
async function elementsAddedBy(page: Page, action: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const added: Node[] = [];
    const observer = new MutationObserver((records) => records.forEach((r) => added.push(...r.addedNodes)));
    observer.observe(document.body, { childList: true, subtree: true });
    (window as unknown as { addedElements: () => number }).addedElements = () => {
      observer.disconnect();
      return added.reduce((sum, n) => sum + (n instanceof Element ? 1 + n.querySelectorAll("*").length : 0), 0);
    };
  });
  await action();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  return page.evaluate(() => (window as unknown as { addedElements: () => number }).addedElements());
}

// An edit draws what it changed: a row or two of the list and of the lossless table, not every row
// in view again (the table once planned its rows afresh on each edit, and so drew all of them anew).
test("an edit of a 10,000-clip list draws a row or two anew, not every row in view", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, LONG);
  await replaceWith(page, CLIPS);
  const lossless = page.getByRole("table", { name: "Where lossless cuts land" });
  await expect(lossless.getByRole("row")).not.toHaveCount(0);
  const row = (n: number) => page.getByRole("listitem", { name: `Clip ${n}`, exact: true });
  const oneRow = 1 + (await row(1).evaluate((li) => li.querySelectorAll("*").length));
  const edits: [string, () => Promise<void>][] = [
    ["Delete clip", () => row(1).getByRole("button", { name: "Delete clip" }).click()],
    ["Move down", () => row(1).getByRole("button", { name: "Move down" }).click()],
    ["Label", async () => {
      const label = row(2).getByRole("textbox", { name: "Label" });
      await label.fill("named");
      await label.press("Enter");
    }],
  ];
  for (const [what, edit] of edits) {
    const added = await elementsAddedBy(page, edit);
    // Nothing drawn at all would mean the edit did not happen.
    expect(added, `${what} added ${added} elements; a clip row has ${oneRow}`).toBeGreaterThan(0);
    expect(added, `${what} added ${added} elements; a clip row has ${oneRow}`).toBeLessThanOrEqual(3 * oneRow);
  }
});
