import { ALL_FORMATS, BlobSource, Input } from "mediabunny";
import { packetTable } from "./packet-copy";

/**
 * The first video track's keyframe times, from the first frame, read from the container's index
 * (no media data read: a 4 GB MP4 takes a moment, where ffprobe reads every packet). Null when
 * mediabunny cannot read the file; ffprobe then finds them.
 */
export async function keyframeIndex(file: File): Promise<number[] | null> {
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const video = await input.getPrimaryVideoTrack();
    if (!video) return [];
    const origin = await video.getFirstTimestamp();
    const keys = (await packetTable(video)).info.filter((p) => p.key).map((p) => p.pts - origin);
    return [...new Set(keys)].sort((a, b) => a - b);
  } catch {
    return null;
  } finally {
    input.dispose();
  }
}
