import type { Span } from "./clips";
import { endOfLast, nearestBoundary } from "./frames";
import { PacketIndex } from "./packet-index";
import { countBelow } from "./sorted-search";

/** One packet of a stream as the demuxer lists it, in decode order. Times in seconds. */
export interface PacketInfo {
  pts: number;
  duration: number;
  key: boolean;
}

/**
 * The source interval a clip stands for: from the frame boundary nearest IN to the one nearest
 * OUT. `boundaries` are every frame's presentation time, ascending, then where the last one ends
 * (`frameTimeline`). At a constant rate this is `rangeSpan(spanFrames(clip))`; it holds for
 * variable rates too.
 */
export function clipInterval(boundaries: readonly number[], clip: Span): Span {
  return {
    start: boundaries[nearestBoundary(boundaries, clip.start)] as number,
    end: boundaries[nearestBoundary(boundaries, clip.end)] as number,
  };
}

/**
 * Presentation times of a stream's packets, ascending, where its last frame ends (no later than
 * `sourceEnd`, where the source ends, as the page's frame model has it), and both as the frame
 * boundaries `clipInterval` takes.
 */
export function frameTimeline(packets: readonly PacketInfo[], sourceEnd = Infinity): { times: number[]; end: number; boundaries: number[] } {
  const times = packets.map((p) => p.pts).sort((a, b) => a - b);
  const ownEnd = packets.reduce((last, p) => Math.max(last, p.pts + p.duration), 0);
  const end = endOfLast(times.at(-1) ?? 0, ownEnd, sourceEnd);
  return { times, end, boundaries: [...times, end] };
}

/** How many frames (presentation times, ascending) start in `span`, its ends read a hair early: the frames a cut of it keeps. */
export const framesIn = (times: readonly number[], span: Span): number =>
  countBelow(times, span.end - EPSILON, false) - countBelow(times, span.start - EPSILON, false);

/**
 * Packets copied for one clip of a lossless cut: decode indices `from` up to `to`, placed in the
 * output's media time at `mediaStart` (source time `base` lands there), `mediaLength` long. Only
 * `shown` of the source is presented; the rest (a forward reference past OUT that B-frames before
 * OUT need) is decoded but hidden by the container's edit list.
 */
export interface CopiedClip {
  from: number;
  to: number;
  base: number;
  mediaStart: number;
  mediaLength: number;
  shown: Span;
}

const EPSILON = 1e-6;

/**
 * Plans a packet copy of one clip: from the keyframe at or before the clip's first frame, in
 * decode order, through the last packet whose frame lies before OUT. Packets are complete GOPs
 * from the keyframe on, so every frame shown decodes exactly as in the source.
 */
export function planCopy(video: PacketIndex, interval: Span, mediaStart: number): CopiedClip | null {
  const from = video.lastKeyAtOrBefore(interval.start + EPSILON);
  if (from < 0) return null;
  const to = Math.max(from, video.lastBefore(interval.end - EPSILON) + 1);
  const base = video.earliestTime(from, to);
  const last = video.latestEndTime(from, to);
  const keyPts = (video.packets[from] as PacketInfo).pts;
  return { from, to, base, mediaStart, mediaLength: last - base, shown: { start: keyPts, end: interval.end } };
}

/** Audio packets copied beside one clip's video: indices `from` up to `to`, placed at `mediaStart`. */
export interface CopiedAudio {
  from: number;
  to: number;
  mediaStart: number;
}

/**
 * Audio for a copied clip. Packets are whole (an AAC frame cannot be split without re-encoding)
 * and follow each other without gaps, and players trim audio by edit lists only at the start of
 * a track, so sound is placed, not trimmed: the packets are chosen so that the clip's first shown
 * instant plays within half a packet of its picture, and the count so that the next clip starts
 * within half a packet too. The error never adds up across joins.
 */
export function planAudioCopy(index: PacketIndex, shown: Span, presentedAt: number, cursor: number): CopiedAudio | null {
  // The source instant that should land at `cursor` for `shown.start` to land at `presentedAt`.
  const from = index.nearest(shown.start + (cursor - presentedAt));
  return from < 0 ? null : soundFrom(index.packets, from, cursor, presentedAt + (shown.end - shown.start));
}

/**
 * Audio for the first clip of a track, which an edit list can trim: from the packet before the
 * one playing at the picture's first instant (the decoder's overlap), placed at 0; `lead`, the
 * media time before that instant, is for the edit list to hide, so the sound starts with the
 * picture to the sample rather than to half a packet. Null where no sound plays by then.
 */
export function planLeadingAudio(index: PacketIndex, shown: Span): (CopiedAudio & { lead: number }) | null {
  const playing = index.lastBefore(shown.start + EPSILON);
  if (playing < 0) return null;
  const from = Math.max(0, playing - 1);
  const lead = shown.start - (index.packets[from] as PacketInfo).pts;
  return { ...soundFrom(index.packets, from, 0, lead + (shown.end - shown.start)), lead };
}

/** Packets from `from` on, placed at `cursor`, for as long as they end (to within half of one) by `presentedEnd`. */
function soundFrom(audio: readonly PacketInfo[], from: number, cursor: number, presentedEnd: number): CopiedAudio {
  const first = (audio[from] as PacketInfo).pts;
  // Placed by their own timestamps (a first packet's duration may be trimmed, as Opus's is).
  const endOf = (p: PacketInfo) => cursor + (p.pts + p.duration - first);
  let to = from;
  while (to < audio.length && endOf(audio[to] as PacketInfo) - (audio[to] as PacketInfo).duration / 2 <= presentedEnd) to += 1;
  return { from, to, mediaStart: cursor };
}

/** Where a copied run of packets ends in media time, counted by their timestamps. */
export function audioEnd(audio: readonly PacketInfo[], sound: CopiedAudio): number {
  const first = (audio[sound.from] as PacketInfo).pts;
  const last = audio[sound.to - 1];
  return last ? sound.mediaStart + (last.pts + last.duration - first) : sound.mediaStart;
}

/**
 * Every audio track cut at the picture's instants, each on its own packets and in its own lane
 * (its own media time), so each keeps within half of its own packet of the picture at every join.
 * `sources[s][t]` is file s's track t (the output has the first file's tracks); `runs[t][i]` is
 * track t's sound for clip i; a track with no packets has none. With `trimmedStart` (the output
 * gives each track an edit list), each track's first clip starts with its picture to the sample
 * (planLeadingAudio); `leads[t]` is then track t's media time before that, `ends[t]` where it ends.
 */
export function audioLanes(sources: readonly (readonly (readonly PacketInfo[])[])[], trimmedStart = false) {
  const indexes = sources.map((tracks) => tracks.map((packets) => ({ packets, index: new PacketIndex(packets) })));
  const cursors = (sources[0] ?? []).map(() => 0);
  const leads = cursors.map(() => 0);
  const runs: CopiedAudio[][] = cursors.map(() => []);
  return {
    runs,
    leads,
    ends: cursors,
    /** Plans every track's sound for a clip of file `source` that shows `shown` of it from `presentedAt` on. */
    add(source: number, shown: Span, presentedAt: number): void {
      for (const [t, cursor] of cursors.entries()) {
        const lane = indexes[source]?.[t];
        if (!lane) continue;
        const leading = trimmedStart && runs[t]?.length === 0 ? planLeadingAudio(lane.index, shown) : null;
        if (leading) leads[t] = leading.lead;
        // Media time runs `leads[t]` ahead of what is presented.
        const sound = leading ?? planAudioCopy(lane.index, shown, presentedAt + (leads[t] as number), cursor);
        if (!sound) continue;
        runs[t]?.push({ from: sound.from, to: sound.to, mediaStart: sound.mediaStart });
        cursors[t] = audioEnd(lane.packets, sound);
      }
    },
  };
}

/** One file's packet tables: its main track's (the video's), each audio track's, and where it ends (frameTimeline's `sourceEnd`). */
export interface SourceTables {
  video: readonly PacketInfo[];
  audio: readonly (readonly PacketInfo[])[];
  end: number;
}

/** A clip of one of several files: its span in that file's time, and which file (an index into the tables). */
export interface SourcedSpan extends Span {
  source: number;
}

/** Each file's frame boundaries and packet index, built once for every clip cut from it. */
export function pictureIndexes(sources: readonly SourceTables[]) {
  return sources.map((s) => ({ boundaries: frameTimeline(s.video, s.end).boundaries, pictures: new PacketIndex(s.video) }));
}

/** One entry of an edit list: `duration` seconds of the track's media from `mediaTime` on. */
export interface EditEntry {
  mediaTime: number;
  duration: number;
}

/** The whole lossless cut: what to copy per clip, and the video's edit list. */
export interface CopyPlan {
  /** Each clip's packets, copied from the file it names (`sources[i]`). */
  video: CopiedClip[];
  sources: number[];
  /** Per audio track, in source order: its sound for each clip. */
  audio: CopiedAudio[][];
  videoEdits: EditEntry[];
  /** Per audio track, its edit list: what precedes the first clip's picture hidden (none where nothing is). */
  audioEdits: EditEntry[][];
  /** Length of the output as presented: the sum of what each clip shows. */
  duration: number;
  /** Clips that end before OUT, and by how many seconds: without edit lists, the frames past OUT they need would show. */
  shortened: { clip: number; by: number }[];
}

/**
 * Why a lossless copy cannot be planned: clip `missing` has no keyframe before it; clip `leading`
 * starts on a keyframe that frames shown before it follow in decode order (an open GOP), which
 * only an edit list could hide.
 */
export type CopyRefusal = { missing: number } | { leading: number };

/**
 * Where a copy from keyframe `from` must end for every packet it copies to be shown before
 * `end`: no later than the first frame, by time, of any packet decoded from the first one shown
 * at or after `end` on (those cannot be left out without what they lean on, nor shown).
 * Without B-frames that is `end` itself.
 */
export function shownWithoutEdits(pictures: PacketIndex, from: number, end: number): number {
  const packets = pictures.packets;
  let shownEnd = end;
  for (;;) {
    const to = pictures.lastBefore(shownEnd - EPSILON) + 1;
    let past = from;
    while (past < to && (packets[past] as PacketInfo).pts < shownEnd - EPSILON) past += 1;
    if (past >= to) return shownEnd;
    for (let i = past; i < to; i++) shownEnd = Math.min(shownEnd, (packets[i] as PacketInfo).pts);
  }
}

/**
 * Plans a lossless cut of every clip in list order, with every audio track of `audio` (in source
 * order) cut at the same instants; a clip with no keyframe before it is refused. `sourceEnd`:
 * where the source ends (frameTimeline).
 */
export function planCopyCut(
  video: readonly PacketInfo[],
  audio: readonly (readonly PacketInfo[])[],
  clips: readonly Span[],
  sourceEnd = Infinity,
): CopyPlan | CopyRefusal {
  return planJoinCopy([{ video, audio, end: sourceEnd }], clips.map((c) => ({ ...c, source: 0 })));
}

/**
 * A lossless cut of clips from several files, joined in list order into one timeline: each clip
 * copied from its own file's packets, every join continuous in media time, every audio track
 * placed at each join as in one file's cut.
 */
export function planJoinCopy(sources: readonly SourceTables[], clips: readonly SourcedSpan[], editLists = true): CopyPlan | CopyRefusal {
  const files = pictureIndexes(sources);
  const sounds = audioLanes(sources.map((s) => s.audio), editLists);
  const plan: CopyPlan = { video: [], sources: [], audio: sounds.runs, videoEdits: [], audioEdits: [], duration: 0, shortened: [] };
  let videoCursor = 0;
  for (const [index, clip] of clips.entries()) {
    const { boundaries, pictures } = files[clip.source] as (typeof files)[number];
    const interval = clipInterval(boundaries, clip);
    const from = pictures.lastKeyAtOrBefore(interval.start + EPSILON);
    // Without edit lists every packet copied is shown: the clip ends where nothing past it is needed.
    const end = editLists || from < 0 ? interval.end : shownWithoutEdits(pictures, from, interval.end);
    const copied = planCopy(pictures, { start: interval.start, end }, videoCursor);
    if (!copied) return { missing: index };
    if (!editLists && copied.base < copied.shown.start - EPSILON) return { leading: index };
    if (end < interval.end - EPSILON) plan.shortened.push({ clip: index, by: interval.end - end });
    const shownLength = copied.shown.end - copied.shown.start;
    sounds.add(clip.source, copied.shown, plan.duration);
    plan.video.push(copied);
    plan.sources.push(clip.source);
    plan.videoEdits.push({ mediaTime: copied.mediaStart + (copied.shown.start - copied.base), duration: shownLength });
    plan.duration += shownLength;
    videoCursor += copied.mediaLength;
  }
  plan.audioEdits = sounds.leads.map((lead, t) => (lead > 0 ? [{ mediaTime: lead, duration: (sounds.ends[t] as number) - lead }] : []));
  return plan;
}
