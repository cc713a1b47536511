import type { AudioMix } from "./audio-mix";
import type { Clip } from "./clips";
import type { ExportMode } from "./export-plan";
import type { Step } from "./history";
import type { MediaInfo } from "./media-info";
import type { OutputContainer } from "./output-container";

/** Who a source file is, kept with its projects: its name, and a fingerprint of its size and content. */
export interface MediaRef {
  name: string;
  size: number;
  lastModified: number;
  fingerprint: string;
}

/** One file a project cuts. Its id is the project's own name for it (clips name their source by it), never reused. */
export interface Source {
  id: string;
  media: MediaRef;
  /** The file as it was probed; absent from projects saved before it was kept. */
  info?: MediaInfo;
}

/** A project as it is kept: in the browser's storage and, the same fields, in a backup. */
export interface Project {
  id: string;
  name: string;
  /** The files it cuts, in the user's order; never empty. Before schema 4 a project had one (`media`, `info`). */
  sources: Source[];
  clips: Clip[];
  /**
   * The changes that made `clips`, oldest first (before version 2 whole lists were kept; those are
   * read too). A step that moved or removed a source has that change to `sources` beside it.
   */
  undo: Step<Clip, Source>[];
  /** The changes undone, the next to redo first. */
  redo: Step<Clip, Source>[];
  exportMode: ExportMode;
  /** The tracks its exports leave out (Tracks), by stream index; absent in projects kept before it was: every track kept. */
  droppedTracks?: number[];
  /** The audio tracks its exports mix into one (Tracks); absent in projects kept before it was: none. */
  audioMix?: AudioMix;
  /** The file its exports write (Output container); absent in projects kept before it was: MP4. */
  outputContainer?: OutputContainer;
  /** Whether its exports get a chapter a clip (Chapters); absent in projects kept before it was: none. */
  chapters?: boolean;
  created: number;
  edited: number;
}
