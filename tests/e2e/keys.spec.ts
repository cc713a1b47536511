import { expect, test } from "./test";
import { COUNTER } from "./fixtures";
import { clipRows, clipStarts, openVideo, playhead, press } from "./page";
import { markClip } from "./marking";

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await openVideo(page, COUNTER);
});

const message = (page: import("@playwright/test").Page) => page.getByRole("status", { name: "Message" });

test("after clicking the playhead slider the keys still mark, play and step one frame", async ({ page }) => {
  await page.getByRole("region", { name: "Timeline" }).getByRole("slider", { name: "Position" }).click();
  await press(page, "Home");
  await press(page, "ArrowRight");
  expect(await playhead(page)).toBe(0.04);
  await press(page, "i");
  await expect(message(page)).toContainText("IN set");
  await press(page, "ArrowRight", 2);
  await press(page, "o");
  await expect(message(page)).toContainText("Added clip 1");
});

test("after typing a time and Enter, the next key is a shortcut, not typing", async ({ page }) => {
  const field = page.getByRole("textbox", { name: "Playhead" });
  await field.fill("2");
  await field.press("Enter");
  await press(page, "i");
  await expect(field).toHaveValue("00:00:02.000");
  await expect(message(page)).toContainText("IN set");
  await field.fill("3");
  await field.press("Escape");
  await press(page, "o");
  await expect(field).toHaveValue("00:00:02.000");
  await expect(page.getByRole("alert")).toContainText("must be after IN");
});

test("after clicking Mark IN, Space plays instead of pressing the button again", async ({ page }) => {
  await page.getByRole("button", { name: "Mark IN" }).click();
  await expect(message(page)).toContainText("IN set");
  await page.getByRole("button", { name: "Mark IN" }).focus();
  await press(page, "Space");
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await press(page, "k");
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeVisible();
});

test("Shortcuts lists the keys in a dialog", async ({ page }) => {
  await page.getByRole("button", { name: "Shortcuts" }).click();
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toContainText("Zoom the timeline");
  await expect(dialog).toContainText("Delete the selected clip");
  await press(page, "Escape");
  await expect(dialog).toBeHidden();
});

test("Delete and Backspace delete the selected clip, the focus going as after Delete clip; not while typing", async ({ page }) => {
  for (const [from, to] of [[1, 2], [3, 4], [5, 6]]) await markClip(page, from!, to!);
  await press(page, "ArrowUp", 2);
  await expect(clipRows(page).nth(1)).toHaveAttribute("aria-current", "true");
  await press(page, "Delete");
  expect(await clipStarts(page)).toEqual(["00:00:01.000", "00:00:05.000"]);
  // The next clip's Delete has the focus and that clip is selected, so the next press deletes it.
  await expect(clipRows(page).nth(1).getByRole("button", { name: "Delete clip" })).toBeFocused();
  await expect(clipRows(page).nth(1)).toHaveAttribute("aria-current", "true");
  await press(page, "Backspace");
  expect(await clipStarts(page)).toEqual(["00:00:01.000"]);
  await expect(clipRows(page).nth(0).getByRole("button", { name: "Delete clip" })).toBeFocused();

  await press(page, "Control+z");
  expect(await clipStarts(page)).toEqual(["00:00:01.000", "00:00:05.000"]);
  await press(page, "Control+z");
  expect(await clipStarts(page)).toEqual(["00:00:01.000", "00:00:03.000", "00:00:05.000"]);

  // Backspace in a label edits the label; the clip stays.
  const label = clipRows(page).nth(0).getByRole("textbox", { name: "Label" });
  await label.fill("ab");
  await label.press("Backspace");
  await expect(label).toHaveValue("a");
  await expect(clipRows(page)).toHaveCount(3);
});
