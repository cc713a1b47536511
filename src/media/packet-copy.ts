// Reading packets out of a source and feeding them, re-timed, to the muxer: what copying cuts share.
import {
  EncodedAudioPacketSource,
  EncodedPacket,
  EncodedPacketSink,
  Mp4OutputFormat,
  Output,
  type InputAudioTrack,
  type InputTrack,
  type InputVideoTrack,
} from "mediabunny";
import { withEditLists } from "../core/mp4-edit-list";
import { inReservedRoom } from "../core/mp4-faststart";
import { withHandlerNames } from "../core/mp4-track-names";
import type { CopiedAudio, EditEntry, PacketInfo } from "../core/packet-cut";
import { MediaError } from "./media-error";
import { walkIndex } from "./paced";
import { targetFor, type OutputSink } from "./output-sink";

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

/**
 * The header the muxer wrote into its reserved room, and that room's size: the muxer hands `moov`
 * with the head of the `free` box that fills the rest (its size field says how far).
 */
function reservedHeader(written: Uint8Array): { moov: Uint8Array; room: number } {
  const data = new DataView(written.buffer, written.byteOffset, written.byteLength);
  const size = data.getUint32(0);
  const free = written.length >= size + 8 && String.fromCharCode(...written.subarray(size + 4, size + 8)) === "free";
  return { moov: written.subarray(0, size), room: size + (free ? data.getUint32(size) : 0) };
}

/**
 * A fast-start MP4 written to a sink: the muxer reserves room for the movie header ahead of the
 * media (each track is added with `headerRoom` packets), and once the media is written the header
 * goes there with the edit lists (the muxer writes at most one entry, a cut needs one a clip) and
 * the tracks' names as their handler names.
 */
export class EditedMp4 {
  readonly output: Output;
  private moov: { data: Uint8Array; position: number } | null = null;

  constructor(private readonly sink: OutputSink) {
    const onMoov = (data: Uint8Array, position: number) => (this.moov = { data: data.slice(), position });
    this.output = new Output({ format: new Mp4OutputFormat({ fastStart: "reserve", onMoov }), target: targetFor(sink) });
  }

  /**
   * Writes the clips in list order, each from the lanes `lanesFor` gives (the clip's packets
   * placed from `mediaStarts[i]` on), then the header with `edits` for the first track and
   * `otherEdits` (by track id) for any other; nothing is left half-written.
   */
  async write(
    lanesFor: (clip: number) => Promise<Lane<Timestamped>[]>,
    mediaStarts: readonly number[],
    edits: readonly EditEntry[],
    job: CutWork,
    otherEdits: ReadonlyMap<number, readonly EditEntry[]> = new Map(),
  ) {
    const total = edits.reduce((sum, e) => sum + e.duration, 0) || 1;
    try {
      let shownBefore = 0;
      for (const [index, edit] of edits.entries()) {
        const start = mediaStarts[index] as number;
        await interleave(await lanesFor(index), job.signal, (time) =>
          job.onProgress(Math.min(1, (shownBefore + Math.max(0, time - start)) / total), index),
        );
        shownBefore += edit.duration;
      }
    } catch (error) {
      await this.output.cancel().catch(() => undefined);
      throw error;
    }
    await this.finish(new Map([[1, edits], ...otherEdits]));
  }

  /** Finalizes the file, then writes its header again with these tracks' edit lists. */
  async finish(edits: ReadonlyMap<number, readonly EditEntry[]>): Promise<void> {
    try {
      await this.output.finalize();
    } catch (error) {
      await this.output.cancel().catch(() => undefined);
      throw error;
    }
    const moov = this.moov as { data: Uint8Array; position: number } | null;
    if (!moov) throw new MediaError("fault", "The muxer wrote no movie header");
    const reserved = reservedHeader(moov.data);
    const edited = withEditLists(reserved.moov, edits);
    // Names may outgrow the handler names they replace: then the tracks keep only their udta names.
    const placed = inReservedRoom(withHandlerNames(edited), reserved.room) ?? inReservedRoom(edited, reserved.room);
    if (!placed) throw new MediaError("fault", "The movie header outgrew the room kept for it at the start of the file");
    await this.sink.write(moov.position, placed);
  }
}
