import { join } from "node:path";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./test";
import { COUNTER } from "./fixtures";
import { markClip } from "./marking";
import { afterAutosave, clipRows, openVideo, press } from "./page";

const region = (page: Page, n: number) => page.getByRole("region", { name: "Timeline" }).getByRole("group", { name: `Clip ${n}`, exact: true });
const picker = (page: Page, n: number) => clipRows(page).nth(n - 1).getByRole("combobox", { name: `Clip ${n} colour` });
const fill = (locator: Locator) => locator.evaluate((e) => getComputedStyle(e).backgroundColor);

/** WCAG's contrast ratio of two opaque `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, bl] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
      const s = Number(c) / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

test.use({ colorScheme: "dark" });

async function twoClips(page: Page): Promise<void> {
  await page.goto("./");
  await openVideo(page, COUNTER);
  await markClip(page, 1, 2);
  await markClip(page, 3, 5);
  await expect(clipRows(page)).toHaveCount(2);
}

test("a colour set on clip 2 from the keyboard colours its timeline region; undo takes it back, a reload keeps it", async ({ page }) => {
  await twoClips(page);
  const automatic = await fill(region(page, 2));
  const otherClip = await fill(region(page, 1));
  await expect(picker(page, 2)).toHaveValue("");

  // Tab reaches the control from the label before it; arrows choose, and keep choosing.
  await clipRows(page).nth(1).getByRole("textbox", { name: "Label" }).focus();
  await press(page, "Tab");
  await expect(picker(page, 2)).toBeFocused();
  await press(page, "ArrowDown");
  await expect(picker(page, 2)).toHaveValue("red");
  await expect(picker(page, 2)).toBeFocused();
  await expect.poll(() => fill(region(page, 2))).toBe("rgb(185, 28, 28)");
  await press(page, "ArrowDown");
  await expect(picker(page, 2)).toHaveValue("orange");
  await expect.poll(() => fill(region(page, 2))).toBe("rgb(194, 65, 12)");
  // The colour is not the only cue: the region still says its number; the other clip is as it was.
  await expect(region(page, 2)).toContainText("2");
  expect(await fill(region(page, 1))).toBe(otherClip);

  // Each choice was one step: undone one at a time, back to the automatic colour, and redone;
  // the control keeps the focus through it all.
  await press(page, "Control+z");
  await expect(picker(page, 2)).toHaveValue("red");
  await expect(picker(page, 2)).toBeFocused();
  await expect.poll(() => fill(region(page, 2))).toBe("rgb(185, 28, 28)");
  await press(page, "Control+z");
  await expect(picker(page, 2)).toHaveValue("");
  await expect.poll(() => fill(region(page, 2))).toBe(automatic);
  await press(page, "Control+y");
  await press(page, "Control+y");
  await expect(picker(page, 2)).toHaveValue("orange");
  await expect(picker(page, 2)).toBeFocused();
  // Focus elsewhere, a redrawn row does not take it.
  await clipRows(page).nth(0).getByRole("textbox", { name: "Label" }).focus();
  await picker(page, 2).selectOption("green");
  await clipRows(page).nth(0).getByRole("textbox", { name: "Label" }).focus();
  await press(page, "Escape");
  await press(page, "Control+z");
  await expect(picker(page, 2)).toHaveValue("orange");
  await expect(picker(page, 2)).not.toBeFocused();

  await afterAutosave(page);
  await page.reload();
  await page.getByLabel("Open video").setInputFiles(COUNTER);
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Reopened counter.mp4 with its 2 clips");
  await expect(picker(page, 2)).toHaveValue("orange");
  await expect(picker(page, 1)).toHaveValue("");
  await expect.poll(() => fill(region(page, 2))).toBe("rgb(194, 65, 12)");
  // Its history came back too: the colour can still be undone.
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(picker(page, 2)).toHaveValue("red");
});

for (const colorScheme of ["dark", "light"] as const) {
  test(`every colour keeps the clip's number and label at 4.5:1 or more in the ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await twoClips(page);
    await clipRows(page).nth(1).getByRole("textbox", { name: "Label" }).fill("interview");
    await press(page, "Enter");
    const name = region(page, 2).getByText("2 interview");
    const options = await picker(page, 2).locator("option").allTextContents();
    expect(options).toEqual(["Automatic", "Red", "Orange", "Yellow", "Green", "Teal", "Blue", "Purple", "Pink"]);
    const fills = new Set<string>();
    for (const option of options.slice(1)) {
      await picker(page, 2).selectOption({ label: option });
      await expect(picker(page, 2)).toHaveValue(option.toLowerCase());
      const background = await fill(region(page, 2));
      const text = await name.evaluate((e) => getComputedStyle(e).color);
      // Opaque, so the ratio is the one on screen.
      expect(background, option).toMatch(/^rgb\(/);
      expect(contrast(background, text), `${option} in ${colorScheme}`).toBeGreaterThanOrEqual(4.5);
      fills.add(background);
    }
    expect(fills.size).toBe(8);
  });
}

test.describe("screenshots", () => {
  const coloured = async (page: Page) => {
    await twoClips(page);
    await markClip(page, 6, 9);
    await picker(page, 1).selectOption("teal");
    await picker(page, 3).selectOption("pink");
    await clipRows(page).nth(2).getByRole("textbox", { name: "Label" }).fill("the end");
    await press(page, "Enter");
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: join(test.info().outputDir, name) });

  test("at 1280×800, dark and light", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await coloured(page);
    await shot(page, "colours-1280x800.png");
    const darkPage = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: "light" });
    await shot(page, "colours-1280x800-light.png");
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(darkPage);
    // One screen: nothing scrolls sideways, the coloured regions and their rows are in view.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    for (const n of [1, 3]) {
      await expect(region(page, n)).toBeInViewport();
      await expect(picker(page, n)).toBeInViewport();
    }
    await expect(picker(page, 1)).toHaveValue("teal");
    await expect(picker(page, 3)).toHaveValue("pink");
    const teal = await fill(region(page, 1));
    const pink = await fill(region(page, 3));
    expect(teal).not.toBe(pink);
    const label = region(page, 3).getByText("3 the end");
    await expect(label).toBeVisible();
    const text = await label.evaluate((e) => getComputedStyle(e).color);
    expect(contrast(pink, text)).toBeGreaterThanOrEqual(4.5);
    // The fill is the chosen colour's: Automatic gives another.
    await picker(page, 1).selectOption({ label: "Automatic" });
    await expect.poll(() => fill(region(page, 1))).not.toBe(teal);
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

    test("390×844: the colour control is a 44 px target and the row stays within the screen", async ({ page }) => {
      await coloured(page);
      const box = await picker(page, 1).boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(44);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(page, "colours-390x844.png");
      await page.getByRole("list", { name: "Clips" }).scrollIntoViewIfNeeded();
      await shot(page, "colours-390x844-clips.png");
    });
  });
});
