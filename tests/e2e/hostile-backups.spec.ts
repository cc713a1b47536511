import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { COUNTER } from "./fixtures";
import { afterAutosave, clipStarts, markSeconds, openVideo, press } from "./page";
import { expect, test } from "./test";

/** What JSON.parse makes of a `"__proto__"` key: an own property, which spreads and serializes as one. */
const protoKey = JSON.parse('{"__proto__": {"polluted": "yes", "toString": "no"}}') as object;

test("a hostile backup: the good project restores, the others are repaired or left out and named, nothing shows NaN", async ({
  page,
  browser,
}) => {
  // A real backup of one project, from the page itself.
  await page.goto("./");
  await openVideo(page, COUNTER);
  await press(page, "Shift+ArrowRight");
  await markSeconds(page, 1);
  await afterAutosave(page);
  await page.reload();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Back up projects" }).click();
  const saved = join(test.info().outputDir, "saved.json");
  await (await download).saveAs(saved);

  // Made hostile: a clip that ends at 1e308, a project whose id is __proto__, one with no video, and
  // "__proto__" keys at every level. The good one is the last edited, so opening its video reopens it.
  type Saved = { edited: number; clips: { source: string }[] };
  const backup = JSON.parse(readFileSync(saved, "utf8")) as { projects: Saved[] };
  const good = { ...protoKey, ...backup.projects[0], name: "Good cut" } as Saved;
  const source = good.clips[0]?.source;
  const older = (ms: number) => ({ ...good, edited: good.edited - ms, undo: [], redo: [] });
  const projects = [
    good,
    { ...older(1000), id: "overlong", name: "Overlong", clips: [{ ...protoKey, id: 1, source, start: 2, end: 1e308, label: "too far" }] },
    { ...older(2000), id: "__proto__", name: "Prototype" },
    { ...older(3000), id: "no-video", name: "No video", sources: [{ ...protoKey }] },
  ];
  const hostile = join(test.info().outputDir, "hostile.json");
  writeFileSync(hostile, JSON.stringify({ ...protoKey, ...backup, projects }));

  const fresh = await browser.newPage();
  await fresh.goto("./");
  const shared = () => fresh.evaluate(() => [Object.prototype, Array.prototype].map((p) => Object.getOwnPropertyNames(p).sort()));
  const before = await shared();
  await fresh.getByLabel("Restore projects").setInputFiles(hostile);

  const alert = fresh.getByRole("alert");
  await expect(alert).toContainText("Restored 3 of 4 projects from hostile.json");
  await expect(alert).toContainText('Left out: "No video" (project 4): the video it cuts is not described');
  await expect(alert).toContainText(/"Overlong" \(project 2\): 1 clip ended after the end of the video: OUT moved to 00:00:12\.\d{3} \(clip 1: OUT 1e\+308 s\)/);
  await expect(alert).toContainText('"Prototype" (project 3): its id "__proto__" cannot be used: restored under a new id');

  const rows = fresh.getByRole("list", { name: "Projects" }).getByRole("listitem");
  await expect(rows).toHaveCount(3);
  await expect(fresh.getByRole("listitem", { name: "Overlong" })).toContainText(/counter\.mp4 · 1 clip · 00:00:10\.\d{3}/);
  await expect(fresh.locator("body")).not.toContainText("NaN");
  expect(await shared()).toEqual(before);
  expect(await fresh.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty("polluted");

  await fresh.getByLabel("Open video").setInputFiles(COUNTER);
  await expect(fresh.getByRole("status", { name: "Message" })).toContainText("Reopened Good cut with its 1 clip");
  expect(await clipStarts(fresh)).toEqual(["00:00:01.000"]);
  await expect(fresh.locator("body")).not.toContainText("NaN");
  expect(await shared()).toEqual(before);
  await fresh.close();
});

test("records left damaged by an older version or a fault: the Projects page lists the rest, naming what it skipped", async ({
  page,
}) => {
  await page.goto("./");
  await openVideo(page, COUNTER);
  await markSeconds(page, 1);
  await afterAutosave(page);
  // Written straight into IndexedDB, past every check the page makes.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("clipmark");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = db.transaction("projects", "readwrite").objectStore("projects");
    const good = await new Promise<{ clips: { source: string }[] }>((resolve) => {
      store.getAll().onsuccess = (event) => resolve((event.target as IDBRequest).result[0]);
    });
    const clips = [{ id: 1, source: good.clips[0]?.source, start: 3, end: 1e308, label: "" }];
    store.put({ ...good, id: "far", name: "Far end", clips, undo: [[{ id: 1, start: Infinity, end: 1, label: 5 }]] });
    store.put({ id: "corrupt", name: "Corrupt", media: "?", clips: "x", edited: Date.now() });
    await new Promise((resolve) => (store.transaction.oncomplete = resolve));
    db.close();
  });

  await page.reload();
  await expect(page.getByRole("alert")).toHaveText(
    /^1 project stored in this browser is damaged and not listed: "Corrupt" \(the video it cuts is not described \(file name, size and fingerprint\)\)/,
  );
  const rows = page.getByRole("list", { name: "Projects" }).getByRole("listitem");
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole("listitem", { name: "Far end" })).toContainText(/1 clip · 00:00:09\.\d{3}/);
  await expect(page.locator("body")).not.toContainText("NaN");
});
