import { createSignal } from "solid-js";
import * as backup from "../core/formats/project-backup";
import type { ProjectDb, ProjectRecord } from "../storage/project-db";
import { download } from "./download";
import type { Session } from "./session";

const BACKUP_NAME = "clipmark-projects.json";

/** The stored projects as the start page shows them: list, rename, delete, back up, restore. */
export function createProjects(projects: Promise<ProjectDb | null>, session: Session) {
  const [list, setList] = createSignal<ProjectRecord[]>([]);
  const [usage, setUsage] = createSignal<StorageEstimate | null>(null);

  async function withDb(doing: string, work: (db: ProjectDb) => Promise<void>): Promise<void> {
    const db = await projects;
    if (!db) return;
    try {
      await work(db);
      setList(await db.list());
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
    backUp: () => {
      const name = download(backup.serialize(list()), BACKUP_NAME, "application/json").name;
      session.say(`Saved ${list().length} projects to ${name}`);
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
