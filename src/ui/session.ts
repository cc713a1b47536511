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
import { record, redo, startHistory, undo, type History } from "../core/history";
import { markIn, markOut, toggleMark, type Marking, type MarkOutcome } from "../core/marking";
import type { ExportMode } from "../core/export-plan";
import type { MediaInfo } from "../core/media-info";
import { fail, type Result } from "../core/result";
import type { MediaClient } from "../media/media-client";
import { identify } from "../storage/media-identity";
import { projectId, type MediaRef, type ProjectDb } from "../storage/project-db";

export interface Source {
  file: File;
  info: MediaInfo;
  media: MediaRef;
  /** When its project was first saved. */
  created: number;
  /** The export mode its project was saved with, if it was. */
  savedExportMode?: ExportMode;
}

export type Notice = { kind: "info" | "error"; text: string } | null;

export interface PendingImport {
  fileName: string;
  preview: ImportPreview;
}

/**
 * The open source, its clip list (with undo and redo) and the marking state: what the page edits.
 * `projects` is where a source's earlier work is found again; null where storage is unavailable.
 */
export function createSession(media: MediaClient, projects: Promise<ProjectDb | null>) {
  const [source, setSource] = createSignal<Source | null>(null);
  const [history, setHistory] = createSignal<History<Clip[]>>(startHistory([]));
  const clips = () => history().present;
  const [marking, setMarking] = createSignal<Marking>({ pendingIn: null });
  const [notice, setNotice] = createSignal<Notice>(null);
  const [opening, setOpening] = createSignal<string | null>(null);
  const [pendingImport, setPendingImport] = createSignal<PendingImport | null>(null);

  const [keptCopy, setKeptCopy] = createSignal(false);
  // Another tab has this project: this one shows it but must not write over it.
  const [readOnly, setReadOnly] = createSignal(false);

  /** Every change to the list goes through here, so that it can be undone. */
  const setClips = (next: Clip[]): void => changeHistory(record(history(), next));
  function changeHistory(next: History<Clip[]>): void {
    if (editable()) setHistory(next);
  }
  function editable(): boolean {
    if (readOnly()) complain("This project is open in another tab: choose “Edit here” to change it in this one");
    return !readOnly();
  }
  const say = (text: string): void => void setNotice({ kind: "info", text });
  const complain = (text: string): void => void setNotice({ kind: "error", text });
  const duration = () => source()?.info.duration ?? 0;

  /** Probes first; only a file that probes cleanly replaces what is open. */
  async function open(file: File): Promise<void> {
    setOpening(file.name);
    const probed = await media.probe(file);
    setOpening(null);
    if (!probed.ok) return complain(probed.error);
    const ref = await identify(file);
    const db = await projects;
    const saved = await db?.load(projectId(ref)).catch(() => undefined);
    const namesake = saved ? undefined : (await db?.list().catch(() => []))?.find((p) => p.media.name === file.name);
    setReadOnly(false);
    setKeptCopy(Boolean(await db?.hasMedia(projectId(ref)).catch(() => false)));
    const created = saved?.created ?? Date.now();
    setSource({ file, info: probed.value, media: ref, created, savedExportMode: saved?.exportMode });
    setHistory(saved ? startHistory(saved.clips, saved.undo, saved.redo) : startHistory([]));
    setMarking({ pendingIn: null });
    if (namesake) {
      return complain(
        `${file.name} is not the file of the project "${namesake.name}" (its size or content differs), so that project's ` +
          `${namesake.clips.length} clips were not applied; this file starts a project of its own`,
      );
    }
    say(saved ? `Reopened ${file.name} with its ${saved.clips.length} clips` : `Opened ${file.name}`);
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
    if (!pending || !editable()) return;
    setClips(applyImport(clips(), pending.preview.entries, how));
    setPendingImport(null);
    say(`Imported ${pending.preview.entries.length} clips from ${pending.fileName}`);
  }

  function applyMark(outcome: Result<MarkOutcome>): void {
    if (!outcome.ok) return complain(outcome.error);
    if (!editable()) return;
    const added = outcome.value.clips.length > clips().length;
    setMarking(outcome.value.marking);
    setClips(outcome.value.clips);
    if (added) say(`Added clip ${outcome.value.clips.length}`);
  }

  function editTime(id: number, field: ClipField, text: string): Result<Clip[]> {
    if (readOnly()) return fail("This project is open in another tab");
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
    history,
    undo: () => changeHistory(undo(history())),
    redo: () => changeHistory(redo(history())),
    readOnly,
    keptCopy,
    /** Keeps (or drops) a copy of the source in the browser, so that its project reopens by itself. */
    async keepCopy(keep: boolean): Promise<void> {
      const open = source();
      const db = await projects;
      if (!open || !db) return;
      try {
        if (keep) await db.keepMedia(projectId(open.media), open.file);
        else await db.dropMedia(projectId(open.media));
        setKeptCopy(keep);
        say(keep ? `A copy of ${open.file.name} is kept in this browser` : `The copy of ${open.file.name} is gone`);
      } catch (error) {
        complain(`Could not keep a copy of ${open.file.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    /** On start: the last project whose source has a copy here opens again by itself. */
    async reopenLast(): Promise<File | undefined> {
      const db = await projects;
      const last = (await db?.list().catch(() => []))?.[0];
      return last && db?.storedMedia(last.id).catch(() => undefined);
    },
    /** Another tab took the project: stop editing here. */
    yieldToOtherTab: () => setReadOnly(true),
    /** Edit here after all: start from what the other tab saved last. */
    async takeOver(): Promise<void> {
      const open = source();
      const saved = open && (await (await projects)?.load(projectId(open.media)).catch(() => undefined));
      if (saved) setHistory(startHistory(saved.clips, saved.undo, saved.redo));
      setReadOnly(false);
    },
    canUndo: () => history().past.length > 0,
    canRedo: () => history().future.length > 0,
    editLabel: (id: number, label: string) => setClips(setClipLabel(clips(), id, label)),
    remove: (id: number) => setClips(removeClip(clips(), id)),
    move: (id: number, offset: number) => setClips(moveClip(clips(), id, offset)),
  };
}

export type Session = ReturnType<typeof createSession>;
