import { openDB, unwrap, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type StoreNames } from "idb";
import type { Project } from "../core/project";
import { isObject } from "../core/json";
import { withSources } from "../core/project-upgrade";
import { checkProject, shown } from "../core/project-validation";

/** A stored project. A source file may have several; each has an id of its own. */
export type ProjectRecord = Project;

/**
 * A project as the store holds it: with its sources' fingerprints and file names beside it, which
 * the store indexes (an index cannot reach into a list of objects). Reads leave them out again.
 */
type StoredProject = Project & { sourceFingerprints: string[]; sourceNames: string[] };

const stored = (project: Project): StoredProject => ({
  ...project,
  sourceFingerprints: [...new Set(project.sources.map((s) => s.media.fingerprint))],
  sourceNames: [...new Set(project.sources.map((s) => s.media.name))],
});

/** A stored record that is no project this page can read (an older version's, or damaged), and why. */
export interface DamagedRecord {
  name: string;
  error: string;
}

/**
 * A record as read, checked as a restored project is (repaired in memory where it can be; the
 * repair is stored with the next save), or why not. Its id must be its key, so a bad one is refused.
 */
function readRecord(record: unknown): { ok: true; project: ProjectRecord } | { ok: false; damaged: DamagedRecord } {
  const checked = checkProject(record, { now: Date.now() });
  if (checked.ok) return checked;
  const name = isObject(record) && typeof record.name === "string" ? shown(record.name) : "A project with no name";
  return { ok: false, damaged: { name, error: checked.error } };
}

const readable = (record: unknown): ProjectRecord | undefined => {
  const read = readRecord(record);
  return read.ok ? read.project : undefined;
};
const allReadable = (records: readonly unknown[]): ProjectRecord[] => records.flatMap((r) => readable(r) ?? []);

/** A copy of a small source, kept so its projects reopen with no question (bytes: every IndexedDB stores those). */
export interface StoredMedia {
  /** The source's fingerprint (the key version 2 gave it). */
  id: string;
  name: string;
  type: string;
  lastModified: number;
  bytes: ArrayBuffer;
}

/** Where the browser has them, a handle to the source on disk: reading it again takes one permission click. */
interface StoredHandle {
  fingerprint: string;
  handle: FileSystemFileHandle;
}

interface Schema extends DBSchema {
  projects: { key: string; value: StoredProject; indexes: { edited: number; sourceFingerprints: string; sourceNames: string } };
  media: { key: string; value: StoredMedia };
  handles: { key: string; value: StoredHandle };
}

const DB_NAME = "clipmark";
export const DB_VERSION = 4;
/** Sources up to this size may be copied into the browser's storage. */
export const MEDIA_COPY_LIMIT = 200_000_000;

/**
 * Puts a project in: the copy IndexedDB makes of it is what a save costs the page's main thread,
 * so it is measured ("clipmark:store-project" in a profile, and in the bench's list-scale lines).
 */
function put(store: IDBPObjectStore<Schema, ["projects"], "projects", "readwrite">, project: ProjectRecord) {
  const start = performance.now();
  const request = store.put(stored(project));
  performance.measure("clipmark:store-project", { start });
  return request;
}

/** A random id; `crypto.randomUUID` exists only on secure origins, and a static host may be plain http. */
export function newId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The projects kept in IndexedDB, with what brings their sources back: a copy of a small file, or
 * a file handle. Those belong to the source (its fingerprint), shared by all of its projects.
 * Every write is one transaction: a crash leaves old or new, never a mix.
 */
export class ProjectDb {
  private constructor(private readonly db: IDBPDatabase<Schema>) {}

  static async open(name = DB_NAME): Promise<ProjectDb> {
    const db = await openDB<Schema>(name, DB_VERSION, {
      upgrade(database, oldVersion, _newVersion, tx) {
        // One step per version, so a database of any earlier version comes up to date.
        if (oldVersion < 1) database.createObjectStore("projects", { keyPath: "id" }).createIndex("edited", "edited");
        if (oldVersion < 2) database.createObjectStore("media", { keyPath: "id" });
        // Up to version 2 a project's id was its source's fingerprint; those ids stay as they are.
        if (oldVersion < 3) database.createObjectStore("handles", { keyPath: "fingerprint" });
        // Version 4: a project has sources, not one media; it is found by any of them.
        if (oldVersion < 4) {
          const projects = tx.objectStore("projects");
          // Version 3's indexes on the one media (unwrapped: the typed schema knows only version 4's).
          for (const index of ["fingerprint", "mediaName"]) {
            const store = unwrap(projects);
            if (store.indexNames.contains(index)) store.deleteIndex(index);
          }
          projects.createIndex("sourceFingerprints", "sourceFingerprints", { multiEntry: true });
          projects.createIndex("sourceNames", "sourceNames", { multiEntry: true });
          // Not awaited (upgrade is synchronous), yet done first: the open resolves once this transaction has.
          void upgradeProjects(projects);
        }
      },
    });
    return new ProjectDb(db);
  }

  /** Every read below gives only projects that pass checkProject; damaged records are skipped. */
  async load(id: string): Promise<ProjectRecord | undefined> {
    return readable(await this.db.get("projects", id));
  }

  /** Committed at once, not once the page has heard back: a save begun as the page goes away still lands. */
  async save(project: ProjectRecord): Promise<void> {
    const tx = this.db.transaction("projects", "readwrite");
    const stored = put(tx.store, project);
    tx.commit();
    await Promise.all([stored, tx.done]);
  }

  /**
   * Writes over a stored project, in one transaction; false, writing nothing, when it is gone
   * (deleted in another tab). The look takes the page one round trip more than `save`.
   */
  async update(project: ProjectRecord): Promise<boolean> {
    const tx = this.db.transaction("projects", "readwrite");
    const kept = (await tx.store.getKey(project.id)) !== undefined;
    const stored = kept ? put(tx.store, project) : undefined;
    tx.commit();
    await Promise.all([stored, tx.done]);
    return kept;
  }

  /**
   * Every project, the last edited first, and the records that are none. Read from the store, not
   * the `edited` index, which leaves out a record whose date is not a key.
   */
  async survey(): Promise<{ projects: ProjectRecord[]; damaged: DamagedRecord[] }> {
    const projects: ProjectRecord[] = [];
    const damaged: DamagedRecord[] = [];
    for (const record of await this.db.getAll("projects")) {
      const read = readRecord(record);
      if (read.ok) projects.push(read.project);
      else damaged.push(read.damaged);
    }
    return { projects: lastEditedFirst(projects), damaged };
  }

  async list(): Promise<ProjectRecord[]> {
    return (await this.survey()).projects;
  }

  /** The last edited readable project, read alone (with any damaged ones edited later). */
  async lastEdited(): Promise<ProjectRecord | undefined> {
    let cursor = await this.db.transaction("projects").store.index("edited").openCursor(null, "prev");
    for (; cursor; cursor = await cursor.continue()) {
      const project = readable(cursor.value);
      if (project) return project;
    }
    return undefined;
  }

  /** The sources (fingerprints) that have a kept copy, and those that have a handle, in one read. */
  async keptSources(): Promise<{ copies: Set<string>; handles: Set<string> }> {
    const tx = this.db.transaction(["media", "handles"]);
    const [copies, handles] = await Promise.all([tx.objectStore("media").getAllKeys(), tx.objectStore("handles").getAllKeys()]);
    return { copies: new Set(copies), handles: new Set(handles) };
  }

  /** The projects of one source, the last edited first. */
  async projectsOf(fingerprint: string): Promise<ProjectRecord[]> {
    return lastEditedFirst(allReadable(await this.db.getAllFromIndex("projects", "sourceFingerprints", fingerprint)));
  }

  /** The projects whose source had this file name. */
  async projectsNamed(fileName: string): Promise<ProjectRecord[]> {
    return lastEditedFirst(allReadable(await this.db.getAllFromIndex("projects", "sourceNames", fileName)));
  }

  /** A project goes; each of its sources' copy and handle go with that source's last project, in the same transaction. */
  async remove(id: string): Promise<void> {
    const tx = this.db.transaction(["projects", "media", "handles"], "readwrite");
    const projects = tx.objectStore("projects");
    const project = await projects.get(id);
    if (project) {
      await projects.delete(id);
      // A record too damaged to read has no fingerprints listed, and leaves the copies alone.
      for (const fingerprint of project.sourceFingerprints ?? []) {
        if ((await projects.index("sourceFingerprints").count(fingerprint)) === 0) {
          await tx.objectStore("media").delete(fingerprint);
          await tx.objectStore("handles").delete(fingerprint);
        }
      }
    }
    await tx.done;
  }

  /** A copy of a project under a new id and name, with the same clips and history. */
  async duplicate(id: string, copyId: string, name: string, now: number): Promise<void> {
    const tx = this.db.transaction("projects", "readwrite");
    const project = readable(await tx.store.get(id));
    if (project) await put(tx.store, { ...project, id: copyId, name, created: now, edited: now });
    await tx.done;
  }

  /** Renames in one read-write transaction, so a concurrent save cannot be half overwritten. */
  async rename(id: string, name: string): Promise<void> {
    const tx = this.db.transaction("projects", "readwrite");
    const project = await tx.store.get(id);
    if (project) await tx.store.put({ ...project, name });
    await tx.done;
  }

  /**
   * Puts a backup's projects in, all or none: backup.parse has already left out or repaired each
   * project on its own, so what fails here (storage full) fails for all.
   */
  async restore(projects: readonly ProjectRecord[]): Promise<void> {
    const tx = this.db.transaction("projects", "readwrite");
    const done = tx.done;
    try {
      for (const project of projects) await put(tx.store, project);
    } catch (error) {
      // A put that throws (a value IndexedDB cannot store) leaves the others pending: undo them.
      done.catch(() => undefined);
      tx.abort();
      throw error;
    }
    await done;
  }

  async keepMedia(fingerprint: string, file: File): Promise<void> {
    if (file.size > MEDIA_COPY_LIMIT) throw new Error(`${file.name} is larger than ${MEDIA_COPY_LIMIT / 1e6} MB`);
    const { name, type, lastModified } = file;
    await this.db.put("media", { id: fingerprint, name, type, lastModified, bytes: await file.arrayBuffer() });
  }

  async hasMedia(fingerprint: string): Promise<boolean> {
    return (await this.db.getKey("media", fingerprint)) !== undefined;
  }

  async storedMedia(fingerprint: string): Promise<File | undefined> {
    const stored = await this.db.get("media", fingerprint);
    return stored && new File([stored.bytes], stored.name, { type: stored.type, lastModified: stored.lastModified });
  }

  dropMedia(fingerprint: string): Promise<void> {
    return this.db.delete("media", fingerprint);
  }

  async keepHandle(fingerprint: string, handle: FileSystemFileHandle): Promise<void> {
    await this.db.put("handles", { fingerprint, handle });
  }

  async handle(fingerprint: string): Promise<FileSystemFileHandle | undefined> {
    return (await this.db.get("handles", fingerprint))?.handle;
  }

  close(): void {
    this.db.close();
  }
}

/**
 * Every stored project of an earlier version in the shape of version 4 (its one media its one
 * source, every clip naming it), with the keys it is found by. Anything else in a record is kept
 * as it was; a damaged record is left as it is (it is still read, upgraded, and named as damaged).
 */
async function upgradeProjects(projects: IDBPObjectStore<Schema, StoreNames<Schema>[], "projects", "versionchange">) {
  for (let cursor = await projects.openCursor(); cursor; cursor = await cursor.continue()) {
    const upgraded = withSources(cursor.value);
    const checked = checkProject(upgraded, { now: 0 });
    // Only what reads as a project is rewritten, not repaired: the keys it is found by are its checked sources'.
    if (!checked.ok || !isObject(upgraded)) continue;
    const { sourceFingerprints, sourceNames } = stored(checked.project);
    // As stored, unchecked: the shape of a project, its faults (repaired on each read) as they were.
    await cursor.update({ ...upgraded, sourceFingerprints, sourceNames } as unknown as StoredProject);
  }
}

const lastEditedFirst = (projects: ProjectRecord[]) => projects.sort((a, b) => b.edited - a.edited);
