import type { Span } from "./clips";
import {
  audioLanes,
  clipInterval,
  pictureIndexes,
  planCopy,
  type CopiedAudio,
  type CopiedClip,
  type EditEntry,
  type PacketInfo,
  type SourcedSpan,
  type SourceTables,
} from "./packet-cut";

const EPSILON = 1e-6;

/**
 * One clip of a smart cut: the frames from IN to the first keyframe inside the clip are
 * re-encoded (`encode`), everything from that keyframe on is copied (`copy`). A clip with no
 * keyframe inside it is re-encoded whole; one that starts on a keyframe is copied whole.
 */
export interface SmartClip {
  /** The file it is cut from (an index into the tables). */
  source: number;
  shown: Span;
  mediaStart: number;
  encode: Span | null;
  copy: CopiedClip | null;
}

export interface SmartPlan {
  clips: SmartClip[];
  /** Per audio track, in source order: its sound for each clip, copied as in a lossless cut. */
  audio: CopiedAudio[][];
  videoEdits: EditEntry[];
  duration: number;
}

/** Why a smart cut cannot be planned: ask for a full re-encode instead. */
export type SmartRefusal = { reason: "open-gop" | "no-frames"; clip: number };

/** Plans a smart cut of every clip in list order, every audio track of `audio` cut at the same instants; `sourceEnd` as frameTimeline's. */
export function planSmartCut(
  video: readonly PacketInfo[],
  audio: readonly (readonly PacketInfo[])[],
  clips: readonly Span[],
  sourceEnd = Infinity,
): SmartPlan | SmartRefusal {
  return planJoinSmart([{ video, audio, end: sourceEnd }], clips.map((c) => ({ ...c, source: 0 })));
}

/** A smart cut of clips from several files of one format, joined in list order into one timeline. */
export function planJoinSmart(sources: readonly SourceTables[], clips: readonly SourcedSpan[]): SmartPlan | SmartRefusal {
  const files = pictureIndexes(sources);
  const sounds = audioLanes(sources.map((s) => s.audio));
  const plan: SmartPlan = { clips: [], audio: sounds.runs, videoEdits: [], duration: 0 };
  let videoCursor = 0;
  for (const [index, clip] of clips.entries()) {
    const { boundaries, pictures } = files[clip.source] as (typeof files)[number];
    const video = pictures.packets;
    const shown = clipInterval(boundaries, clip);
    if (shown.end <= shown.start + EPSILON) return { reason: "no-frames", clip: index };
    const key = video[pictures.firstKeyIn(shown.start - EPSILON, shown.end - EPSILON)];
    const encodeEnd = key ? key.pts : shown.end;
    const encode = encodeEnd > shown.start + EPSILON ? { start: shown.start, end: encodeEnd } : null;
    const encodedLength = encode ? encode.end - encode.start : 0;
    const copy = key ? planCopy(pictures, { start: key.pts, end: shown.end }, videoCursor + encodedLength) : null;
    // Frames shown before the keyframe but decoded after it lean on the GOP before: not copyable.
    if (copy && copy.base < copy.shown.start - EPSILON) return { reason: "open-gop", clip: index };
    plan.clips.push({ source: clip.source, shown, mediaStart: videoCursor, encode, copy });
    plan.videoEdits.push({ mediaTime: videoCursor, duration: shown.end - shown.start });
    sounds.add(clip.source, shown, plan.duration);
    plan.duration += shown.end - shown.start;
    videoCursor += encodedLength + (copy ? copy.mediaLength : 0);
  }
  return plan;
}
