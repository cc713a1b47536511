import { clipEntry, type Clip, type ClipField } from "../core/clips";
import { comboOf } from "../core/key-combo";
import { actionAt, keysWords, type ActionId, type KeyMap } from "../core/shortcuts";
import type { Player } from "./player";
import type { Session } from "./session";
import type { CutPreview } from "./cut-preview";
import type { TimelineZoom } from "./timeline-zoom";

/** What the keys reach besides the session and the player. */
export interface PageKeys {
  toggleHelp: () => void;
  zoom: TimelineZoom;
  preview: CutPreview;
  shortcuts: KeyMap;
  /** Deletes the selected clip as the list's Delete clip button does (the focus goes as it does there). */
  deleteSelected: () => void;
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

/** The playhead to a clip's first frame, as clicking its row does. */
const goToClip = (clip: Clip | undefined, session: Session, player: Player): void => {
  if (clip) player.seek(clipEntry(clip, session.frames()));
};

/** How to select a clip, in the keys as they are now. */
const howToSelect = (shortcuts: KeyMap): string =>
  `Select a clip (click it, or ${keysWords(shortcuts, "selectPrevious")} / ${keysWords(shortcuts, "selectNext")})`;

function goToBound(session: Session, player: Player, page: PageKeys, field: ClipField): void {
  const clip = session.selected();
  if (clip) player.seek(clip[field]);
  else session.complain(`${howToSelect(page.shortcuts)} to go to its IN or OUT`);
}

/** Enter or Escape in a text field (its own handler has committed or undone the typing) leaves it. */
function leaveField(event: KeyboardEvent, target: HTMLElement): void {
  if ((event.key === "Enter" || event.key === "Escape") && target.tagName === "INPUT" && !target.closest("dialog")) target.blur();
}

function playSelected(session: Session, page: PageKeys): void {
  const clip = session.selected();
  if (clip) page.preview.playClip(clip);
  else session.complain(`${howToSelect(page.shortcuts)} to play it alone`);
}

/** Escape stops a running preview first, else selects no clip. */
function escape(session: Session, page: PageKeys): void {
  if (page.preview.current() !== null) page.preview.stop();
  else session.select(null);
}

/** Actions that work wherever the focus is (but typing), and with no video open. */
const EVERYWHERE = new Set<ActionId>(["help", "undo", "redo"]);

/** Handles a page-level key; returns whether it was a shortcut. */
export function handleKey(event: KeyboardEvent, session: Session, player: Player, page: PageKeys): boolean {
  const target = event.target instanceof HTMLElement ? event.target : document.body;
  if (isTyping(target)) {
    leaveField(event, target);
    return false;
  }
  const combo = comboOf(event);
  const id = combo === null ? undefined : actionAt(page.shortcuts, combo);
  if (!id) return false;
  if (!EVERYWHERE.has(id) && (belongsToControl(event, target) || !session.source())) return false;
  const actions: Record<ActionId, () => void> = {
    playPause: player.togglePlay,
    pause: player.pause,
    forward: player.forward,
    reverse: player.reverse,
    frameBack: () => player.stepFrames(-1),
    frameForward: () => player.stepFrames(1),
    secondBack: () => player.stepSeconds(-1),
    secondForward: () => player.stepSeconds(1),
    keyframeBack: () => player.keyframe("previous"),
    keyframeForward: () => player.keyframe("next"),
    markIn: () => session.markIn(player.markTime()),
    markOut: () => session.markOut(player.markTime()),
    toggleMark: () => session.toggleMark(player.markTime()),
    goToIn: () => goToBound(session, player, page, "start"),
    goToOut: () => goToBound(session, player, page, "end"),
    split: () => session.split(player.markTime()),
    deleteClip: () => (session.selected() ? page.deleteSelected() : session.complain(`${howToSelect(page.shortcuts)} to delete it`)),
    selectPrevious: () => goToClip(session.selectNext(-1), session, player),
    selectNext: () => goToClip(session.selectNext(1), session, player),
    stop: () => escape(session, page),
    start: () => player.seek(0),
    end: () => player.seek(session.duration()),
    previewCut: page.preview.toggle,
    previewClip: () => playSelected(session, page),
    zoomIn: () => page.zoom.zoomIn(player.playhead()),
    zoomOut: () => page.zoom.zoomOut(player.playhead()),
    zoomFit: page.zoom.fit,
    undo: session.undo,
    redo: session.redo,
    help: page.toggleHelp,
  };
  actions[id]();
  return true;
}
