import type { ExportMode } from "./export-plan";
import { audioName } from "./format-names";
import type { AudioStream, MediaInfo } from "./media-info";
import { keptAudio, type DroppedTracks } from "./track-choice";

/**
 * The user's choice of audio tracks to mix into one (Tracks): the tracks chosen (ffprobe stream
 * indexes), each one's volume in dB (absent: 0), and whether the mix is on. Tracks chosen but
 * left out (Tracks) take no part; fewer than two kept ones mix nothing.
 */
export interface AudioMix {
  on: boolean;
  tracks: number[];
  gains: Record<number, number>;
}

export const NO_MIX: AudioMix = { on: false, tracks: [], gains: {} };
/** The volumes a track can be given: from nearly silent to four times as loud. */
export const MIN_GAIN_DB = -60;
export const MAX_GAIN_DB = 12;

/** A gain in dB as a factor on the samples. */
export const gainFactor = (db: number): number => 10 ** (db / 20);

/** A track as the Tracks panel and the mixed track's title name it: its title, else its description. */
export const trackLabel = (s: AudioStream): string => s.tags.title?.trim() || audioName(s);

/** The mix's title and the panel's check box text: "Game + Mic". */
export const mixTitle = (streams: readonly AudioStream[]): string => streams.map(trackLabel).join(" + ");

/** The kept audio tracks the mix takes, in source order, with their places among the kept ones (the engines' audio list). */
export function mixMembers(info: MediaInfo, dropped: DroppedTracks, mix: AudioMix): { stream: AudioStream; position: number }[] {
  return keptAudio(info, dropped).flatMap(({ stream }, position) => (mix.tracks.includes(stream.index) ? [{ stream, position }] : []));
}

/** One output audio track: a kept track as it is, or several mixed into one at the first one's place. */
export type OutputSound = { kind: "copy"; position: number } | { kind: "mix"; positions: number[]; gains: number[]; title: string };

/** `count` tracks each copied as it is: no mix. */
export const unmixed = (count: number): OutputSound[] => Array.from({ length: count }, (_, position) => ({ kind: "copy", position }));

/** Whether an export in `mode` mixes: lossless copies sound as it is. */
export const mixes = (info: MediaInfo, dropped: DroppedTracks, mix: AudioMix | undefined, mode: ExportMode): boolean =>
  mode !== "lossless" && !!mix?.on && mixMembers(info, dropped, mix).length >= 2;

/**
 * The output's audio tracks in order, by place among the kept tracks: with the mix on (and not
 * lossless) the mixed track stands where its first track stood and the others are left out;
 * every other kept track follows in source order.
 */
export function soundLayout(info: MediaInfo, dropped: DroppedTracks, mix: AudioMix | undefined, mode: ExportMode): OutputSound[] {
  const kept = keptAudio(info, dropped);
  if (!mix || !mixes(info, dropped, mix, mode)) return kept.map((_, position) => ({ kind: "copy", position }));
  const members = mixMembers(info, dropped, mix);
  const first = (members[0] as (typeof members)[number]).position;
  const mixed: OutputSound = {
    kind: "mix",
    positions: members.map((m) => m.position),
    gains: members.map((m) => gainFactor(mix.gains[m.stream.index] ?? 0)),
    title: mixTitle(members.map((m) => m.stream)),
  };
  return kept.flatMap((_, position): OutputSound[] => {
    if (position === first) return [mixed];
    return members.some((m) => m.position === position) ? [] : [{ kind: "copy", position }];
  });
}

/** The mix with track `index` chosen or not; its volume stays, should it be chosen again. */
export function withTrackMixed(mix: AudioMix, index: number, chosen: boolean): AudioMix {
  const rest = mix.tracks.filter((t) => t !== index);
  return { ...mix, tracks: (chosen ? [...rest, index] : rest).sort((a, b) => a - b) };
}

/** The mix with track `index` at `db`, kept within the volumes a track can have. */
export const withGain = (mix: AudioMix, index: number, db: number): AudioMix => ({
  ...mix,
  gains: { ...mix.gains, [index]: Math.min(MAX_GAIN_DB, Math.max(MIN_GAIN_DB, db)) },
});
