import { audioName, codecName, trackTitle, videoName } from "./format-names";
import type { MediaInfo } from "./media-info";
import type { DroppedTracks } from "./track-choice";

/**
 * What an MP4 export leaves out of this source, in plain words, so nothing goes missing unsaid:
 * the audio tracks the user chose not to keep (Tracks), a second video, and every subtitle or
 * data track, which the MP4 written here cannot hold.
 */
export function tracksLeftOut(info: MediaInfo, dropped: DroppedTracks): string[] {
  let video = false;
  return info.streams.flatMap((s) => {
    if (s.kind === "video") {
      const more = video;
      video = true;
      return more ? [`The video track ${videoName(s, info.frameTimes)} is left out: an MP4 export holds only the first video track.`] : [];
    }
    if (s.kind === "audio") return dropped.includes(s.index) ? [`${audioName(s)} is left out: you chose not to keep it (Tracks).`] : [];
    if (s.kind === "subtitle") return [`Subtitles${trackTitle(s.tags)} (${codecName(s.codec)}) cannot go into an MP4: they are left out.`];
    const what = s.codec === "unknown" ? "" : ` (${codecName(s.codec)})`;
    return [`The data track${trackTitle(s.tags)}${what} cannot go into an MP4: it is left out.`];
  });
}
