import { expect, type Page } from "@playwright/test";

/** Opens a file through "Open video" and hands the keyboard back to the page. */
export async function openVideo(page: Page, file: string): Promise<void> {
  await page.getByLabel("Open video").setInputFiles(file);
  await expect(page.getByRole("status", { name: "Message" })).toContainText("Opened");
  await page.getByRole("heading", { name: "Clipmark" }).click();
}

export async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

export const clipRows = (page: Page) => page.getByRole("list", { name: "Clips" }).getByRole("listitem");

/** Playhead in seconds, as the page shows it. */
export async function playhead(page: Page): Promise<number> {
  const text = (await page.getByRole("textbox", { name: "Playhead" }).inputValue()).split(":").map(Number);
  return text.reduce((total, part) => total * 60 + part, 0);
}

/** The IN of every row of the clip list, as shown. */
export const clipStarts = (page: Page): Promise<string[]> =>
  clipRows(page)
    .getByRole("textbox", { name: "IN" })
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

/** M here, then M again `seconds` later: a clip of that length, from the keys alone. */
export async function markSeconds(page: Page, seconds: number): Promise<void> {
  await press(page, "m");
  await press(page, "Shift+ArrowRight", seconds);
  await press(page, "m");
}

/** Saves follow a change at once (typing, after a 300 ms pause): wait until the page says it is stored. */
export const afterAutosave = (page: Page): Promise<void> =>
  expect(page.getByRole("status", { name: "Saving" })).toHaveText("All changes saved in this browser");

/** Opens `file`, makes the whole of it one clip and starts a re-encode: returns once it is under way. */
export async function startLongExport(page: Page, file: string) {
  await page.goto("./");
  await openVideo(page, file);
  await press(page, "m");
  await press(page, "End");
  await press(page, "m");
  await expect(clipRows(page)).toHaveCount(1);
  await page.getByRole("radio", { name: "Re-encode (frame-accurate)" }).check();
  await page.getByRole("button", { name: "Export MP4" }).click();
  const progress = page.getByRole("progressbar", { name: "Export progress" });
  await expect.poll(async () => Number(await progress.getAttribute("value")), { timeout: 60_000 }).toBeGreaterThan(0);
  return progress;
}
