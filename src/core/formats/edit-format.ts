import type { Clip } from "../clips";
import type { MediaInfo } from "../media-info";
import type { Result } from "../result";
import type { EditList } from "./edit-list";

/** A file of the project as lists name it: its id among the project's sources, its file name and its probe. */
export interface ListSource {
  id: string;
  fileName: string;
  info: MediaInfo;
}

/** A clip as a list writes it: its times, its label, and the id of its source. */
export type ListClip = Pick<Clip, "source" | "start" | "end" | "label">;

/** What a writer knows of the project: its sources (every one the clips name), in the project's order. */
export interface ListTarget {
  sources: readonly ListSource[];
  /** Fresh ids for formats that need them (OpenShot's: 10 characters of A-Z0-9). */
  makeId: () => string;
}

/** How a list goes out: the control's name, the file it is saved as, and the text. */
export interface ListWriter {
  /** The export control's accessible name, e.g. "Export CSV". */
  action: string;
  /** What follows the source's stem in the saved file's name, e.g. `-edits.csv`. */
  suffix: string;
  mime: string;
  /**
   * "project": one list names every file (an editor's project, an EDL) or times the whole cut
   * (chapters); "source": the format names no file, so a project of several writes one list a source.
   */
  scope: "project" | "source";
  /** The file's text, or why this list cannot be written in this format. Every clip's source is in `target.sources`. */
  serialize: (clips: readonly ListClip[], target: ListTarget) => Result<string>;
}

/**
 * What a list is read against: the project's sources, and the one on the player, which a list
 * naming no file (a CSV, a log) is of.
 */
export interface ListContext {
  sources: readonly ListSource[];
  onPlayer: ListSource;
}

/** How a list comes in: telling the format from the text, and reading it. */
export interface ListReader {
  /** Whether trimmed, non-blank lines look like this format. */
  recognizes: (lines: readonly string[]) => boolean;
  /** Each clip names its file (`sourceName`) where the format does; the others are the player's. */
  parse: (text: string, context: ListContext) => Result<EditList>;
}

/** One edit-list format: what it is called, and how it is read and written, where it can be. */
export interface EditListFormat {
  id: string;
  /** What the import preview calls it. */
  name: string;
  reader?: ListReader;
  writer?: ListWriter;
}
