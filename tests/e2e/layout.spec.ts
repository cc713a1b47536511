import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { SYNC } from "./fixtures";
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

test.describe("on a phone, 390×844", () => {
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
