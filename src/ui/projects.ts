import { createSignal } from "solid-js";
import { backupFileName } from "../core/file-names";
import * as backup from "../core/formats/project-backup";
import type { MediaRef } from "../core/project";
import { openingSource } from "../core/sources";
import { newId, type DamagedRecord, type ProjectDb, type ProjectRecord } from "../storage/project-db";
import { download } from "./download";
import type { Session } from "./session";

/** Where a project's video comes back from: a copy kept here, a handle to the file, or a new pick. */
export type VideoReturn = "copy" | "handle" | "pick";

export interface ListedProject {
  project: ProjectRecord;
  video: VideoReturn;
}

async function listed(db: ProjectDb): Promise<{ entries: ListedProject[]; damaged: DamagedRecord[] }> {
  const [{ projects, damaged }, kept] = await Promise.all([db.survey(), db.keptSources()]);
  const videoReturn = ({ fingerprint }: MediaRef): VideoReturn =>
    kept.copies.has(fingerprint) ? "copy" : kept.handles.has(fingerprint) ? "handle" : "pick";
  return { entries: projects.map((project) => ({ project, video: videoReturn(openingSource(project).media) })), damaged };
}

/** Records an older version or a fault left unreadable stay stored (nothing is deleted unasked), but unlisted. */
function damagedMessage(damaged: readonly DamagedRecord[]): string {
  const count = (n: number) => n.toLocaleString("en-US");
  const named = damaged.slice(0, 5).map((d) => `"${d.name}" (${d.error})`);
  const more = damaged.length > named.length ? `, and ${count(damaged.length - named.length)} more` : "";
  const which =
    damaged.length === 1 ? "1 project stored in this browser is" : `${count(damaged.length)} projects stored in this browser are`;
  return `${which} damaged and not listed: ${named.join(", ")}${more}`;
}

/** The stored projects as the start page shows them: list, rename, duplicate, delete, back up, restore. */
export function createProjects(projects: Promise<ProjectDb | null>, session: Session) {
  const [list, setList] = createSignal<ListedProject[]>([]);
  const [usage, setUsage] = createSignal<StorageEstimate | null>(null);

  /** Does `work`, then lists the projects again; the damaged records, or null when it failed (and said so). */
  async function withDb(doing: string, work: (db: ProjectDb) => Promise<void>): Promise<DamagedRecord[] | null> {
    const db = await projects;
    if (!db) return null;
    try {
      await work(db);
      const { entries, damaged } = await listed(db);
      setList(entries);
      setUsage((await navigator.storage?.estimate?.()) ?? null);
      return damaged;
    } catch (error) {
      session.complain(`Could not ${doing}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  return {
    list,
    usage,
    async refresh() {
      const damaged = await withDb("list the projects", async () => undefined);
      if (damaged && damaged.length > 0) session.complain(damagedMessage(damaged));
    },
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
    /** Restores each project that can be; anything left out or repaired is named, with why, as an error. */
    async restore(file: File) {
      const parsed = backup.parse(await file.text(), { newId, now: Date.now() });
      if (!parsed.ok) return session.complain(`${file.name}: ${parsed.error}`);
      const contents = parsed.value;
      if (!(await projects)) {
        return session.complain(`Could not restore ${file.name}: this browser keeps no projects for this page`);
      }
      const written = await withDb(`restore ${file.name}`, (db) => db.restore(contents.projects));
      if (!written) return;
      const message = backup.restoreMessage(file.name, contents);
      if (contents.notes.length > 0) session.complain(message);
      else session.say(message);
    },
  };
}

export type Projects = ReturnType<typeof createProjects>;
