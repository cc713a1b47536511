/** The ffprobe runs behind a probe: streams and format as JSON, then the video's keyframe times. */
export function planProbe(input: string, workDir: string) {
  const formatFile = `${workDir}/probe.json`;
  const keyframesFile = `${workDir}/keyframes.csv`;
  return {
    formatFile,
    keyframesFile,
    formatArgs: ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-o", formatFile, input],
    // Packet flags need no decoding, so this stays fast on long sources.
    keyframesArgs: [
      ...["-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time,flags"],
      ...["-of", "csv=p=0", "-o", keyframesFile, input],
    ],
  };
}
