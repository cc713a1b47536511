import { audioName, codecName, trackTitle } from "./format-names";
import { audioStreams, type MediaInfo } from "./media-info";

/**
 * What an MP4 export leaves out of this source, in plain words, so nothing goes missing
 * unsaid: every mode keeps the first audio track only, and the MP4 written here holds no
 * subtitle or data track.
 */
export function droppedTracks(info: MediaInfo): string[] {
  const audio = audioStreams(info)
    .slice(1)
    .map((a, i) => `Audio ${i + 2} (${audioName(a)}) is left out: exports keep the first audio track only.`);
  const others = info.streams.flatMap((s) => {
    if (s.kind === "subtitle") return [`Subtitles${trackTitle(s.tags)} (${codecName(s.codec)}) cannot go into an MP4: they are left out.`];
    if (s.kind === "data") {
      const what = s.codec === "unknown" ? "" : ` (${codecName(s.codec)})`;
      return [`The data track${trackTitle(s.tags)}${what} cannot go into an MP4: it is left out.`];
    }
    return [];
  });
  return [...audio, ...others];
}
