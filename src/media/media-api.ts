import type { AudioMix } from "../core/audio-mix";
import type { Clip } from "../core/clips";
import type { ExportMode } from "../core/export-plan";
import type { OutputContainer } from "../core/output-container";
import type { MediaRef } from "../core/project";
import type { MediaInfo } from "../core/media-info";
import type { ExportProgress } from "../core/progress";
import type { Result } from "../core/result";
import type { DroppedTracks } from "../core/track-choice";
import type { JobResult } from "./media-error";

/** The message a cancelled render answers with: the page reports it, but not as an error. */
export const CANCELLED = "Export cancelled";

/** ffmpeg.wasm, loaded: it probes files and stands in for the packet engine where that cannot. */
export interface EngineInfo {
  loadSeconds: number;
}

/**
 * Where an export is written: a file the user picked (streamed), or memory (then downloaded); with
 * one file a clip, a folder the user picked, or a ZIP, written to `stream` as it is made (a
 * download in progress) or else made in memory. `names`: one per clip.
 */
export type ExportDestination =
  | { kind: "file"; handle: FileSystemFileHandle }
  | { kind: "memory" }
  | { kind: "folder"; handle: FileSystemDirectoryHandle; names: string[] }
  | { kind: "zip"; names: string[]; stream: WritableStream<Uint8Array> | null };

/** A finished export: the file (memory only), which engine wrote it, and why ffmpeg ran or a smart cut was not. */
export interface Exported {
  blob: Blob | null;
  engine: "packet" | "ffmpeg";
  note: string;
}

/** A file an export cuts from: its id among the project's sources, the file, and its probe. */
export interface ExportSource {
  id: string;
  file: File;
  info: MediaInfo;
}

export interface RenderRequest {
  /** Every file the clips are cut from; the output takes the first one's format. */
  sources: ExportSource[];
  /** In output order, each cut from the source it names. */
  clips: Clip[];
  mode: ExportMode;
  /** The tracks left out (the Tracks panel's choice), by stream index. */
  droppedTracks: DroppedTracks;
  /** The audio tracks mixed into one (Tracks); absent: none. Lossless mixes nothing. */
  audioMix?: AudioMix;
  /** The file written (Output container); absent: MP4. */
  container?: OutputContainer;
  /** A chapter a clip, titled by its label (Chapters); absent: none. */
  chapters?: boolean;
}

/** The media worker's API, as the page sees it through Comlink. */
export interface MediaApi {
  /** Loads ffmpeg.wasm (for probing and as the fallback). */
  start(): Promise<EngineInfo>;
  probe(file: File): Promise<Result<MediaInfo>>;
  /** Who the file is (size and a content hash), to find its projects again. */
  identify(file: File): Promise<Result<MediaRef>>;
  render(
    request: RenderRequest,
    destination: ExportDestination,
    onProgress: (progress: ExportProgress) => void,
  ): Promise<JobResult<Exported>>;
  cancel(): Promise<void>;
  /** Answers at once: the page's heartbeat, telling a worker that is busy from one that is gone. */
  ping(): Promise<void>;
}
