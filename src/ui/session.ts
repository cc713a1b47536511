import { createSignal } from "solid-js";
import {
  moveClip,
  removeClip,
  setClipLabel,
  setClipTime,
  type Clip,
  type ClipField,
} from "../core/clips";
import { applyImport, previewImport, type ImportPreview } from "../core/edits-import";
import { markIn, markOut, toggleMark, type Marking, type MarkOutcome } from "../core/marking";
import type { MediaInfo } from "../core/media-info";
import type { Result } from "../core/result";
import type { MediaClient } from "../media/media-client";

export interface Source {
  file: File;
  info: MediaInfo;
}

export type Notice = { kind: "info" | "error"; text: string } | null;

export interface PendingImport {
  fileName: string;
  preview: ImportPreview;
}

/** The open source, its clip list and the marking state: what the page edits. */
export function createSession(media: MediaClient) {
  const [source, setSource] = createSignal<Source | null>(null);
  const [clips, setList] = createSignal<Clip[]>([]);
  const [marking, setMarking] = createSignal<Marking>({ pendingIn: null });
  const [notice, setNotice] = createSignal<Notice>(null);
  const [opening, setOpening] = createSignal<string | null>(null);
  const [pendingImport, setPendingImport] = createSignal<PendingImport | null>(null);
  // The list as it was before the last import, for "Undo import".
  const [beforeImport, setBeforeImport] = createSignal<Clip[] | null>(null);

  // Any edit after an import makes "Undo import" a way to lose that edit: it goes away.
  const setClips = (next: Clip[]) => {
    setList(next);
    setBeforeImport(null);
  };
  const say = (text: string): void => void setNotice({ kind: "info", text });
  const complain = (text: string): void => void setNotice({ kind: "error", text });
  const duration = () => source()?.info.duration ?? 0;

  /** Probes first; only a file that probes cleanly replaces what is open. */
  async function open(file: File): Promise<void> {
    setOpening(file.name);
    const probed = await media.probe(file);
    setOpening(null);
    if (!probed.ok) return complain(probed.error);
    setSource({ file, info: probed.value });
    setClips([]);
    setMarking({ pendingIn: null });
    say(`Opened ${file.name}`);
  }

  /** Reads an edit list and shows what importing it would do; nothing changes yet. */
  async function readEdits(file: File): Promise<void> {
    const open = source();
    const text = await file.text();
    if (!open) return complain(`Open the video first, then import ${file.name}`);
    const preview = previewImport(file.name, text, open.info);
    if (!preview.ok) return complain(preview.error);
    setPendingImport({ fileName: file.name, preview: preview.value });
  }

  function applyPendingImport(how: "replace" | "append"): void {
    const pending = pendingImport();
    if (!pending) return;
    const previous = clips();
    setClips(applyImport(previous, pending.preview.entries, how));
    setBeforeImport(previous);
    setPendingImport(null);
    say(`Imported ${pending.preview.entries.length} clips from ${pending.fileName}`);
  }

  function undoImport(): void {
    const previous = beforeImport();
    if (!previous) return;
    setClips(previous);
    say("Import undone");
  }

  function applyMark(outcome: Result<MarkOutcome>): void {
    if (!outcome.ok) return complain(outcome.error);
    const added = outcome.value.clips.length > clips().length;
    setMarking(outcome.value.marking);
    setClips(outcome.value.clips);
    if (added) say(`Added clip ${outcome.value.clips.length}`);
  }

  function editTime(id: number, field: ClipField, text: string): Result<Clip[]> {
    const edited = setClipTime(clips(), id, field, text, duration());
    if (edited.ok) setClips(edited.value);
    return edited;
  }

  return {
    source,
    clips,
    marking,
    notice,
    opening,
    duration,
    open,
    say,
    complain,
    dismiss: () => setNotice(null),
    markIn: (time: number) => {
      setMarking(markIn(time));
      say("IN set; press O (or M) at the OUT point");
    },
    markOut: (time: number) => applyMark(markOut(marking(), clips(), time, duration())),
    toggleMark: (time: number) => applyMark(toggleMark(marking(), clips(), time, duration())),
    editTime,
    pendingImport,
    readEdits,
    applyPendingImport,
    cancelImport: () => setPendingImport(null),
    canUndoImport: () => beforeImport() !== null,
    undoImport,
    editLabel: (id: number, label: string) => setClips(setClipLabel(clips(), id, label)),
    remove: (id: number) => setClips(removeClip(clips(), id)),
    move: (id: number, offset: number) => setClips(moveClip(clips(), id, offset)),
  };
}

export type Session = ReturnType<typeof createSession>;
