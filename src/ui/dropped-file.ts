const EDIT_LIST_EXTENSIONS = /\.(csv|txt|log|osp|edl|json)$/i;

/** Whether a dropped file is an edit list (by name or text type) rather than media to open. */
export const isEditList = (file: File): boolean =>
  EDIT_LIST_EXTENSIONS.test(file.name) || file.type.startsWith("text/") || file.type === "application/json";
