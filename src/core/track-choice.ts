import { audioName, otherName, videoName } from "./format-names";
import type { AudioStream, MediaInfo } from "./media-info";
import { containerName, type OutputContainer } from "./output-container";

/**
 * Which of a source's tracks an export keeps. The user's choice is kept as the tracks left out
 * (ffprobe's stream indices), so a project without one, or a track it never saw, keeps everything.
 */
export type DroppedTracks = readonly number[];

/** One track as the Tracks panel shows it: its name, whether it is kept, and why it cannot be changed (null: the user's to choose). */
export interface TrackRow {
  index: number;
  name: string;
  kept: boolean;
  fixed: string | null;
}

/** Every track of the source, in file order, as the Tracks panel lists it for an export in `container`. */
export function trackRows(info: MediaInfo, dropped: DroppedTracks, container: OutputContainer = "mp4"): TrackRow[] {
  const file = containerName(container);
  let video = false;
  return info.streams.map((s) => {
    if (s.kind === "video") {
      // The cut is made on the first video's frames; an MP4 of sound alone is not made from a video.
      const fixed = video ? `only the first video track goes into ${file}` : "the cut is made on its frames: it is always kept";
      const kept = !video;
      video = true;
      return { index: s.index, name: videoName(s, info.frameTimes), kept, fixed };
    }
    if (s.kind === "audio") return { index: s.index, name: audioName(s), kept: !dropped.includes(s.index), fixed: null };
    const what = s.kind === "subtitle" ? "subtitles" : "a data track";
    // Matroska could hold subtitles; the export does not copy them yet.
    const why = s.kind === "subtitle" && container === "mkv" ? "subtitles are not copied into MKV exports yet" : `${file} cannot hold ${what}`;
    return { index: s.index, name: otherName(s), kept: false, fixed: why };
  });
}

/** The audio tracks an export keeps, in source order, each with its place among the source's audio tracks (ffmpeg's `a:N`). */
export function keptAudio(info: MediaInfo, dropped: DroppedTracks): { stream: AudioStream; ordinal: number }[] {
  return info.streams
    .filter((s): s is AudioStream => s.kind === "audio")
    .map((stream, ordinal) => ({ stream, ordinal }))
    .filter(({ stream }) => !dropped.includes(stream.index));
}

/** The places (among the source's audio tracks) of those left out. */
export const droppedAudio = (info: MediaInfo, dropped: DroppedTracks): number[] => {
  const kept = new Set(keptAudio(info, dropped).map((a) => a.ordinal));
  return info.streams.filter((s) => s.kind === "audio").flatMap((_, ordinal) => (kept.has(ordinal) ? [] : [ordinal]));
};

/** The choice with track `index` kept or left out; ascending, each once. */
export function withTrackKept(dropped: DroppedTracks, index: number, keep: boolean): number[] {
  const rest = dropped.filter((i) => i !== index);
  return (keep ? rest : [...rest, index]).sort((a, b) => a - b);
}

/** Why an export of this choice cannot be made, in plain words; null when it can. */
export function nothingKept(info: MediaInfo, dropped: DroppedTracks): string | null {
  if (info.streams.some((s) => s.kind === "video")) return null;
  if (keptAudio(info, dropped).length > 0) return null;
  return "Every track is left out (Tracks): keep at least one audio track to export";
}
