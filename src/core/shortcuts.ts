import { comboWords, isCombo, refusal } from "./key-combo";
import { isObject } from "./json";

/** Every action a key can do, with its name on the page ("Change key for Set IN") and its default keys. */
const ACTIONS = {
  playPause: { name: "Play / pause", keys: ["Space"] },
  reverse: { name: "Reverse", keys: ["J"] },
  pause: { name: "Pause", keys: ["K"] },
  forward: { name: "Forward", keys: ["L"] },
  frameBack: { name: "One frame back", keys: ["ArrowLeft", ","] },
  frameForward: { name: "One frame forward", keys: ["ArrowRight", "."] },
  secondBack: { name: "One second back", keys: ["Shift+ArrowLeft"] },
  secondForward: { name: "One second forward", keys: ["Shift+ArrowRight"] },
  keyframeBack: { name: "Previous keyframe", keys: ["Alt+ArrowLeft"] },
  keyframeForward: { name: "Next keyframe", keys: ["Alt+ArrowRight"] },
  markIn: { name: "Set IN", keys: ["I"] },
  markOut: { name: "Set OUT", keys: ["O"] },
  toggleMark: { name: "Mark IN, then OUT", keys: ["M"] },
  selectPrevious: { name: "Previous clip", keys: ["ArrowUp"] },
  selectNext: { name: "Next clip", keys: ["ArrowDown"] },
  goToIn: { name: "Go to IN", keys: ["Shift+I"] },
  goToOut: { name: "Go to OUT", keys: ["Shift+O"] },
  split: { name: "Split", keys: ["S"] },
  deleteClip: { name: "Delete clip", keys: ["Delete", "Backspace"] },
  stop: { name: "Stop or select none", keys: ["Escape"] },
  start: { name: "Go to start", keys: ["Home"] },
  end: { name: "Go to end", keys: ["End"] },
  previewCut: { name: "Preview cut", keys: ["P"] },
  previewClip: { name: "Play selected clip", keys: ["Shift+P"] },
  zoomIn: { name: "Zoom in", keys: ["+", "="] },
  zoomOut: { name: "Zoom out", keys: ["-"] },
  zoomFit: { name: "Fit the whole source", keys: ["0"] },
  undo: { name: "Undo", keys: ["Ctrl+Z"] },
  redo: { name: "Redo", keys: ["Ctrl+Y", "Ctrl+Shift+Z"] },
  help: { name: "Show shortcuts", keys: ["?"] },
} as const satisfies Record<string, { name: string; keys: readonly string[] }>;

export type ActionId = keyof typeof ACTIONS;

export const actionName = (id: ActionId): string => ACTIONS[id].name;

/** Which keys do which action: each action has its own list, and no combo is in two lists. */
export type KeyMap = Readonly<Record<ActionId, readonly string[]>>;

const ACTION_IDS = Object.keys(ACTIONS) as ActionId[];

/** A key map with each action's keys from `keysOf`. */
const mapActions = (keysOf: (id: ActionId) => readonly string[]): KeyMap =>
  Object.fromEntries(ACTION_IDS.map((id): [ActionId, readonly string[]] => [id, keysOf(id)])) as Record<string, readonly string[]> as KeyMap;

export const DEFAULT_KEYS: KeyMap = mapActions((id) => ACTIONS[id].keys);

/** The actions as the key list shows them: a line each, in the words of what they do. */
export const SHORTCUT_LINES: readonly { does: string; actions: readonly ActionId[] }[] = [
  { does: "Play / pause", actions: ["playPause"] },
  { does: "Reverse / pause / forward; reverse or forward again doubles the speed (up to 8×)", actions: ["reverse", "pause", "forward"] },
  { does: "One frame back / forward", actions: ["frameBack", "frameForward"] },
  { does: "One second back / forward", actions: ["secondBack", "secondForward"] },
  { does: "Previous / next keyframe (where lossless cuts land)", actions: ["keyframeBack", "keyframeForward"] },
  { does: "Set IN at the playhead (the selected clip's, if one is selected)", actions: ["markIn"] },
  { does: "Set OUT at the playhead and add the clip (or the selected clip's OUT)", actions: ["markOut"] },
  { does: "First press IN, second press OUT and add the clip (always a new clip)", actions: ["toggleMark"] },
  { does: "Select the previous / next clip and go to it", actions: ["selectPrevious", "selectNext"] },
  { does: "Go to the selected clip's IN / OUT", actions: ["goToIn", "goToOut"] },
  { does: "Split the clip under the playhead", actions: ["split"] },
  { does: "Delete the selected clip", actions: ["deleteClip"] },
  { does: "Stop the preview, or else select no clip", actions: ["stop"] },
  { does: "Start / end of the source", actions: ["start", "end"] },
  { does: "Preview the cut: the clips back to back, in list order (again to stop)", actions: ["previewCut"] },
  { does: "Play the selected clip alone", actions: ["previewClip"] },
  { does: "Zoom the timeline in / out / fit the whole source (also Ctrl+wheel)", actions: ["zoomIn", "zoomOut", "zoomFit"] },
  { does: "Undo / redo a change to the clip list (Cmd for Ctrl on macOS)", actions: ["undo", "redo"] },
  { does: "Show or hide this list", actions: ["help"] },
];

/** An action's keys as the page shows them: "← or ,". */
export const keysWords = (map: KeyMap, id: ActionId): string => map[id].map(comboWords).join(" or ") || "no key";

/** The action `combo` does, if any. */
/** The keys that end a clip being marked, in words: Set OUT's, then "or" Mark IN, then OUT's. */
export function markOutWords(map: KeyMap): string {
  const toggle = map.toggleMark.length > 0 ? ` (or ${keysWords(map, "toggleMark")})` : "";
  return `${keysWords(map, "markOut")}${toggle}`;
}

export const actionAt = (map: KeyMap, combo: string): ActionId | undefined => ACTION_IDS.find((id) => map[id].includes(combo));

export type Assignment = { ok: true; map: KeyMap } | { ok: false; refused: string } | { ok: false; taken: ActionId };

/**
 * `combo` as the one key of `id`: refused where the browser or the page needs it, and not done
 * where another action has it (the caller may then `swap`).
 */
export function assign(map: KeyMap, id: ActionId, combo: string): Assignment {
  const refused = refusal(combo);
  if (refused) return { ok: false, refused };
  const holder = actionAt(map, combo);
  if (holder && holder !== id) return { ok: false, taken: holder };
  return { ok: true, map: { ...map, [id]: [combo] } };
}

/** `combo` as the one key of `id`; the action that had it takes `id`'s keys in its place. */
export function swap(map: KeyMap, id: ActionId, combo: string): KeyMap {
  const holder = actionAt(map, combo);
  if (!holder || holder === id) return { ...map, [id]: [combo] };
  const theirs = map[holder].flatMap((key) => (key === combo ? map[id] : [key]));
  return { ...map, [holder]: [...new Set(theirs)], [id]: [combo] };
}

/**
 * A key map from stored data, whatever it holds: an action's list stands when it is a non-empty
 * list of usable combos, else the action keeps its defaults; unknown actions are dropped; a combo
 * claimed twice stays with the first action in page order.
 */
export function parseKeyMap(value: unknown): KeyMap {
  const stored = isObject(value) ? value : {};
  const claimed = new Set<string>();
  return mapActions((id) => {
    const keys: unknown = Object.hasOwn(stored, id) ? stored[id] : undefined;
    const usable = Array.isArray(keys) && keys.length > 0 && keys.every((key) => typeof key === "string" && isCombo(key) && !refusal(key));
    const free = (usable ? (keys as string[]) : DEFAULT_KEYS[id]).filter((key) => !claimed.has(key));
    free.forEach((key) => claimed.add(key));
    return [...new Set(free)];
  });
}
