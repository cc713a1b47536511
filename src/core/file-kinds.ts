/**
 * The kinds of file the page opens, as plain data: its file inputs, the browser's own pickers, the
 * installed app's file handlers (the web manifest) and a dropped or launched file all read them.
 */
export interface FileKind {
  description: string;
  /** MIME types, each with its file extensions. */
  accept: Record<string, `.${string}`[]>;
}

export const MEDIA_FILES: FileKind = {
  description: "Video and audio",
  accept: {
    "video/*": [".mp4", ".m4v", ".mkv", ".mov", ".webm", ".avi", ".ts", ".m2ts", ".mpg", ".mpeg", ".flv"],
    "audio/*": [".mp3", ".m4a", ".aac", ".wav", ".flac", ".ogg", ".opus"],
  },
};

export const EDIT_LIST_FILES: FileKind = {
  description: "Edit lists",
  accept: {
    "text/csv": [".csv"],
    "text/plain": [".txt", ".log", ".edl"],
    "application/x-openshot-project": [".osp"],
    "application/xml": [".mlt"],
  },
};

/** An `<input accept>` value: the types and every extension. */
export const acceptAttribute = (types: FileKind): string =>
  [...Object.keys(types.accept), ...Object.values(types.accept).flat()].join(",");

const editListExtensions = Object.values(EDIT_LIST_FILES.accept).flat();

/** Whether a dropped or launched file (its name and type) is an edit list rather than media to open. */
export const isEditList = (file: { name: string; type: string }): boolean =>
  editListExtensions.some((extension) => file.name.toLowerCase().endsWith(extension)) ||
  file.type.startsWith("text/") ||
  file.type === "application/json";
