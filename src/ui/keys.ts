import { clipEntry, type Clip, type ClipField } from "../core/clips";
import type { Player } from "./player";
import type { Session } from "./session";

export interface KeyBinding {
  keys: string;
  does: string;
}

/** Shown by `?`; kept next to the handler so the list cannot drift from what the keys do. */
export const KEY_BINDINGS: KeyBinding[] = [
  { keys: "Space", does: "Play / pause" },
  { keys: "J / K / L", does: "Reverse / pause / forward; J or L again doubles the speed (up to 8×)" },
  { keys: "← / → or , / .", does: "One frame back / forward" },
  { keys: "Shift+← / Shift+→", does: "One second back / forward" },
  { keys: "Alt+← / Alt+→", does: "Previous / next keyframe (where lossless cuts land)" },
  { keys: "I", does: "Set IN at the playhead (the selected clip's, if one is selected)" },
  { keys: "O", does: "Set OUT at the playhead and add the clip (or the selected clip's OUT)" },
  { keys: "M", does: "First press IN, second press OUT and add the clip (always a new clip)" },
  { keys: "↑ / ↓", does: "Select the previous / next clip and go to it" },
  { keys: "Shift+I / Shift+O", does: "Go to the selected clip's IN / OUT" },
  { keys: "S", does: "Split the clip under the playhead" },
  { keys: "Esc", does: "Select no clip" },
  { keys: "Home / End", does: "Start / end of the source" },
  { keys: "Ctrl+Z / Ctrl+Y (Cmd on macOS)", does: "Undo / redo a change to the clip list (also Ctrl+Shift+Z)" },
  { keys: "?", does: "Show or hide this list" },
];

const isTyping = (target: HTMLElement): boolean =>
  target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);

/** Keys in an open dialog (help, import preview), or that a focused control uses itself, are not shortcuts. */
function belongsToControl(event: KeyboardEvent, target: HTMLElement): boolean {
  if (target.closest("dialog")) return true;
  const activates = event.key === " " || event.key === "Enter";
  return activates && ["BUTTON", "A", "SUMMARY"].includes(target.tagName);
}

function arrow(event: KeyboardEvent, player: Player, sign: 1 | -1): void {
  if (event.altKey) player.keyframe(sign > 0 ? "next" : "previous");
  else if (event.shiftKey) player.stepSeconds(sign);
  else player.stepFrames(sign);
}

/** Ctrl+Z (Cmd+Z on macOS) undoes; Ctrl+Y and Ctrl+Shift+Z redo. */
function history(event: KeyboardEvent, session: Session): boolean {
  const key = event.key.toLowerCase();
  if (key === "z" && !event.shiftKey) session.undo();
  else if (key === "y" || (key === "z" && event.shiftKey)) session.redo();
  else return false;
  return true;
}

/** The playhead to a clip's first frame, as clicking its row does. */
const goToClip = (clip: Clip | undefined, session: Session, player: Player): void => {
  if (clip) player.seek(clipEntry(clip, session.frameRate()));
};

function goToBound(session: Session, player: Player, field: ClipField): void {
  const clip = session.selected();
  if (clip) player.seek(clip[field]);
  else session.complain("Select a clip (click it, or ↑/↓) to go to its IN or OUT");
}

/** Handles a page-level key; returns whether it was a shortcut. */
export function handleKey(event: KeyboardEvent, session: Session, player: Player, toggleHelp: () => void): boolean {
  const target = event.target instanceof HTMLElement ? event.target : document.body;
  if (isTyping(target)) return false;
  if (event.ctrlKey || event.metaKey) return history(event, session);
  if (event.key === "?") {
    toggleHelp();
    return true;
  }
  if (belongsToControl(event, target)) return false;
  if (!session.source()) return false;
  const actions: Record<string, () => void> = {
    " ": player.togglePlay,
    k: player.pause,
    l: player.forward,
    j: player.reverse,
    ArrowLeft: () => arrow(event, player, -1),
    ArrowRight: () => arrow(event, player, 1),
    ",": () => player.stepFrames(-1),
    ".": () => player.stepFrames(1),
    i: () => (event.shiftKey ? goToBound(session, player, "start") : session.markIn(player.markTime())),
    o: () => (event.shiftKey ? goToBound(session, player, "end") : session.markOut(player.markTime())),
    s: () => session.split(player.markTime()),
    ArrowUp: () => goToClip(session.selectNext(-1), session, player),
    ArrowDown: () => goToClip(session.selectNext(1), session, player),
    Escape: () => session.select(null),
    m: () => session.toggleMark(player.markTime()),
    Home: () => player.seek(0),
    End: () => player.seek(session.duration()),
  };
  const action = actions[event.key.length === 1 ? event.key.toLowerCase() : event.key];
  if (!action) return false;
  action();
  return true;
}
