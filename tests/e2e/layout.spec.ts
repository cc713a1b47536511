import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { CAMERA_PARTS, SYNC } from "./fixtures";
import { markSeconds, openVideo, press } from "./page";

/** A project as someone cutting would have it: a few clips, one with a label, an IN waiting. */
async function editing(page: Page): Promise<void> {
  await page.goto("./");
  await openVideo(page, SYNC);
  await markSeconds(page, 2);
  await press(page, "Shift+ArrowRight");
  await markSeconds(page, 3);
  await press(page, "Shift+ArrowLeft", 4);
  await markSeconds(page, 4);
  await page.getByRole("textbox", { name: "Label" }).first().fill("intro");
  await press(page, "Enter");
  await press(page, "Shift+ArrowRight", 6);
  await press(page, "i");
  await expect(page.getByRole("region", { name: "Timeline" }).getByRole("img", { name: "Sound waveform" })).toBeVisible();
}

const screenshot = (page: Page, name: string) => page.screenshot({ path: join(test.info().outputDir, name) });

async function box(locator: ReturnType<Page["locator"]>) {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator} is not on the page`);
  return found;
}

test.describe("at 1280×800", () => {
  test.use({ viewport: { width: 1280, height: 800 }, colorScheme: "dark" });

  test("video, transport and timeline on the left, the clip list beside them, all on one screen", async ({ page }) => {
    await editing(page);
    const video = await box(page.getByRole("region", { name: "Player" }));
    const timeline = await box(page.getByRole("region", { name: "Timeline" }));
    const clips = await box(page.getByRole("list", { name: "Clips" }));
    const exportButton = page.getByRole("button", { name: "Export MP4" });
    expect(timeline.y).toBeGreaterThanOrEqual(video.y + video.height - 1);
    expect(timeline.y + timeline.height).toBeLessThanOrEqual(800);
    expect(clips.x).toBeGreaterThanOrEqual(video.x + video.width);
    expect(clips.y + clips.height).toBeLessThanOrEqual(800);
    await exportButton.scrollIntoViewIfNeeded();
    // The export panel scrolls within the side panel: the page itself never scrolls.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(800);
    await expect(exportButton).toBeInViewport();
    await screenshot(page, "editor-1280x800.png");
  });

  test("dark unless the system asks for light", async ({ page }) => {
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const lightness = (rgb: string) => (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, c) => sum + Number(c), 0) / 3;
    await editing(page);
    expect(lightness(await background())).toBeLessThan(60);
    await page.emulateMedia({ colorScheme: "light" });
    expect(lightness(await background())).toBeGreaterThan(200);
    await screenshot(page, "editor-1280x800-light.png");
  });
});

/** The import preview of an EDL naming two files with long names (one not in the project): each clip's File readable on screen. */
async function previewOfTwoFiles(page: Page, width: number): Promise<void> {
  await page.goto("./");
  await page.getByLabel("Open video").setInputFiles(CAMERA_PARTS.slice(0, 2).map((part) => part.path));
  await expect(page.getByRole("status", { name: "Message" })).toContainText("Opened 2 files");
  const event = (n: number, file: string) =>
    `00${n}  AX       AA/V  C        00:00:00:00 00:00:01:00 00:00:0${n}:00 00:00:0${n + 1}:00\n* FROM CLIP NAME: ${file}\n`;
  const long = "a recording with a long descriptive name from the second camera.MP4";
  const edl = `TITLE: two\nFCM: NON-DROP FRAME\n\n${event(1, "GP010001.MP4")}${event(2, "GP020001.MP4")}${event(3, long)}`;
  await page.getByLabel("Import edits").setInputFiles({ name: "two.edl", mimeType: "text/plain", buffer: Buffer.from(edl) });
  const dialog = page.getByRole("dialog", { name: "Import two.edl" });
  await expect(dialog).toBeVisible();
  await screenshot(page, `import-preview-${width}.png`);
  const shown = await box(dialog);
  expect(shown.x).toBeGreaterThanOrEqual(0);
  expect(shown.x + shown.width).toBeLessThanOrEqual(width);
  const files = dialog.getByRole("table", { name: "Clips in the file" }).getByRole("cell").filter({ hasText: /GP0[12]0001\.MP4/ });
  await expect(files).toHaveCount(2);
  for (const cell of await files.all()) {
    const at = await box(cell);
    expect(at.x + at.width, "the File column ends on screen").toBeLessThanOrEqual(width);
    // The whole name shows (wrapped where it must), not a sliver of it.
    expect(await cell.evaluate((td) => td.scrollWidth <= td.clientWidth)).toBe(true);
  }
}

test("at 1280×800 the import preview shows each clip's file", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await previewOfTwoFiles(page, 1280);
});

test.describe("on a phone, 390×844", () => {
  test("the import preview's File column is readable on screen", async ({ page }) => {
    await previewOfTwoFiles(page, 390);
  });

  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, colorScheme: "dark" });

  test("one column as wide as the screen, every control at least 44 px high", async ({ page }) => {
    await editing(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const controls = page.getByRole("main").locator("button:visible, input:visible:not([type=file]), [role=slider]:visible");
    const small = await controls.evaluateAll((elements) =>
      elements.flatMap((e) => {
        const r = e.getBoundingClientRect();
        const name = e.getAttribute("aria-label") ?? e.textContent ?? e.tagName;
        return r.height < 44 ? [`${name.trim()} (${Math.round(r.width)}×${Math.round(r.height)})`] : [];
      }),
    );
    expect(small).toEqual([]);
    await screenshot(page, "editor-390x844.png");
    await page.getByRole("list", { name: "Clips" }).scrollIntoViewIfNeeded();
    await screenshot(page, "editor-390x844-clips.png");
  });
});
