import { explainFailure } from "./ffmpeg-log";

// What ffprobe's log says, put in words a person can act on; ffmpeg's own text stays off the page.
const CAUSES: { pattern: RegExp; says: string }[] = [
  {
    pattern: /moov atom not found/i,
    says:
      "its index (the part of an MP4 that says where each frame is) is missing, so none of it can be read: " +
      "the file was probably cut short, as an unfinished download or recording is",
  },
  { pattern: /end of file|truncat/i, says: "the file ends too early to be read: it was probably cut short" },
];

/**
 * Why a file did not probe, from ffprobe's log (`lines`) or, when it printed nothing, the reason
 * its answer was refused (`parsed`, which already names the file).
 */
export function explainProbeFailure(fileName: string, lines: readonly string[], parsed: string): string {
  if (lines.length === 0) return parsed;
  const line = explainFailure(lines);
  const cause = CAUSES.find((c) => c.pattern.test(line));
  return `${fileName}: ${cause ? cause.says : "not a video or sound file this page can read"}`;
}
