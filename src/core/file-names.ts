/** The file name without its last extension: `talk.final.mp4` → `talk.final`. */
export function fileStem(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

export const cutFileName = (source: string, extension = ".mp4"): string => `${fileStem(source)}-cut${extension}`;

/**
 * An export's file name, apart from the names `taken` by the session's earlier exports: the first
 * is `<stem>-cut.mp4` (or the container's `extension`); a later one says its mode (`<stem>-cut-lossless.mp4`), then a number.
 */
export function exportFileName(source: string, mode: string, taken: ReadonlySet<string>, extension = ".mp4"): string {
  const moded = `${fileStem(source)}-cut-${mode}`;
  if (!taken.has(cutFileName(source, extension))) return cutFileName(source, extension);
  let name = `${moded}${extension}`;
  for (let n = 2; taken.has(name); n++) name = `${moded}-${n}${extension}`;
  return name;
}

/** An edit list saved for a source: its stem and the format's suffix (`-edits.csv`, `.osp`…). */
export const editListFileName = (source: string, suffix: string): string => `${fileStem(source)}${suffix}`;

/** A project's name made safe as a file name on every system. */
const safeName = (name: string): string => name.replace(/[\\/:*?"<>|\x00-\x1f]/g, "-").trim() || "project";

/**
 * One file a clip: `<stem>-01.mp4`, numbered in list order (padded to sort right), with the label
 * after the number where a clip has one. Same labels stay apart by their numbers.
 */
export function clipFileNames(source: string, labels: readonly string[], extension = ".mp4"): string[] {
  const width = Math.max(2, String(labels.length).length);
  return labels.map((label, i) => {
    const number = String(i + 1).padStart(width, "0");
    const named = label.trim() ? `-${safeName(label).slice(0, 80)}` : "";
    return `${fileStem(source)}-${number}${named}${extension}`;
  });
}

export const zipFileName = (source: string): string => `${fileStem(source)}-clips.zip`;

/** A backup of every project, or of one. */
export const backupFileName = (projectName?: string): string =>
  projectName === undefined ? "clipmark-projects.json" : `${safeName(projectName)}.clipmark.json`;
