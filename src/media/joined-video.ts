import type { EncodedPacket, InputVideoTrack } from "mediabunny";
import { bytesOf } from "./head-encoder";
import { MediaError } from "./media-error";
import { splicesFor, type Splice } from "./splice";

/**
 * How the video of several files goes into one track: as it is where every file is set up alike,
 * else with each file's setup in-band (splice.ts: H.264's parameter sets on every keyframe, an
 * `avc3` sample entry), so a decoder switches at every join. `rewrite[s]` is file s's packets'.
 */
export interface JoinedVideo {
  decoderConfig: VideoDecoderConfig;
  rewrite: ((packet: EncodedPacket) => EncodedPacket)[];
}

const setupOf = (c: VideoDecoderConfig): string => `${c.codec} ${c.description ? bytesOf(c.description).join(",") : ""}`;

/** Joins `videos` (of one codec, picture size and profile: join-check.ts); `names` say which file a refusal is about. */
export async function joinedVideo(videos: readonly InputVideoTrack[], names: readonly string[]): Promise<JoinedVideo> {
  const configs: VideoDecoderConfig[] = [];
  for (const video of videos) {
    const config = await video.getDecoderConfig();
    if (!config) throw new MediaError("unsupported", `the video settings of ${names[configs.length] ?? "a file"} could not be read`);
    configs.push(config);
  }
  const first = configs[0] as VideoDecoderConfig;
  const same = (packet: EncodedPacket) => packet;
  if (configs.every((c) => setupOf(c) === setupOf(first))) return { decoderConfig: first, rewrite: configs.map(() => same) };
  const splices = await splicesFor(videos, names);
  return { decoderConfig: (splices[0] as Splice).decoderConfig, rewrite: splices.map((s) => (packet) => s.copied(packet)) };
}
