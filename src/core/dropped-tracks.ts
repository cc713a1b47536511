import { audioName, codecName, trackTitle, videoName } from "./format-names";
import type { MediaInfo } from "./media-info";
import type { DroppedTracks } from "./track-choice";
import { containerName, type OutputContainer } from "./output-container";

/**
 * What an export in `container` leaves out of this source, in plain words, so nothing goes
 * missing unsaid: the audio tracks the user chose not to keep (Tracks), a second video, and every
 * subtitle or data track, which the files written here do not hold.
 */
export function tracksLeftOut(info: MediaInfo, dropped: DroppedTracks, container: OutputContainer = "mp4"): string[] {
  const file = containerName(container);
  const label = file.split(" ")[1];
  let video = false;
  return info.streams.flatMap((s) => {
    if (s.kind === "video") {
      const more = video;
      video = true;
      return more ? [`The video track ${videoName(s, info.frameTimes)} is left out: ${file} export holds only the first video track.`] : [];
    }
    if (s.kind === "audio") return dropped.includes(s.index) ? [`${audioName(s)} is left out: you chose not to keep it (Tracks).`] : [];
    if (s.kind === "subtitle") {
      // Matroska could hold them; the export does not copy subtitles yet.
      const why = container === "mkv" ? `are not copied into ${label} exports yet` : `cannot go into ${file}`;
      return [`Subtitles${trackTitle(s.tags)} (${codecName(s.codec)}) ${why}: they are left out.`];
    }
    const what = s.codec === "unknown" ? "" : ` (${codecName(s.codec)})`;
    return [`The data track${trackTitle(s.tags)}${what} cannot go into ${file}: it is left out.`];
  });
}
