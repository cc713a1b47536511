/**
 * A key combination as one string, the form shortcuts are matched and kept in: modifiers in a
 * fixed order, then the key ("I", "Shift+I", "Alt+ArrowLeft", "Ctrl+Shift+Z", "Space", "?").
 */

/** The fields of a KeyboardEvent a combo is made from. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

const MODIFIER_KEYS = new Set(["Shift", "Control", "Alt", "AltGraph", "Meta", "OS", "Super", "Hyper", "Fn", "FnLock", "CapsLock", "NumLock", "ScrollLock"]);
/** Keys that name no key: a dead key waiting for the next, an input method composing, an unknown key. */
const UNREADABLE = new Set(["Dead", "Unidentified", "Process", "Compose"]);

/** Pressed alone, a modifier starts a combo rather than being one. */
export const isModifierOnly = (press: KeyPress): boolean => MODIFIER_KEYS.has(press.key);

const isLetter = (name: string): boolean => name.length === 1 && name.toLowerCase() !== name.toUpperCase();
/** One printed character that is not a letter: the layout's Shift is already in it ("?" is Shift+/ in the US). */
const isSymbol = (name: string): boolean => [...name].length === 1 && !isLetter(name);

/** A letter in capitals, where that is one letter too ("ß" stays, not "SS"). */
function capital(key: string): string {
  const upper = key.toUpperCase();
  return [...upper].length === 1 ? upper : key;
}

function keyName(press: KeyPress): string {
  if (press.key === " ") return "Space";
  // Alt (Option on macOS) and Ctrl change what a letter or digit types: name those by their place.
  if (press.ctrlKey || press.altKey || press.metaKey) {
    const place = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(press.code);
    if (place) return place[1] ?? place[2] ?? "";
  }
  return [...press.key].length === 1 ? capital(press.key) : press.key;
}

/**
 * The combo a key press makes, or null for one that cannot be a shortcut (a modifier alone, a dead
 * key, an input method's composing). Cmd on macOS counts as Ctrl, so Cmd+Z undoes there.
 */
export function comboOf(press: KeyPress): string | null {
  if (isModifierOnly(press) || UNREADABLE.has(press.key) || press.key === "") return null;
  const name = keyName(press);
  const modifiers = [
    press.ctrlKey || press.metaKey ? "Ctrl" : "",
    press.altKey ? "Alt" : "",
    press.shiftKey && !isSymbol(name) ? "Shift" : "",
  ].filter(Boolean);
  return [...modifiers, name].join("+");
}

const COMBO = /^(Ctrl\+)?(Alt\+)?(Shift\+)?(.+)$/u;
const NAMED_KEY = /^[A-Z][A-Za-z0-9]{1,20}$/;

/** Whether `text` is a combo in the form `comboOf` writes (stored data is checked with this). */
export function isCombo(text: string): boolean {
  const parts = COMBO.exec(text);
  const name = parts?.[4];
  if (!parts || name === undefined) return false;
  if (isSymbol(name)) return !parts[3];
  if (isLetter(name)) return name === capital(name);
  return NAMED_KEY.test(name) && !MODIFIER_KEYS.has(name) && !UNREADABLE.has(name);
}

const WORDS: Record<string, string> = {
  ArrowLeft: "←",
  ArrowRight: "→",
  ArrowUp: "↑",
  ArrowDown: "↓",
  Escape: "Esc",
  "-": "−",
  PageUp: "Page Up",
  PageDown: "Page Down",
};

/** A combo as the page shows it: "Shift+←", "Esc", "−". */
export function comboWords(combo: string): string {
  const parts = COMBO.exec(combo);
  const name = parts?.[4] ?? combo;
  return combo.slice(0, combo.length - name.length) + (WORDS[name] ?? name);
}

/** Why a combo cannot be a shortcut here, by the browser's or the page's own use of it. */
const REFUSED: Record<string, string> = {
  Tab: "Tab moves between the page's controls",
  "Shift+Tab": "Shift+Tab moves between the page's controls",
  F5: "F5 reloads the page",
  "Ctrl+R": "Ctrl+R reloads the page",
  "Ctrl+Shift+R": "Ctrl+Shift+R reloads the page",
  F11: "F11 is the browser's full screen",
  F12: "F12 opens the browser's developer tools",
  "Ctrl+L": "Ctrl+L goes to the browser's address bar",
  "Ctrl+W": "the browser keeps Ctrl+W (close tab) for itself",
  "Ctrl+T": "the browser keeps Ctrl+T (new tab) for itself",
  "Ctrl+N": "the browser keeps Ctrl+N (new window) for itself",
  "Ctrl+Shift+N": "the browser keeps Ctrl+Shift+N (private window) for itself",
  "Ctrl+Shift+T": "the browser keeps Ctrl+Shift+T (reopen tab) for itself",
  "Ctrl+Tab": "the browser keeps Ctrl+Tab (next tab) for itself",
  "Ctrl+Shift+Tab": "the browser keeps Ctrl+Shift+Tab (previous tab) for itself",
};

/** Why `combo` cannot be a shortcut, or null when it can. */
export const refusal = (combo: string): string | null => REFUSED[combo] ?? null;
