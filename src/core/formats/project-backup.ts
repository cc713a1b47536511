import { isObject } from "../json";
import { plural } from "../plural";
import type { Project } from "../project";
import { checkProject, shown } from "../project-validation";
import { fail, ok, type Result } from "../result";

const FORMAT = "clipmark-projects";
// Version 3 keeps a project's sources (each clip names its own); versions 1 and 2 kept one `media`,
// read as its one source. Version 2 keeps undo and redo as changes; version 1's whole lists are read
// as changes. A clip's colour is an optional field and no new version: a page that does not know it
// restores the backup without the colours, where a new version would make it refuse the backup.
const VERSION = 3;
const READS = [1, 2, 3];
/** Deeper than any backup nests (about 7): refused before parsing, so no reader recurses without end. */
const MAX_DEPTH = 32;
/** Projects named one by one in a restore's message; the rest are counted. */
const NAMED = 10;

/** A project of a backup that was left out, or restored with repairs, and why. */
export interface ProjectNote {
  /** Its name and place in the file: `"Talk" (project 3)`. */
  project: string;
  leftOut: boolean;
  reasons: string[];
}

export interface BackupContents {
  /** Every project that can be restored, repaired where needed, each with an id of its own. */
  projects: Project[];
  notes: ProjectNote[];
  /** How many projects the file lists. */
  total: number;
}

export interface ParseOptions {
  newId: () => string;
  now: number;
}

/** Whether brackets nest deeper than `MAX_DEPTH`, counted outside strings in one pass over the text. */
function tooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x5d || c === 0x7d) depth--;
    if (depth > MAX_DEPTH) return true;
  }
  return false;
}

function readJson(text: string): Result<unknown> {
  const body = text.replace(/^\uFEFF/, "");
  // UTF-16 read as UTF-8 leaves a NUL beside every ASCII character.
  if (body.includes("\u0000")) return fail("not a Clipmark backup (it is UTF-16 text; backups are UTF-8)");
  if (tooDeep(body)) return fail("not a Clipmark backup (nested deeper than a backup is)");
  try {
    return ok(JSON.parse(body));
  } catch {
    return fail("not a Clipmark backup (not JSON)");
  }
}

/** How a message names a project of the file, whatever its name field holds. */
const projectLabel = (v: unknown, index: number): string => {
  const name = isObject(v) && typeof v.name === "string" && v.name.trim() !== "" ? `"${shown(v.name)}" ` : "";
  return `${name}(project ${index + 1})`;
};

/**
 * Reads a backup project by project: each is checked as strictly as an import (checkProject),
 * repaired where it can be, else left out; either way with a note. Only a file that is not a
 * backup at all fails as a whole.
 */
export function parse(text: string, options: ParseOptions): Result<BackupContents> {
  const data = readJson(text);
  if (!data.ok) return data;
  const root = data.value;
  if (!isObject(root) || root.format !== FORMAT) return fail("not a Clipmark backup");
  if (!READS.includes(root.version as number)) {
    return fail(`a backup of version ${shown(String(root.version))}, this page reads versions 1 to ${VERSION}`);
  }
  if (!Array.isArray(root.projects)) return fail("the backup has no projects list");
  const projects: Project[] = [];
  const notes: ProjectNote[] = [];
  const ids = new Set<string>();
  for (const [index, raw] of root.projects.entries()) {
    const project = projectLabel(raw, index);
    const checked = checkProject(raw, options);
    if (!checked.ok) {
      notes.push({ project, leftOut: true, reasons: [checked.error] });
      continue;
    }
    let restored = checked.project;
    // Two projects of one id would overwrite each other.
    if (ids.has(restored.id)) {
      checked.repairs.push("its id was another project's in the file: restored under a new id");
      restored = { ...restored, id: options.newId() };
    }
    ids.add(restored.id);
    projects.push(restored);
    if (checked.repairs.length > 0) notes.push({ project, leftOut: false, reasons: checked.repairs });
  }
  return ok({ projects, notes, total: root.projects.length });
}

function listNotes(notes: readonly ProjectNote[]): string {
  const named = notes.slice(0, NAMED).map((n) => `${n.project}: ${n.reasons.join("; ")}`);
  const more = notes.length - named.length;
  return named.join(". ") + (more > 0 ? `. And ${more.toLocaleString("en-US")} more` : "");
}

/** What a restore says: how many projects came back from which file, and each one left out or repaired, with why. */
export function restoreMessage(fileName: string, { projects, notes, total }: BackupContents): string {
  if (notes.length === 0) return `Restored ${plural(projects.length, "project", "projects")} from ${fileName}`;
  const leftOut = notes.filter((n) => n.leftOut);
  const repaired = notes.filter((n) => !n.leftOut);
  return [
    `Restored ${projects.length} of ${plural(total, "project", "projects")} from ${fileName}`,
    ...(leftOut.length > 0 ? [`Left out: ${listNotes(leftOut)}`] : []),
    ...(repaired.length > 0 ? [`Repaired: ${listNotes(repaired)}`] : []),
  ].join(". ") + ".";
}

export function serialize(projects: readonly Project[]): string {
  return JSON.stringify({ format: FORMAT, version: VERSION, projects }, null, 1);
}
