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

const stripBytes = (strip: Strip): number =>
  strip.thumbs.reduce((total, jpeg) => total + jpeg.byteLength, 0) + (strip.peaks?.byteLength ?? 0);

/** Room a strip must leave free: projects come first, and a nearly full disk keeps no thumbnails. */
const KEEP_FREE_BYTES = 50_000_000;

/**
 * A cache never takes the room projects need: a strip is kept only if, with it, at least half
 * the site's storage and 50 MB stay free. Where the browser cannot say, it is kept.
 */
async function hasRoom(bytes: number): Promise<boolean> {
  const estimate = await globalThis.navigator?.storage?.estimate().catch(() => undefined);
  if (!estimate?.quota) return true;
  const free = estimate.quota - (estimate.usage ?? 0) - bytes;
  return free >= Math.max(estimate.quota / 2, KEEP_FREE_BYTES);
}

/** Whether the database was ever made; where the browser cannot list them, taken as yes. */
async function exists(): Promise<boolean> {
  if (typeof indexedDB.databases !== "function") return true;
  return (await indexedDB.databases()).some((database) => database.name === STRIP_DB_NAME);
}

/**
 * Thumbnails and waveforms computed once per source and kept in IndexedDB. The database is made
 * with the first strip kept, not before: even an empty one takes room a nearly full disk lacks.
 */
export class StripCache {
  private db: Promise<IDBPDatabase<Schema>> | null = null;

  private open(): Promise<IDBPDatabase<Schema>> {
    this.db ??= openDB<Schema>(STRIP_DB_NAME, VERSION, {
      upgrade: (database) => void database.createObjectStore("strips", { keyPath: "fingerprint" }),
    });
    return this.db;
  }

  /** The stored strip, or undefined: none, or one this version cannot read (it is computed again). */
  async get(fingerprint: string): Promise<StoredStrip | undefined> {
    if (!this.db && !(await exists())) return undefined;
    const stored = await (await this.open()).get("strips", fingerprint);
    return stored && Array.isArray(stored.thumbTimes) && Array.isArray(stored.thumbs) ? stored : undefined;
  }

  /** Stores a strip where there is room to spare; returns whether it did. */
  async put(strip: StoredStrip): Promise<boolean> {
    if (!(await hasRoom(stripBytes(strip)))) return false;
    await (await this.open()).put("strips", strip);
    return true;
  }
}
