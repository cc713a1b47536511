import { nearestBoundary } from "./frames";
import { mediaAt, presentationAt, type MovieTrack } from "./mp4-edit-list";
import type { EditEntry } from "./packet-cut";

/** How ffmpeg's lossless copy came out: video packets in each segment, and the joined file's packets. */
export interface JoinedSegments {
  /** Video packets in each segment, in clip order. */
  counts: readonly number[];
  /** The joined file's video packet times in its own media time, in decode order (each segment's packets are one run). */
  videoTimes: readonly number[];
  /** Each audio track's packet start times in its media time, ascending; the tracks in file order. */
  audioTimes: readonly (readonly number[])[];
  /** Seconds each clip shows, from its keyframe to OUT. */
  shown: readonly number[];
}

/**
 * The ffprobe runs the trim reads, written to `answer` as CSV: a file's video packets counted,
 * and its packet times as stored (not through its edit lists: the new edits count in them).
 */
export function planTrimProbes(answer: string) {
  const csv = ["-of", "csv=p=0", "-o", answer];
  return {
    videoPackets: (file: string) => ["-v", "error", "-select_streams", "v:0", "-count_packets", "-show_entries", "stream=nb_read_packets", ...csv, file],
    packetTimes: (file: string, stream: `${"v" | "a"}:${number}`) =>
      ["-v", "error", "-ignore_editlist", "1", "-select_streams", stream, "-show_entries", "packet=pts_time", ...csv, file],
  };
}

/**
 * What ffmpeg's lossless copy shows too much of, hidden: each clip's segment starts on its
 * keyframe but runs on past OUT by the frames decoded before OUT and shown after it. Each track
 * gets one edit a clip showing `shown` seconds: the picture from its segment's first frame, each
 * audio track from its packet nearest that same instant (through the tracks' present edit lists, which
 * keep them in step). Null when the counts do not add up to the file (ffmpeg dropped or added a
 * packet): nothing is trimmed then.
 */
export function trimmedEdits(tracks: readonly MovieTrack[], joined: JoinedSegments): Map<number, EditEntry[]> | null {
  const { counts, videoTimes, audioTimes, shown } = joined;
  const video = tracks.find((t) => t.kind === "video");
  if (!video || counts.length !== shown.length || counts.reduce((a, b) => a + b, 0) !== videoTimes.length) return null;
  const firsts: number[] = [];
  let at = 0;
  for (const count of counts) {
    const times = videoTimes.slice(at, at + count);
    at += count;
    if (times.length === 0 || times.some((t) => !Number.isFinite(t))) return null;
    firsts.push(times.reduce((a, b) => Math.min(a, b)));
  }
  const edits = new Map<number, EditEntry[]>([[video.id, firsts.map((first, i) => ({ mediaTime: first, duration: shown[i] as number }))]]);
  for (const [t, audio] of tracks.filter((track) => track.kind === "audio").entries()) {
    const times = audioTimes[t] ?? [];
    if (times.length === 0) continue;
    // Copied sound moves in whole packets: each clip's starts at the packet nearest its picture, at most half one off.
    const nearest = (time: number) => times[nearestBoundary(times, time)] as number;
    const starts = firsts.map((first) => nearest(mediaAt(audio.played, presentationAt(video.played, first))));
    edits.set(audio.id, starts.map((start, i) => ({ mediaTime: start, duration: shown[i] as number })));
  }
  return edits;
}

/** One packet's line: its time, or N/A. */
const PACKET_LINE = /^(-?\d+(\.\d+)?|N\/A),?$/;

/**
 * ffprobe's `-show_entries packet=pts_time -of csv=p=0` as numbers (NaN where it printed N/A).
 * ffmpeg.wasm's ffprobe also prints the stream and format sections: lines of many fields, skipped.
 */
export const parsePacketTimes = (csv: string): number[] =>
  csv
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => PACKET_LINE.test(line))
    .map((line) => Number(line.replace(/,$/, "")));
