import { expect, test } from "./test";
import { PAUSE_TRUTH, PAUSES } from "./fixtures";
import { clipRows, openVideo, press } from "./page";
import { parseTime } from "../../src/core/timecode";

const AAC_FRAME = 1024 / 48000;

test("Detect silence finds each pause within one AAC frame, keeps the sound and splits at pauses, each undoable", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, PAUSES);
  const dialog = page.getByRole("dialog", { name: "Detect silence" });
  await page.getByRole("button", { name: "Detect silence" }).click();
  await expect(dialog.getByRole("status")).toHaveText(`${PAUSE_TRUTH.length} pauses found`);
  const rows = dialog.getByRole("table", { name: "Pauses" }).locator("tbody").getByRole("row");
  await expect(rows).toHaveCount(PAUSE_TRUTH.length);
  for (const [i, truth] of PAUSE_TRUTH.entries()) {
    const cells = await rows.nth(i).getByRole("cell").allTextContents();
    const [start, end] = [cells[1], cells[2]].map((text) => {
      const parsed = parseTime(text ?? "");
      if (!parsed.ok) throw new Error(`not a time: ${text}`);
      return parsed.value;
    });
    expect(Math.abs(start! - truth.start)).toBeLessThanOrEqual(AAC_FRAME);
    expect(Math.abs(end! - truth.end)).toBeLessThanOrEqual(AAC_FRAME);
  }
  // The preview: the whole file as a strip, each pause shaded where the table has it.
  const strip = dialog.getByRole("img", { name: "Where the pauses lie in the 00:00:08.000 of the file: shaded" });
  const marks = await strip.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return [...element.children].map((mark) => {
      const at = mark.getBoundingClientRect();
      return { from: (at.left - box.left - element.clientLeft) / element.clientWidth, to: (at.right - box.left - element.clientLeft) / element.clientWidth };
    });
  });
  expect(marks.length).toBe(PAUSE_TRUTH.length);
  marks.forEach((mark, i) => {
    expect(Math.abs(mark.from - PAUSE_TRUTH[i]!.start / 8)).toBeLessThan(0.01);
    expect(Math.abs(mark.to - PAUSE_TRUTH[i]!.end / 8)).toBeLessThan(0.01);
  });
  await page.screenshot({ path: "test-results/detect-silence-preview.png" });
  const sound = [[0, 2.0123], [3.5071, 5.0037], [6.2589, 8]];
  const clipSpans = async () =>
    Promise.all((await clipRows(page).all()).map(async (row) => [await row.getByRole("textbox", { name: "IN" }).inputValue(), await row.getByRole("textbox", { name: "OUT" }).inputValue()]));
  const near = async () => {
    const spans = await clipSpans();
    expect(spans.length).toBe(sound.length);
    spans.forEach(([from, to], i) => {
      const [s, e] = [from, to].map((t) => { const p = parseTime(t ?? ""); return p.ok ? p.value : NaN; });
      expect(Math.abs(s! - sound[i]![0]!)).toBeLessThanOrEqual(AAC_FRAME);
      expect(Math.abs(e! - sound[i]![1]!)).toBeLessThanOrEqual(AAC_FRAME);
    });
  };

  await dialog.getByRole("button", { name: "Keep the sound: Replace" }).click();
  await expect(dialog).toBeHidden();
  await near();
  await press(page, "Control+z");
  await expect(clipRows(page)).toHaveCount(0);

  // One whole-file clip, split at the pauses: the same parts.
  await page.getByRole("textbox", { name: "Playhead" }).fill("0");
  await page.getByRole("textbox", { name: "Playhead" }).press("Enter");
  await press(page, "i");
  await press(page, "End");
  await press(page, "o");
  await expect(clipRows(page)).toHaveCount(1);
  await page.getByRole("button", { name: "Detect silence" }).click();
  await expect(dialog.getByRole("status")).toHaveText(`${PAUSE_TRUTH.length} pauses found`);
  await dialog.getByRole("button", { name: "Split at pauses" }).click();
  await near();
  await press(page, "Control+z");
  await expect(clipRows(page)).toHaveCount(1);
});
