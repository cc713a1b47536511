import type { MediaInfo } from "../media-info";
import type { Result } from "../result";
import type { EditEntry, EditList } from "./edit-list";

/** What a writer knows of the source: its file name (as the list will name it) and its probe. */
export interface ListTarget {
  fileName: string;
  info: MediaInfo;
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
  /** The file's text, or why this list cannot be written in this format. */
  serialize: (entries: readonly EditEntry[], target: ListTarget) => Result<string>;
}

/** How a list comes in: telling the format from the text, and reading it. */
export interface ListReader {
  /** Whether trimmed, non-blank lines look like this format. */
  recognizes: (lines: readonly string[]) => boolean;
  parse: (text: string, info: MediaInfo) => Result<EditList>;
}

/** One edit-list format: what it is called, and how it is read and written, where it can be. */
export interface EditListFormat {
  id: string;
  /** What the import preview calls it. */
  name: string;
  reader?: ListReader;
  writer?: ListWriter;
}
