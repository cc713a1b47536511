import type { Clip } from "../core/clips";
import type { ExportMode } from "../core/export-plan";
import type { MediaRef } from "../core/formats/project-backup";
import type { MediaInfo } from "../core/media-info";
import type { ExportProgress } from "../core/progress";
import type { Result } from "../core/result";

/** The message a cancelled render answers with: the page reports it, but not as an error. */
export const CANCELLED = "Export cancelled";

export type ThreadChoice = "auto" | "single";

/** Which ffmpeg.wasm build runs, and why that one. */
export interface EngineInfo {
  threads: "multi" | "single";
  note: string;
  loadSeconds: number;
}

export interface RenderRequest {
  file: File;
  info: MediaInfo;
  clips: Clip[];
  mode: ExportMode;
}

/** The media worker's API, as the page sees it through Comlink. */
export interface MediaApi {
  /** Loads the engine ("auto": multi-thread where it proves itself) and says which one runs. */
  start(threads: ThreadChoice): Promise<EngineInfo>;
  probe(file: File): Promise<Result<MediaInfo>>;
  /** Who the file is (size and a content hash), to find its projects again. */
  identify(file: File): Promise<Result<MediaRef>>;
  render(request: RenderRequest, onProgress: (progress: ExportProgress) => void): Promise<Result<Uint8Array>>;
  cancel(): Promise<void>;
}
