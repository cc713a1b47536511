import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { openDB, type IDBPDatabase, type IDBPTransaction } from "idb";
import type { Clip } from "../../src/core/clips";
import { apply } from "../../src/core/history";
import type { Source } from "../../src/core/project";
import { DB_VERSION, newId, ProjectDb, type ProjectRecord } from "../../src/storage/project-db";
import { sampleInfo } from "./sample-info";

let dbCount = 0;
const freshDb = () => ProjectDb.open(`test-${dbCount++}`);

type Unsourced = Omit<Clip, "source">;

/** A project of one file; its source's id is the fingerprint, as an upgrade from one media names it. */
function project(name: string, edited: number, unsourced: Unsourced[] = [{ id: 1, start: 1, end: 2, label: "" }]): ProjectRecord {
  const media = { name, size: 1000, lastModified: 5, fingerprint: `print-of-${name}` };
  const clips = sourced(unsourced, media.fingerprint);
  const undo = [{ at: 0, removed: [], inserted: clips }];
  const sources = [{ id: media.fingerprint, media }];
  return { id: `project-${name}`, name, sources, clips, undo, redo: [], exportMode: "lossless", created: 1, edited };
}

const sourced = (clips: readonly Unsourced[], source: string): Clip[] => clips.map((clip) => ({ ...clip, source }));
const fingerprintOf = (record: ProjectRecord) => (record.sources[0] as Source).media.fingerprint;

/** A project as versions 1 to 3 stored it: one `media` (and `info`), clips and steps naming no source. */
function asOneMedia({ sources, clips, undo, redo, ...rest }: ProjectRecord, steps: "lists" | "changes") {
  const [{ media, info }] = sources as [Source];
  const unsourced = (list: readonly Clip[]): Unsourced[] => list.map(({ source: _, ...clip }) => clip);
  const changes = (list: ProjectRecord["undo"]) =>
    list.map((s) => ({ ...s, removed: unsourced(s.removed), inserted: unsourced(s.inserted) }));
  // Before version 3 undo and redo were whole lists: here each step's list before it (undo) or after it (redo).
  const lists = (list: ProjectRecord["undo"], direction: "forward" | "backward") => {
    let at: readonly Clip[] = clips;
    const ordered = direction === "backward" ? [...list].reverse() : list;
    const met = ordered.map((step) => unsourced((at = apply(at, step, direction))));
    return direction === "backward" ? met.reverse() : met;
  };
  return {
    ...rest,
    media,
    ...(info && { info }),
    clips: unsourced(clips),
    undo: steps === "lists" ? lists(undo, "backward") : changes(undo),
    redo: steps === "lists" ? lists(redo, "forward") : changes(redo),
  };
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
    const print = fingerprintOf(record);
    record.redo = [{ at: 0, removed: record.clips, inserted: sourced([{ id: 1, start: 1, end: 2, label: "" }], print) }];
    await db.save(record);
    expect(await db.load(record.id)).toEqual(record);
    await db.save({ ...record, clips: sourced([{ id: 1, start: 1, end: 2, label: "", colour: "mauve" as "red" }], print), undo: [], redo: [] });
    expect((await db.load(record.id))?.clips).toEqual(sourced([{ id: 1, start: 1, end: 2, label: "" }], print));
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
    expect((await db.list()).map((p) => [p.edited, p.clips])).toEqual([[2, [{ id: 7, source: "print-of-a.mp4", start: 3, end: 4, label: "x" }]]]);
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
    const longProject = project("long.mp4", 5, [{ id: 1, start: 1, end: 1e308, label: "" }]);
    const long = { ...longProject, sources: [{ ...(longProject.sources[0] as Source), info: sampleInfo() }] };
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
    expect(projects.find((p) => p.name === "long.mp4")?.clips).toEqual([{ id: 1, source: "print-of-long.mp4", start: 1, end: 12, label: "" }]);
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
    const print = fingerprintOf(record);
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
    expect((await db.projectsOf(fingerprintOf(a))).map((p) => p.name)).toEqual(["Second cut", "a.mp4"]);
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
    const first = { id: 1, source: "print-of-a.mp4", start: 0, end: 1, label: "" };
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

  // Each earlier version's stores and indexes, as it made them.
  type OldSchema = (database: IDBPDatabase, tx: IDBPTransaction<unknown, string[], "versionchange">) => void;
  const OLD_SCHEMAS: Record<number, OldSchema> = {
    1: (database) => database.createObjectStore("projects", { keyPath: "id" }).createIndex("edited", "edited"),
    2: (database, tx) => {
      OLD_SCHEMAS[1]?.(database, tx);
      database.createObjectStore("media", { keyPath: "id" });
    },
    3: (database, tx) => {
      OLD_SCHEMAS[2]?.(database, tx);
      const projects = tx.objectStore("projects");
      projects.createIndex("fingerprint", "media.fingerprint");
      projects.createIndex("mediaName", "media.name");
      database.createObjectStore("handles", { keyPath: "fingerprint" });
    },
  };
  async function oldDatabase(version: number, records: readonly unknown[]): Promise<string> {
    const name = `test-${dbCount++}`;
    const old = await openDB(name, version, { upgrade: (database, _old, _new, tx) => OLD_SCHEMAS[version]?.(database, tx) });
    for (const record of records) await old.put("projects", record);
    if (version >= 2) await old.put("media", { id: "print-of-old.mp4", name: "old.mp4", type: "video/mp4", lastModified: 5, bytes: new ArrayBuffer(4) });
    old.close();
    return name;
  }

  /** A project with a history of three edits, one undone. */
  function edited(name: string, id = `project-${name}`): ProjectRecord {
    const record = project(name, 3, [
      { id: 1, start: 1, end: 2, label: "intro" },
      { id: 3, start: 4, end: 6, label: "" },
    ]);
    const [one, three] = record.clips as [Clip, Clip];
    const two = { ...one, id: 2, start: 2.5, end: 3, label: "" };
    record.undo = [
      { at: 0, removed: [], inserted: [one, two] },
      { at: 1, removed: [two], inserted: [three] },
    ];
    record.redo = [{ at: 0, removed: [one], inserted: [] }];
    return { ...record, id };
  }

  // Version 1 and 2 kept undo and redo as whole lists, and keyed a project by its source's fingerprint.
  it.each([
    [1, "lists", "print-of-old.mp4"],
    [2, "lists", "print-of-old.mp4"],
    [3, "changes", "project-old.mp4"],
  ] as const)("upgrades a version %i database, written as that version wrote it, with nothing lost", async (version, steps, id) => {
    const record = edited("old.mp4", id);
    const other = version === 3 ? { ...edited("talk.mp4"), sources: [{ ...(edited("talk.mp4").sources[0] as Source), info: sampleInfo() }] } : undefined;
    const name = await oldDatabase(version, [asOneMedia(record, steps), ...(other ? [asOneMedia(other, steps)] : [])]);
    const db = await ProjectDb.open(name);
    expect(DB_VERSION).toBe(4);
    expect(await db.load(id)).toEqual(record);
    expect(await db.list()).toEqual(other ? [record, other] : [record]);
    expect(await db.projectsOf("print-of-old.mp4")).toEqual([record]);
    expect(await db.projectsNamed("old.mp4")).toEqual([record]);
    if (other) expect(await db.projectsOf("print-of-talk.mp4")).toEqual([other]);
    // The kept copy is still the source's, and goes with its last project.
    expect(await db.hasMedia("print-of-old.mp4")).toBe(version >= 2);
    await db.remove(id);
    expect(await db.hasMedia("print-of-old.mp4")).toBe(false);
    db.close();
    // Stored in the new shape, not only read in it.
    const raw = await openDB(name);
    const kept: unknown[] = await raw.getAll("projects");
    expect(kept.every((r) => (r as { media?: unknown }).media === undefined)).toBe(true);
    raw.close();
  });

  it("leaves a record it cannot read as it was on upgrade, named as damaged", async () => {
    // The first version's records had no fingerprint: nothing tells which file they cut.
    const unprinted = { ...asOneMedia(project("first.mp4", 2), "lists"), media: { name: "first.mp4", size: 1000, lastModified: 5 } };
    const name = await oldDatabase(3, [unprinted]);
    const db = await ProjectDb.open(name);
    expect(await db.survey()).toEqual({
      projects: [],
      damaged: [{ name: "first.mp4", error: "the video it cuts is not described (file name, size and fingerprint)" }],
    });
    db.close();
    const raw = await openDB(name);
    expect(await raw.get("projects", unprinted.id)).toEqual(unprinted);
    raw.close();
  });

  it("finds a project by any of its sources, and keeps each source's copy while a project of it is left", async () => {
    const db = await freshDb();
    const a = project("a.mp4", 1);
    const b = project("b.mp4", 2);
    const both = { ...a, id: "both", sources: [...a.sources, ...b.sources], clips: [...a.clips, ...b.clips], undo: [] };
    await db.save(both);
    await db.save(b);
    expect((await db.projectsOf("print-of-a.mp4")).map((p) => p.id)).toEqual(["both"]);
    expect((await db.projectsNamed("b.mp4")).map((p) => p.id)).toEqual([b.id, "both"]);
    await db.keepMedia("print-of-a.mp4", bytes(1));
    await db.keepMedia("print-of-b.mp4", bytes(2));
    await db.remove("both");
    expect(await db.hasMedia("print-of-a.mp4")).toBe(false);
    expect(await db.hasMedia("print-of-b.mp4")).toBe(true);
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
