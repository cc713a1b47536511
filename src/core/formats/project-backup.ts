import type { Clip } from "../clips";
import type { ExportMode } from "../export-plan";
import { isObject } from "../json";
import type { MediaInfo } from "../media-info";
import { fail, ok, type Result } from "../result";

/** Who a source file is, kept with its projects: its name, and a fingerprint of its size and content. */
export interface MediaRef {
  name: string;
  size: number;
  lastModified: number;
  fingerprint: string;
}

/** A project as a backup holds it: the same fields the store keeps. */
export interface BackedUpProject {
  id: string;
  name: string;
  media: MediaRef;
  /** The source as it was probed; absent from projects saved before it was kept. */
  info?: MediaInfo;
  clips: Clip[];
  undo: Clip[][];
  redo: Clip[][];
  exportMode: ExportMode;
  created: number;
  edited: number;
}

const FORMAT = "clipmark-projects";
const VERSION = 1;

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

const isClip = (v: unknown): v is Clip =>
  isObject(v) && isNumber(v.id) && isNumber(v.start) && isNumber(v.end) && v.end > v.start && typeof v.label === "string";
const isClipList = (v: unknown): v is Clip[] => Array.isArray(v) && v.every(isClip);

function readProject(v: unknown, index: number): Result<BackedUpProject> {
  const where = `project ${index + 1}`;
  if (!isObject(v) || typeof v.id !== "string" || typeof v.name !== "string") return fail(`${where} has no id or name`);
  const media = v.media;
  const described = isObject(media) && typeof media.name === "string" && typeof media.fingerprint === "string";
  if (!described || !isNumber(media.size) || !isNumber(media.lastModified)) {
    return fail(`${where} (${v.name}) has no media reference`);
  }
  const info = v.info;
  if (info !== undefined && !(isObject(info) && isNumber(info.duration) && Array.isArray(info.streams))) {
    return fail(`${where} (${v.name}) has a broken probe result`);
  }
  if (!isClipList(v.clips)) return fail(`${where} (${v.name}) has a clip that is not IN < OUT in seconds`);
  const history = [v.undo, v.redo].every((h) => Array.isArray(h) && h.every(isClipList));
  if (!history) return fail(`${where} (${v.name}) has a broken undo history`);
  if (!["lossless", "smart", "reencode"].includes(String(v.exportMode))) return fail(`${where} (${v.name}) has no export mode`);
  if (!isNumber(v.created) || !isNumber(v.edited)) return fail(`${where} (${v.name}) has no dates`);
  return ok(v as unknown as BackedUpProject);
}

/** Reads a backup; any broken project fails the whole file, so a restore is all or nothing. */
export function parse(text: string): Result<BackedUpProject[]> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail("not a Clipmark backup (not JSON)");
  }
  if (!isObject(data) || data.format !== FORMAT) return fail("not a Clipmark backup");
  if (data.version !== VERSION) return fail(`a backup of version ${String(data.version)}, this page reads ${VERSION}`);
  if (!Array.isArray(data.projects)) return fail("the backup has no projects list");
  const projects: BackedUpProject[] = [];
  for (const [index, raw] of data.projects.entries()) {
    const project = readProject(raw, index);
    if (!project.ok) return project;
    projects.push(project.value);
  }
  return ok(projects);
}

export function serialize(projects: readonly BackedUpProject[]): string {
  return JSON.stringify({ format: FORMAT, version: VERSION, projects }, null, 1);
}
