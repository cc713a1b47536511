/** What every edit-list format reads into: clips in file order, and what was skipped, by line. */
export interface EditEntry {
  start: number;
  end: number;
  label: string;
  /**
   * The media file a clip comes from, as the list names it, where the format names one (an
   * OpenShot or Shotcut project, an EDL): matched to the project's sources by the import.
   */
  sourceName?: string;
}

export interface LineWarning {
  /** 1-based; 0 where the format has no lines to point at. */
  line: number;
  message: string;
}

export interface EditList {
  entries: EditEntry[];
  warnings: LineWarning[];
}

/** The lines of a text file, whatever its line ends, without a byte-order mark. */
export const textLines = (text: string): string[] => text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
