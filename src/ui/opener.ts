import { createSignal } from "solid-js";
import type { MediaRef } from "../core/project";
import type { MediaInfo } from "../core/media-info";
import { plural } from "../core/plural";
import { cutShortNote } from "../core/source-index";
import { sourceDifferences } from "../core/source-match";
import { fail, ok, type Result } from "../core/result";
import { inNameOrder, openingSource, sourceWith } from "../core/sources";
import type { MediaClient } from "../media/media-client";
import { newId, type ProjectDb, type ProjectRecord } from "../storage/project-db";
import { readHandle, type PickedFile } from "./file-handles";
import type { ReadFile, Session } from "./session";

/** The media worker as opening needs it. */
export type OpenMedia = Pick<MediaClient, "probe" | "identify">;

interface Probed {
  picked: PickedFile;
  info: MediaInfo;
  media: MediaRef;
}

/** Storage is a convenience here: when it fails, the file still opens. */
const quiet = <T,>(work: Promise<T> | undefined, fallback: T): Promise<T> =>
  (work ?? Promise.resolve(fallback)).catch(() => fallback);

/** Names in a sentence: "a", "a and b", "a, b and c". */
const listed = (names: readonly string[]): string =>
  names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

const files = (read: readonly Probed[]): ReadFile[] => read.map(({ picked, info, media }) => ({ file: picked.file, info, media }));

/** A new project's name: the file's, numbered when the file has projects already. */
const freshName = (fileName: string, others: number) => (others === 0 ? fileName : `${fileName} (${others + 1})`);

/**
 * How a video and its project come to be open. A file opened goes on with its last project; a
 * project opened from the list finds its video (a kept copy, a handle, or the person picks it
 * again, checked to be the same file); "New project" starts afresh on a file.
 */
export function createOpener(media: OpenMedia, projects: Promise<ProjectDb | null>, session: Session) {
  const [opening, setOpening] = createSignal<string | null>(null);

  // Opening is one job at a time, and the last asked wins: a reopen still reading a kept copy is
  // dropped when a file is picked, whichever probe ends first.
  let asked = 0;
  /** A new request to open; the returned check says whether it is still the last one. */
  function request(): () => boolean {
    const mine = ++asked;
    return () => mine === asked;
  }

  /** Probes and identifies a file (keeping its handle); a failure is said naming the file. */
  async function read(picked: PickedFile): Promise<Result<Probed>> {
    const [probed, identified] = await Promise.all([media.probe(picked.file), media.identify(picked.file)]);
    if (!probed.ok) return fail(probed.error);
    if (!identified.ok) return fail(identified.error);
    const ref = identified.value;
    if (picked.handle) await quiet((await projects)?.keepHandle(ref.fingerprint, picked.handle), undefined);
    return ok({ picked, info: probed.value, media: ref });
  }

  /** Probes first; only a file that probes cleanly replaces what is open, if it is still wanted. */
  async function probe(picked: PickedFile, current: () => boolean): Promise<Probed | undefined> {
    setOpening(picked.file.name);
    const probed = await read(picked);
    if (!current()) return undefined;
    setOpening(null);
    if (!probed.ok) return void session.complain(probed.error);
    return probed.value;
  }

  /** Several files read one after another, in natural name order; those that fail are said in `failures`. */
  async function readAll(picked: readonly PickedFile[], current: () => boolean): Promise<{ read: Probed[]; failures: string[] } | undefined> {
    const probed: Probed[] = [];
    const failures: string[] = [];
    for (const one of inNameOrder(picked, (p) => p.file.name)) {
      setOpening(one.file.name);
      const result = await read(one);
      if (!current()) return undefined;
      if (result.ok) probed.push(result.value);
      else failures.push(result.error);
    }
    setOpening(null);
    return { read: probed, failures };
  }

  /** What was done with several files, and what was not, in one message. */
  function sayAll(done: string, failures: readonly string[]): void {
    if (failures.length === 0) return session.say(done);
    session.complain([done, ...failures].filter(Boolean).join(". "));
  }

  /** What opened, and, for a file cut short, how much of it can be read. */
  function opened(text: string, info: MediaInfo): void {
    const cut = cutShortNote(info);
    if (cut) session.complain(`${text}. ${cut}`);
    else session.say(text);
  }

  /** Starts editing; false (and nothing changed) when another request came meanwhile. */
  async function begin(
    { picked, info, media: ref }: Probed,
    saved: ProjectRecord | undefined,
    name: string,
    current: () => boolean,
  ): Promise<boolean> {
    const hasCopy = await quiet((await projects)?.hasMedia(ref.fingerprint), false);
    if (!current()) return false;
    const project = saved
      ? {
          id: saved.id,
          name: saved.name,
          created: saved.created,
          exportMode: saved.exportMode,
          droppedTracks: saved.droppedTracks ?? [],
          audioMix: saved.audioMix,
          outputContainer: saved.outputContainer,
          chapters: saved.chapters,
        }
      : { id: newId(), name, created: Date.now() };
    // The file is one of the saved project's sources (found by its fingerprint), or a new project's first.
    const id = (saved && sourceWith(saved.sources, ref.fingerprint)?.id) ?? newId();
    session.begin({ id, file: picked.file, info, media: ref, project }, saved, hasCopy);
    if (saved) void findOthers(saved, current);
    return true;
  }

  /** A file opened: its last edited project goes on; a namesake's project is not applied to it. */
  async function open(picked: PickedFile): Promise<void> {
    const current = request();
    const probed = await probe(picked, current);
    if (!probed) return;
    const db = await projects;
    const [saved, ...more] = await quiet(db?.projectsOf(probed.media.fingerprint), []);
    const namesake = saved ? undefined : (await quiet(db?.projectsNamed(picked.file.name), []))[0];
    if (!(await begin(probed, saved, picked.file.name, current))) return;
    const name = picked.file.name;
    if (namesake) {
      return session.complain(
        `${name} is not the file of the project "${namesake.name}" (its size or content differs), so that project's ` +
          `${namesake.clips.length} clips were not applied; this file starts a project of its own`,
      );
    }
    const others = more.length > 0 ? ` (${more.length} more projects of this file are on the Projects page)` : "";
    opened(saved ? `Reopened ${saved.name} with its ${plural(saved.clips.length, "clip", "clips")}${others}` : `Opened ${name}`, probed.info);
  }

  /** Several files opened together: one new project of them all, in natural name order (one file opens as `open` does). */
  async function openAll(picked: readonly PickedFile[]): Promise<void> {
    if (picked.length === 1) return open(picked[0] as PickedFile);
    const current = request();
    const all = await readAll(picked, current);
    if (!all) return;
    const [first, ...rest] = all.read;
    if (!first) return sayAll("", all.failures);
    const others = await quiet((await projects)?.projectsOf(first.media.fingerprint), []);
    if (!(await begin(first, undefined, freshName(first.picked.file.name, others.length), current))) return;
    const { added, refused } = session.addFiles(files(rest), newId);
    const names = [first.media.name, ...added.map((s) => s.media.name)];
    sayAll(`Opened ${plural(names.length, "file", "files")} in a new project: ${listed(names)}`, [...refused.map((r) => r.reason), ...all.failures]);
  }

  /** "Add video": files added to the open project, after its sources; a file it has, or one that is not a video, is said and left out. */
  async function addVideos(picked: readonly PickedFile[]): Promise<void> {
    const current = request();
    const all = await readAll(picked, current);
    if (!all) return;
    const { added, refused } = session.addFiles(files(all.read), newId);
    const done = added.length > 0 ? `Added ${listed(added.map((s) => s.media.name))}` : "No file was added";
    sayAll(done, [...refused.map((r) => r.reason), ...all.failures]);
  }

  /** "New project": a fresh clip list on a file, beside any projects it has already. */
  async function startProject(picked: PickedFile): Promise<void> {
    const current = request();
    const probed = await probe(picked, current);
    if (!probed) return;
    const others = await quiet((await projects)?.projectsOf(probed.media.fingerprint), []);
    if (!(await begin(probed, undefined, freshName(picked.file.name, others.length), current))) return;
    opened(`Opened ${picked.file.name} in a new project`, probed.info);
  }

  /** A file of a project, where the browser still has it: a kept copy, or a handle it may read. */
  async function fileWith(fingerprint: string, ask: boolean): Promise<PickedFile | undefined> {
    const db = await projects;
    const copy = await quiet(db?.storedMedia(fingerprint), undefined);
    if (copy) return { file: copy };
    const handle = await quiet(db?.handle(fingerprint), undefined);
    if (!handle) return undefined;
    const granted = ask || (await quiet(handle.queryPermission({ mode: "read" }), "denied")) === "granted";
    const file = granted ? await readHandle(handle) : undefined;
    return file && { file, handle };
  }

  /** A project's video, the one it opens on. */
  const videoOf = (project: ProjectRecord, ask: boolean) => fileWith(openingSource(project).media.fingerprint, ask);

  /**
   * The files of a project's other sources that come back by themselves (a kept copy, a handle
   * already granted), each checked to be the same file; the rest are picked when wanted.
   */
  async function findOthers(project: ProjectRecord, current: () => boolean): Promise<void> {
    for (const { id, media: ref, info } of project.sources) {
      if (session.fileOf(id)) continue;
      const found = await fileWith(ref.fingerprint, false);
      const identified = found && (await media.identify(found.file));
      if (!current()) return;
      if (found && identified?.ok && identified.value.fingerprint === ref.fingerprint && info) {
        session.attachFile(id, { file: found.file, info, media: identified.value });
      }
    }
  }

  /**
   * Opens a project with a file that must be its video; another file changes nothing. True also
   * when a later request took over: there is nothing left to pick for this one.
   */
  async function openWith(project: ProjectRecord, picked: PickedFile, current = request()): Promise<boolean> {
    const probed = await probe(picked, current);
    if (!probed) return !current();
    const found = { ...probed.media, duration: probed.info.duration };
    const wanted = openingSource(project);
    const differences = sourceDifferences({ ...wanted.media, duration: wanted.info?.duration }, found);
    if (differences.length > 0) {
      session.complain(
        `${picked.file.name} is not the video of the project "${project.name}": ${differences.join(", ")}. ` +
          `Nothing was applied; pick ${wanted.media.name} to open it`,
      );
      return false;
    }
    if (!(await begin(probed, project, project.name, current))) return true;
    opened(`Reopened ${project.name} with its ${plural(project.clips.length, "clip", "clips")}`, probed.info);
    return true;
  }

  /**
   * A file picked for one of the open project's sources whose file the page lacks ("needs …"): it
   * must be that file (its fingerprint); then it goes on the player. Another file changes nothing.
   */
  async function relink(id: string, picked: PickedFile): Promise<void> {
    const wanted = session.sources().find((s) => s.id === id);
    if (!wanted) return;
    const probed = await probe(picked, request());
    if (!probed) return;
    const differences = sourceDifferences({ ...wanted.media, duration: wanted.info?.duration }, { ...probed.media, duration: probed.info.duration });
    if (differences.length > 0) {
      return session.complain(
        `${picked.file.name} is not this project's ${wanted.media.name}: ${differences.join(", ")}. Nothing was changed; pick ${wanted.media.name}`,
      );
    }
    session.attachFile(id, { file: probed.picked.file, info: probed.info, media: probed.media });
    session.show(id);
    session.say(`Found ${wanted.media.name}`);
  }

  return {
    opening,
    open,
    openAll,
    addVideos,
    relink,
    startProject,
    openWith,
    /**
     * "Open" on the Projects page (a click, so the browser may ask for permission to read a handle).
     * Resolves false when the video must be picked: none is here, or the one here has changed.
     */
    async openProject(id: string): Promise<boolean> {
      const current = request();
      const project = await quiet((await projects)?.load(id), undefined);
      if (!project) {
        session.complain("That project is no longer stored in this browser");
        return true;
      }
      const video = await videoOf(project, true);
      if (!current()) return true;
      if (video) return openWith(project, video, current);
      session.say(`Pick ${openingSource(project).media.name} to open ${project.name}`);
      return false;
    },
    /** On start: the last project opens by itself when its video is here without asking. */
    async reopenLast(): Promise<void> {
      const current = request();
      const last = await quiet((await projects)?.lastEdited(), undefined);
      const video = last && (await videoOf(last, false));
      if (last && video && current()) await openWith(last, video, current);
    },
  };
}

export type Opener = ReturnType<typeof createOpener>;
