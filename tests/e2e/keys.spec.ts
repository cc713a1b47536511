import { expect, test } from "./test";
import { COUNTER } from "./fixtures";
import { openVideo, playhead, press } from "./page";

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
  await press(page, "Escape");
  await expect(dialog).toBeHidden();
});
