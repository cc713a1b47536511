import type { Page, Worker } from "@playwright/test";
import { expect, test } from "./test";
import { COUNTER, LONG } from "./fixtures";
import { afterAutosave, clipRows, clipStarts, exportFirstTwoSeconds, markSeconds, openVideo, press, startLongExport } from "./page";
import { frameCount } from "./oracle";

const message = (page: Page) => page.getByRole("status", { name: "Message" });
const label = (page: Page) => clipRows(page).first().getByRole("textbox", { name: "Label" });

/** After a reload, the same video opened again goes on with its project. */
async function reopen(page: Page, clips: number): Promise<void> {
  await page.getByLabel("Open video").setInputFiles(COUNTER);
  await expect(message(page)).toHaveText(`Reopened counter.mp4 with its ${clips} clip${clips === 1 ? "" : "s"}`);
}

for (const delay of [0, 100]) {
  test(`a clip added is kept by a reload ${delay} ms later`, async ({ page }) => {
    await page.goto("./");
    await openVideo(page, COUNTER);
    await press(page, "Shift+ArrowRight");
    await markSeconds(page, 1);
    await expect(clipRows(page)).toHaveCount(1);
    if (delay > 0) await page.waitForTimeout(delay);
    await page.reload();
    await reopen(page, 1);
    expect(await clipStarts(page)).toEqual(["00:00:01.000"]);
  });
}

test("a label being typed is kept by a reload, and is one undo step", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, COUNTER);
  await markSeconds(page, 1);
  await afterAutosave(page);
  // Typed, committed: the whole label is one step back.
  await label(page).click();
  await page.keyboard.type("first");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(label(page)).toHaveValue("");

  await label(page).click();
  await page.keyboard.type("opening shot");
  await page.reload();
  await reopen(page, 1);
  await expect(label(page)).toHaveValue("opening shot");
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(label(page)).toHaveValue("");
  await expect(clipRows(page)).toHaveCount(1);
});

/** The media worker (not ffmpeg's own worker inside it). */
function mediaWorker(page: Page): Worker {
  const worker = page.workers().find((w) => w.url().includes("media-worker"));
  if (!worker) throw new Error(`no media worker among ${page.workers().map((w) => w.url()).join(", ")}`);
  return worker;
}

test("a media worker that closes mid-export is noticed, replaced, and the next export works", async ({ page }) => {
  const progress = await startLongExport(page, LONG);

  // From inside, as a worker that stops itself: no error event reaches the page.
  await mediaWorker(page)
    .evaluate(() => self.close())
    .catch(() => undefined);
  await expect(page.getByRole("alert")).toContainText(
    "The media engine stopped and was restarted; your clips are unchanged. Export again.",
    { timeout: 5_000 },
  );
  await expect(progress).toBeHidden();
  await expect(clipRows(page)).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Export MP4" })).toBeEnabled();

  // A short clip so the second export is quick.
  expect(frameCount(await exportFirstTwoSeconds(page, "after-restart.mp4"))).toBe(60);
});

test("a project deleted in another tab is not brought back by an edit: it is offered as a new project", async ({ context }) => {
  const editing = await context.newPage();
  await editing.goto("./");
  await openVideo(editing, COUNTER);
  await markSeconds(editing, 1);
  await afterAutosave(editing);

  const other = await context.newPage();
  await other.goto("./");
  const projects = other.getByRole("list", { name: "Projects" }).getByRole("listitem");
  await expect(projects).toHaveCount(1);
  other.once("dialog", (dialog) => void dialog.accept());
  await projects.first().getByRole("button", { name: "Delete project" }).click();
  await expect(other.getByText("No projects yet.")).toBeVisible();

  await editing.getByRole("heading", { name: "Clipmark" }).click();
  await press(editing, "Shift+ArrowRight", 2);
  await markSeconds(editing, 1);
  const offer = editing.getByRole("region", { name: "Deleted in another tab" });
  await expect(offer).toBeVisible();
  await expect(clipRows(editing)).toHaveCount(2);
  await other.reload();
  await expect(other.getByText("No projects yet.")).toBeVisible();

  await offer.getByRole("button", { name: "Keep as a new project" }).click();
  await expect(offer).toBeHidden();
  await afterAutosave(editing);
  await other.reload();
  await expect(projects).toHaveCount(1);
  await expect(projects.first()).toContainText("counter.mp4 · 2 clips");
  // Kept with its history: the last clip can still be undone.
  await editing.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(clipRows(editing)).toHaveCount(1);
});
