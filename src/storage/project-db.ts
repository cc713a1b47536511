import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { BackedUpProject } from "../core/formats/project-backup";

/** A stored project: its id is its media's identity, one project per source file. */
export type ProjectRecord = BackedUpProject;

/** What identifies the source across reloads: a File cannot be stored, but this can. */
export type MediaRef = ProjectRecord["media"];

/** A copy of a small source, kept so its project reopens with no question (bytes: every IndexedDB stores those). */
export interface StoredMedia {
  id: string;
  name: string;
  type: string;
  lastModified: number;
  bytes: ArrayBuffer;
}

interface Schema extends DBSchema {
  projects: { key: string; value: ProjectRecord; indexes: { edited: number } };
  media: { key: string; value: StoredMedia };
}

const DB_NAME = "clipmark";
export const DB_VERSION = 2;
/** Sources up to this size may be copied into the browser's storage. */
export const MEDIA_COPY_LIMIT = 200_000_000;

export const projectId = (media: MediaRef): string => media.fingerprint;

/** The projects kept in IndexedDB. Every save is one transaction: a crash leaves old or new, never a mix. */
export class ProjectDb {
  private constructor(private readonly db: IDBPDatabase<Schema>) {}

  static async open(name = DB_NAME): Promise<ProjectDb> {
    const db = await openDB<Schema>(name, DB_VERSION, {
      upgrade(database, oldVersion) {
        // One step per version, so a database of any earlier version comes up to date.
        if (oldVersion < 1) database.createObjectStore("projects", { keyPath: "id" }).createIndex("edited", "edited");
        if (oldVersion < 2) database.createObjectStore("media", { keyPath: "id" });
      },
    });
    return new ProjectDb(db);
  }

  load(id: string): Promise<ProjectRecord | undefined> {
    return this.db.get("projects", id);
  }

  async save(project: ProjectRecord): Promise<void> {
    await this.db.put("projects", project);
  }

  /** Every project, the last edited first. */
  async list(): Promise<ProjectRecord[]> {
    return (await this.db.getAllFromIndex("projects", "edited")).reverse();
  }

  /** A project goes with its stored copy of the source, in one transaction. */
  async remove(id: string): Promise<void> {
    const tx = this.db.transaction(["projects", "media"], "readwrite");
    await Promise.all([tx.objectStore("projects").delete(id), tx.objectStore("media").delete(id), tx.done]);
  }

  async keepMedia(id: string, file: File): Promise<void> {
    if (file.size > MEDIA_COPY_LIMIT) throw new Error(`${file.name} is larger than ${MEDIA_COPY_LIMIT / 1e6} MB`);
    const { name, type, lastModified } = file;
    await this.db.put("media", { id, name, type, lastModified, bytes: await file.arrayBuffer() });
  }

  async hasMedia(id: string): Promise<boolean> {
    return (await this.db.getKey("media", id)) !== undefined;
  }

  async storedMedia(id: string): Promise<File | undefined> {
    const stored = await this.db.get("media", id);
    return stored && new File([stored.bytes], stored.name, { type: stored.type, lastModified: stored.lastModified });
  }

  dropMedia(id: string): Promise<void> {
    return this.db.delete("media", id);
  }

  /** Renames in one read-write transaction, so a concurrent save cannot be half overwritten. */
  async rename(id: string, name: string): Promise<void> {
    const tx = this.db.transaction("projects", "readwrite");
    const project = await tx.store.get(id);
    if (project) await tx.store.put({ ...project, name });
    await tx.done;
  }

  /** Puts every project of a backup in, all or none. */
  async restore(projects: readonly ProjectRecord[]): Promise<void> {
    const tx = this.db.transaction("projects", "readwrite");
    const done = tx.done;
    try {
      for (const project of projects) await tx.store.put(project);
    } catch (error) {
      // A put that throws (a value IndexedDB cannot store) leaves the others pending: undo them.
      done.catch(() => undefined);
      tx.abort();
      throw error;
    }
    await done;
  }

  close(): void {
    this.db.close();
  }
}
