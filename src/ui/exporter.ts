import { createSignal } from "solid-js";
import { mixes, NO_MIX, withGain, withTrackMixed, type AudioMix } from "../core/audio-mix";
import { outputDuration, type ExportMode } from "../core/export-plan";
import { clipFileNames, exportFileName, zipFileName } from "../core/file-names";
import type { ExportProgress } from "../core/progress";
import type { Clip } from "../core/clips";
import { joinRefusal } from "../core/join-check";
import type { MediaInfo } from "../core/media-info";
import type { Source as ProjectSource } from "../core/project";
import { fail, ok, type Result } from "../core/result";
import type { ExportDestination, ExportSource } from "../media/media-api";
import type { MediaClient } from "../media/media-client";
import { offerDownload } from "../offline/download-offer";
import { download, type Download } from "./download";
import { askPicker } from "./file-handles";
import type { Session } from "./session";
import { withTrackKept } from "../core/track-choice";
import { CONTAINER_FORMATS, containerRefusal, type OutputContainer } from "../core/output-container";

/** A save picker's answer; null when the person closed it, "none" when it failed (a policy, no user gesture). */
const pick = <T>(open: () => Promise<T>): Promise<T | null | "none"> =>
  askPicker(open).then(
    (answer) => answer ?? null,
    () => "none" as const,
  );

/**
 * Where the export goes: a file (or, one file a clip, a folder) the user picks, written as it is
 * made (any size, flat memory), where the browser can; otherwise memory, then a download. A ZIP of
 * the clips streams into a download as it is made where the service worker can serve one.
 * Null: the user closed the picker.
 */
async function pickDestination(name: string, clipFiles: { names: string[]; zip: string } | null, container: OutputContainer): Promise<ExportDestination | null> {
  if (clipFiles) {
    const { names } = clipFiles;
    const handle = "showDirectoryPicker" in window ? await pick(() => window.showDirectoryPicker({ id: "clipmark-export", mode: "readwrite" })) : "none";
    if (handle !== "none") return handle && { kind: "folder", handle, names };
    return { kind: "zip", names, stream: await offerDownload(clipFiles.zip, "application/zip") };
  }
  if (!("showSaveFilePicker" in window)) return { kind: "memory" };
  const { label, mime, extension } = CONTAINER_FORMATS[container];
  const types = [{ description: `${label} video`, accept: { [mime]: [extension] as `.${string}`[] } }];
  const handle = await pick(() => window.showSaveFilePicker({ suggestedName: name, types }));
  return handle === "none" ? { kind: "memory" } : handle && { kind: "file", handle };
}

/** The files the clips are cut from, in the project's order (the first sets the output's format), as far as the page has them. */
function usedSources(session: Session, clips: readonly Clip[]): { source: ProjectSource; file: File | undefined; info: MediaInfo | undefined }[] {
  const all = session.sources();
  // One file (the common case) needs no look through the clips.
  const used = all.length > 1 ? new Set(clips.map((c) => c.source)) : null;
  return all.filter((s) => !used || used.has(s.id)).map((source) => ({ source, file: session.fileOf(source.id), info: source.info }));
}

/** The files an export reads, or which one the page does not have open. */
function exportSources(session: Session, clips: readonly Clip[]): Result<ExportSource[]> {
  const sources: ExportSource[] = [];
  for (const { source, file, info } of usedSources(session, clips)) {
    if (!file || !info) return fail(`${source.media.name} is not open: open it to export its clips`);
    sources.push({ id: source.id, file, info });
  }
  return ok(sources);
}

/**
 * The first file that changed on disk since the page read it, if any: the browser refuses to read
 * a picked file that changed (its size or date are the page's copy of them), so one byte is read.
 */
async function changedSource(sources: readonly ExportSource[], refs: readonly ProjectSource[]): Promise<ExportSource | undefined> {
  for (const source of sources) {
    const ref = refs.find((r) => r.id === source.id)?.media;
    const same = ref === undefined || (source.file.size === ref.size && source.file.lastModified === ref.lastModified);
    const readable = same && (await source.file.slice(0, 1).arrayBuffer().then(() => true, () => false));
    if (!readable) return source;
  }
  return undefined;
}

/** The media worker as exporting needs it. */
export type ExportMedia = Pick<MediaClient, "render" | "cancel">;

export type ExportState = "running" | "done" | "failed" | "cancelled";

/** One export of this session, as the Exports list shows it. */
export interface ExportEntry {
  id: number;
  /** The file (or ZIP, or folder) it was written to. */
  name: string;
  mode: ExportMode;
  clips: number;
  /** Seconds the output plays (all clips together). */
  duration: number;
  state: ExportState;
  /** Bytes written, once known. */
  size: number | null;
  /** How it went, in words: which engine ran and why, or why it failed. */
  detail: string;
  /** A finished export kept in memory, to download again; its URL is released when the entry is removed. */
  download: Download | null;
}

/** Bytes an export wrote, where the page can see them: a blob, or the file it saved. */
async function writtenSize(destination: ExportDestination, blob: Blob | null): Promise<number | null> {
  if (blob) return blob.size;
  if (destination.kind !== "file") return null;
  return destination.handle.getFile().then((file) => file.size, () => null);
}

/** The MP4 export: mode, progress, cancel, and the list of this session's exports with their downloads. */
export function createExporter(media: ExportMedia, session: Session, afterRun: () => void) {
  const [mode, setMode] = createSignal<ExportMode>("lossless");
  const [progress, setProgress] = createSignal<ExportProgress | null>(null);
  const [exports, setExports] = createSignal<ExportEntry[]>([]);
  const [perClip, setPerClip] = createSignal(false);
  const [droppedTracks, setDroppedTracks] = createSignal<number[]>([]);
  const [audioMix, setAudioMix] = createSignal<AudioMix>(NO_MIX);
  const [container, setContainer] = createSignal<OutputContainer>("mp4");
  const [chapters, setChapters] = createSignal(false);
  let nextId = 1;

  const update = (id: number, change: Partial<ExportEntry>) =>
    setExports((list) => list.map((entry) => (entry.id === id ? { ...entry, ...change } : entry)));

  async function run(): Promise<void> {
    const source = session.source();
    if (!source || progress()) return;
    const clips = session.clips();
    const chosenMode = mode();
    const sources = exportSources(session, clips);
    if (!sources.ok) return session.complain(sources.error);
    const chosen = container();
    const first = sources.value[0]?.info;
    const refused = (perClip() ? null : joinRefusal(chosenMode, sources.value.map((s) => s.info))) ?? (first ? containerRefusal(chosen, chosenMode, first, droppedTracks()) : null);
    if (refused) return session.complain(refused);
    // Checked before a destination is asked for: nothing is written from a file that changed.
    const changed = await changedSource(sources.value, session.sources());
    if (changed) {
      session.forgetFile(changed.id);
      return session.complain(`${changed.file.name} has changed since it was added: pick it again`);
    }
    const { extension, mime } = CONTAINER_FORMATS[chosen];
    // Named after the project's first file, as its edit lists are; apart from the session's other
    // exports, so two modes never share a download name.
    const stem = session.sources()[0]?.media.name ?? source.file.name;
    const name = exportFileName(stem, chosenMode, new Set(exports().map((e) => e.name)), extension);
    const names = perClip() ? clipFileNames(stem, clips.map((c) => c.label), extension) : null;
    const destination = await pickDestination(name, names && { names, zip: zipFileName(stem) }, chosen);
    if (!destination) return session.say(`Export not started: no ${names ? "folder" : "file"} chosen`);
    const saved =
      destination.kind === "file" || destination.kind === "folder"
        ? destination.handle.name
        : destination.kind === "zip"
          ? zipFileName(stem)
          : name;
    const id = nextId++;
    // Each file's clips on its own frames.
    const duration = sources.value.reduce((sum, s) => sum + outputDuration(s.info, clips.filter((c) => c.source === s.id), chosenMode), 0);
    const entry: ExportEntry = { id, name: saved, mode: chosenMode, clips: clips.length, duration, state: "running", size: null, detail: "", download: null };
    setExports((list) => [entry, ...list]);
    let running = true;
    // What the last export said belongs to it, not to this one.
    session.say(`Exporting ${names ? `${names.length} clips` : name}…`);
    setProgress({ fraction: 0, clip: 0, remaining: null });
    // Progress comes over its own channel and may trail the result: drop what arrives after it.
    const result = await media.render(
      { sources: sources.value, clips, mode: chosenMode, droppedTracks: droppedTracks(), audioMix: audioMix(), container: chosen, chapters: chapters() },
      destination,
      (progress) => running && setProgress(progress),
    );
    running = false;
    setProgress(null);
    // A hung core may have been swapped for another during the run.
    afterRun();
    if (!result.ok) {
      update(id, { state: result.kind === "cancelled" ? "cancelled" : "failed", detail: result.error });
      return result.kind === "cancelled" ? session.say(result.error) : session.complain(result.error);
    }
    const { engine, blob } = result.value;
    // A mix chosen is not made by a lossless export: said, so the tracks' coming out apart is no surprise.
    const unmixed = chosenMode === "lossless" && first && mixes(first, droppedTracks(), audioMix(), "smart") ? "the tracks are not mixed: lossless copies sound as it is" : "";
    const note = [result.value.note, unmixed].filter((n) => n).join("; ");
    const detail = engine === "ffmpeg" ? `with ffmpeg.wasm (${note})` : note;
    const how = engine === "ffmpeg" ? ` ${detail}` : note ? ` (${note})` : "";
    const made = blob ? download(blob, saved, destination.kind === "zip" ? "application/zip" : mime) : null;
    update(id, { state: "done", size: await writtenSize(destination, blob), detail, download: made });
    if (destination.kind === "file") return session.say(`Saved ${saved}${how}`);
    if (destination.kind === "folder") return session.say(`Saved ${clips.length} files in ${saved}${how}`);
    session.say(`Exported ${saved}${how}`);
  }

  return {
    mode,
    setMode,
    perClip,
    setPerClip,
    /** The tracks left out (Tracks), by stream index: the project's, saved with it. */
    droppedTracks,
    setDroppedTracks,
    keepTrack(index: number, keep: boolean): void {
      setDroppedTracks((dropped) => withTrackKept(dropped, index, keep));
      // A track left out takes no part in the mix, nor does it when kept again until chosen again.
      if (!keep) setAudioMix((mix) => withTrackMixed(mix, index, false));
    },
    /** The audio tracks mixed into one (Tracks): the project's, saved with it. */
    audioMix,
    setAudioMix,
    mixTrack: (index: number, chosen: boolean) => setAudioMix((mix) => withTrackMixed(mix, index, chosen)),
    setGain: (index: number, db: number) => setAudioMix((mix) => withGain(mix, index, db)),
    setMixOn: (on: boolean) => setAudioMix((mix) => ({ ...mix, on })),
    /** The file the export writes (Output container): the project's, saved with it. */
    container,
    setContainer,
    /** Whether the export gets a chapter a clip, titled by its label: the project's, saved with it. */
    chapters,
    setChapters,
    /** Why the chosen container cannot hold this export of the first source, said before export; null when it can. */
    containerNote: (): string | null => {
      const info = usedSources(session, session.clips())[0]?.info ?? session.source()?.info;
      return info ? containerRefusal(container(), mode(), info, droppedTracks()) : null;
    },
    progress,
    exports,
    /** Drops a finished export from the list, and the memory its download held. */
    remove(id: number): void {
      const entry = exports().find((e) => e.id === id);
      if (!entry || entry.state === "running") return;
      if (entry.download) URL.revokeObjectURL(entry.download.url);
      setExports((list) => list.filter((e) => e.id !== id));
    },
    run,
    /** Why the chosen mode cannot join the list's files into one MP4, said before export; null when it can. */
    joinNote: (): string | null =>
      perClip() || session.sources().length < 2
        ? null
        : joinRefusal(mode(), usedSources(session, session.clips()).flatMap((s) => (s.info ? [s.info] : []))),
    cancel: () => media.cancel(),
  };
}

export type Exporter = ReturnType<typeof createExporter>;
