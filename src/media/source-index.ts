import { ALL_FORMATS, BlobSource, EncodedPacket, EncodedPacketSink, Input, type InputTrack } from "mediabunny";
import type { PacketInfo } from "../core/packet-cut";
import { variableFrameTimes } from "../core/frame-times";
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
async function videoTimes(track: InputTrack): Promise<{ times: number[]; keys: number[] }> {
  const times: number[] = [];
  const keys: number[] = [];
  await walkIndex(track, (p) => {
    times.push(p.timestamp);
    if (p.type === "key") keys.push(p.timestamp);
  });
  return { times, keys };
}

/**
 * The source's index as the packet engine reads it: the first video track's keyframes, its frame
 * times when they vary, and how far it can be read. Only the video's packets are walked (their
 * times are the frame times); a whole file's tracks are read at their ends, so a long recording's
 * hundreds of thousands of sound packets cost nothing. Null when mediabunny cannot read the file;
 * ffprobe then finds the keyframes.
 */
export async function sourceIndex(file: File): Promise<SourceIndex | null> {
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const video = await input.getPrimaryVideoTrack();
    const audio = await input.getPrimaryAudioTrack();
    const origin = video ? await video.getFirstTimestamp() : Math.max(0, (await audio?.getFirstTimestamp()) ?? 0);
    const { times, keys } = video ? await videoTimes(video) : { times: [], keys: [] };
    const present = [video, audio].filter((t) => t !== null);
    const whole = await Promise.all(present.map(wholeExtent));
    // A file cut short: its end is found among every packet's times.
    const tracks = whole.every((t) => t !== null) ? whole : await Promise.all(present.map(fullExtent));
    const keyframes = [...new Set(keys.map((t) => t - origin))].sort((a, b) => a - b);
    const frameTimes = video ? variableFrameTimes(times.map((t) => t - origin)) : null;
    return { keyframes, readable: readableExtent(tracks, origin), frameTimes };
  } catch {
    return null;
  } finally {
    input.dispose();
  }
}
