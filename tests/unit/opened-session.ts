import { createRoot } from "solid-js";
import type { Source } from "../../src/core/project";
import type { ProjectRecord } from "../../src/storage/project-db";
import { createSession } from "../../src/ui/session";
import { sampleInfo } from "./sample-info";

/** A saved project of `sources` with `clips`, as the store gives it back. */
export const savedProject = (name: string, sources: Source[], clips: ProjectRecord["clips"]): ProjectRecord => ({
  id: "p",
  name,
  sources,
  clips,
  undo: [],
  redo: [],
  exportMode: "lossless",
  created: 1,
  edited: 1,
});

/** A session on a saved project, its first source on the player as probed now (storage is not reached). */
export function openedSession(saved: ProjectRecord) {
  return createRoot((dispose) => {
    const session = createSession(Promise.resolve(null));
    const [{ id, media }] = saved.sources as [Source];
    // The file as its record describes it (an export checks that it is still that file).
    const file = new File([new Uint8Array(media.size)], media.name, { lastModified: media.lastModified });
    session.begin({ id, file, info: sampleInfo(), media, project: { id: saved.id, name: saved.name, created: 1 } }, saved, false);
    return { session, dispose };
  });
}
