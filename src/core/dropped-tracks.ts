import { codecName, trackTitle } from "./format-names";
import type { MediaInfo } from "./media-info";

/**
 * What an MP4 export leaves out of this source, in plain words, so nothing goes missing
 * unsaid: every audio track goes into the MP4, but the MP4 written here holds no subtitle or
 * data track.
 */
export function droppedTracks(info: MediaInfo): string[] {
  return info.streams.flatMap((s) => {
    if (s.kind === "subtitle") return [`Subtitles${trackTitle(s.tags)} (${codecName(s.codec)}) cannot go into an MP4: they are left out.`];
    if (s.kind === "data") {
      const what = s.codec === "unknown" ? "" : ` (${codecName(s.codec)})`;
      return [`The data track${trackTitle(s.tags)}${what} cannot go into an MP4: it is left out.`];
    }
    return [];
  });
}
