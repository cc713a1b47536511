import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { Clip } from "../core/clips";
import type { ExportMode } from "../core/export-plan";

/** What identifies the source across reloads: a File cannot be stored, but these can. */
export interface MediaRef {
  name: string;
  size: number;
  lastModified: number;
}

export interface ProjectRecord {
  /** The media's identity: one project per source file. */
  id: string;
  name: string;
  media: MediaRef;
  clips: Clip[];
  /** Undo and redo survive a reload. */
  undo: Clip[][];
  redo: Clip[][];
  exportMode: ExportMode;
  created: number;
  edited: number;
}

interface Schema extends DBSchema {
  projects: { key: string; value: ProjectRecord; indexes: { edited: number } };
}

const DB_NAME = "clipmark";
export const DB_VERSION = 1;

export const projectId = (media: MediaRef): string => `${media.name}|${media.size}|${media.lastModified}`;

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

  close(): void {
    this.db.close();
  }
}
