import { createEffect, createSignal, on, onCleanup } from "solid-js";
import { NO_MIX } from "../core/audio-mix";
import type { ExportMode } from "../core/export-plan";
import type { Project } from "../core/project";
import { newId, type ProjectDb, type ProjectRecord } from "../storage/project-db";
import type { Session } from "./session";

// A label being typed is written once typing pauses this long (or the page is hidden).
const TYPING_PAUSE_MS = 300;

const why = (error: unknown) =>
  error instanceof DOMException && error.name === "QuotaExceededError"
    ? "the browser's storage for this site is full"
    : error instanceof Error
      ? error.message
      : String(error);

/** The open project as it is to be stored, or null when there is nothing to keep. */
/** The project's export choices besides the mode and the tracks left out: container, chapters, audio mix (absent: the defaults). */
export type OutputChoice = Pick<Project, "outputContainer" | "chapters" | "audioMix">;

function currentRecord(session: Session, exportMode: ExportMode, droppedTracks: number[], output: OutputChoice = {}): ProjectRecord | null {
  const source = session.source();
  const { past, present, future } = session.keptHistory();
  // A read-only tab must not write over the tab that is editing; a file only looked at is no project.
  if (!source || session.readOnly()) return null;
  const sources = session.sources();
  if (sources.length < 2 && present.length === 0 && past.length === 0 && future.length === 0) return null;
  const { id, name, created } = source.project;
  return { id, name, sources, clips: present, undo: past, redo: future, exportMode, droppedTracks, ...output, created, edited: Date.now() };
}

/**
 * When changes are written. A change is written at once, so that a reload right after it keeps it;
 * while a write is under way the newest change waits for it, so a burst costs one write at a time.
 * Typing waits for a pause. `write` is told when the page is being left: it must not wait on the page.
 */
export class WriteBehind<T> {
  private waiting: T | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: { value: T; done: Promise<void> } | null = null;

  constructor(
    private readonly write: (value: T, leaving: boolean) => Promise<void>,
    private readonly pauseMs: number,
  ) {}

  change(value: T, typing: boolean): void {
    this.waiting = value;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!typing) return this.next();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.next();
    }, this.pauseMs);
  }

  /**
   * Writes what waits now, beside a write under way (IndexedDB runs them in order); resolves once
   * both are done. Leaving, the write under way is made again the leaving way when nothing is
   * newer: it may still have needed the page.
   */
  async flush(leaving = false): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const value = this.waiting ?? (leaving ? this.writing?.value : undefined);
    this.waiting = undefined;
    await Promise.all([this.writing?.done, value === undefined ? undefined : this.write(value, leaving)]);
  }

  private next(): void {
    if (this.writing || this.waiting === undefined) return;
    const value = this.waiting;
    this.waiting = undefined;
    const done = this.write(value, false).finally(() => {
      this.writing = null;
      if (this.timer === undefined) this.next();
    });
    this.writing = { value, done };
  }
}

/** What the page says of the open project's storage: nothing to keep yet, a change waiting, all kept, or a failure. */
export type SaveState = "idle" | "pending" | "saved" | "failed";

/**
 * Keeps the open project in IndexedDB: every change is saved, whole, as it is made (see
 * WriteBehind), and whatever waits when the page is hidden or left. A project deleted in another
 * tab is not brought back by an edit here: `deleted` says so, and `keepAsNew` keeps it under a new id.
 * The export mode, the tracks left out and the output choice are kept with it.
 */
export function keepProjects(
  projects: Promise<ProjectDb | null>,
  session: Session,
  mode: () => ExportMode,
  droppedTracks: () => number[] = () => [],
  output: () => OutputChoice = () => ({}),
) {
  const [state, setState] = createSignal<SaveState>("idle");
  const [deleted, setDeleted] = createSignal<string | null>(null);
  // Projects seen stored are only written over while they still are; `gone` ones not at all.
  const stored = new Set<string>();
  const gone = new Set<string>();
  let latest: ProjectRecord | null = null;
  let askedToPersist = false;

  async function write(record: ProjectRecord, leaving: boolean): Promise<void> {
    const db = await projects;
    if (!db) return void setState("failed");
    if (gone.has(record.id)) return;
    try {
      // The look for a deletion needs the page for one more round trip, which a page being left lacks.
      const look = stored.has(record.id) && !leaving;
      const kept = look ? await db.update(record) : await db.save(record).then(() => true);
      if (!kept) {
        gone.add(record.id);
        setDeleted(record.id);
        return void setState("failed");
      }
      stored.add(record.id);
      // Unless a newer change is still to come, or this was the project before the open one.
      if (record === latest) setState("saved");
      // Ask once that the browser not evict the projects under storage pressure.
      if (!askedToPersist) void navigator.storage?.persist?.();
      askedToPersist = true;
    } catch (error) {
      setState("failed");
      session.complain(`Could not save the project (${why(error)}); what was saved before is kept`);
    }
  }
  const writes = new WriteBehind(write, TYPING_PAUSE_MS);

  createEffect(() => {
    const record = currentRecord(session, mode(), droppedTracks(), output());
    // What waits of the project before this one is written now, not dropped.
    if (latest && latest.id !== record?.id) void writes.flush();
    latest = record;
    if (!record) return void setState("idle");
    // Opened as it was stored: writing it again would only fail on a full disk and move its date.
    const project = session.source()?.project;
    const sameTracks =
      `${record.droppedTracks ?? []}` === `${project?.droppedTracks ?? []}` && JSON.stringify(record.audioMix ?? NO_MIX) === JSON.stringify(project?.audioMix ?? NO_MIX);
    const sameOutput = (record.outputContainer ?? "mp4") === (project?.outputContainer ?? "mp4") && !!record.chapters === !!project?.chapters;
    if (session.asStored() && record.exportMode === project?.exportMode && sameTracks && sameOutput) return void setState("saved");
    setState(gone.has(record.id) ? "failed" : "pending");
    writes.change(record, session.keptHistory() !== session.history());
  });

  // A project opened from storage (perhaps read-only, so not written yet) is one that can be deleted elsewhere.
  createEffect(
    on(
      () => session.source()?.project.id,
      (id) => {
        if (id) void projects.then((db) => db?.load(id)).then((found) => found && stored.add(id), () => undefined);
      },
    ),
  );

  // A hidden page may be discarded without another word; a page being left gets no more turns.
  const onHidden = () => document.visibilityState === "hidden" && void writes.flush();
  const onLeave = () => void writes.flush(true);
  window.addEventListener("pagehide", onLeave);
  document.addEventListener("visibilitychange", onHidden);
  onCleanup(() => {
    window.removeEventListener("pagehide", onLeave);
    document.removeEventListener("visibilitychange", onHidden);
  });

  return {
    flush: (): Promise<void> => writes.flush(),
    state,
    /** The open project was deleted in another tab; its clips are still here. */
    deleted: (): boolean => deleted() !== null && deleted() === session.source()?.project.id,
    /** The deleted project's clips and history, kept under a new id (same name). */
    async keepAsNew(): Promise<void> {
      const source = session.source();
      const record = currentRecord(session, mode(), droppedTracks(), output());
      if (!source || !record) return;
      // The choices made here, not the deleted project's as it was opened.
      const { exportMode, outputContainer, chapters, audioMix } = record;
      const project = { ...source.project, id: newId(), created: Date.now(), exportMode, droppedTracks: record.droppedTracks ?? [], outputContainer, chapters, audioMix };
      // Its copy of the video went with the deleted project if that was the file's last one.
      const hasCopy = (await projects.then((db) => db?.hasMedia(source.media.fingerprint)).catch(() => false)) ?? false;
      session.begin({ ...source, project }, { ...record, id: project.id, created: project.created }, hasCopy, false);
      session.say(`Kept as a new project: ${project.name}`);
    },
  };
}
