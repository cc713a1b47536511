/** Output time written so far, from ffmpeg's `time=HH:MM:SS.ss` status lines. */
export function parseProgressTime(line: string): number | null {
  const match = /time=\s*(-?)(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(line);
  if (!match) return null;
  if (match[1] === "-") return 0;
  return Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4]);
}

// Lines that say what went wrong, most telling first.
const TELLING = [
  /moov atom not found/i,
  /could not find codec parameters/i,
  /end of file/i,
  /invalid data found/i,
  /no such file/i,
  /error|invalid|unsupported|not found|failed|cannot/i,
];

/** The most telling line of a failed run's log, without ffmpeg's `[component @ 0x…]` prefixes. */
export function explainFailure(lines: readonly string[]): string {
  const cleaned = lines.map((l) => l.replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/i, "").trim()).filter(Boolean);
  for (const pattern of TELLING) {
    const line = cleaned.find((l) => pattern.test(l));
    if (line) return line.replace(/^\/input\/.*?:\s+/, "");
  }
  return cleaned.at(-1) ?? "ffmpeg stopped without saying why";
}
