import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { Strip } from "../core/strip";

/** A source's strip as stored: keyed by the source's fingerprint, so a renamed copy finds it too. */
export interface StoredStrip extends Strip {
  fingerprint: string;
  /** When it was computed (ms since 1970): a reopen that reads the cache leaves it as it was. */
  computedAt: number;
}

/** When a source's strip was last stored or read, and its size: what the budget is kept by. */
interface Use {
  fingerprint: string;
  usedAt: number;
  bytes: number;
}

interface Schema extends DBSchema {
  strips: { key: string; value: StoredStrip };
  uses: { key: string; value: Use; indexes: { usedAt: number } };
}

// A database of its own: thumbnails are a cache, and never bump the projects database's version.
export const STRIP_DB_NAME = "clipmark-strips";
const VERSION = 2;

/**
 * The most the cache keeps. A strip is at most 240 thumbnails 72 px high (a few kB each) and 100
 * loudness bytes a second of sound: about a megabyte for a 20-minute source, under two for two
 * hours, a few kB for a short clip. Sizes differ that much, and the disk is what the budget
 * protects, so it is counted in bytes, not sources: 200 MB keeps the last hundred or more sources.
 */
export const STRIP_BUDGET_BYTES = 200_000_000;

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
async function exists(name: string): Promise<boolean> {
  if (typeof indexedDB.databases !== "function") return true;
  return (await indexedDB.databases()).some((database) => database.name === name);
}

export interface StripCacheOptions {
  /** The database; tests give each cache one of its own. */
  name?: string;
  budget?: number;
  /** The clock uses are ordered by. */
  now?: () => number;
}

/**
 * Thumbnails and waveforms computed once per source and kept in IndexedDB, the most recently used
 * first: storing one drops the least recently used until the cache is within its budget, and a
 * read counts as a use. The database is made with the first strip kept, not before: even an empty
 * one takes room a nearly full disk lacks. A strip that cannot be stored (a full disk) is not.
 */
export class StripCache {
  private db: Promise<IDBPDatabase<Schema>> | null = null;
  private readonly name: string;
  private readonly budget: number;
  private readonly now: () => number;

  constructor({ name = STRIP_DB_NAME, budget = STRIP_BUDGET_BYTES, now = Date.now }: StripCacheOptions = {}) {
    this.name = name;
    this.budget = budget;
    this.now = now;
  }

  private open(): Promise<IDBPDatabase<Schema>> {
    this.db ??= openDB<Schema>(this.name, VERSION, {
      upgrade: (database, oldVersion, _newVersion, transaction) => {
        // Strips of version 1 have no use kept: dropped, they are computed again when next opened.
        if (oldVersion < 1) database.createObjectStore("strips", { keyPath: "fingerprint" });
        else void transaction.objectStore("strips").clear();
        database.createObjectStore("uses", { keyPath: "fingerprint" }).createIndex("usedAt", "usedAt");
      },
      // A newer version of the page, in another tab, needs the database: this tab lets go and opens it again when next asked.
      blocking: () => {
        void this.db?.then((db) => db.close());
        this.db = null;
      },
    });
    return this.db;
  }

  /** The stored strip, or undefined: none, or one this version cannot read (it is computed again). A read is a use. */
  async get(fingerprint: string): Promise<StoredStrip | undefined> {
    if (!this.db && !(await exists(this.name))) return undefined;
    const db = await this.open();
    const stored = await db.get("strips", fingerprint);
    if (!stored || !Array.isArray(stored.thumbTimes) || !Array.isArray(stored.thumbs)) return undefined;
    // Not noting the use costs only the order: the strip is read all the same.
    await db.put("uses", { fingerprint, usedAt: this.now(), bytes: stripBytes(stored) }).catch(() => undefined);
    return stored;
  }

  /**
   * Stores a strip where there is room to spare, dropping the least recently used strips until the
   * cache is within its budget; returns whether it did. Never fails: a cache that cannot store
   * leaves the page as it was.
   */
  async put(strip: StoredStrip): Promise<boolean> {
    const bytes = stripBytes(strip);
    if (bytes > this.budget || !(await hasRoom(bytes))) return false;
    return this.store(strip, bytes).catch(() => false);
  }

  /** Stores a strip and its use in one transaction with the drops that make room for it: all or nothing. */
  private async store(strip: StoredStrip, bytes: number): Promise<boolean> {
    const transaction = (await this.open()).transaction(["strips", "uses"], "readwrite");
    const committed = transaction.done.then(
      () => true,
      () => false,
    );
    const writes: Promise<unknown>[] = [];
    try {
      const [strips, uses] = [transaction.objectStore("strips"), transaction.objectStore("uses")];
      const others = (await uses.index("usedAt").getAll()).filter((use) => use.fingerprint !== strip.fingerprint);
      let total = others.reduce((sum, use) => sum + use.bytes, bytes);
      for (const use of others) {
        if (total <= this.budget) break;
        total -= use.bytes;
        writes.push(strips.delete(use.fingerprint), uses.delete(use.fingerprint));
      }
      writes.push(strips.put(strip), uses.put({ fingerprint: strip.fingerprint, usedAt: this.now(), bytes }));
      await Promise.all(writes);
    } catch {
      // The strips dropped to make room come back with the abort (their requests fail with it).
      void Promise.allSettled(writes);
      try {
        transaction.abort();
      } catch {
        // The browser ended it already (a full disk aborts the transaction itself).
      }
    }
    return committed;
  }
}
