import { clipEntry, type Clip, type ClipField } from "../core/clips";
import type { Player } from "./player";
import type { Session } from "./session";
import type { CutPreview } from "./cut-preview";
import type { TimelineZoom } from "./timeline-zoom";

export interface KeyBinding {
  keys: string;
  does: string;
}

/** Shown by `?` and "Shortcuts"; kept next to the handler so the list cannot drift from what the keys do. */
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
  { keys: "Escape", does: "Stop the preview, or else select no clip" },
  { keys: "Home / End", does: "Start / end of the source" },
  { keys: "P", does: "Preview the cut: the clips back to back, in list order (P or Escape stops)" },
  { keys: "Shift+P", does: "Play the selected clip alone" },
  { keys: "+ / − / 0", does: "Zoom the timeline in / out / fit the whole source (also Ctrl+wheel)" },
  { keys: "← / → on a clip's IN or OUT", does: "Move that edge one frame" },
  { keys: "Enter / Escape in a field", does: "Commit / undo the typing and give the keys back to the page" },
  { keys: "Ctrl+Z / Ctrl+Y (Cmd on macOS)", does: "Undo / redo a change to the clip list (also Ctrl+Shift+Z)" },
  { keys: "?", does: "Show or hide this list" },
];

/** What the keys reach besides the session and the player. */
export interface PageKeys {
  toggleHelp: () => void;
  zoom: TimelineZoom;
  preview: CutPreview;
}

const TEXT_INPUTS = new Set(["text", "search", "email", "url", "tel", "password", "number"]);

const isTyping = (target: HTMLElement): boolean =>
  target.isContentEditable ||
  target.tagName === "TEXTAREA" ||
  (target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type));

const NAVIGATION = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"]);

/**
 * The keys a focused control uses itself (anything in an open dialog, Enter on a button, Space and
 * arrows on a radio or checkbox, arrows on a native slider); every other key is a shortcut, so a
 * clicked button or slider never swallows I, O or Space.
 */
function belongsToControl(event: KeyboardEvent, target: HTMLElement): boolean {
  if (target.closest("dialog")) return true;
  if (target.tagName === "SELECT") return true;
  if (event.key === "Enter") return ["BUTTON", "A", "SUMMARY", "INPUT"].includes(target.tagName);
  if (!(target instanceof HTMLInputElement)) return false;
  if (target.type === "radio" || target.type === "checkbox") return event.key === " " || NAVIGATION.has(event.key);
  return target.type === "range" && NAVIGATION.has(event.key);
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

/** Enter or Escape in a text field (its own handler has committed or undone the typing) leaves it. */
function leaveField(event: KeyboardEvent, target: HTMLElement): void {
  if ((event.key === "Enter" || event.key === "Escape") && target.tagName === "INPUT" && !target.closest("dialog")) target.blur();
}

function playSelected(session: Session, preview: CutPreview): void {
  const clip = session.selected();
  if (clip) preview.playClip(clip);
  else session.complain("Select a clip (click it, or ↑/↓) to play it alone");
}

/** Escape stops a running preview first, else selects no clip. */
function escape(session: Session, page: PageKeys): void {
  if (page.preview.current() !== null) page.preview.stop();
  else session.select(null);
}

/** Handles a page-level key; returns whether it was a shortcut. */
export function handleKey(event: KeyboardEvent, session: Session, player: Player, page: PageKeys): boolean {
  const target = event.target instanceof HTMLElement ? event.target : document.body;
  if (isTyping(target)) {
    leaveField(event, target);
    return false;
  }
  if (event.ctrlKey || event.metaKey) return history(event, session);
  if (event.key === "?") {
    page.toggleHelp();
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
    Escape: () => escape(session, page),
    m: () => session.toggleMark(player.markTime()),
    Home: () => player.seek(0),
    End: () => player.seek(session.duration()),
    "+": () => page.zoom.zoomIn(player.playhead()),
    "=": () => page.zoom.zoomIn(player.playhead()),
    "-": () => page.zoom.zoomOut(player.playhead()),
    "0": page.zoom.fit,
    p: () => (event.shiftKey ? playSelected(session, page.preview) : page.preview.toggle()),
  };
  const action = actions[event.key.length === 1 ? event.key.toLowerCase() : event.key];
  if (!action) return false;
  action();
  return true;
}
