import { spawnSync } from "node:child_process";
import { expect, test } from "./test";
import { BLACK, BLACK_FPS, BLACK_FRAMES } from "./fixtures";
import { clipRows, openVideo, press } from "./page";
import { formatTimecode } from "../../src/core/timecode";

/** The black stretches native ffmpeg's blackdetect finds (its defaults but the minimum length), in seconds. */
function nativeBlack(file: string): [number, number][] {
  // blackdetect reports on stderr.
  const log = spawnSync("ffmpeg", ["-hide_banner", "-i", file, "-vf", "blackdetect=d=0.1:pix_th=0.10", "-an", "-f", "null", "-"], { encoding: "utf8" }).stderr;
  return [...log.matchAll(/black_start:([\d.]+) black_end:([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

test("Detect black frames finds the stretches blackdetect finds, to the frame; keeps the picture and splits, each undoable", async ({ page }) => {
  const native = nativeBlack(BLACK);
  // The oracle agrees with how the fixture was made, so both judge the page.
  expect(native).toEqual(BLACK_FRAMES.map(([first, end]) => [first / BLACK_FPS, end / BLACK_FPS]));

  await page.goto("./");
  await openVideo(page, BLACK);
  const dialog = page.getByRole("dialog", { name: "Detect black frames" });
  await page.getByRole("button", { name: "Detect black frames" }).click();
  await expect(dialog.getByRole("status")).toHaveText("3 black stretches found");
  const rows = dialog.getByRole("table", { name: "Black stretches" }).locator("tbody").getByRole("row");
  await expect(rows).toHaveCount(native.length);
  for (const [i, [start, end]] of native.entries()) {
    expect(await rows.nth(i).getByRole("cell").allTextContents()).toEqual([String(i + 1), formatTimecode(start), formatTimecode(end)]);
  }

  const spans = async () =>
    Promise.all((await clipRows(page).all()).map(async (row) => [await row.getByRole("textbox", { name: "IN" }).inputValue(), await row.getByRole("textbox", { name: "OUT" }).inputValue()]));
  const picture = [[native[0]![1], native[1]![0]], [native[1]![1], native[2]![0]], [native[2]![1], 8]].map((s) => s.map(formatTimecode));

  await dialog.getByRole("button", { name: "Keep the picture: Replace" }).click();
  await expect(dialog).toBeHidden();
  expect(await spans()).toEqual(picture);
  await press(page, "Control+z");
  await expect(clipRows(page)).toHaveCount(0);

  // A longer minimum leaves the short stretch at the start out; Split at black frames cuts one whole-file clip.
  await press(page, "Home");
  await press(page, "i");
  await press(page, "End");
  await press(page, "o");
  await expect(clipRows(page)).toHaveCount(1);
  await page.getByRole("button", { name: "Detect black frames" }).click();
  await expect(dialog.getByRole("status")).toHaveText("3 black stretches found");
  await dialog.getByRole("spinbutton", { name: "Minimum length (s)" }).fill("0.2");
  await expect(dialog.getByRole("status")).toHaveText("2 black stretches found");
  await dialog.getByRole("button", { name: "Split at black frames" }).click();
  expect(await spans()).toEqual([["00:00:00.000", picture[0]![1]!], ...picture.slice(1)]);
  await press(page, "Control+z");
  await expect(clipRows(page)).toHaveCount(1);
});
