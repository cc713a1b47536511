import { createSignal } from "solid-js";
import type { ExportMode } from "../core/export-plan";
import { clipFileNames, cutFileName, zipFileName } from "../core/file-names";
import type { ExportProgress } from "../core/progress";
import type { ExportDestination } from "../media/media-api";
import type { MediaClient } from "../media/media-client";
import { download, type Download } from "./download";
import { askPicker } from "./file-handles";
import type { Session } from "./session";

/** A save picker's answer; null when the person closed it, "none" when it failed (a policy, no user gesture). */
const pick = <T>(open: () => Promise<T>): Promise<T | null | "none"> =>
  askPicker(open).then(
    (answer) => answer ?? null,
    () => "none" as const,
  );

/**
 * Where the export goes: a file (or, one file a clip, a folder) the user picks, written as it is
 * made (any size, flat memory), where the browser can; otherwise memory, then a download (a ZIP
 * of the clips). Null: the user closed the picker.
 */
async function pickDestination(name: string, names: string[] | null): Promise<ExportDestination | null> {
  if (names) {
    if (!("showDirectoryPicker" in window)) return { kind: "zip", names };
    const handle = await pick(() => window.showDirectoryPicker({ id: "clipmark-export", mode: "readwrite" }));
    return handle === "none" ? { kind: "zip", names } : handle && { kind: "folder", handle, names };
  }
  if (!("showSaveFilePicker" in window)) return { kind: "memory" };
  const types = [{ description: "MP4 video", accept: { "video/mp4": [".mp4"] as `.${string}`[] } }];
  const handle = await pick(() => window.showSaveFilePicker({ suggestedName: name, types }));
  return handle === "none" ? { kind: "memory" } : handle && { kind: "file", handle };
}

/** The MP4 export: mode, progress, cancel and the finished download. */
export function createExporter(media: MediaClient, session: Session, afterRun: () => void) {
  const [mode, setMode] = createSignal<ExportMode>("lossless");
  const [progress, setProgress] = createSignal<ExportProgress | null>(null);
  const [finished, setFinished] = createSignal<Download | null>(null);
  const [perClip, setPerClip] = createSignal(false);

  /** The last export's download, gone (another export starts, or another file opened). */
  function forget(): void {
    const previous = finished();
    if (previous) URL.revokeObjectURL(previous.url);
    setFinished(null);
  }

  async function run(): Promise<void> {
    const source = session.source();
    if (!source || progress()) return;
    forget();
    const name = cutFileName(source.file.name);
    const clips = session.clips();
    const names = perClip() ? clipFileNames(source.file.name, clips.map((c) => c.label)) : null;
    const destination = await pickDestination(name, names);
    if (!destination) return session.say(`Export not started: no ${names ? "folder" : "file"} chosen`);
    let running = true;
    // What the last export said belongs to it, not to this one.
    session.say(`Exporting ${names ? `${names.length} clips` : name}…`);
    setProgress({ fraction: 0, clip: 0, remaining: null });
    // Progress comes over its own channel and may trail the result: drop what arrives after it.
    const result = await media.render(
      { file: source.file, info: source.info, clips, mode: mode() },
      destination,
      (update) => running && setProgress(update),
    );
    running = false;
    setProgress(null);
    // A hung core may have been swapped for another during the run.
    afterRun();
    if (!result.ok) return result.kind === "cancelled" ? session.say(result.error) : session.complain(result.error);
    const { engine, note } = result.value;
    const how = engine === "ffmpeg" ? ` with ffmpeg.wasm (${note})` : note ? ` (${note})` : "";
    if (destination.kind === "file") return session.say(`Saved ${destination.handle.name}${how}`);
    if (destination.kind === "folder") return session.say(`Saved ${clips.length} files in ${destination.handle.name}${how}`);
    const saved = destination.kind === "zip" ? zipFileName(source.file.name) : name;
    if (result.value.blob) setFinished(download(result.value.blob, saved, destination.kind === "zip" ? "application/zip" : "video/mp4"));
    session.say(`Exported ${saved}${how}`);
  }

  return {
    mode,
    setMode,
    perClip,
    setPerClip,
    progress,
    download: finished,
    forget,
    run,
    cancel: () => media.cancel(),
  };
}

export type Exporter = ReturnType<typeof createExporter>;
