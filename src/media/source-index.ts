import { ALL_FORMATS, BlobSource, EncodedPacket, EncodedPacketSink, Input, MP4, QTFF, type InputTrack } from "mediabunny";
import type { PacketInfo } from "../core/packet-cut";
import { variableFrameTimes } from "../core/frame-times";
import { sampleTimes } from "../core/mp4-sample-times";
import { readableExtent, type SourceIndex, type TrackExtent } from "../core/source-index";
import { METADATA, walkIndex } from "./paced";

/** A track's packets in decode order, timing only. */
async function indexPackets(track: InputTrack): Promise<EncodedPacket[]> {
  const packets: EncodedPacket[] = [];
  await walkIndex(track, (p) => packets.push(p));
  return packets;
}

/**
 * How many of a track's packets (from the first, decode order) the file holds. An index at the
 * front of a file cut short lists packets whose data is gone; the demuxer answers null for them.
 * Data lies in decode order, so a bisection reads a handful of packets, not the file.
 */
async function readableCount(track: InputTrack, packets: readonly EncodedPacket[]): Promise<number> {
  const sink = new EncodedPacketSink(track);
  const holds = async (i: number) => (await (i === 0 ? sink.getFirstPacket() : sink.getNextPacket(packets[i - 1] as EncodedPacket))) !== null;
  if (packets.length === 0 || (await holds(packets.length - 1))) return packets.length;
  let low = 0;
  let high = packets.length - 1;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (await holds(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}

const timing = (packets: readonly EncodedPacket[]): PacketInfo[] =>
  packets.map((p) => ({ pts: p.timestamp, duration: p.duration, key: p.type === "key" }));

/** A track's every packet and how many the file holds: what a cut file's end is found from. */
async function fullExtent(track: InputTrack): Promise<TrackExtent> {
  const packets = await indexPackets(track);
  return { packets: timing(packets), readable: await readableCount(track, packets) };
}

/**
 * A whole track's extent from its ends alone, without listing its packets: its last-shown packet
 * (where it ends) and, a few reorderings later, its last in decode order, whose data being there
 * says the file is whole. Null when that data is gone (the file is cut short).
 */
async function wholeExtent(track: InputTrack): Promise<TrackExtent | null> {
  const sink = new EncodedPacketSink(track);
  const lastShown = await sink.getPacket(Infinity, METADATA);
  if (!lastShown) return { packets: [], readable: 0 };
  let before: EncodedPacket | null = null;
  let last = lastShown;
  for (let next = await sink.getNextPacket(last, METADATA); next; next = await sink.getNextPacket(last, METADATA)) {
    before = last;
    last = next;
  }
  const held = before ? await sink.getNextPacket(before) : await sink.getPacket(last.timestamp);
  if (!held) return null;
  const end = { pts: lastShown.timestamp, duration: lastShown.duration, key: lastShown.type === "key" };
  return { packets: [end], readable: 1 };
}

/** The video's frame times (decode order) and its keyframes' times, walked once without keeping its packets. */
async function walkedTimes(track: InputTrack): Promise<{ times: ArrayLike<number>; keys: number[] }> {
  const times: number[] = [];
  const keys: number[] = [];
  await walkIndex(track, (p) => {
    times.push(p.timestamp);
    if (p.type === "key") keys.push(p.timestamp);
  });
  return { times, keys };
}

// An MP4 has a handful of top-level boxes; a file with more is not worth walking for its movie box.
const MOST_TOP_BOXES = 64;

/** An MP4's movie box (moov), found by its top-level boxes' headers alone; null where there is none. */
async function movieBox(file: Blob): Promise<Uint8Array | null> {
  for (let at = 0, boxes = 0; at + 8 <= file.size && boxes < MOST_TOP_BOXES; boxes++) {
    const head = new DataView(await file.slice(at, at + 16).arrayBuffer());
    const type = String.fromCharCode(head.getUint8(4), head.getUint8(5), head.getUint8(6), head.getUint8(7));
    const short = head.getUint32(0);
    const size = short === 1 && head.byteLength >= 16 ? Number(head.getBigUint64(8)) : short === 0 ? file.size - at : short;
    if (size < 8) return null;
    if (type === "moov") return new Uint8Array(await file.slice(at, at + size).arrayBuffer());
    at += size;
  }
  return null;
}

/**
 * The video's frame and keyframe times: from an MP4's sample tables when it has them (milliseconds
 * for a 6-hour recording), else by walking its packets through the demuxer.
 */
async function videoTimes(file: Blob, input: Input, track: InputTrack): Promise<{ times: ArrayLike<number>; keys: number[] }> {
  const format = await input.getFormat();
  const moov = format === MP4 || format === QTFF ? await movieBox(file) : null;
  return (moov && sampleTimes(moov, track.id)) ?? walkedTimes(track);
}

/**
 * The source's index as the packet engine reads it: the first video track's keyframes, its frame
 * times when they vary, and how far it can be read. Only the video's times are read (an MP4's
 * sample tables, or else its packets walked); a whole file's tracks are read at their ends, so a long recording's
 * hundreds of thousands of sound packets cost nothing. Null when mediabunny cannot read the file;
 * ffprobe then finds the keyframes.
 */
export async function sourceIndex(file: File): Promise<SourceIndex | null> {
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const video = await input.getPrimaryVideoTrack();
    const audio = await input.getPrimaryAudioTrack();
    const origin = video ? await video.getFirstTimestamp() : Math.max(0, (await audio?.getFirstTimestamp()) ?? 0);
    const { times, keys } = video ? await videoTimes(file, input, video) : { times: [], keys: [] };
    const present = [video, audio].filter((t) => t !== null);
    const whole = await Promise.all(present.map(wholeExtent));
    // A file cut short: its end is found among every packet's times.
    const tracks = whole.every((t) => t !== null) ? whole : await Promise.all(present.map(fullExtent));
    const keyframes = [...new Set(keys.map((t) => t - origin))].sort((a, b) => a - b);
    const frameTimes = video ? variableFrameTimes(Array.from(times, (t) => t - origin)) : null;
    return { keyframes, readable: readableExtent(tracks, origin), frameTimes };
  } catch {
    return null;
  } finally {
    input.dispose();
  }
}
