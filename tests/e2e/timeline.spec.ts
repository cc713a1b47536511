import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { COUNTER, SYNC } from "./fixtures";
import { markClip, typeTime } from "./marking";
import { clipRows, openVideo, playhead, press } from "./page";

const timeline = (page: Page) => page.getByRole("region", { name: "Timeline" });
const position = (page: Page) => timeline(page).getByRole("slider", { name: "Position" });

/** Screen x of a source time on a fitted timeline, from where the playhead stands at the start and at the end. */
async function xOf(page: Page): Promise<(time: number, duration: number) => number> {
  const centre = async () => {
    const box = await position(page).boundingBox();
    if (!box) throw new Error("no playhead");
    return box.x + box.width / 2;
  };
  await press(page, "Home");
  const start = await centre();
  await press(page, "End");
  const end = await centre();
  return (time, duration) => start + (time / duration) * (end - start);
}

async function centreOf(page: Page, name: string): Promise<{ x: number; y: number }> {
  const box = await timeline(page).getByRole("slider", { name }).boundingBox();
  if (!box) throw new Error(`no ${name}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test.describe("on the counter", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto("./");
    await openVideo(page, COUNTER);
  });

  test("each clip is a numbered region, overlaps shown on rows of their own; the playhead and a pending IN show", async ({ page }) => {
    await markClip(page, 2, 4);
    await typeTime(page, 3);
    await press(page, "m");
    await typeTime(page, 6);
    await press(page, "m");
    const clips = timeline(page).getByRole("group", { name: /^Clip \d+$/ });
    await expect(clips).toHaveCount(2);
    const [first, second] = [await clips.nth(0).boundingBox(), await clips.nth(1).boundingBox()];
    // They overlap from 3 s to 4 s: the second is drawn on a row below the first.
    expect(second?.y).toBeGreaterThan((first?.y ?? 0) + (first?.height ?? 0) - 1);
    await expect(timeline(page).getByRole("slider", { name: "Clip 2 IN" })).toHaveAttribute("aria-valuenow", "3");
    await expect(timeline(page).getByRole("slider", { name: "Clip 2 OUT" })).toHaveAttribute("aria-valuenow", "6");
    await expect(position(page)).toHaveAttribute("aria-valuenow", "6");

    await typeTime(page, 8);
    await press(page, "i");
    await expect(timeline(page).getByRole("note", { name: "IN waiting for its OUT at 00:00:08.000" })).toBeVisible();
    await press(page, "Shift+ArrowRight");
    await press(page, "o");
    await expect(timeline(page).getByRole("note")).toHaveCount(0);
    await expect(clips).toHaveCount(3);
  });

  test("a click on the timeline seeks there, and dragging along it scrubs", async ({ page }) => {
    const x = await xOf(page);
    const y = (await centreOf(page, "Position")).y;
    await page.mouse.click(x(6, 12), y);
    expect(Math.abs((await playhead(page)) - 6)).toBeLessThan(0.1);
    await page.mouse.down();
    await page.mouse.move(x(9, 12), y, { steps: 5 });
    await page.mouse.up();
    expect(Math.abs((await playhead(page)) - 9)).toBeLessThan(0.1);
  });

  test("dragging an edge snaps to the playhead, shows the move while dragging, and is one undo step", async ({ page }) => {
    await markClip(page, 2, 4);
    // Frame 37 of 25 fps.
    await typeTime(page, 1.48);
    const x = await xOf(page);
    await typeTime(page, 1.48);
    const edge = await centreOf(page, "Clip 1 IN");
    const inField = clipRows(page).first().getByRole("textbox", { name: "IN" });

    await page.mouse.move(edge.x, edge.y);
    await page.mouse.down();
    await page.mouse.move(x(1.5, 12), edge.y, { steps: 6 });
    // Dragging: the edge is drawn where it lands, the list keeps the old IN until release.
    await expect(timeline(page).getByRole("slider", { name: "Clip 1 IN" })).toHaveAttribute("aria-valuenow", "1.48");
    await expect(inField).toHaveValue("00:00:02.000");
    await page.mouse.up();
    await expect(inField).toHaveValue("00:00:01.480");

    await page.getByRole("button", { name: "Undo" }).click();
    await expect(inField).toHaveValue("00:00:02.000");
    await page.getByRole("button", { name: "Redo" }).click();
    await expect(inField).toHaveValue("00:00:01.480");
    await page.getByRole("button", { name: "Undo" }).click();

    // Alt: no snapping, the edge lands on the start of the frame under the pointer.
    const again = await centreOf(page, "Clip 1 IN");
    await page.keyboard.down("Alt");
    await page.mouse.move(again.x, again.y);
    await page.mouse.down();
    await page.mouse.move(x(1.3, 12), again.y, { steps: 6 });
    await page.mouse.up();
    await page.keyboard.up("Alt");
    const landed = Number(await timeline(page).getByRole("slider", { name: "Clip 1 IN" }).getAttribute("aria-valuenow"));
    expect(Math.abs(landed - 1.3)).toBeLessThan(0.1);
    expect(Math.abs(landed * 25 - Math.round(landed * 25))).toBeLessThan(1e-6);
    expect(landed).not.toBe(1.48);
  });

  test("← and → on an edge's slider move that edge exactly one frame, and leave the playhead", async ({ page }) => {
    await markClip(page, 2, 4);
    const out = timeline(page).getByRole("slider", { name: "Clip 1 OUT" });
    await out.focus();
    await press(page, "ArrowRight");
    await expect(clipRows(page).first().getByRole("textbox", { name: "OUT" })).toHaveValue("00:00:04.040");
    await press(page, "ArrowLeft", 3);
    await expect(clipRows(page).first().getByRole("textbox", { name: "OUT" })).toHaveValue("00:00:03.920");
    await expect(out).toHaveAttribute("aria-valuenow", "3.92");
    expect(await playhead(page)).toBe(4);
    // An edge cannot pass the other one: refused in words, nothing changes.
    const inEdge = timeline(page).getByRole("slider", { name: "Clip 1 IN" });
    await page.getByRole("textbox", { name: "OUT" }).first().fill("2.04");
    await page.getByRole("textbox", { name: "OUT" }).first().press("Enter");
    await inEdge.focus();
    await press(page, "ArrowRight");
    await expect(page.getByRole("alert")).toContainText("must be after IN");
    await expect(inEdge).toHaveAttribute("aria-valuenow", "2");
  });

  test("five quick → on an edge's slider are one undo step, as a drag is", async ({ page }) => {
    await markClip(page, 2, 4);
    const out = timeline(page).getByRole("slider", { name: "Clip 1 OUT" });
    await out.focus();
    await press(page, "ArrowRight", 5);
    await expect(out).toHaveAttribute("aria-valuenow", "4.2");
    await press(page, "Control+z");
    await expect(out).toHaveAttribute("aria-valuenow", "4");
    await expect(clipRows(page).first().getByRole("textbox", { name: "OUT" })).toHaveValue("00:00:04.000");
    // The step before, the marking, is still there to undo.
    await press(page, "Control+z");
    await expect(clipRows(page)).toHaveCount(0);
  });

  test("zoom goes from the whole file to a few frames and back; zoomed, the view scrolls", async ({ page }) => {
    const span = timeline(page).getByText(/–/);
    await expect(span).toHaveText("00:00:00.000 – 00:00:12.000");
    await typeTime(page, 6);
    await press(page, "+", 20);
    // 12 frames of 25 fps around the playhead.
    await expect(span).toHaveText("00:00:05.760 – 00:00:06.240");
    const scroll = timeline(page).getByRole("slider", { name: "Scroll timeline" });
    await expect(scroll).toBeVisible();
    await scroll.focus();
    await press(page, "End");
    await expect(span).toHaveText("00:00:11.520 – 00:00:12.000");
    await page.getByRole("button", { name: "Fit" }).click();
    await expect(span).toHaveText("00:00:00.000 – 00:00:12.000");
    await expect(scroll).toBeHidden();

    // Ctrl+wheel zooms around the pointer.
    const x = await xOf(page);
    const y = (await centreOf(page, "Position")).y;
    await page.mouse.move(x(3, 12), y);
    await page.keyboard.down("Control");
    await page.mouse.wheel(0, -100);
    await page.keyboard.up("Control");
    // The 3 s under the pointer stays under it: the view now runs from about 1 s to 9 s.
    const [from, to] = ((await span.textContent()) ?? "").split(" – ").map((t) => t.split(":").reduce((n, p) => n * 60 + Number(p), 0));
    expect(Math.abs((from ?? 0) - 1)).toBeLessThan(0.05);
    expect((to ?? 0) - (from ?? 0)).toBeCloseTo(8, 9);
    await press(page, "0");
    await expect(span).toHaveText("00:00:00.000 – 00:00:12.000");
  });
});

test("thumbnails and the waveform appear without holding up marking; silence shows; a reopen of the project reads them from the cache", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, SYNC);
  // Marking while the strip worker computes: the key's effect is on the page at once.
  const latency = await page.evaluate(async () => {
    const started = performance.now();
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "i", bubbles: true }));
    await new Promise(requestAnimationFrame);
    return performance.now() - started;
  });
  await expect(page.getByRole("status", { name: "Message" })).toContainText("IN set");
  console.log(`key to mark while thumbnails compute: ${latency.toFixed(1)} ms`);
  expect(latency).toBeLessThan(200);

  // A clip, so that the project is stored: its strip is kept with it.
  await press(page, "Shift+ArrowRight");
  await press(page, "o");
  const wave = timeline(page).getByRole("img", { name: "Sound waveform" });
  await expect(timeline(page).getByRole("img", { name: "Thumbnails" })).toBeVisible();
  await expect(wave).toBeVisible();
  // A beep on every whole second, silence between: those columns of the waveform are empty.
  const columns = await wave.evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext("2d");
    const { width, height } = canvas;
    const data = context?.getImageData(0, 0, width, height).data ?? new Uint8ClampedArray();
    const drawn = (x: number) => Array.from({ length: height }, (_, y) => data[(y * width + x) * 4 + 3] ?? 0).some((a) => a > 0);
    const at = (t: number) => Math.floor((t / 20) * width);
    const silent = Array.from({ length: 19 }, (_, s) => s).flatMap((s) => {
      const columns = [];
      for (let x = at(s + 0.2); x <= at(s + 0.8); x++) if (drawn(x)) columns.push(x);
      return columns;
    });
    return { silent, beeps: Array.from({ length: 19 }, (_, s) => drawn(at(s + 1.01))) };
  });
  expect(columns.silent).toEqual([]);
  expect(columns.beeps).toEqual(Array(19).fill(true));

  const computedAt = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open("clipmark-strips");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction("strips").objectStore("strips").getAll();
            all.onsuccess = () => {
              open.result.close();
              resolve(all.result.length === 1 ? all.result[0].computedAt : -all.result.length);
            };
          };
        }),
    );
  await expect.poll(computedAt).toBeGreaterThan(0);
  const first = await computedAt();
  await page.reload();
  await page.getByLabel("Open video").setInputFiles(SYNC);
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Reopened sync.mp4 with its 1 clip");
  await expect(timeline(page).getByRole("img", { name: "Thumbnails" })).toBeVisible();
  await expect(wave).toBeVisible();
  expect(await computedAt()).toBe(first);
});

test("a selected clip takes I and O at the playhead; ↑/↓ and a click select, Shift+I/O go to its edges, Escape deselects", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, COUNTER);
  await markClip(page, 2, 4);
  await markClip(page, 6, 8);
  const group = (n: number) => timeline(page).getByRole("group", { name: `Clip ${n}` });
  const field = (n: number, name: "IN" | "OUT") => clipRows(page).nth(n - 1).getByRole("textbox", { name });

  await press(page, "ArrowDown");
  await expect(group(1)).toHaveAttribute("aria-current", "true");
  expect(await playhead(page)).toBe(2);
  await typeTime(page, 3);
  await press(page, "i");
  await expect(field(1, "IN")).toHaveValue("00:00:03.000");
  await press(page, "Shift+O");
  expect(await playhead(page)).toBe(4);

  await press(page, "ArrowDown");
  await expect(group(2)).toHaveAttribute("aria-current", "true");
  await typeTime(page, 7.2);
  await press(page, "o");
  await expect(field(2, "OUT")).toHaveValue("00:00:07.200");
  await expect(clipRows(page)).toHaveCount(2);
  await press(page, "Shift+I");
  expect(await playhead(page)).toBe(6);

  await group(1).click();
  await expect(group(1)).toHaveAttribute("aria-current", "true");
  await expect(group(2)).not.toHaveAttribute("aria-current", "true");
  await press(page, "Escape");
  await expect(group(1)).not.toHaveAttribute("aria-current", "true");
  await press(page, "i");
  await expect(timeline(page).getByRole("note", { name: /^IN waiting for its OUT/ })).toBeVisible();
  await expect(field(1, "IN")).toHaveValue("00:00:03.000");
});
