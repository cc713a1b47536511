import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { openDB } from "idb";
import type { Clip } from "../../src/core/clips";
import { DB_VERSION, newId, ProjectDb, type ProjectRecord } from "../../src/storage/project-db";
import { sampleInfo } from "./sample-info";

let dbCount = 0;
const freshDb = () => ProjectDb.open(`test-${dbCount++}`);

function project(name: string, edited: number, clips: Clip[] = [{ id: 1, start: 1, end: 2, label: "" }]): ProjectRecord {
  const media = { name, size: 1000, lastModified: 5, fingerprint: `print-of-${name}` };
  const undo = [{ at: 0, removed: [], inserted: clips }];
  return { id: `project-${name}`, name, media, clips, undo, redo: [], exportMode: "lossless", created: 1, edited };
}

const bytes = (...values: number[]) => new File([new Uint8Array(values)], "a.mp4", { type: "video/mp4" });

describe("ProjectDb", () => {
  it("saves and loads a project as it was", async () => {
    const db = await freshDb();
    const record = project("talk.mp4", 10);
    await db.save(record);
    expect(await db.load(record.id)).toEqual(record);
    expect(await db.load("nothing")).toBeUndefined();
  });

  it("keeps clip colours in the record and its history, and reads one it does not know as none", async () => {
    const db = await freshDb();
    const record = project("talk.mp4", 10, [{ id: 1, start: 1, end: 2, label: "", colour: "purple" }]);
    record.redo = [{ at: 0, removed: record.clips, inserted: [{ id: 1, start: 1, end: 2, label: "" }] }];
    await db.save(record);
    expect(await db.load(record.id)).toEqual(record);
    await db.save({ ...record, clips: [{ id: 1, start: 1, end: 2, label: "", colour: "mauve" as "red" }], undo: [], redo: [] });
    expect((await db.load(record.id))?.clips).toEqual([{ id: 1, start: 1, end: 2, label: "" }]);
  });

  it("lists the last edited first, and removes", async () => {
    const db = await freshDb();
    await db.save(project("a.mp4", 10));
    await db.save(project("b.mp4", 30));
    await db.save(project("c.mp4", 20));
    expect((await db.list()).map((p) => p.name)).toEqual(["b.mp4", "c.mp4", "a.mp4"]);
    await db.remove(project("b.mp4", 0).id);
    expect((await db.list()).map((p) => p.name)).toEqual(["c.mp4", "a.mp4"]);
  });

  it("replaces a project whole on save", async () => {
    const db = await freshDb();
    await db.save(project("a.mp4", 1));
    await db.save(project("a.mp4", 2, [{ id: 7, start: 3, end: 4, label: "x" }]));
    expect((await db.list()).map((p) => [p.edited, p.clips])).toEqual([[2, [{ id: 7, start: 3, end: 4, label: "x" }]]]);
  });

  it("keeps what was saved when a save fails", async () => {
    const db = await freshDb();
    const good = project("a.mp4", 1);
    await db.save(good);
    // A value IndexedDB cannot clone fails the save's transaction as a whole.
    const bad = { ...project("a.mp4", 2), clips: [() => 0] } as unknown as ProjectRecord;
    await expect(db.save(bad)).rejects.toThrow();
    expect(await db.load(good.id)).toEqual(good);
  });

  it("renames, and restores a backup's projects all at once", async () => {
    const db = await freshDb();
    const a = project("a.mp4", 1);
    await db.save(a);
    await db.rename(a.id, "Lecture 3");
    expect((await db.load(a.id))?.name).toBe("Lecture 3");
    await db.restore([project("b.mp4", 5), project("c.mp4", 4)]);
    expect((await db.list()).map((p) => p.name)).toEqual(["b.mp4", "c.mp4", "Lecture 3"]);
    const broken = { ...project("d.mp4", 9), clips: [() => 0] } as unknown as ProjectRecord;
    await expect(db.restore([project("e.mp4", 8), broken])).rejects.toThrow();
    expect((await db.list()).map((p) => p.name)).toEqual(["b.mp4", "c.mp4", "Lecture 3"]);
  });

  it("reads every record through the project check: repaired in memory, or skipped as damaged with why", async () => {
    const name = `test-${dbCount++}`;
    const db = await ProjectDb.open(name);
    const shared = Object.getOwnPropertyNames(Object.prototype).sort();
    const long = { ...project("long.mp4", 5, [{ id: 1, start: 1, end: 1e308, label: "" }]), info: sampleInfo() };
    // Not a key, so not in the `edited` index: only a read of the store finds it.
    const dateless = { ...project("dateless.mp4", 0), edited: null };
    const damaged = [
      { ...project("broken.mp4", 9), name: "Broken", clips: "x" },
      { id: "no-media", name: 5, clips: [], edited: 8 },
      { ...project("proto.mp4", 7), id: "__proto__", name: "Proto" },
    ];
    // Written as an older version or a fault might have left them, past every check.
    const raw = await openDB(name);
    for (const record of [project("good.mp4", 1), long, dateless, ...damaged]) await raw.put("projects", record);
    raw.close();

    const { projects, damaged: skipped } = await db.survey();
    expect(projects.map((p) => p.name)).toEqual(["dateless.mp4", "long.mp4", "good.mp4"]);
    expect(projects.find((p) => p.name === "long.mp4")?.clips).toEqual([{ id: 1, start: 1, end: 12, label: "" }]);
    // In key order.
    expect(skipped).toEqual([
      { name: "Proto", error: 'its id "__proto__" cannot be used' },
      { name: "A project with no name", error: "the video it cuts is not described (file name, size and fingerprint)" },
      { name: "Broken", error: "its clip list is unreadable" },
    ]);
    expect((await db.list()).length).toBe(3);
    expect(await db.load("project-broken.mp4")).toBeUndefined();
    expect((await db.load(long.id))?.clips[0]?.end).toBe(12);
    // Broken (9) and the record named __proto__ (7) are edited later than long.mp4 (5), and skipped.
    expect((await db.lastEdited())?.name).toBe("long.mp4");
    expect(await db.projectsOf("print-of-broken.mp4")).toEqual([]);
    expect(await db.projectsNamed("proto.mp4")).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(shared);
  });

  it("keeps a copy of a small source and its handle while any project of that source is left", async () => {
    const db = await freshDb();
    const record = project("a.mp4", 1);
    const print = record.media.fingerprint;
    await db.save(record);
    await db.duplicate(record.id, "copy", "a.mp4 (copy)", 7);
    await db.keepMedia(print, bytes(1, 2, 3));
    // fake-indexeddb cannot make a real handle; any cloneable value shows that it is kept and given back.
    const handle = { kind: "file", name: "a.mp4" } as unknown as FileSystemFileHandle;
    await db.keepHandle(print, handle);
    const copy = await db.storedMedia(print);
    expect(copy?.name).toBe("a.mp4");
    expect(new Uint8Array(await (copy as File).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));

    await db.remove(record.id);
    expect(await db.load(record.id)).toBeUndefined();
    expect(await db.hasMedia(print)).toBe(true);
    expect(await db.handle(print)).toEqual(handle);
    await db.remove("copy");
    expect(await db.storedMedia(print)).toBeUndefined();
    expect(await db.handle(print)).toBeUndefined();
  });

  it("finds a source's projects and a file name's, the last edited first", async () => {
    const db = await freshDb();
    const a = project("a.mp4", 1);
    await db.save(a);
    await db.save(project("b.mp4", 2));
    await db.duplicate(a.id, newId(), "Second cut", 3);
    expect((await db.projectsOf(a.media.fingerprint)).map((p) => p.name)).toEqual(["Second cut", "a.mp4"]);
    expect((await db.projectsNamed("b.mp4")).map((p) => p.name)).toEqual(["b.mp4"]);
    expect(await db.projectsOf("nothing")).toEqual([]);
  });

  it("reads the last edited project alone, and which sources have a copy or a handle", async () => {
    const db = await freshDb();
    expect(await db.lastEdited()).toBeUndefined();
    await db.save(project("a.mp4", 10));
    await db.save(project("b.mp4", 30));
    await db.save(project("c.mp4", 20));
    expect((await db.lastEdited())?.name).toBe("b.mp4");
    await db.keepMedia("print-of-a.mp4", bytes(1));
    await db.keepHandle("print-of-c.mp4", { kind: "file" } as unknown as FileSystemFileHandle);
    expect(await db.keptSources()).toEqual({ copies: new Set(["print-of-a.mp4"]), handles: new Set(["print-of-c.mp4"]) });
  });

  it("duplicates a project whole (its clips' colours too), under a new id, name and dates", async () => {
    const db = await freshDb();
    const first = { id: 1, start: 0, end: 1, label: "" };
    const a = project("a.mp4", 1, [{ id: 1, start: 1, end: 2, label: "", colour: "green" }]);
    a.undo = [{ at: 0, removed: [], inserted: [first] }, { at: 0, removed: [first], inserted: a.clips }];
    await db.save(a);
    await db.duplicate(a.id, "twin", "Twin", 50);
    expect(await db.load("twin")).toEqual({ ...a, id: "twin", name: "Twin", created: 50, edited: 50 });
    expect(await db.load(a.id)).toEqual(a);
  });

  it("makes ids that differ", () => {
    expect(newId()).toMatch(/^[0-9a-f]{32}$/);
    expect(newId()).not.toBe(newId());
  });

  it("upgrades a version 1 database, written as version 1 wrote it, with nothing lost", async () => {
    const name = `test-${dbCount++}`;
    const old = await openDB(name, 1, {
      upgrade(database) {
        database.createObjectStore("projects", { keyPath: "id" }).createIndex("edited", "edited");
      },
    });
    const record = project("old.mp4", 3);
    // Before version 3 the undo history was whole lists: read as the changes between them.
    await old.put("projects", { ...record, undo: [[]] });
    old.close();
    const db = await ProjectDb.open(name);
    expect(await db.list()).toEqual([record]);
    expect(await db.projectsOf(record.media.fingerprint)).toEqual([record]);
    expect(await db.storedMedia(record.media.fingerprint)).toBeUndefined();
  });

  it("upgrades a version 2 database, its projects and copies, with nothing lost", async () => {
    const name = `test-${dbCount++}`;
    const old = await openDB(name, 2, {
      upgrade(database) {
        database.createObjectStore("projects", { keyPath: "id" }).createIndex("edited", "edited");
        database.createObjectStore("media", { keyPath: "id" });
      },
    });
    // Version 2 keyed both a project and its copy by the source's fingerprint.
    const record = { ...project("old.mp4", 3), id: "print-of-old.mp4" };
    await old.put("projects", { ...record, undo: [[]] });
    await old.put("media", { id: record.id, name: "old.mp4", type: "video/mp4", lastModified: 5, bytes: new ArrayBuffer(4) });
    old.close();
    const db = await ProjectDb.open(name);
    expect(DB_VERSION).toBe(3);
    expect(await db.list()).toEqual([record]);
    expect(await db.projectsNamed("old.mp4")).toEqual([record]);
    expect((await db.storedMedia(record.media.fingerprint))?.size).toBe(4);
    await db.remove(record.id);
    expect(await db.hasMedia(record.media.fingerprint)).toBe(false);
  });

  it("reopens a database written before, with nothing lost", async () => {
    const name = `test-${dbCount++}`;
    const first = await ProjectDb.open(name);
    await first.save(project("a.mp4", 1));
    first.close();
    const again = await ProjectDb.open(name);
    expect((await again.list()).map((p) => p.name)).toEqual(["a.mp4"]);
  });
});
