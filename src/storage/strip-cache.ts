import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { Strip } from "../core/strip";

/** A source's strip as stored: keyed by the source's fingerprint, so a renamed copy finds it too. */
export interface StoredStrip extends Strip {
  fingerprint: string;
  /** When it was computed (ms since 1970): a reopen that reads the cache leaves it as it was. */
  computedAt: number;
}

interface Schema extends DBSchema {
  strips: { key: string; value: StoredStrip };
}

// A database of its own: thumbnails are a cache, and never bump the projects database's version.
export const STRIP_DB_NAME = "clipmark-strips";
const VERSION = 1;

/** Thumbnails and waveforms computed once per source and kept in IndexedDB. */
export class StripCache {
  private constructor(private readonly db: IDBPDatabase<Schema>) {}

  static async open(): Promise<StripCache> {
    const db = await openDB<Schema>(STRIP_DB_NAME, VERSION, {
      upgrade: (database) => void database.createObjectStore("strips", { keyPath: "fingerprint" }),
    });
    return new StripCache(db);
  }

  /** The stored strip, or undefined: none, or one this version cannot read (it is computed again). */
  async get(fingerprint: string): Promise<StoredStrip | undefined> {
    const stored = await this.db.get("strips", fingerprint);
    return stored && Array.isArray(stored.thumbTimes) && Array.isArray(stored.thumbs) ? stored : undefined;
  }

  async put(strip: StoredStrip): Promise<void> {
    await this.db.put("strips", strip);
  }
}
