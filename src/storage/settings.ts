import { isObject } from "../core/json";
import { DEFAULT_KEYS, parseKeyMap, type KeyMap } from "../core/shortcuts";

export type Theme = "system" | "dark" | "light";

export const THEMES: readonly Theme[] = ["system", "dark", "light"];

/** The page's own settings, as kept in the browser. */
export interface Settings {
  shortcuts: KeyMap;
  theme: Theme;
}

export const DEFAULT_SETTINGS: Settings = { shortcuts: DEFAULT_KEYS, theme: "system" };

/**
 * localStorage, not IndexedDB: it is read synchronously, so the theme is on the page before its
 * first paint. The key carries the format's version; another version is not read.
 */
const KEY = "clipmark.settings.v1";

/** Where settings are kept: localStorage in the page, a plain object in tests. */
export type SettingsStore = Pick<Storage, "getItem" | "setItem">;

/** The browser's localStorage, or null where the browser refuses it (storage blocked for the site). */
export function browserStore(): SettingsStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The kept settings; anything missing, old or not understood falls back to its default, never throws. */
export function readSettings(store: SettingsStore | null): Settings {
  let value: unknown;
  try {
    value = JSON.parse(store?.getItem(KEY) ?? "null");
  } catch {
    return DEFAULT_SETTINGS;
  }
  if (!isObject(value)) return DEFAULT_SETTINGS;
  const theme = THEMES.find((name) => name === value.theme) ?? "system";
  return { shortcuts: parseKeyMap(value.shortcuts), theme };
}

/** Keeps `settings`; false where the browser would not store them (blocked, or full). */
export function writeSettings(store: SettingsStore | null, settings: Settings): boolean {
  try {
    store?.setItem(KEY, JSON.stringify(settings));
    return store !== null;
  } catch {
    return false;
  }
}

/** Whether a `storage` event from another tab is about these settings. */
export const isSettingsKey = (key: string | null): boolean => key === KEY || key === null;
