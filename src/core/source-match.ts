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
