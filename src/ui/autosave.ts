import { createEffect, onCleanup } from "solid-js";
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

/** Keeps the open project in IndexedDB: every change is saved, whole, shortly after it is made. */
export function keepProjects(projects: Promise<ProjectDb | null>, session: Session, mode: () => ExportMode): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let askedToPersist = false;
  createEffect(() => {
    const source = session.source();
    const { past, present, future } = session.history();
    const exportMode = mode();
    // A read-only tab must not write over the tab that is editing; a file only looked at is no project.
    if (!source || session.readOnly()) return;
    if (present.length === 0 && past.length === 0 && future.length === 0) return;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const db = await projects;
      if (!db) return;
      const { id, name, created } = source.project;
      const { media, info } = source;
      const edited = Date.now();
      const record: ProjectRecord = { id, name, media, info, clips: present, undo: past, redo: future, exportMode, created, edited };
      try {
        await db.save(record);
        // Ask once that the browser not evict the projects under storage pressure.
        if (!askedToPersist) void navigator.storage?.persist?.();
        askedToPersist = true;
      } catch (error) {
        session.complain(`Could not save the project (${why(error)}); what was saved before is kept`);
      }
    }, DEBOUNCE_MS);
  });
  onCleanup(() => clearTimeout(timer));
}
