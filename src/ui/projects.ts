import { createSignal } from "solid-js";
import { backupFileName } from "../core/file-names";
import * as backup from "../core/formats/project-backup";
import { newId, type ProjectDb, type ProjectRecord } from "../storage/project-db";
import { download } from "./download";
import type { Session } from "./session";

/** Where a project's video comes back from: a copy kept here, a handle to the file, or a new pick. */
export type VideoReturn = "copy" | "handle" | "pick";

export interface ListedProject {
  project: ProjectRecord;
  video: VideoReturn;
}

async function listed(db: ProjectDb): Promise<ListedProject[]> {
  const [projects, kept] = await Promise.all([db.list(), db.keptSources()]);
  const videoReturn = ({ fingerprint }: backup.MediaRef): VideoReturn =>
    kept.copies.has(fingerprint) ? "copy" : kept.handles.has(fingerprint) ? "handle" : "pick";
  return projects.map((project) => ({ project, video: videoReturn(project.media) }));
}

/** The stored projects as the start page shows them: list, rename, duplicate, delete, back up, restore. */
export function createProjects(projects: Promise<ProjectDb | null>, session: Session) {
  const [list, setList] = createSignal<ListedProject[]>([]);
  const [usage, setUsage] = createSignal<StorageEstimate | null>(null);

  async function withDb(doing: string, work: (db: ProjectDb) => Promise<void>): Promise<void> {
    const db = await projects;
    if (!db) return;
    try {
      await work(db);
      setList(await listed(db));
      setUsage((await navigator.storage?.estimate?.()) ?? null);
    } catch (error) {
      session.complain(`Could not ${doing}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    list,
    usage,
    refresh: () => withDb("list the projects", async () => undefined),
    rename: (id: string, name: string) => withDb("rename the project", (db) => db.rename(id, name.trim() || "Untitled")),
    remove: (id: string) => withDb("delete the project", (db) => db.remove(id)),
    duplicate: (project: ProjectRecord) =>
      withDb("duplicate the project", (db) => db.duplicate(project.id, newId(), `${project.name} (copy)`, Date.now())),
    /** Every project, or one, to a JSON file that "Restore projects" reads on any machine. */
    backUp: (one?: ProjectRecord) => {
      const chosen = one ? [one] : list().map((entry) => entry.project);
      const name = download(backup.serialize(chosen), backupFileName(one?.name), "application/json").name;
      session.say(`Saved ${chosen.length} projects to ${name}`);
    },
    async restore(file: File) {
      const parsed = backup.parse(await file.text());
      if (!parsed.ok) return session.complain(`${file.name}: ${parsed.error}`);
      await withDb("restore the backup", (db) => db.restore(parsed.value));
      session.say(`Restored ${parsed.value.length} projects from ${file.name}`);
    },
  };
}

export type Projects = ReturnType<typeof createProjects>;
