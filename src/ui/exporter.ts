import { createSignal } from "solid-js";
import type { ExportMode } from "../core/export-plan";
import { cutFileName } from "../core/file-names";
import type { ExportProgress } from "../core/progress";
import { CANCELLED } from "../media/media-api";
import type { MediaClient } from "../media/media-client";
import { download, type Download } from "./download";
import type { Session } from "./session";

/** The MP4 export: mode, progress, cancel and the finished download. */
export function createExporter(media: MediaClient, session: Session, afterRun: () => void) {
  const [mode, setMode] = createSignal<ExportMode>("lossless");
  const [progress, setProgress] = createSignal<ExportProgress | null>(null);
  const [finished, setFinished] = createSignal<Download | null>(null);

  async function run(): Promise<void> {
    const source = session.source();
    if (!source || progress()) return;
    const previous = finished();
    if (previous) URL.revokeObjectURL(previous.url);
    setFinished(null);
    let running = true;
    setProgress({ fraction: 0, clip: 0, remaining: null });
    // Progress comes over its own channel and may trail the result: drop what arrives after it.
    const result = await media.render(
      { file: source.file, info: source.info, clips: session.clips(), mode: mode() },
      (update) => running && setProgress(update),
    );
    running = false;
    setProgress(null);
    // A hung core may have been swapped for another during the run.
    afterRun();
    if (!result.ok) return result.error === CANCELLED ? session.say(CANCELLED) : session.complain(result.error);
    setFinished(download(result.value as Uint8Array<ArrayBuffer>, cutFileName(source.file.name), "video/mp4"));
    session.say(`Exported ${cutFileName(source.file.name)}`);
  }

  return {
    mode,
    setMode,
    progress,
    download: finished,
    run,
    cancel: () => media.cancel(),
  };
}

export type Exporter = ReturnType<typeof createExporter>;
