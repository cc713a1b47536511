import { expect, test } from "./test";
import { COUNTER } from "./fixtures";
import { clipRows, clipStarts, openVideo, playhead, press } from "./page";

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await openVideo(page, COUNTER);
});

async function addClip(page: import("@playwright/test").Page, from: number, to: number) {
  const field = page.getByRole("textbox", { name: "Playhead" });
  await field.fill(String(from));
  await field.press("Enter");
  await page.getByRole("button", { name: "Mark IN" }).click();
  await field.fill(String(to));
  await field.press("Enter");
  await page.getByRole("button", { name: "Mark OUT" }).click();
}

test("IN and OUT take every time form; a bad edit is refused at the field and the old value stays", async ({ page }) => {
  await addClip(page, 2, 4);
  const row = clipRows(page).first();
  const out = row.getByRole("textbox", { name: "OUT" });
  await out.fill("0:05.5");
  await out.press("Enter");
  await expect(out).toHaveValue("00:00:05.500");
  await row.getByRole("textbox", { name: "IN" }).fill("3");
  await row.getByRole("textbox", { name: "IN" }).press("Enter");
  await expect(clipRows(page).first().getByRole("textbox", { name: "IN" })).toHaveValue("00:00:03.000");

  const edited = clipRows(page).first().getByRole("textbox", { name: "OUT" });
  await edited.fill("1.5");
  await edited.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "must be after IN" })).toBeVisible();
  await expect(edited).toHaveValue("00:00:05.500");
  await edited.fill("99");
  await edited.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "after the end of the source" })).toBeVisible();
  await expect(edited).toHaveValue("00:00:05.500");
  // 3 s to 5.5 s at 25 fps: frames 75 up to round(137.5) = 138, so 63 frames, 2.52 s.
  await expect(page.getByText("1 clip, total 00:00:02.520")).toBeVisible();
});

test("rows can be labelled, reordered, deleted, and clicked to seek", async ({ page }) => {
  await addClip(page, 1, 2);
  await addClip(page, 5, 7);
  await addClip(page, 3, 4);
  await clipRows(page).nth(0).getByRole("textbox", { name: "Label" }).fill("first");
  await clipRows(page).nth(0).getByRole("textbox", { name: "Label" }).press("Enter");
  await clipRows(page).nth(2).getByRole("button", { name: "Move up" }).click();
  await clipRows(page).nth(0).getByRole("button", { name: "Move down" }).click();
  expect(await clipStarts(page)).toEqual(["00:00:03.000", "00:00:01.000", "00:00:05.000"]);
  await expect(clipRows(page).nth(1).getByRole("textbox", { name: "Label" })).toHaveValue("first");
  await clipRows(page).nth(0).getByRole("button", { name: "Delete clip" }).click();
  expect(await clipStarts(page)).toEqual(["00:00:01.000", "00:00:05.000"]);
  await expect(page.getByText("2 clips, total 00:00:03.000")).toBeVisible();
  await clipRows(page).nth(1).getByRole("button", { name: "Go to clip 2" }).click();
  expect(await playhead(page)).toBe(5);
});

test("J, K and L play backwards and forwards at doubling speeds; ? lists the keys", async ({ page }) => {
  await press(page, "Shift+ArrowRight", 6);
  await press(page, "l");
  await expect(page.getByText("▶ 1×")).toBeVisible();
  await press(page, "l");
  await expect(page.getByText("▶ 2×")).toBeVisible();
  await press(page, "k");
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
  const before = await playhead(page);
  await press(page, "j");
  await expect(page.getByText("◀◀ 1×")).toBeVisible();
  await press(page, "j");
  await expect(page.getByText("◀◀ 2×")).toBeVisible();
  await page.waitForTimeout(600);
  await press(page, "k");
  expect(await playhead(page)).toBeLessThan(before - 0.5);

  await press(page, "?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Previous / next keyframe");
  await press(page, "Escape");
  await expect(help).toBeHidden();
});

test("the keys are ignored while typing in a field", async ({ page }) => {
  const label = page.getByRole("textbox", { name: "Playhead" });
  await label.fill("");
  await label.pressSequentially("io m");
  await expect(page.getByText("0 clips")).toBeVisible();
});
