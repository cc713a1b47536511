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
  // Had the keys reached the page, the field would lack them and an IN would be waiting (M, or I).
  await expect(label).toHaveValue("io m");
  await expect(page.getByText(/^IN at /)).toHaveCount(0);
  await expect(page.getByText(/^0 clips, total/)).toBeVisible();
});

test("editing at the playhead: select with ↑/↓, I/O move the selected clip, S splits, merge joins, Esc lets go", async ({ page }) => {
  await addClip(page, 1, 2);
  await addClip(page, 5, 7);
  await page.getByRole("heading", { name: "Clipmark" }).click();
  const message = page.getByRole("status", { name: "Message" });

  // ↓ selects the first clip and goes to it; ↓ again the second.
  await press(page, "ArrowDown");
  await expect(clipRows(page).nth(0)).toHaveAttribute("aria-current", "true");
  expect(await playhead(page)).toBe(1);
  await press(page, "ArrowDown");
  await expect(clipRows(page).nth(1)).toHaveAttribute("aria-current", "true");
  expect(await playhead(page)).toBe(5);

  // I and O move the selected clip's bounds to the playhead, each one undoable step.
  await press(page, "Shift+ArrowRight");
  await press(page, "i");
  await expect(message).toHaveText("Clip 2 IN set to 00:00:06.000");
  await press(page, "Shift+ArrowLeft", 2);
  await press(page, "i");
  await expect(message).toHaveText("Clip 2 IN set to 00:00:04.000");
  await press(page, "Shift+ArrowRight", 4);
  await press(page, "o");
  await expect(message).toHaveText("Clip 2 OUT set to 00:00:08.000");
  expect(await clipStarts(page)).toEqual(["00:00:01.000", "00:00:04.000"]);
  await expect(clipRows(page)).toHaveCount(2);
  // Shift+I / Shift+O go to its bounds.
  await press(page, "Shift+I");
  expect(await playhead(page)).toBe(4);
  await press(page, "Shift+O");
  expect(await playhead(page)).toBe(8);

  // S splits the clip under the playhead there; the second part follows it in the list.
  await press(page, "Shift+ArrowLeft", 2);
  await press(page, "s");
  await expect(message).toHaveText("Split clip 2 at 00:00:06.000 into clips 2 and 3");
  expect(await clipStarts(page)).toEqual(["00:00:01.000", "00:00:04.000", "00:00:06.000"]);
  await expect(clipRows(page).nth(1).getByRole("textbox", { name: "OUT" })).toHaveValue("00:00:06.000");
  await expect(clipRows(page).nth(2).getByRole("textbox", { name: "OUT" })).toHaveValue("00:00:08.000");

  // Merge joins the selected clip with the next, where they meet; clips apart are refused with why.
  await page.getByRole("button", { name: "Merge with next" }).click();
  await expect(message).toHaveText("Merged clips 2 and 3");
  await expect(clipRows(page)).toHaveCount(2);
  await expect(clipRows(page).nth(1).getByRole("textbox", { name: "OUT" })).toHaveValue("00:00:08.000");
  await clipRows(page).nth(0).getByRole("button", { name: "Go to clip 1" }).click();
  await page.getByRole("button", { name: "Merge with next" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "Cannot merge: clips 1 and 2 do not meet (00:00:02.000 to 00:00:04.000 lies between them)",
  );

  // Undo takes back the merge, then the split, one step each.
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(clipRows(page)).toHaveCount(3);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(clipRows(page)).toHaveCount(2);

  // With nothing selected, I and O mark a new clip as before.
  await page.getByRole("heading", { name: "Clipmark" }).click();
  await press(page, "Escape");
  for (const row of await clipRows(page).all()) await expect(row).not.toHaveAttribute("aria-current");
  await press(page, "Home");
  await press(page, "Shift+ArrowRight", 10);
  await press(page, "i");
  await press(page, "Shift+ArrowRight");
  await press(page, "o");
  await expect(clipRows(page)).toHaveCount(3);
  expect((await clipStarts(page))[2]).toBe("00:00:10.000");
});

test("a row dragged by its number takes another row's place, in one undoable step", async ({ page }) => {
  await addClip(page, 1, 2);
  await addClip(page, 3, 4);
  await addClip(page, 5, 6);
  await clipRows(page).nth(0).getByRole("button", { name: "Go to clip 1" }).dragTo(clipRows(page).nth(2));
  expect(await clipStarts(page)).toEqual(["00:00:03.000", "00:00:05.000", "00:00:01.000"]);
  await clipRows(page).nth(2).getByRole("button", { name: "Go to clip 3" }).dragTo(clipRows(page).nth(0));
  expect(await clipStarts(page)).toEqual(["00:00:01.000", "00:00:03.000", "00:00:05.000"]);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  expect(await clipStarts(page)).toEqual(["00:00:03.000", "00:00:05.000", "00:00:01.000"]);
});

test("the focus stays with the keyboard after Move up, Move down and Delete clip", async ({ page }) => {
  await addClip(page, 1, 2);
  await addClip(page, 3, 4);
  await addClip(page, 5, 6);
  const button = (row: number, name: string) => clipRows(page).nth(row).getByRole("button", { name });

  // Moved, the clip's own button keeps the focus, so Enter moves it on.
  await button(2, "Move up").focus();
  await page.keyboard.press("Enter");
  expect(await clipStarts(page)).toEqual(["00:00:01.000", "00:00:05.000", "00:00:03.000"]);
  await expect(button(1, "Move up")).toBeFocused();
  await page.keyboard.press("Enter");
  expect(await clipStarts(page)).toEqual(["00:00:05.000", "00:00:01.000", "00:00:03.000"]);
  // At the top Move up is off: the focus goes to Move down beside it.
  await expect(button(0, "Move down")).toBeFocused();
  await page.keyboard.press("Enter");
  expect(await clipStarts(page)).toEqual(["00:00:01.000", "00:00:05.000", "00:00:03.000"]);
  await expect(button(1, "Move down")).toBeFocused();

  // Deleted, the focus goes to the next clip's Delete, or the previous one's at the end, then Undo.
  await button(1, "Delete clip").focus();
  await page.keyboard.press("Enter");
  expect(await clipStarts(page)).toEqual(["00:00:01.000", "00:00:03.000"]);
  await expect(button(1, "Delete clip")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(button(0, "Delete clip")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(clipRows(page)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Undo" })).toBeFocused();
});
