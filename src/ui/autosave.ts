import { createEffect, createSignal, onCleanup, type Accessor } from "solid-js";
import type { ExportMode } from "../core/export-plan";
import type { ProjectDb, ProjectRecord } from "../storage/project-db";
import type { Session } from "./session";

// Saves trail the last change by this much: a reload loses at most that keystroke's worth.
const DEBOUNCE_MS = 300;

const why = (error: unknown) =>
  error instanceof DOMException && error.name === "QuotaExceededError"
    ? "the browser's storage for this site is full"
    : error instanceof Error
      ? error.message
      : String(error);

/** The open project as it is to be stored, or null when there is nothing to keep. */
function currentRecord(session: Session, exportMode: ExportMode): ProjectRecord | null {
  const source = session.source();
  const { past, present, future } = session.history();
  // A read-only tab must not write over the tab that is editing; a file only looked at is no project.
  if (!source || session.readOnly()) return null;
  if (present.length === 0 && past.length === 0 && future.length === 0) return null;
  const { id, name, created } = source.project;
  const { media, info } = source;
  return { id, name, media, info, clips: present, undo: past, redo: future, exportMode, created, edited: Date.now() };
}

/** What the page says of the open project's storage: nothing to keep yet, a change waiting, all kept, or a failure. */
export type SaveState = "idle" | "pending" | "saved" | "failed";

/**
 * Keeps the open project in IndexedDB: every change is saved, whole, shortly after it is made.
 * A change still waiting is saved at once when another project opens, and by `flush` before the
 * page goes away on purpose.
 */
export function keepProjects(
  projects: Promise<ProjectDb | null>,
  session: Session,
  mode: () => ExportMode,
): { flush: () => Promise<void>; state: Accessor<SaveState> } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: ProjectRecord | undefined;
  let askedToPersist = false;
  const [state, setState] = createSignal<SaveState>("idle");

  async function flush(): Promise<void> {
    clearTimeout(timer);
    const record = pending;
    pending = undefined;
    const db = await projects;
    if (!record) return;
    if (!db) return void setState("failed");
    try {
      await db.save(record);
      // Unless a newer change is still to come, or this was the project before the open one.
      if (!pending && record.id === session.source()?.project.id) setState("saved");
      // Ask once that the browser not evict the projects under storage pressure.
      if (!askedToPersist) void navigator.storage?.persist?.();
      askedToPersist = true;
    } catch (error) {
      setState("failed");
      session.complain(`Could not save the project (${why(error)}); what was saved before is kept`);
    }
  }

  createEffect(() => {
    const record = currentRecord(session, mode());
    if (pending && pending.id !== record?.id) void flush();
    if (!record) return void setState("idle");
    pending = record;
    setState("pending");
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), DEBOUNCE_MS);
  });
  onCleanup(() => clearTimeout(timer));
  return { flush, state };
}
