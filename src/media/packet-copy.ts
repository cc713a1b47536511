// Reading packets out of a source and feeding them, re-timed, to the muxer: what copying cuts share.
import {
  EncodedAudioPacketSource,
  EncodedPacket,
  EncodedPacketSink,
  Output,
  type InputAudioTrack,
  type InputTrack,
  type InputVideoTrack,
} from "mediabunny";
import type { CopiedAudio, PacketInfo } from "../core/packet-cut";
import { walkIndex } from "./paced";

/** What a cut is made from: a file's video, if it has one, and the audio tracks it keeps, in file order. */
export interface CutTracks {
  video: InputVideoTrack | null;
  audio: readonly InputAudioTrack[];
}

export interface CutWork {
  signal: AbortSignal;
  onProgress: (fraction: number, clip: number) => void;
  /** Whether the sink holds the output in memory (then a too large output is refused up front). */
  inMemory: boolean;
  /** Each clip's label, where the output gets a chapter a clip (Chapters); absent: no chapters. */
  chapters?: readonly string[];
}

/** One file of an export as the cuts take it: its kept tracks, and where it ends in their time. */
export interface CutSource extends CutTracks {
  /** The probe's duration, past the origin: no frame lasts beyond it. */
  end: number;
}

/** One file's audio track as a copy reads it: the track and its packets' timing. */
export interface SoundTable {
  track: InputAudioTrack;
  table: readonly PacketInfo[];
}

/** Every packet's timing and size, read from the container's index without reading the media (paced: the worker keeps answering). */
export async function packetTable(track: InputTrack): Promise<{ info: PacketInfo[]; bytes: number[] }> {
  const info: PacketInfo[] = [];
  const bytes: number[] = [];
  await walkIndex(track, (p) => {
    info.push({ pts: p.timestamp, duration: p.duration, key: p.type === "key" });
    bytes.push(p.byteLength);
  });
  return { info, bytes };
}

/** Copies packets `from`…`to` (decode order) of a track, re-timed by `shift`. */
export async function* copied(track: InputTrack, table: readonly PacketInfo[], from: number, to: number, shift: number) {
  const sink = new EncodedPacketSink(track);
  const first = await sink.getPacket((table[from] as PacketInfo).pts);
  if (!first || to <= from) return;
  let count = 0;
  for await (const packet of sink.packets(first)) {
    yield packet.clone({ timestamp: packet.timestamp + shift });
    if (++count >= to - from) return;
  }
}

/** Something a track is written from: a copied packet, or (a mixed track) sound to encode. */
export interface Timestamped {
  timestamp: number;
}

/** One track's part of a clip: its items in time order, and how each goes to the muxer. */
export interface Lane<T extends Timestamped = EncodedPacket> {
  packets: AsyncGenerator<T>;
  next: IteratorResult<T> | null;
  // A method, so a lane of packets is also a lane of timestamped items.
  add(item: T): Promise<void>;
}

/** Feeds the tracks' packets to the muxer in media-time order, so the file is interleaved. */
export async function interleave(lanes: Lane<Timestamped>[], signal: AbortSignal, onPacket: (time: number) => void): Promise<void> {
  for (const lane of lanes) lane.next = await lane.packets.next();
  for (;;) {
    signal.throwIfAborted();
    const ready = lanes.filter((l) => l.next && !l.next.done);
    if (ready.length === 0) return;
    const lane = ready.reduce((a, b) => ((a.next?.value?.timestamp ?? 0) <= (b.next?.value?.timestamp ?? 0) ? a : b));
    const packet = lane.next?.value as Timestamped;
    await lane.add(packet);
    onPacket(packet.timestamp);
    lane.next = await lane.packets.next();
  }
}

/** Adds packets to a track, the first with the decoder configuration the track is described by. */
export function configuredFirst<M>(add: (packet: EncodedPacket, meta?: M) => Promise<void>, meta: M | null) {
  let first = true;
  return async (packet: EncodedPacket): Promise<void> => {
    const withMeta = first && meta !== null;
    first = false;
    await add(packet, withMeta ? meta : undefined);
  };
}

/** The name and language a track is written with: the source track's own, where it has them. */
export async function trackNames(track: InputTrack): Promise<{ name?: string; languageCode?: string }> {
  const name = await track.getName();
  const languageCode = await track.getLanguageCode();
  return { ...(name ? { name } : {}), ...(languageCode !== "und" ? { languageCode } : {}) };
}

/**
 * Adds one output track for each audio track of the first file (`files[0]`, in its order, named
 * as they are), which takes `runs[t]`, each clip's copied sound of track t, read from track t of
 * the file the clip is cut from (`sourceOf`); answers each clip's lanes of sound. Every file's
 * track t must be of one format (join-check.ts).
 */
export async function copiedSoundTracks(
  output: Output,
  files: readonly (readonly SoundTable[])[],
  runs: readonly (readonly CopiedAudio[])[],
  sourceOf: (clip: number) => number,
): Promise<(clip: number) => Lane[]> {
  const sounds: { copies: readonly CopiedAudio[]; add: Lane["add"] }[] = [];
  for (const [t, { track }] of (files[0] ?? []).entries()) {
    const source = new EncodedAudioPacketSource(track.codec ?? "aac");
    const copies = runs[t] ?? [];
    // Room for the one edit-list entry a lossless copy may give the track (what precedes its first picture).
    output.addAudioTrack(source, { ...(await trackNames(track)), maximumPacketCount: headerRoom(packetCount(copies), 1) });
    const config = await track.getDecoderConfig();
    const add = configuredFirst((p, meta?: EncodedAudioChunkMetadata) => source.add(p, meta), config ? { decoderConfig: config } : null);
    sounds.push({ copies, add });
  }
  return (clip) =>
    sounds.flatMap(({ copies, add }, t) => {
      const sound = copies[clip];
      const from = files[sourceOf(clip)]?.[t];
      if (!sound || !from) return [];
      const shift = sound.mediaStart - (from.table[sound.from] as PacketInfo).pts;
      return [{ packets: copied(from.track, from.table, sound.from, sound.to, shift), next: null, add }];
    });
}

/** Packets copied by these runs (decode indices `from` up to `to`). */
export const packetCount = (runs: readonly { from: number; to: number }[]): number => runs.reduce((sum, r) => sum + Math.max(0, r.to - r.from), 0);

/**
 * A track's `maximumPacketCount` for an MP4 whose header is kept at the front: the muxer reserves
 * room there for that many packets' tables (at least 34 bytes each), and each edit-list entry
 * written later takes 20 bytes, so counting the entries as packets keeps room for them too.
 */
export const headerRoom = (packets: number, edits = 0): number => Math.max(1, packets + edits);
