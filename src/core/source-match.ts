import { fileStem } from "./file-names";
import { formatTimecode } from "./timecode";

/** What a project remembers of its source, and what a picked file turns out to be. */
export interface SourceFacts {
  name: string;
  size: number;
  /** A hash of the size and the first and last megabyte. */
  fingerprint: string;
  /** Seconds, where the source was probed. */
  duration?: number;
}

/**
 * How a picked file differs from a project's source, in words; empty when it is the same file.
 * The fingerprint decides: a renamed or re-dated copy is the same source, a namesake is not.
 */
export function sourceDifferences(expected: SourceFacts, found: SourceFacts): string[] {
  if (expected.fingerprint === found.fingerprint) return [];
  const differences: string[] = [];
  if (expected.name !== found.name) differences.push(`it is named ${found.name}, not ${expected.name}`);
  if (expected.size !== found.size) differences.push(`it has ${found.size} bytes, not ${expected.size}`);
  const [was, is] = [expected.duration, found.duration];
  if (was !== undefined && is !== undefined && Math.abs(was - is) > 0.001) {
    differences.push(`it lasts ${formatTimecode(is)}, not ${formatTimecode(was)}`);
  }
  differences.push("its content differs");
  return differences;
}

const baseName = (path: string): string => (path.split(/[\\/]/).at(-1) ?? "").trim().toLowerCase();

/**
 * Whether a name another editor gives a source means the file `fileName`: compared without its
 * folder and case, and with or without the extension (an EDL's clip name often drops it).
 */
export function namesFile(name: string, fileName: string): boolean {
  const [given, file] = [baseName(name), baseName(fileName)];
  if (given === "") return false;
  return given === file || given === fileStem(file) || fileStem(given) === fileStem(file);
}
