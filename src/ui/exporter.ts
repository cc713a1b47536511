import { createSignal } from "solid-js";
import type { ExportMode } from "../core/export-plan";
import { cutFileName } from "../core/file-names";
import type { ExportProgress } from "../core/progress";
import { CANCELLED } from "../media/media-api";
import type { MediaClient } from "../media/media-client";
import type { Session } from "./session";

export interface Download {
  name: string;
  url: string;
}

/** Hands bytes to the browser as a download. */
function save(bytes: Uint8Array<ArrayBuffer>, name: string): Download {
  const url = URL.createObjectURL(new Blob([bytes], { type: "video/mp4" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  link.click();
  return { name, url };
}

/** The MP4 export: mode, progress, cancel and the finished download. */
export function createExporter(media: MediaClient, session: Session, afterRun: () => void) {
  const [mode, setMode] = createSignal<ExportMode>("lossless");
  const [progress, setProgress] = createSignal<ExportProgress | null>(null);
  const [download, setDownload] = createSignal<Download | null>(null);

  async function run(): Promise<void> {
    const source = session.source();
    if (!source || progress()) return;
    const previous = download();
    if (previous) URL.revokeObjectURL(previous.url);
    setDownload(null);
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
    setDownload(save(result.value as Uint8Array<ArrayBuffer>, cutFileName(source.file.name)));
    session.say(`Exported ${cutFileName(source.file.name)}`);
  }

  return {
    mode,
    setMode,
    progress,
    download,
    run,
    cancel: () => media.cancel(),
  };
}

export type Exporter = ReturnType<typeof createExporter>;
