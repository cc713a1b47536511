import { ALL_FORMATS, BlobSource, EncodedPacket, EncodedPacketSink, Input, type InputTrack } from "mediabunny";
import type { PacketInfo } from "../core/packet-cut";
import { variableFrameTimes } from "../core/frame-times";
import { readableExtent, type SourceIndex, type TrackExtent } from "../core/source-index";

/** A track's packets in decode order, timing only: the container's index, no media data read. */
async function indexPackets(track: InputTrack): Promise<EncodedPacket[]> {
  const packets: EncodedPacket[] = [];
  for await (const p of new EncodedPacketSink(track).packets(undefined, undefined, { metadataOnly: true })) packets.push(p);
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

/**
 * The source's index as the packet engine reads it: the first video track's keyframes, its frame
 * times when they vary, and how far it can be read. Null when mediabunny cannot read the file; ffprobe then finds the keyframes.
 */
export async function sourceIndex(file: File): Promise<SourceIndex | null> {
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const video = await input.getPrimaryVideoTrack();
    const audio = await input.getPrimaryAudioTrack();
    const origin = video ? await video.getFirstTimestamp() : Math.max(0, (await audio?.getFirstTimestamp()) ?? 0);
    const tracks: TrackExtent[] = [];
    let keyframes: number[] = [];
    let frameTimes: number[] | null = null;
    for (const track of [video, audio]) {
      if (!track) continue;
      const packets = await indexPackets(track);
      const info = timing(packets);
      tracks.push({ packets: info, readable: await readableCount(track, packets) });
      if (track !== video) continue;
      keyframes = [...new Set(info.filter((p) => p.key).map((p) => p.pts - origin))].sort((a, b) => a - b);
      frameTimes = variableFrameTimes(info.map((p) => p.pts - origin));
    }
    return { keyframes, readable: readableExtent(tracks, origin), frameTimes };
  } catch {
    return null;
  } finally {
    input.dispose();
  }
}
