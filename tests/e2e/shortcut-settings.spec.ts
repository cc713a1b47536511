import type { Page } from "@playwright/test";
import { join } from "node:path";
import { expect, test } from "./test";
import { COUNTER } from "./fixtures";
import { openVideo, playhead, press } from "./page";

const message = (page: Page) => page.getByRole("status", { name: "Message" });
const dialog = (page: Page) => page.getByRole("dialog", { name: "Keyboard shortcuts" });
const said = (page: Page) => dialog(page).getByRole("status", { name: "Shortcut change" });
/** The key list's line for an action, by the words of what it does. */
const line = (page: Page, does: string) => dialog(page).getByRole("row").filter({ hasText: does });
const SET_IN = "Set IN at the playhead";

/** Opens the video again after a reload, when the page may reopen it as the last project. */
async function reopen(page: Page): Promise<void> {
  await page.getByLabel("Open video").setInputFiles(COUNTER);
  await expect(message(page)).toContainText(/opened counter\.mp4/i);
  await page.getByRole("heading", { name: "Clipmark" }).click();
}

/** "Change key for <action>", then `key`. */
async function rebind(page: Page, action: string, key: string): Promise<void> {
  await dialog(page).getByRole("button", { name: `Change key for ${action}` }).click();
  await expect(said(page)).toContainText(`Press the new key for ${action}`);
  await press(page, key);
}

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await openVideo(page, COUNTER);
});

test("closed with ?, the dialog leaves no focus behind: the next key is the page's", async ({ page }) => {
  await page.getByRole("heading", { name: "Clipmark" }).click();
  await press(page, "?");
  await dialog(page).getByRole("button", { name: "Reset all to defaults" }).click();
  // At once, as a person goes on typing: the browser would move a hidden focus only at its next frame.
  await press(page, "?");
  await press(page, "ArrowRight");
  await expect(dialog(page)).toBeHidden();
  expect(await playhead(page)).toBeCloseTo(0.04, 3);
});

test("the hint after IN names the OUT keys as they are now", async ({ page }) => {
  await page.getByRole("heading", { name: "Clipmark" }).click();
  await press(page, "i");
  await expect(message(page)).toHaveText("IN set; press O (or M) at the OUT point");
  await page.getByRole("button", { name: "Shortcuts" }).click();
  await rebind(page, "Set OUT", "w");
  await expect(said(page)).toHaveText("Set OUT: W");
  await press(page, "Escape");
  await page.getByRole("heading", { name: "Clipmark" }).click();
  await press(page, "ArrowRight", 2);
  await press(page, "i");
  await expect(message(page)).toHaveText("IN set; press W (or M) at the OUT point");
});

test("Set IN moved to Q marks with Q and not I, is kept across a reload, listed by ?, and reset to I", async ({ page }) => {
  const shortcuts = page.getByRole("button", { name: "Shortcuts" });
  await shortcuts.click();
  await rebind(page, "Set IN", "q");
  await expect(said(page)).toHaveText("Set IN: Q");
  await expect(line(page, SET_IN).locator("kbd")).toHaveText("Q");
  await press(page, "Escape");
  await expect(dialog(page)).toBeHidden();
  await expect(shortcuts).toBeFocused();

  await page.getByRole("heading", { name: "Clipmark" }).click();
  await press(page, "ArrowRight", 2);
  await press(page, "i");
  await expect(message(page)).not.toContainText("IN set");
  await press(page, "q");
  await expect(message(page)).toContainText("IN set");

  await page.reload();
  await reopen(page);
  await press(page, "i");
  await expect(message(page)).not.toContainText("IN set");
  await press(page, "q");
  await expect(message(page)).toContainText("IN set");

  await press(page, "?");
  await expect(line(page, SET_IN).locator("kbd")).toHaveText("Q");
  await dialog(page).getByRole("button", { name: "Reset all to defaults" }).click();
  await expect(line(page, SET_IN).locator("kbd")).toHaveText("I");
  await expect(said(page)).toHaveText("Every key is back to its default");
  await press(page, "?");
  await expect(dialog(page)).toBeHidden();
  await press(page, "ArrowRight", 3);
  await expect.poll(() => playhead(page)).toBeCloseTo(0.12, 3);
  await press(page, "o");
  await expect(message(page)).toContainText("Added clip 1");
  await press(page, "q");
  await expect(message(page)).toContainText("Added clip 1");
  await press(page, "i");
  await expect(message(page)).toContainText("IN set");
  await page.reload();
  await reopen(page);
  await press(page, "?");
  await expect(line(page, SET_IN).locator("kbd")).toHaveText("I");
});

test("a key another action has is swapped only when asked; Escape cancels a wait, Tab is refused", async ({ page }) => {
  await page.getByRole("button", { name: "Shortcuts" }).click();
  const setIn = dialog(page).getByRole("button", { name: "Change key for Set IN" });

  await rebind(page, "Set IN", "Tab");
  await expect(said(page)).toContainText("Tab cannot be a shortcut: Tab moves between the page's controls");
  await press(page, "Escape");
  await expect(dialog(page)).toBeVisible();
  await expect(said(page)).toHaveText("Set IN keeps I");

  await rebind(page, "Set IN", "o");
  const clash = dialog(page).getByRole("alert");
  await expect(clash).toContainText("You pressed O for Set IN, but O is already the key for Set OUT. Swap them: Set IN gets O, Set OUT gets I?");
  await expect(clash.getByRole("button", { name: "Swap keys" })).toBeFocused();
  await clash.getByRole("button", { name: "Keep as it was" }).click();
  await expect(line(page, SET_IN).locator("kbd")).toHaveText("I");
  await expect(setIn).toBeFocused();

  // From the keyboard alone: the focused Change button, Enter, the key, Enter on "Swap keys".
  await press(page, "Enter");
  await press(page, "o");
  await expect(clash.getByRole("button", { name: "Swap keys" })).toBeFocused();
  await press(page, "Enter");
  await expect(said(page)).toHaveText("Set IN: O; Set OUT: I");
  await expect(line(page, SET_IN).locator("kbd")).toHaveText("O");
  await expect(line(page, "Set OUT at the playhead").locator("kbd")).toHaveText("I");
  await press(page, "Escape");

  await page.getByRole("heading", { name: "Clipmark" }).click();
  await press(page, "o");
  await expect(message(page)).toContainText("IN set");
  await press(page, "ArrowRight", 5);
  await press(page, "i");
  await expect(message(page)).toContainText("Added clip 1");
});

for (const [width, height] of [
  [1280, 800],
  [390, 844],
] as const) {
  test.describe(`at ${width}×${height}`, () => {
    test.use({ viewport: { width, height }, hasTouch: width < 700, isMobile: width < 700 });

    test("the dialog fits the screen, and scrolls inside itself", async ({ page }) => {
      await page.getByRole("button", { name: "Shortcuts" }).click();
      const box = await dialog(page).boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(height);
      expect(await dialog(page).evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
      await rebind(page, "Set IN", "o");
      await page.screenshot({ path: join(test.info().outputDir, `shortcuts-${width}x${height}.png`) });
      const reset = dialog(page).getByRole("button", { name: "Reset all to defaults" });
      await reset.scrollIntoViewIfNeeded();
      await expect(reset).toBeInViewport();
    });
  });
}

test.describe("the theme", () => {
  test.use({ colorScheme: "dark" });
  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const DARK = "rgb(22, 24, 29)";
  const LIGHT = "rgb(244, 245, 247)";

  test("Light and Dark override the system at once and across a reload; System follows it again", async ({ page }) => {
    const theme = page.getByRole("combobox", { name: "Theme" });
    await expect(theme).toHaveValue("system");
    expect(await background(page)).toBe(DARK);
    await theme.selectOption({ label: "Light" });
    expect(await background(page)).toBe(LIGHT);
    await page.reload();
    await expect(theme).toHaveValue("light");
    expect(await background(page)).toBe(LIGHT);

    await page.emulateMedia({ colorScheme: "light" });
    await theme.selectOption({ label: "Dark" });
    expect(await background(page)).toBe(DARK);
    await page.reload();
    expect(await background(page)).toBe(DARK);
    await theme.selectOption({ label: "System" });
    expect(await background(page)).toBe(LIGHT);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await background(page)).toBe(DARK);
  });

  test("a theme or key chosen in another tab arrives in this one", async ({ page, context }) => {
    const other = await context.newPage();
    await other.goto("./");
    await other.getByRole("combobox", { name: "Theme" }).selectOption({ label: "Light" });
    await other.getByRole("button", { name: "Shortcuts" }).click();
    await rebind(other, "Set IN", "q");
    await expect(page.getByRole("combobox", { name: "Theme" })).toHaveValue("light");
    expect(await background(page)).toBe(LIGHT);
    await press(page, "?");
    await expect(line(page, SET_IN).locator("kbd")).toHaveText("Q");
  });

  test("the kept theme is on the page before its first paint", async ({ page }) => {
    await page.getByRole("combobox", { name: "Theme" }).selectOption({ label: "Light" });
    await page.addInitScript(() => {
      const times = window as { themeAt?: number };
      new MutationObserver(() => (times.themeAt ??= performance.now())).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-theme"] });
    });
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Theme" })).toHaveValue("light");
    const { themeAt, firstPaint } = await page.evaluate(() => ({
      themeAt: (window as { themeAt?: number }).themeAt,
      firstPaint: performance.getEntriesByName("first-paint")[0]?.startTime,
    }));
    expect(themeAt).toBeDefined();
    expect(firstPaint).toBeGreaterThan(themeAt as number);
  });

  test("a damaged record of the settings gives the defaults, not a broken page", async ({ page }) => {
    await page.evaluate(() => {
      localStorage.setItem("clipmark.settings.v1", JSON.stringify({ theme: "<b>", shortcuts: { markIn: ["Tab"], markOut: 7 } }));
    });
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Theme" })).toHaveValue("system");
    await reopen(page);
    await press(page, "i");
    await expect(message(page)).toContainText("IN set");
  });
});
