import { describe, expect, it } from "vitest";
import { DEFAULT_KEYS, swap } from "../../src/core/shortcuts";
import { DEFAULT_SETTINGS, readSettings, writeSettings, type SettingsStore } from "../../src/storage/settings";

/** localStorage's two calls over a Map, which can be told to refuse writes as a full or blocked one does. */
function memoryStore(refuse = false): SettingsStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      if (refuse) throw new DOMException("full", "QuotaExceededError");
      items.set(key, value);
    },
  };
}

/** A store whose settings record holds `text` in place of what was written. */
function storeHolding(text: string): SettingsStore {
  const store = memoryStore();
  writeSettings(store, DEFAULT_SETTINGS);
  const [key] = [...store.items.keys()];
  store.items.set(key as string, text);
  return store;
}

describe("settings kept in the browser", () => {
  it("reads back the keys and the theme that were written", () => {
    const store = memoryStore();
    const settings = { shortcuts: swap(DEFAULT_KEYS, "markIn", "O"), theme: "light" as const };
    expect(writeSettings(store, settings)).toBe(true);
    expect(readSettings(store)).toEqual(settings);
  });

  it("gives the defaults where nothing, or nothing readable, was kept", () => {
    expect(readSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings(memoryStore())).toEqual(DEFAULT_SETTINGS);
    for (const text of ["{", "null", "[1,2]", '"dark"', "1e999", '{"theme":"purple","shortcuts":"I"}']) {
      expect(readSettings(storeHolding(text)), text).toEqual(DEFAULT_SETTINGS);
    }
  });

  it("keeps what it can read of an old or damaged record", () => {
    const read = readSettings(storeHolding(JSON.stringify({ theme: "dark", shortcuts: { markIn: ["Q"], markOut: 5 } })));
    expect(read.theme).toBe("dark");
    expect(read.shortcuts.markIn).toEqual(["Q"]);
    expect(read.shortcuts.markOut).toEqual(["O"]);
  });

  it("says so where the browser will not keep them", () => {
    expect(writeSettings(memoryStore(true), DEFAULT_SETTINGS)).toBe(false);
    expect(writeSettings(null, DEFAULT_SETTINGS)).toBe(false);
  });
});
