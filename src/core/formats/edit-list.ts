/** What every edit-list format reads into: clips in file order, and what was skipped, by line. */
export interface EditEntry {
  start: number;
  end: number;
  label: string;
}

export interface LineWarning {
  line: number;
  message: string;
}

export interface EditList {
  entries: EditEntry[];
  warnings: LineWarning[];
}
