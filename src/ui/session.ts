import type { AudioMix } from "../core/audio-mix";
import { batch, createMemo, createSignal } from "solid-js";
import {
  clipAt,
  mergeWithNext,
  moveClip,
  moveClipTo,
  removeClip,
  setClipBound,
  setClipColour,
  setClipLabel,
  setClipTime,
  splitClip,
  type Clip,
  type ClipField,
  type Span,
} from "../core/clips";
import type { ClipColour } from "../core/clip-colours";
import { splitAtGaps } from "../core/gaps";
import { applyImport, previewImport, type ImportPreview } from "../core/edits-import";
import { listSourcesOf } from "../core/edit-list-files";
import { apply, record, recordBurst, redo, startHistory, stepBetween, undo, type Burst, type History } from "../core/history";
import { markIn, markOut, toggleMark, type Marking, type MarkOutcome } from "../core/marking";
import type { ExportMode } from "../core/export-plan";
import type { OutputContainer } from "../core/output-container";
import { videoFrames, type FrameModel } from "../core/frames";
import type { MediaInfo } from "../core/media-info";
import { plural } from "../core/plural";
import { fail, type Result } from "../core/result";
import { formatTimecode } from "../core/timecode";
import type { MediaRef, Source as ProjectSource } from "../core/project";
import { addSources, joinAll, moveSourceTo, removeSource, sourceOf, type RefusedSource } from "../core/sources";
import type { ProjectDb, ProjectRecord } from "../storage/project-db";
import { createNotices } from "./notices";
import { createProjectLock } from "./project-lock";
import { createSourceCopy } from "./source-copy";

/** The project being edited, apart from its clips. */
export interface OpenProject {
  id: string;
  name: string;
  created: number;
  /** The export mode it was saved with, if it was. */
  exportMode?: ExportMode;
  /** The tracks it leaves out, as saved (absent: every track kept). */
  droppedTracks?: number[];
  /** Its audio mix, as saved (absent: none). */
  audioMix?: AudioMix;
  /** The file its exports write, as saved (absent: MP4). */
  outputContainer?: OutputContainer;
  /** Whether its exports get chapters, as saved (absent: no). */
  chapters?: boolean;
}

/** The source on the player: one of the project's, read from its file. */
export interface Source {
  /** Its id among the project's sources. */
  id: string;
  file: File;
  info: MediaInfo;
  media: MediaRef;
  project: OpenProject;
}

/** A file read for a source: what probing and identifying it found. */
export interface ReadFile {
  file: File;
  info: MediaInfo;
  media: MediaRef;
}

/** The clip list's history; a step that moved or removed a source carries that change beside it. */
type ClipHistory = History<Clip, ProjectSource>;

/** A label being typed, on the list it is typed over. */
interface LabelDraft {
  on: Clip[];
  id: number;
  label: string;
}

export interface PendingImport {
  fileName: string;
  preview: ImportPreview;
}

/**
 * The open source, its clip list (with undo and redo) and the marking state: what the page edits,
 * with the page's notices, the tab's hold on the project and the source's kept copy beside it.
 * `projects` is where the open project is read back from; null where storage is unavailable.
 */
/**
 * `outKeys`: the keys that end a clip being marked, in words ("O (or M)"), as the kept shortcuts
 * have them now.
 */
export function createSession(
  projects: Promise<ProjectDb | null>,
  outKeys: () => string = () => "O (or M)",
  now: () => number = () => performance.now(),
) {
  const notices = createNotices();
  const { say, complain } = notices;
  const lock = createProjectLock(notices);
  const { readOnly, editable } = lock;
  const copy = createSourceCopy(projects, notices);
  const [source, setSource] = createSignal<Source | null>(null);
  // Every file of the open project, in its order; the one on the player as it was probed now.
  const [sources, setSources] = createSignal<ProjectSource[]>([]);
  // The sources as they were read from storage, while they are still the ones shown.
  const [storedSources, setStoredSources] = createSignal<ProjectSource[] | null>(null);
  // The file of each source the page has read, by source id: the exporter hands them to the engine.
  const [files, setFiles] = createSignal<ReadonlyMap<string, ReadFile>>(new Map());
  const [history, setHistory] = createSignal<ClipHistory>(startHistory<Clip, ProjectSource>([]));
  // The history as it was read from storage, while it is still the one shown.
  const [storedHistory, setStoredHistory] = createSignal<ClipHistory | null>(null);
  const clips = () => history().present;
  const [marking, setMarking] = createSignal<Marking>({ pendingIn: null });
  const [pendingImport, setPendingImport] = createSignal<PendingImport | null>(null);
  const [labelDraft, setLabelDraft] = createSignal<LabelDraft | null>(null);
  // The clip I, O, Shift+I/O and merging act on; none while clips are being marked.
  const [selectedId, setSelectedId] = createSignal<number | null>(null);
  const selected = createMemo((): Clip | undefined => {
    const id = selectedId();
    return id === null ? undefined : clips().find((c) => c.id === id);
  });
  const place = (id: number): number => clips().findIndex((c) => c.id === id) + 1;

  /** Every change to the list goes through here, so that it can be undone. */
  const setClips = (next: Clip[]): void => changeHistory(record(history(), next));
  function changeHistory(next: ClipHistory): void {
    if (editable()) setHistory(next);
  }
  const duration = () => source()?.info.duration ?? 0;
  /** How long the source of a clip lasts, as far as the project knows (a source never probed bounds nothing). */
  const lengthOf = (id: number): number => {
    const clip = clips().find((c) => c.id === id);
    const of = clip && clip.source !== source()?.id ? sourceOf(sources(), clip) : undefined;
    return of ? (of.info?.duration ?? Number.POSITIVE_INFINITY) : duration();
  };
  const onPlayer = () => source()?.id ?? "";
  const marked = () => ({ source: onPlayer(), duration: duration() });
  // Each source's frame model, built once per probe.
  const models = createMemo(() => new Map(sources().map((s) => [s.id, s.info && videoFrames(s.info)])));
  const framesOf = (id: string): FrameModel | undefined => (id === onPlayer() ? frames() : models().get(id));
  const frames = (): FrameModel | undefined => {
    const info = source()?.info;
    return info && videoFrames(info);
  };

  /**
   * The history as it is to be stored: a label still being typed counts as the one undo step its
   * commit will make, so a reload mid-typing keeps it. Any other change to the list outdates it.
   */
  const keptHistory = createMemo((): ClipHistory => {
    const draft = labelDraft();
    const current = history();
    if (!draft || draft.on !== current.present) return current;
    const clip = current.present.find((c) => c.id === draft.id);
    if (!clip || clip.label === draft.label) return current;
    return record(current, setClipLabel(current.present, draft.id, draft.label));
  });

  /**
   * Starts editing a probed source: its saved project as it was left, or a new one. `stored` says
   * the saved project is in storage as it is (so there is nothing to write until it changes).
   */
  function begin(next: Source, saved: ProjectRecord | undefined, hasCopy: boolean, stored = saved !== undefined): void {
    // At once: the new source must never be seen with the old clips (autosave would store that).
    batch(() => {
      lock.hold();
      copy.knowCopy(hasCopy);
      setSource(next);
      const opened = withProbe(saved?.sources ?? [], next);
      setSources(opened);
      setStoredSources(stored ? opened : null);
      // Files read for this project's sources stay (a project kept as new has the same ones).
      const same = (id: string, read: ReadFile) => opened.some((s) => s.id === id && s.media.fingerprint === read.media.fingerprint);
      setFiles(new Map([...[...files()].filter(([id, read]) => same(id, read)), [next.id, next]]));
      const history = saved ? startHistory(saved.clips, saved.undo, saved.redo) : startHistory<Clip, ProjectSource>([]);
      setHistory(history);
      setStoredHistory(stored ? history : null);
      setMarking({ pendingIn: null });
      setPendingImport(null);
      setSelectedId(null);
    });
  }

  /**
   * Files added to the open project after its sources, in natural name order; a file it has
   * already is refused, with why. `makeId` names each new source.
   */
  function addFiles(read: readonly ReadFile[], makeId: () => string): { added: ProjectSource[]; refused: RefusedSource[] } {
    if (!editable()) return { added: [], refused: read.map((r) => ({ name: r.file.name, reason: "this project is open in another tab" })) };
    const before = sources();
    const { sources: after, refused } = addSources(before, read.map(({ media, info }) => ({ media, info })), makeId);
    const added = after.slice(before.length);
    if (added.length === 0) return { added, refused };
    const byPrint = new Map(read.map((r) => [r.media.fingerprint, r]));
    batch(() => {
      setSources(after);
      setFiles(new Map([...files(), ...added.map((s) => [s.id, byPrint.get(s.media.fingerprint) as ReadFile] as const)]));
    });
    return { added, refused };
  }

  /** The file of one of the project's sources, read again (it must be that file: its fingerprint). */
  function attachFile(id: string, read: ReadFile): void {
    if (!sources().some((s) => s.id === id && s.media.fingerprint === read.media.fingerprint)) return;
    const open = source();
    batch(() => {
      setFiles(new Map([...files(), [id, read]]));
      // Its content is the source's (the fingerprint), its date may be new: the file picked now is the one checked at export.
      setSources(sources().map((s) => (s.id === id ? { ...s, media: read.media } : s)));
      // The player reads the file picked now, not the one it had.
      if (open?.id === id) setSource({ ...open, ...read });
    });
  }

  /** A source's file no longer to be read (it changed on disk): the source needs its file picked again. */
  function forgetFile(id: string): void {
    const left = new Map(files());
    if (left.delete(id)) setFiles(left);
  }

  /**
   * Puts a source on the player: marking, the timeline and imports then work on its file. False
   * when the page has not read its file (it must be picked first).
   */
  function show(id: string): boolean {
    const open = source();
    const read = files().get(id);
    if (!open || !read) return false;
    if (id === open.id) return true;
    batch(() => {
      setMarking({ pendingIn: null });
      setSource({ id, ...read, project: open.project });
    });
    void projects.then((db) => db?.hasMedia(read.media.fingerprint)).then(
      (has) => source()?.id === id && copy.knowCopy(has === true),
      () => undefined,
    );
    return true;
  }

  /** A clip selected; one of another source puts that source on the player first. */
  function select(id: number | null): void {
    const clip = id === null ? undefined : clips().find((c) => c.id === id);
    if (clip && clip.source !== onPlayer()) show(clip.source);
    setSelectedId(id);
  }

  /**
   * Remove source: the file and its clips go, in one step that undo brings back. The file on the
   * player gives its place to the next one the page has read; the last file stays (a project has one).
   */
  function removeFile(id: string): void {
    const gone = sources().find((s) => s.id === id);
    if (!gone || !editable()) return;
    if (sources().length === 1) return complain(`${gone.media.name} is the project's only file: close the project, or delete it on the Projects page`);
    const rest = sources().filter((s) => s.id !== id);
    const next = rest.find((s) => files().has(s.id));
    if (id === onPlayer() && !next) return complain(`Pick another file of the project before removing ${gone.media.name}, the one on the player`);
    const left = removeSource({ sources: sources(), clips: clips() }, id);
    const taken = clips().length - left.clips.length;
    batch(() => {
      if (id === onPlayer() && next) show(next.id);
      if (selected()?.source === id) setSelectedId(null);
      changeSources(left.sources, left.clips);
    });
    say(`Removed ${gone.media.name}${taken > 0 ? ` and its ${plural(taken, "clip", "clips")}` : ""}`);
  }

  /**
   * The sources and the clips changed together (a file moved or removed): one undo step, stored
   * with the project, the sources' change beside the clips'.
   */
  function changeSources(next: ProjectSource[], nextClips: Clip[]): void {
    if (!editable()) return;
    batch(() => {
      setHistory(record(history(), nextClips, stepBetween(sources(), next)));
      setSources(next);
    });
  }

  /** A step of the history taken back or made again, with its change to the sources if it has one. */
  function travel(direction: "backward" | "forward"): void {
    const step = direction === "backward" ? history().past.at(-1) : history().future[0];
    if (!step || !editable()) return;
    const beside = step.beside;
    if (!beside) return void setHistory(direction === "backward" ? undo(history()) : redo(history()));
    const next = apply(sources(), beside, direction);
    // The file on the player may be the one a step takes out: the next the page has read takes its place.
    const stays = next.some((s) => s.id === onPlayer());
    const heir = stays ? undefined : next.find((s) => files().has(s.id));
    if (!stays && !heir) return complain("Pick another file of the project first: this step takes out the one on the player");
    batch(() => {
      if (heir) show(heir.id);
      if (!next.some((s) => s.id === selected()?.source)) setSelectedId(null);
      setHistory(direction === "backward" ? undo(history()) : redo(history()));
      setSources(next);
    });
  }

  /** Reads an edit list and shows what importing it would do; nothing changes yet. */
  async function readEdits(file: File): Promise<void> {
    const open = source();
    const text = await file.text();
    if (!open) return complain(`Open the video first, then import ${file.name}`);
    const onPlayer = { id: open.id, fileName: open.media.name, info: open.info };
    const preview = previewImport(file.name, text, { sources: listSourcesOf(sources()), onPlayer });
    if (!preview.ok) return complain(preview.error);
    setPendingImport({ fileName: file.name, preview: preview.value });
  }

  function applyPendingImport(how: "replace" | "append"): void {
    const pending = pendingImport();
    if (!pending || !editable()) return;
    setClips(applyImport(clips(), pending.preview, how));
    setPendingImport(null);
    say(`Imported ${plural(pending.preview.entries.length, "clip", "clips")} from ${pending.fileName}`);
  }

  function applyMark(outcome: Result<MarkOutcome>): void {
    if (!outcome.ok) return complain(outcome.error);
    if (!editable()) return;
    const added = outcome.value.clips.length > clips().length;
    setMarking(outcome.value.marking);
    setClips(outcome.value.clips);
    if (added) say(`Added clip ${outcome.value.clips.length}`);
  }

  // The edge being nudged, so that a run of nudges undoes as one step.
  let nudging: Burst<Clip, ProjectSource> | null = null;

  /**
   * A clip's IN or OUT moved to `time` (I or O on the selected clip, a dragged or stepped edge).
   * `nudge`: one of a run of small steps of that edge, which undo together.
   */
  function setBound(id: number, field: ClipField, time: number, nudge = false): void {
    const edited = setClipBound(clips(), id, field, time, lengthOf(id));
    if (!edited.ok) return complain(`Clip ${place(id)}: ${edited.error}`);
    if (!editable()) return;
    if (nudge) {
      const next = recordBurst(history(), edited.value, nudging, `${id} ${field}`, now());
      nudging = next.burst;
      changeHistory(next.history);
    } else setClips(edited.value);
    say(`Clip ${place(id)} ${field === "start" ? "IN" : "OUT"} set to ${formatTimecode(time)}`);
  }

  /** S: the clip under the playhead (the selected one, where clips overlap) in two. */
  function split(time: number): void {
    // The playhead is a time of the source on the player: only its clips can be under it.
    const clip = clipAt(clips().filter((c) => c.source === onPlayer()), time, selectedId());
    if (!clip) return complain(`No clip goes on at ${formatTimecode(time)}: move the playhead inside the clip to split`);
    const parts = splitClip(clips(), clip.id, time);
    if (!parts.ok) return complain(parts.error);
    if (!editable()) return;
    const at = place(clip.id);
    setClips(parts.value);
    say(`Split clip ${at} at ${formatTimecode(time)} into clips ${at} and ${at + 1}`);
  }

  function mergeSelected(): void {
    const clip = selected();
    if (!clip) return complain("Select a clip (click it, or ↑/↓) to merge it with the next");
    const merged = mergeWithNext(clips(), clip.id);
    if (!merged.ok) return complain(`Cannot merge: ${merged.error}`);
    if (!editable()) return;
    const at = place(clip.id);
    setClips(merged.value);
    say(`Merged clips ${at} and ${at + 1}`);
  }

  function editTime(id: number, field: ClipField, text: string): Result<Clip[]> {
    if (readOnly()) return fail("This project is open in another tab");
    const edited = setClipTime(clips(), id, field, text, lengthOf(id));
    if (edited.ok) setClips(edited.value);
    return edited;
  }

  return {
    ...notices,
    /** The source on the player: marking, the timeline and imports work on it. */
    source,
    sources,
    /** The file of a source, where the page has read it (none for a source whose file is still to be picked). */
    fileOf: (id: string): File | undefined => files().get(id)?.file,
    addFiles,
    attachFile,
    forgetFile,
    clips,
    marking,
    duration,
    /** The video's frames (frames.ts), which every count uses; none for sound alone. */
    frames,
    begin,
    /** Back to the Projects page; the project is saved already. */
    close: () => setSource(null),
    /** I: the selected clip's IN, or the IN of a clip to come. */
    markIn: (time: number) => {
      const clip = selected();
      if (clip) return setBound(clip.id, "start", time);
      setMarking(markIn(time));
      say(`IN set; press ${outKeys()} at the OUT point`);
    },
    /** O: the selected clip's OUT, or the OUT that adds the clip being marked. */
    markOut: (time: number) => {
      const clip = selected();
      if (clip) setBound(clip.id, "end", time);
      else applyMark(markOut(marking(), clips(), time, marked()));
    },
    /** M always marks a new clip, whatever is selected. */
    toggleMark: (time: number) => {
      setSelectedId(null);
      applyMark(toggleMark(marking(), clips(), time, marked()));
    },
    selected,
    select,
    show,
    /** ↑/↓: the clip before or after the selected one in the list (from either end when none is). */
    selectNext(offset: 1 | -1): Clip | undefined {
      const list = clips();
      const at = list.findIndex((c) => c.id === selectedId());
      const next = list[at < 0 ? (offset > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + offset))];
      if (next) select(next.id);
      return next;
    },
    setBound,
    split,
    mergeSelected,
    editTime,
    pendingImport,
    readEdits,
    applyPendingImport,
    cancelImport: () => setPendingImport(null),
    history,
    undo: () => travel("backward"),
    redo: () => travel("forward"),
    removeFile,
    /** A source moved to place `to` (from 0) in the Sources list, which is the order Join all follows. */
    moveFile: (id: string, to: number): void => changeSources(moveSourceTo(sources(), id, to), clips()),
    /** Join all: one clip per file, each the whole file, in the Sources order, after the list. */
    joinAll: () => setClips(joinAll(clips(), sources())),
    framesOf,
    readOnly,
    keptCopy: copy.keptCopy,
    /** Keeps (or drops) a copy of the source in the browser, so that its project reopens by itself. */
    async keepCopy(keep: boolean): Promise<void> {
      const open = source();
      if (open) await copy.keepCopy(open.file, open.media, keep);
    },
    yieldToOtherTab: lock.yieldToOtherTab,
    /** Edit here after all: start from what the other tab saved last. */
    async takeOver(): Promise<void> {
      const open = source();
      const saved = open && (await (await projects)?.load(open.project.id).catch(() => undefined));
      if (saved && open) {
        setSources(withProbe(saved.sources, open));
        setHistory(startHistory(saved.clips, saved.undo, saved.redo));
      }
      lock.hold();
    },
    /** Nothing changed since the project was read from storage: opening it is no reason to write it. */
    asStored: () => keptHistory() === storedHistory() && sources() === storedSources(),
    canUndo: () => history().past.length > 0,
    canRedo: () => history().future.length > 0,
    keptHistory,
    /** A keystroke in a label: stored, but not yet a step of its own. */
    typeLabel: (id: number, label: string) => setLabelDraft({ on: clips(), id, label }),
    /** The label committed (Enter, or leaving the field): one undo step for the whole edit. */
    editLabel: (id: number, label: string) =>
      batch(() => {
        setLabelDraft(null);
        if (clips().some((c) => c.id === id && c.label !== label)) setClips(setClipLabel(clips(), id, label));
      }),
    /** A clip's colour, or none (its place's hue): one undo step, none where it is the colour it has. */
    setColour: (id: number, colour: ClipColour | undefined) => setClips(setClipColour(clips(), id, colour)),
    remove: (id: number) => setClips(removeClip(clips(), id)),
    /** A Detect dialog's Keep (the sound, the picture): a clip for each part kept, in place of the list or after it. */
    keepParts: (parts: readonly Span[], how: "replace" | "append") =>
      setClips(applyImport(clips(), { entries: parts.map((p) => ({ ...p, source: onPlayer(), label: "" })), replaces: [onPlayer()] }, how)),
    /** A Detect dialog's Split at (pauses, black frames): the clips of the file on the player, one undo step. */
    splitAt: (gaps: readonly Span[]) => setClips(splitAtGaps(clips(), gaps, onPlayer())),
    move: (id: number, offset: number) => setClips(moveClip(clips(), id, offset)),
    /** A row dragged to place `to` (from 0). */
    moveTo: (id: number, to: number) => setClips(moveClipTo(clips(), id, to)),
  };
}

/** A project's sources with the one on the player as it was read now (its file may have been probed afresh); a new project's one. */
function withProbe(saved: readonly ProjectSource[], open: Source): ProjectSource[] {
  const probed = { id: open.id, media: open.media, info: open.info };
  return saved.some((s) => s.id === open.id) ? saved.map((s) => (s.id === open.id ? probed : s)) : [...saved, probed];
}

export type Session = ReturnType<typeof createSession>;
