import { createSignal, onCleanup } from "solid-js";
import { assign, DEFAULT_KEYS, swap, type ActionId, type Assignment } from "../core/shortcuts";
import { browserStore, isSettingsKey, readSettings, writeSettings, type SettingsStore, type Theme } from "../storage/settings";

/** System follows the system's light or dark (app.css's media query); Dark and Light override it. */
function showTheme(theme: Theme): void {
  if (theme === "system") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/**
 * The shortcuts and the theme: changes apply at once and are kept; another tab's changes arrive
 * here too. `complain` says so where the browser will not keep them.
 */
export function createSettings(complain: (message: string) => void, store: SettingsStore | null = browserStore()) {
  const kept = readSettings(store);
  const [shortcuts, setShortcuts] = createSignal(kept.shortcuts);
  const [theme, setTheme] = createSignal(kept.theme);
  showTheme(kept.theme);

  const keep = () => {
    if (!writeSettings(store, { shortcuts: shortcuts(), theme: theme() }))
      complain("This browser does not keep the page's settings: the keys and the theme are back to their defaults on the next visit");
  };

  const fromOtherTab = (event: StorageEvent) => {
    if (!isSettingsKey(event.key)) return;
    const other = readSettings(store);
    setShortcuts(other.shortcuts);
    setTheme(other.theme);
    showTheme(other.theme);
  };
  window.addEventListener("storage", fromOtherTab);
  onCleanup(() => window.removeEventListener("storage", fromOtherTab));

  return {
    shortcuts,
    theme,
    chooseTheme(next: Theme): void {
      setTheme(next);
      showTheme(next);
      keep();
    },
    /** `combo` as `id`'s key, unless refused or another action's (then nothing changes). */
    rebind(id: ActionId, combo: string): Assignment {
      const result = assign(shortcuts(), id, combo);
      if (result.ok) {
        setShortcuts(result.map);
        keep();
      }
      return result;
    },
    /** `combo` as `id`'s key, the action that had it taking `id`'s keys. */
    swap(id: ActionId, combo: string): void {
      setShortcuts(swap(shortcuts(), id, combo));
      keep();
    },
    resetKeys(): void {
      setShortcuts(DEFAULT_KEYS);
      keep();
    },
  };
}

export type SettingsState = ReturnType<typeof createSettings>;
