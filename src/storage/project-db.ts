import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { BackedUpProject } from "../core/formats/project-backup";

/** A stored project: its id is its media's identity, one project per source file. */
export type ProjectRecord = BackedUpProject;

/** What identifies the source across reloads: a File cannot be stored, but this can. */
export type MediaRef = ProjectRecord["media"];

interface Schema extends DBSchema {
  projects: { key: string; value: ProjectRecord; indexes: { edited: number } };
}

const DB_NAME = "clipmark";
export const DB_VERSION = 1;

export const projectId = (media: MediaRef): string => media.fingerprint;

/** The projects kept in IndexedDB. Every save is one transaction: a crash leaves old or new, never a mix. */
export class ProjectDb {
  private constructor(private readonly db: IDBPDatabase<Schema>) {}

  static async open(name = DB_NAME): Promise<ProjectDb> {
    const db = await openDB<Schema>(name, DB_VERSION, {
      upgrade(database, oldVersion) {
        // Version 1 is the first schema; later versions add their steps below it.
        if (oldVersion < 1) database.createObjectStore("projects", { keyPath: "id" }).createIndex("edited", "edited");
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

  remove(id: string): Promise<void> {
    return this.db.delete("projects", id);
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
