import "fake-indexeddb/auto";
import { openDB } from "idb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { StripCache, type StoredStrip } from "../../src/storage/strip-cache";

/** A source's strip of `bytes` bytes: one thumbnail that size. */
const strip = (fingerprint: string, bytes: number): StoredStrip => ({
  fingerprint,
  computedAt: 1,
  thumbTimes: [0],
  thumbs: [new ArrayBuffer(bytes)],
  thumbWidth: 16,
  thumbHeight: 9,
  peaks: null,
});

let dbCount = 0;

/** A cache of its own with a budget of 300 bytes, on a clock that ticks once a use. */
function cache(budget = 300) {
  let clock = 0;
  const name = `strips-${dbCount++}`;
  return { name, cache: new StripCache({ name, budget, now: () => ++clock }) };
}

async function kept(cache: StripCache, fingerprints: string[]): Promise<string[]> {
  const found = await Promise.all(fingerprints.map(async (f) => ((await cache.get(f)) ? f : null)));
  return found.filter((f) => f !== null);
}

describe("strip cache", () => {
  afterEach(() => vi.restoreAllMocks());

  it("keeps the most recently used strips within its budget, dropping the least recently used first", async () => {
    const { cache: strips } = cache();
    for (const f of ["a", "b", "c"]) expect(await strips.put(strip(f, 100))).toBe(true);
    expect(await strips.put(strip("d", 100))).toBe(true);
    expect(await strips.put(strip("e", 150))).toBe(true);
    expect(await kept(strips, ["a", "b", "c", "d", "e"])).toEqual(["d", "e"]);
  });

  it("a read is a use: the strip read is kept over one stored earlier but not read since", async () => {
    const { cache: strips } = cache();
    for (const f of ["a", "b", "c"]) await strips.put(strip(f, 100));
    expect((await strips.get("a"))?.fingerprint).toBe("a");
    await strips.put(strip("d", 100));
    expect(await kept(strips, ["a", "b", "c", "d"])).toEqual(["a", "c", "d"]);
  });

  it("a source stored again replaces its strip without counting it twice", async () => {
    const { cache: strips } = cache();
    for (const f of ["a", "b", "c"]) await strips.put(strip(f, 100));
    await strips.put(strip("c", 100));
    expect(await kept(strips, ["a", "b", "c"])).toEqual(["a", "b", "c"]);
  });

  it("a strip bigger than the whole budget is not stored, and drops nothing", async () => {
    const { cache: strips } = cache();
    await strips.put(strip("a", 100));
    expect(await strips.put(strip("huge", 301))).toBe(false);
    expect(await kept(strips, ["a", "huge"])).toEqual(["a"]);
  });

  it("a full disk stores nothing and fails nothing: the strips dropped to make room stay", async () => {
    const { cache: strips } = cache();
    for (const f of ["a", "b", "c"]) await strips.put(strip(f, 100));
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === "strips") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return put.apply(this, args);
    });
    expect(await strips.put(strip("d", 100))).toBe(false);
    vi.restoreAllMocks();
    expect(await kept(strips, ["a", "b", "c", "d"])).toEqual(["a", "b", "c"]);
  });

  it("drops the strips of version 1, which have no use kept, and works on", async () => {
    const name = `strips-${dbCount++}`;
    const old = await openDB(name, 1, { upgrade: (db) => void db.createObjectStore("strips", { keyPath: "fingerprint" }) });
    await old.put("strips", strip("old", 100));
    old.close();
    const strips = new StripCache({ name, budget: 300 });
    expect(await strips.get("old")).toBeUndefined();
    expect(await strips.put(strip("new", 100))).toBe(true);
    expect((await strips.get("new"))?.thumbs[0]?.byteLength).toBe(100);
  });

  it("reading from a cache never stored to makes no database", async () => {
    const { name, cache: strips } = cache();
    expect(await strips.get("a")).toBeUndefined();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });
});
