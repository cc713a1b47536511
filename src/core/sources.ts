import { clipDuration, type Clip } from "./clips";
import { videoFrames } from "./frames";
import { moveItem } from "./list-move";
import type { Project, Source } from "./project";

/**
 * A project's sources: the files it cuts, in the user's order, and how its clips name them. Pure:
 * ids come from the caller (`makeId`), so the same steps give the same project.
 */

// Numbers in names are read as numbers: GP010001 before GP020001, "part 2" before "part 10".
const naturalOrder = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Files picked or dropped together, in natural name order (the order a camera or a recorder numbered them). */
export function inNameOrder<T>(files: readonly T[], nameOf: (file: T) => string): T[] {
  // Names the collator holds equal ("a.mp4", "A.MP4") keep one order: by code point.
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...files].sort((a, b) => naturalOrder.compare(nameOf(a), nameOf(b)) || byCodePoint(nameOf(a), nameOf(b)));
}

/** A file that was not added, and why in plain words. */
export interface RefusedSource {
  name: string;
  reason: string;
}

/**
 * Adds files after the project's sources, a batch in natural name order; a file already there
 * (its fingerprint: a renamed copy is the same file), or twice in the batch, is refused with why.
 */
export function addSources(
  sources: readonly Source[],
  files: readonly Omit<Source, "id">[],
  makeId: () => string,
): { sources: Source[]; refused: RefusedSource[] } {
  const added = [...sources];
  const refused: RefusedSource[] = [];
  for (const file of inNameOrder(files, (f) => f.media.name)) {
    const { name } = file.media;
    const there = sourceWith(added, file.media.fingerprint);
    if (there) {
      const as = there.media.name === name ? "" : ` (as ${there.media.name})`;
      refused.push({ name, reason: `${name} is in the project already${as}` });
    } else added.push({ id: makeId(), ...file });
  }
  return { sources: added, refused };
}

/** The source of this file (by its fingerprint), if the project has it. */
export const sourceWith = (sources: readonly Source[], fingerprint: string): Source | undefined =>
  sources.find((s) => s.media.fingerprint === fingerprint);

/** The source a clip is cut from; none for a clip naming a source the project lacks. */
export const sourceOf = (sources: readonly Source[], clip: Pick<Clip, "source">): Source | undefined =>
  sources.find((s) => s.id === clip.source);

/**
 * Which of `sources` each clip is cut from (its index), or the first clip (from 0) naming none of
 * them.
 */
export function clipSourceIndexes(sources: readonly { id: string }[], clips: readonly Pick<Clip, "source">[]): number[] | { missing: number } {
  const at = new Map(sources.map((s, i) => [s.id, i]));
  const indexes = clips.map((c) => at.get(c.source) ?? -1);
  const missing = indexes.indexOf(-1);
  return missing >= 0 ? { missing } : indexes;
}

/** A source gone, and every clip cut from it; a source the project lacks changes nothing. */
export function removeSource(project: Pick<Project, "sources" | "clips">, id: string): { sources: Source[]; clips: Clip[] } {
  return { sources: project.sources.filter((s) => s.id !== id), clips: project.clips.filter((c) => c.source !== id) };
}

/** Moves a source to place `to` (from 0, as the list will be); a place past either end changes nothing. */
export const moveSourceTo = (sources: readonly Source[], id: string, to: number): Source[] =>
  moveItem(sources, sources.findIndex((s) => s.id === id), to);

/**
 * The source a project opens on, on the player: its first. (While the page offers one file per
 * project this is the only one; it is the one place that choice is made.)
 */
export const openingSource = (project: Pick<Project, "sources">): Source => project.sources[0] as Source;

/** A project's cut length: each clip's whole frames of its own source (its frame model), where the project knows them. */
export function cutLength(project: Pick<Project, "sources" | "clips">): number {
  const models = new Map(project.sources.map((s) => [s.id, s.info && videoFrames(s.info)]));
  return project.clips.reduce((total, clip) => total + clipDuration(clip, models.get(clip.source)), 0);
}

/** How long a project's files last together, as far as it knows them (a source never probed counts nothing). */
export const filesLength = (project: Pick<Project, "sources">): number =>
  project.sources.reduce((total, s) => total + (s.info?.duration ?? 0), 0);

/**
 * Join all: one clip per source, each the whole file, in the sources' order, after the list (the
 * files played end to end, to trim as one). A source never probed has no known length: it is left out.
 */
export function joinAll(clips: readonly Clip[], sources: readonly Source[]): Clip[] {
  const firstId = clips.reduce((max, c) => Math.max(max, c.id), 0) + 1;
  const whole = sources.flatMap((s) => (s.info ? [{ source: s.id, start: 0, end: s.info.duration, label: "" }] : []));
  return [...clips, ...whole.map((clip, i) => ({ id: firstId + i, ...clip }))];
}
