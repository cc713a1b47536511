import { createSignal } from "solid-js";
import type { MediaRef } from "../core/project";
import type { ProjectDb } from "../storage/project-db";
import type { Notices } from "./notices";

/** Whether a copy of the open source is kept in the browser, so that its projects reopen by themselves. */
export function createSourceCopy(projects: Promise<ProjectDb | null>, notices: Notices) {
  const [kept, setKept] = createSignal(false);
  return {
    keptCopy: kept,
    /** What storage says of a source just opened. */
    knowCopy: (hasCopy: boolean): void => void setKept(hasCopy),
    /** Keeps (or drops) the copy of `file`, the source `media` names. */
    async keepCopy(file: File, media: MediaRef, keep: boolean): Promise<void> {
      const db = await projects;
      if (!db) return;
      try {
        if (keep) await db.keepMedia(media.fingerprint, file);
        else await db.dropMedia(media.fingerprint);
        setKept(keep);
        notices.say(keep ? `A copy of ${file.name} is kept in this browser` : `The copy of ${file.name} is gone`);
      } catch (error) {
        notices.complain(`Could not keep a copy of ${file.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
