import { explainFailure } from "./ffmpeg-log";

/** Whether a file begins as an MP4 or QuickTime file does (a `ftyp` box first). */
export const looksLikeMp4 = (head: Uint8Array): boolean => String.fromCharCode(...head.subarray(4, 8)) === "ftyp";

// What ffprobe's log says, put in words a person can act on; ffmpeg's own text stays off the page.
// ffmpeg looks for an MP4 index in anything named .mp4: only a real MP4's absence means a cut.
const CAUSES: { pattern: RegExp; mp4: boolean; says: string }[] = [
  {
    pattern: /moov atom not found/i,
    mp4: true,
    says:
      "its index (the part of an MP4 that says where each frame is) is missing, so none of it can be read: " +
      "the file was probably cut short, as an unfinished download or recording is",
  },
  { pattern: /end of file|truncat/i, mp4: false, says: "the file ends too early to be read: it was probably cut short" },
];

/**
 * Why a file did not probe, from ffprobe's log (`lines`) and the file's first bytes (`head`) or,
 * when ffprobe printed nothing, the reason its answer was refused (`parsed`, naming the file).
 */
export function explainProbeFailure(fileName: string, lines: readonly string[], parsed: string, head: Uint8Array): string {
  if (lines.length === 0) return parsed;
  const line = explainFailure(lines);
  const cause = CAUSES.find((c) => c.pattern.test(line) && (!c.mp4 || looksLikeMp4(head)));
  return `${fileName}: ${cause ? cause.says : "not a video or sound file this page can read"}`;
}
