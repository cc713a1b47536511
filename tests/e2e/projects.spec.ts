import { expect, test } from "./test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { COUNTER, LONG_NO_PREVIEW, SILENT } from "./fixtures";
import { keyframeTimes } from "./oracle";
import { afterAutosave, clipRows, clipStarts, markSeconds, openVideo, press } from "./page";

/** counter.mp4 opened, one clip marked `start` s in and 2 s long, labelled. */
async function labelledClip(page: import("@playwright/test").Page, start: number, label: string): Promise<void> {
  await page.goto("./");
  await openVideo(page, COUNTER);
  await press(page, "Shift+ArrowRight", start);
  await press(page, "i");
  await press(page, "Shift+ArrowRight", 2);
  await press(page, "o");
  await clipRows(page).first().getByRole("textbox", { name: "Label" }).fill(label);
  await clipRows(page).first().getByRole("textbox", { name: "Label" }).press("Enter");
}

test("every change is undoable from the keyboard and the buttons", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, COUNTER);
  await press(page, "Shift+ArrowRight");
  await markSeconds(page, 1);
  await markSeconds(page, 1);
  await clipRows(page).first().getByRole("button", { name: "Delete clip" }).click();
  expect(await clipStarts(page)).toEqual(["00:00:02.000"]);

  await page.getByRole("heading", { name: "Clipmark" }).click();
  await press(page, "Control+z");
  expect(await clipStarts(page)).toEqual(["00:00:01.000", "00:00:02.000"]);
  await press(page, "Control+z");
  expect(await clipStarts(page)).toEqual(["00:00:01.000"]);
  await press(page, "Control+Shift+z");
  expect(await clipStarts(page)).toEqual(["00:00:01.000", "00:00:02.000"]);
  await page.getByRole("button", { name: "Redo" }).click();
  expect(await clipStarts(page)).toEqual(["00:00:02.000"]);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await press(page, "Control+y");
  expect(await clipStarts(page)).toEqual(["00:00:02.000"]);
  await expect(page.getByRole("button", { name: "Redo" })).toBeDisabled();
});

test("the clips, their history and the export mode survive a reload", async ({ page }) => {
  await labelledClip(page, 3, "kept");
  await page.getByRole("radio", { name: "Re-encode (frame-accurate)" }).check();
  await afterAutosave(page);

  await page.reload();
  await expect(page.getByRole("note", { name: "Last project" })).toContainText("counter.mp4, 1 clip");
  await page.getByLabel("Open video").setInputFiles(COUNTER);
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Reopened counter.mp4 with its 1 clip");
  expect(await clipStarts(page)).toEqual(["00:00:03.000"]);
  await expect(clipRows(page).first().getByRole("textbox", { name: "Label" })).toHaveValue("kept");
  await expect(page.getByRole("radio", { name: "Re-encode (frame-accurate)" })).toBeChecked();
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(clipRows(page).first().getByRole("textbox", { name: "Label" })).toHaveValue("");

  // A different video under the same name gets none of those clips, and is told why.
  await page
    .getByLabel("Open video")
    .setInputFiles({ name: "counter.mp4", mimeType: "video/mp4", buffer: readFileSync(SILENT) });
  await expect(page.getByRole("alert")).toContainText("counter.mp4 is not the file of the project");
  await expect(clipRows(page)).toHaveCount(0);

  // Another video is its own project, and the first one is still there when it comes back.
  await page.getByLabel("Open video").setInputFiles(SILENT);
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Opened silent.mp4");
  await expect(clipRows(page)).toHaveCount(0);
  await page.getByLabel("Open video").setInputFiles(COUNTER);
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Reopened counter.mp4 with its 1 clip");
});

test("the Projects list: last edited first, rename, delete, and a backup restored on a fresh profile", async ({ page, browser }) => {
  await page.goto("./");
  await openVideo(page, COUNTER);
  await press(page, "Shift+ArrowRight");
  await markSeconds(page, 1);
  await afterAutosave(page);
  await openVideo(page, SILENT);
  await markSeconds(page, 2);
  await afterAutosave(page);

  await page.reload();
  const projects = page.getByRole("list", { name: "Projects" }).getByRole("listitem");
  await expect(projects).toHaveCount(2);
  await expect(page.getByLabel("Storage")).toContainText(/Storage: \d+\.\d MB used of \d+\.\d MB/);
  await expect(projects.nth(0)).toContainText("silent.mp4 · 1 clip · 00:00:02.000");
  await expect(projects.nth(1)).toContainText("counter.mp4 · 1 clip · 00:00:01.000");
  await projects.nth(1).getByRole("textbox", { name: "Project name" }).fill("Counter, cut one");
  await projects.nth(1).getByRole("textbox", { name: "Project name" }).press("Enter");
  await expect(page.getByRole("listitem", { name: "Counter, cut one" })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Back up projects" }).click();
  const backup = join(test.info().outputDir, "backup.json");
  await (await download).saveAs(backup);

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("listitem", { name: "silent.mp4" }).getByRole("button", { name: "Delete project" }).click();
  await expect(projects).toHaveCount(1);

  const fresh = await browser.newPage();
  await fresh.goto("./");
  await fresh.getByLabel("Restore projects").setInputFiles(backup);
  await expect(fresh.getByRole("status", { name: "Message" })).toHaveText("Restored 2 projects from backup.json");
  const restored = fresh.getByRole("list", { name: "Projects" }).getByRole("listitem");
  await expect(restored).toHaveCount(2);
  await expect(restored.nth(1)).toContainText("counter.mp4 · 1 clip");
  await fresh.getByLabel("Open video").setInputFiles(COUNTER);
  await expect(fresh.getByRole("status", { name: "Message" })).toHaveText("Reopened Counter, cut one with its 1 clip");
  expect(await clipStarts(fresh)).toEqual(["00:00:01.000"]);
  await fresh.close();
});

test("a project open in two tabs: the second is told and read-only until it takes over", async ({ context }) => {
  const first = await context.newPage();
  await first.goto("./");
  await openVideo(first, COUNTER);
  await markSeconds(first, 1);
  await afterAutosave(first);

  const second = await context.newPage();
  await second.goto("./");
  await second.getByLabel("Open video").setInputFiles(COUNTER);
  const notice = second.getByRole("region", { name: "Open in another tab" });
  await expect(notice).toBeVisible();
  await second.getByRole("heading", { name: "Clipmark" }).click();
  await markSeconds(second, 2);
  await expect(second.getByRole("alert")).toContainText("open in another tab");
  await expect(clipRows(second)).toHaveCount(1);

  // The first tab goes on editing and saving; the second takes over from what it saved.
  await press(first, "Shift+ArrowRight");
  await markSeconds(first, 1);
  await afterAutosave(first);
  await notice.getByRole("button", { name: "Edit here" }).click();
  await expect(clipRows(second)).toHaveCount(2);
  await expect(first.getByRole("region", { name: "Open in another tab" })).toBeVisible();
  await second.getByRole("heading", { name: "Clipmark" }).click();
  await press(second, "Control+z");
  await expect(clipRows(second)).toHaveCount(1);
  await expect(clipRows(first)).toHaveCount(2);
});

test("with a copy of a small source kept in the browser, the last project reopens by itself", async ({ page }) => {
  await page.goto("./");
  await openVideo(page, COUNTER);
  await markSeconds(page, 1);
  await page.getByRole("checkbox", { name: "Keep a copy of the video in this browser" }).check();
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("A copy of counter.mp4 is kept in this browser");
  await afterAutosave(page);

  await page.reload();
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Reopened counter.mp4 with its 1 clip");
  await expect(clipRows(page)).toHaveCount(1);
  await expect(page.getByRole("checkbox", { name: "Keep a copy of the video in this browser" })).toBeChecked();

  await page.getByRole("checkbox", { name: "Keep a copy of the video in this browser" }).uncheck();
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("The copy of counter.mp4 is gone");
  await page.reload();
  await expect(page.getByRole("note", { name: "Last project" })).toContainText("counter.mp4");
  await expect(page.getByRole("region", { name: "Player" })).toHaveCount(0);
});

test.describe("in a browser without file handles", () => {
  // As in Firefox or Safari: the video of a project is picked again, and checked to be the same file.
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(window, "showOpenFilePicker", { value: undefined }));
  });

  test("projects are opened, duplicated, started afresh and relinked from the list", async ({ page }) => {
    await page.goto("./");
    await openVideo(page, COUNTER);
    await markSeconds(page, 1);
    await afterAutosave(page);
    await page.getByRole("button", { name: "Close project" }).click();
    const projects = page.getByRole("list", { name: "Projects" }).getByRole("listitem");
    await expect(projects).toHaveCount(1);
    await expect(projects.first()).toContainText("counter.mp4 · 1 clip · 00:00:01.000");
    await expect(projects.first()).toContainText("pick the video to open");

    await projects.first().getByRole("button", { name: "Duplicate" }).click();
    await expect(projects).toHaveCount(2);
    const copy = page.getByRole("listitem", { name: "counter.mp4 (copy)" });
    await copy.getByRole("textbox", { name: "Project name" }).fill("Second cut");
    await copy.getByRole("textbox", { name: "Project name" }).press("Enter");
    const second = page.getByRole("listitem", { name: "Second cut" });

    // The wrong file is refused with what differs, and nothing opens.
    let chooser = page.waitForEvent("filechooser");
    await second.getByRole("button", { name: "Open" }).click();
    await (await chooser).setFiles({ name: "counter.mp4", mimeType: "video/mp4", buffer: readFileSync(SILENT) });
    await expect(page.getByRole("alert")).toContainText('counter.mp4 is not the video of the project "Second cut": it has');
    await expect(page.getByRole("alert")).toContainText("its content differs. Nothing was applied");
    await expect(page.getByRole("region", { name: "Player" })).toHaveCount(0);

    chooser = page.waitForEvent("filechooser");
    await second.getByRole("button", { name: "Open" }).click();
    await (await chooser).setFiles(COUNTER);
    await expect(page.getByRole("status", { name: "Message" })).toHaveText("Reopened Second cut with its 1 clip");
    await page.getByRole("heading", { name: "Clipmark" }).click();
    await press(page, "Shift+ArrowRight", 5);
    await markSeconds(page, 1);
    await afterAutosave(page);
    expect(await clipStarts(page)).toEqual(["00:00:00.000", "00:00:05.000"]);

    // "New project" starts an empty list on the same file; "Open video" goes on with its last edited project.
    await page.getByLabel("New project").setInputFiles(COUNTER);
    await expect(page.getByRole("status", { name: "Message" })).toHaveText("Opened counter.mp4 in a new project");
    await expect(clipRows(page)).toHaveCount(0);
    await page.getByRole("button", { name: "Close project" }).click();
    await expect(projects).toHaveCount(2);
    await expect(projects.first()).toHaveAccessibleName("Second cut");
    await expect(projects.first()).toContainText("counter.mp4 · 2 clips");
    await page.getByLabel("Open video").setInputFiles(COUNTER);
    await expect(page.getByRole("status", { name: "Message" })).toHaveText(
      "Reopened Second cut with its 2 clips (1 more projects of this file are on the Projects page)",
    );

    // One project alone backs up to a file of its own.
    await page.getByRole("button", { name: "Close project" }).click();
    const download = page.waitForEvent("download");
    await page.getByRole("listitem", { name: "Second cut" }).getByRole("button", { name: "Back up", exact: true }).click();
    expect((await download).suggestedFilename()).toBe("Second cut.clipmark.json");
    await expect(page.getByRole("status", { name: "Message" })).toHaveText("Saved 1 projects to Second cut.clipmark.json");

    // Deleting one project of a file leaves the other.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("listitem", { name: "Second cut" }).getByRole("button", { name: "Delete project" }).click();
    await expect(projects).toHaveCount(1);
    await expect(projects.first()).toContainText("counter.mp4 · 1 clip");
  });
});

test("a video opened with a file handle reopens after a reload with no picking", async ({ page }) => {
  // Playwright cannot answer the system picker (microsoft/playwright#8850): this one hands over a real
  // handle, to a copy of the sample in the origin-private file system.
  await page.addInitScript(() => {
    window.showOpenFilePicker = (async () => {
      const bytes = await (await fetch("sample.mp4")).arrayBuffer();
      const handle = await (await navigator.storage.getDirectory()).getFileHandle("sample.mp4", { create: true });
      const writable = await handle.createWritable();
      await writable.write(bytes);
      await writable.close();
      return [handle];
    }) as typeof window.showOpenFilePicker;
  });
  await page.goto("./");
  await page.getByLabel("Open video").click();
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Opened sample.mp4");
  await page.getByRole("heading", { name: "Clipmark" }).click();
  await markSeconds(page, 1);
  await afterAutosave(page);

  await page.reload();
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Reopened sample.mp4 with its 1 clip");
  await expect(clipRows(page)).toHaveCount(1);
  await page.getByRole("button", { name: "Close project" }).click();
  const project = page.getByRole("listitem", { name: "sample.mp4" });
  await expect(project).toContainText("video on this computer");
  await project.getByRole("button", { name: "Open" }).click();
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Reopened sample.mp4 with its 1 clip");
});

test("a file picked while the last project reopens is the one that opens, with its own keyframes; the old one never shows", async ({ page }) => {
  // Every message the page shows, from its first load on: a project that opens for a moment shows too.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { messages: string[] }).messages = seen;
    new MutationObserver(() => {
      const text = document.querySelector("[aria-label=Message]")?.textContent ?? "";
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto("./");
  // The kept copy is an MPEG-PS only ffmpeg.wasm reads: reopening it takes a while, the pick lands meanwhile.
  await openVideo(page, LONG_NO_PREVIEW);
  await press(page, "m");
  await press(page, "End");
  await press(page, "m");
  await page.getByRole("checkbox", { name: "Keep a copy of the video in this browser" }).check();
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("A copy of long-archive.mpg is kept in this browser");
  await afterAutosave(page);

  await page.reload();
  await expect(page.getByText("Reading long-archive.mpg…")).toBeVisible();
  await page.getByLabel("Open video").setInputFiles(COUNTER);
  await expect(page.getByRole("status", { name: "Message" })).toContainText("Opened counter.mp4");
  // counter.mp4 has a keyframe every second: its own, not the archive's (or none).
  await expect(page.getByText(/^counter\.mp4: /)).toContainText(`${keyframeTimes(COUNTER).length} keyframes`);
  await page.waitForTimeout(2_000);
  const messages = await page.evaluate(() => (window as unknown as { messages: string[] }).messages);
  expect(messages.filter((m) => m.includes("long-archive")), "the project being reopened never opened").toEqual([]);
  await expect(page.getByRole("status", { name: "Message" })).toContainText("Opened counter.mp4");
});

test("a project stored by schema 3 (one video) opens after the upgrade to schema 4 as it was, its history too", async ({ page }) => {
  await labelledClip(page, 2, "old");
  await afterAutosave(page);

  // Away from the app (a plain file of the site), the database is made again as schema 3 held
  // that project: its one media and probe, clips and steps naming no source, version 3's indexes.
  await page.goto("./icons/icon.svg");
  const written = await page.evaluate(async () => {
    const opened = (version?: number, upgrade?: (db: IDBDatabase) => void) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open("clipmark", version);
        request.onupgradeneeded = () => upgrade?.(request.result);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const done = <T,>(request: IDBRequest<T>) => new Promise<T>((resolve) => (request.onsuccess = () => resolve(request.result)));
    const now = await opened();
    const [stored] = await done(now.transaction("projects").objectStore("projects").getAll());
    now.close();
    await done(indexedDB.deleteDatabase("clipmark"));
    type Clip = Record<string, unknown>;
    const unsourced = (clips: Clip[]) => clips.map(({ source: _, ...clip }) => clip);
    const steps = (list: { at: number; removed: Clip[]; inserted: Clip[] }[]) =>
      list.map((s) => ({ ...s, removed: unsourced(s.removed), inserted: unsourced(s.inserted) }));
    const { sources, sourceFingerprints: _f, sourceNames: _n, clips, undo, redo, ...rest } = stored;
    const [{ media, info }] = sources;
    const old = { ...rest, media, info, clips: unsourced(clips), undo: steps(undo), redo: steps(redo) };
    const v3 = await opened(3, (db) => {
      const projects = db.createObjectStore("projects", { keyPath: "id" });
      projects.createIndex("edited", "edited");
      projects.createIndex("fingerprint", "media.fingerprint");
      projects.createIndex("mediaName", "media.name");
      db.createObjectStore("media", { keyPath: "id" });
      db.createObjectStore("handles", { keyPath: "fingerprint" });
    });
    const tx = v3.transaction("projects", "readwrite");
    tx.objectStore("projects").put(old);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    v3.close();
    return { steps: old.undo.length, clips: old.clips };
  });
  expect(written.steps).toBeGreaterThan(1);
  expect(written.clips).toEqual([{ id: 1, start: 2, end: 4, label: "old" }]);

  await page.goto("./");
  await expect(page.getByRole("note", { name: "Last project" })).toContainText("counter.mp4, 1 clip");
  await expect(page.getByRole("listitem", { name: "counter.mp4" })).toContainText(/counter\.mp4 · 1 clip · 00:00:02\.\d{3}/);
  await page.getByLabel("Open video").setInputFiles(COUNTER);
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Reopened counter.mp4 with its 1 clip");
  expect(await clipStarts(page)).toEqual(["00:00:02.000"]);
  await expect(clipRows(page).first().getByRole("textbox", { name: "Label" })).toHaveValue("old");
  // The history came through the upgrade: undo takes the label away, then the clip.
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(clipRows(page).first().getByRole("textbox", { name: "Label" })).toHaveValue("");
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(clipRows(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Redo" }).click();
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(clipRows(page).first().getByRole("textbox", { name: "Label" })).toHaveValue("old");

  // Stored in the new shape: one source, each clip naming it.
  const shape = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      indexedDB.open("clipmark").onsuccess = (e) => resolve((e.target as IDBOpenDBRequest).result);
    });
    const records = await new Promise<Record<string, unknown>[]>((resolve) => {
      db.transaction("projects").objectStore("projects").getAll().onsuccess = (e) => resolve((e.target as IDBRequest).result);
    });
    db.close();
    const shapeOf = (r: Record<string, unknown>) => ({
      media: r.media,
      sources: (r.sources as unknown[]).length,
      clip: (r.clips as { source: string }[])[0]?.source,
      print: r.sourceFingerprints,
    });
    return { version: db.version, records: records.map(shapeOf) };
  });
  expect(shape.version).toBe(4);
  expect(shape.records).toHaveLength(1);
  const [record] = shape.records;
  expect(record?.media).toBeUndefined();
  expect(record?.sources).toBe(1);
  expect(record?.print).toEqual([record?.clip]);
});
