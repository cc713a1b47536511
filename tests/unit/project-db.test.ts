import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { openDB } from "idb";
import { DB_VERSION, ProjectDb, projectId, type ProjectRecord } from "../../src/storage/project-db";

let dbCount = 0;
const freshDb = () => ProjectDb.open(`test-${dbCount++}`);

function project(name: string, edited: number, clips = [{ id: 1, start: 1, end: 2, label: "" }]): ProjectRecord {
  const media = { name, size: 1000, lastModified: 5, fingerprint: `print-of-${name}` };
  return { id: projectId(media), name, media, clips, undo: [[]], redo: [], exportMode: "lossless", created: 1, edited };
}

describe("ProjectDb", () => {
  it("saves and loads a project as it was", async () => {
    const db = await freshDb();
    const record = project("talk.mp4", 10);
    await db.save(record);
    expect(await db.load(record.id)).toEqual(record);
    expect(await db.load("nothing")).toBeUndefined();
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

  it("keeps a copy of a small source, and forgets it with its project", async () => {
    const db = await freshDb();
    const record = project("a.mp4", 1);
    await db.save(record);
    await db.keepMedia(record.id, new File([new Uint8Array([1, 2, 3])], "a.mp4", { type: "video/mp4" }));
    const copy = await db.storedMedia(record.id);
    expect(copy?.name).toBe("a.mp4");
    expect(new Uint8Array(await (copy as File).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    await db.remove(record.id);
    expect(await db.storedMedia(record.id)).toBeUndefined();
    expect(await db.load(record.id)).toBeUndefined();
  });

  it("upgrades a version 1 database, written as version 1 wrote it, with nothing lost", async () => {
    const name = `test-${dbCount++}`;
    const old = await openDB(name, 1, {
      upgrade(database) {
        database.createObjectStore("projects", { keyPath: "id" }).createIndex("edited", "edited");
      },
    });
    const record = project("old.mp4", 3);
    await old.put("projects", record);
    old.close();
    const db = await ProjectDb.open(name);
    expect(DB_VERSION).toBe(2);
    expect(await db.list()).toEqual([record]);
    expect(await db.storedMedia(record.id)).toBeUndefined();
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
