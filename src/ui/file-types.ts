/** The files the page opens, for its file inputs, the browser's own picker and the installed app's file handlers. */
export const MEDIA_FILES = {
  description: "Video and audio",
  accept: {
    "video/*": [".mp4", ".m4v", ".mkv", ".mov", ".webm", ".avi", ".ts", ".m2ts", ".mpg", ".mpeg", ".flv"],
    "audio/*": [".mp3", ".m4a", ".aac", ".wav", ".flac", ".ogg", ".opus"],
  },
} satisfies FilePickerAcceptType;

export const EDIT_LIST_FILES = {
  description: "Edit lists",
  accept: {
    "text/csv": [".csv"],
    "text/plain": [".txt", ".log", ".edl"],
    "application/x-openshot-project": [".osp"],
    "application/xml": [".mlt"],
  },
} satisfies FilePickerAcceptType;

/** An `<input accept>` value: the types and every extension. */
export const acceptAttribute = (types: { accept: Record<string, string[]> }): string =>
  [...Object.keys(types.accept), ...Object.values(types.accept).flat()].join(",");

const editListExtensions = Object.values(EDIT_LIST_FILES.accept).flat();

/** Whether a dropped or launched file is an edit list (by name or text type) rather than media to open. */
export const isEditList = (file: File): boolean =>
  editListExtensions.some((extension) => file.name.toLowerCase().endsWith(extension)) ||
  file.type.startsWith("text/") ||
  file.type === "application/json";
