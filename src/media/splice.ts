import { EncodedPacketSink, type EncodedPacket, type InputVideoTrack } from "mediabunny";
import {
  annexBUnits,
  annexBWithParameterSets,
  configFromUnits,
  NAL_IDR,
  nalType,
  nalUnits,
  parseAvcConfig,
  toAnnexB,
  withLengthSize,
  withParameterSets,
  type AvcConfig,
} from "../core/avc";
import type { EncodedHead } from "./head-encoder";
import { MediaError } from "./media-error";

/**
 * How a codec's re-encoded frames are joined to copied ones in a smart cut: which encoder to ask
 * for, the output track's configuration, and how packets on either side are rewritten.
 */
export interface Splice {
  codecs: readonly string[];
  decoderConfig: VideoDecoderConfig;
  head(encoded: EncodedHead): EncodedPacket[];
  copied(packet: EncodedPacket): EncodedPacket;
  /** Whether a copy may start at this keyframe: nothing after it leans on what came before. */
  cleanStart(packet: EncodedPacket): boolean;
}

const unsupported = (why: string) => new MediaError("unsupported", why);

/** H.264 codec strings tried for the head: High, Main, then Constrained Baseline, each at level 5.1. */
const AVC_HEAD = ["avc1.640033", "avc1.4d0033", "avc1.42e033"];

const bytesOf = (description: AllowSharedBufferSource | undefined): Uint8Array | null =>
  description instanceof Uint8Array ? description : description instanceof ArrayBuffer ? new Uint8Array(description) : null;

/**
 * H.264: the two encoders' parameter sets differ, so both travel in-band on every keyframe (an
 * `avc3` sample entry, the source's set first) and players switch at every join.
 */
function avcSplice(decoder: VideoDecoderConfig): Splice {
  const source = parseAvcConfig(bytesOf(decoder.description) ?? new Uint8Array());
  if (!source) throw unsupported("the video's H.264 settings could not be read");
  const size = source.lengthSize;
  return {
    codecs: AVC_HEAD,
    decoderConfig: { ...decoder, codec: `avc3${decoder.codec.slice(4)}` },
    head(encoded) {
      const own = encoderConfig(encoded);
      return encoded.packets.map((p) =>
        p.clone({ data: p.type === "key" ? withParameterSets(p.data, own.lengthSize, own, size) : withLengthSize(p.data, own.lengthSize, size) }),
      );
    },
    copied: (p) => (p.type === "key" ? p.clone({ data: withParameterSets(p.data, size, source, size) }) : p),
    cleanStart: (p) => nalUnits(p.data, size)?.some((u) => nalType(u) === NAL_IDR) ?? false,
  };
}

/** Our encoder's settings, from the record it gives with its frames. */
function encoderConfig(encoded: EncodedHead): AvcConfig {
  const own = parseAvcConfig(encoded.description ?? new Uint8Array());
  if (!own) throw new MediaError("fault", "The H.264 encoder gave no settings to join its frames with");
  return own;
}

/**
 * H.264 in Annex B (MPEG-TS): no decoder record, the parameter sets ride in-band on the keyframes.
 * Everything is written in Annex B, our frames' keyframes with our sets, the copied ones with the
 * source's; the MP4 muxer reads the record from the first keyframe and rewrites the packets.
 */
function annexBSplice(decoder: VideoDecoderConfig, source: AvcConfig): Splice {
  const units = (p: EncodedPacket) => annexBUnits(p.data);
  return {
    codecs: AVC_HEAD,
    decoderConfig: { ...decoder, description: undefined, codec: `avc3${decoder.codec.slice(4)}` },
    head(encoded) {
      const own = encoderConfig(encoded);
      return encoded.packets.map((p) => {
        const sample = nalUnits(p.data, own.lengthSize);
        if (!sample) throw new MediaError("fault", "The H.264 encoder's frames do not add up");
        return p.clone({ data: p.type === "key" ? annexBWithParameterSets(sample, own) : toAnnexB(sample) });
      });
    },
    copied(p) {
      const sample = p.type === "key" ? units(p) : null;
      return sample ? p.clone({ data: annexBWithParameterSets(sample, configFromUnits(sample) ?? source) }) : p;
    },
    cleanStart: (p) => units(p)?.some((u) => nalType(u) === NAL_IDR) ?? false,
  };
}

/** The parameter sets of an Annex B stream, from its first keyframe. */
async function annexBConfig(video: InputVideoTrack): Promise<AvcConfig | null> {
  const sink = new EncodedPacketSink(video);
  const first = await sink.getFirstPacket();
  const key = first && (first.type === "key" ? first : await sink.getNextKeyPacket(first));
  const units = key && annexBUnits(key.data);
  return units && configFromUnits(units);
}

/** VP9: every keyframe carries its whole setup in its own header, so packets go in as they are. */
function vp9Splice(decoder: VideoDecoderConfig): Splice {
  return {
    codecs: [decoder.codec, "vp09.00.41.08"],
    decoderConfig: decoder,
    head: (encoded) => encoded.packets,
    copied: (p) => p,
    cleanStart: () => true,
  };
}

export async function spliceFor(video: InputVideoTrack): Promise<Splice> {
  const decoder = await video.getDecoderConfig();
  if (!decoder) throw unsupported("the video's settings could not be read");
  if (video.codec === "avc" && !decoder.description) {
    const source = await annexBConfig(video);
    if (!source) throw unsupported("the video's H.264 settings could not be read");
    return annexBSplice(decoder, source);
  }
  if (video.codec === "avc") return avcSplice(decoder);
  if (video.codec === "vp9") return vp9Splice(decoder);
  throw unsupported(`smart cut joins H.264 and VP9, not ${video.codec ?? "this"} video`);
}
