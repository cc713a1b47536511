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
import { asSample, isCleanStart, parseSequenceHeader, sequenceHeaderObu, type Obu, type SequenceHeader } from "../core/av1";
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
  /** How its packets are packed: files joined in one track must share it (H.264's NAL length size, Annex B). */
  packing: string;
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
    packing: `H.264 with ${size}-byte lengths`,
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
    packing: "H.264 Annex B",
  };
}

/** The video's first keyframe. */
async function firstKey(video: InputVideoTrack): Promise<EncodedPacket | null> {
  const sink = new EncodedPacketSink(video);
  const first = await sink.getFirstPacket();
  return first && (first.type === "key" ? first : await sink.getNextKeyPacket(first));
}

/** The parameter sets of an Annex B stream, from its first keyframe. */
async function annexBConfig(video: InputVideoTrack): Promise<AvcConfig | null> {
  const key = await firstKey(video);
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
    packing: "VP9",
  };
}

/** AV1 codec strings for the head: the source's profile and bit depth, at its level, then 4.0 and 5.1. */
function av1Codecs(format: SequenceHeader): string[] {
  const depth = String(format.bitDepth).padStart(2, "0");
  const level = (index: number, tier: number) => `av01.${format.profile}.${String(index).padStart(2, "0")}${tier ? "H" : "M"}.${depth}`;
  return [...new Set([level(format.level, format.tier), level(8, 0), level(13, 0)])];
}

const sameFormat = (a: SequenceHeader, b: SequenceHeader) => a.profile === b.profile && a.bitDepth === b.bitDepth && a.monochrome === b.monochrome;

/**
 * AV1: every keyframe carries its stream's sequence header in-band (ours on ours, the source's on
 * the copied ones), so a decoder starts a new coded video sequence at every join; temporal
 * delimiters go, as AV1-ISOBMFF wants. The MP4's av1C is the source's (from its codec string).
 */
function av1Splice(decoder: VideoDecoderConfig, sourceHeader: Obu): Splice {
  const source = parseSequenceHeader(sourceHeader.payload);
  if (!source) throw unsupported("the video's AV1 sequence header could not be read");
  if (source.reducedStillPicture) throw unsupported("the video is an AV1 still picture stream");
  const sample = (data: Uint8Array, header: Obu | null) => {
    const out = asSample(data, header);
    if (!out) throw new MediaError("fault", "An AV1 frame's parts do not add up");
    return out;
  };
  return {
    codecs: av1Codecs(source),
    decoderConfig: decoder,
    head(encoded) {
      const first = encoded.packets[0];
      const own = first && sequenceHeaderObu(first.data);
      const format = own && parseSequenceHeader(own.payload);
      if (!format || !sameFormat(format, source)) throw new MediaError("fault", "The AV1 encoder's frames do not match the video's profile and bit depth");
      return encoded.packets.map((p) => p.clone({ data: sample(p.data, p.type === "key" ? own : null) }));
    },
    copied: (p) => p.clone({ data: sample(p.data, p.type === "key" ? sourceHeader : null) }),
    cleanStart: (p) => isCleanStart(p.data, source.reducedStillPicture),
    packing: "AV1",
  };
}

/**
 * Each file's splice, for joining them in one track: refused where two pack their packets
 * differently (MP4's H.264 beside MPEG-TS's). `names`: the files', for the message.
 */
export async function splicesFor(videos: readonly InputVideoTrack[], names: readonly string[]): Promise<Splice[]> {
  const splices: Splice[] = [];
  for (const video of videos) splices.push(await spliceFor(video));
  const odd = splices.findIndex((s) => s.packing !== splices[0]?.packing);
  if (odd > 0) throw unsupported(`${names[odd]} packs its video (${splices[odd]?.packing}) unlike ${names[0]} (${splices[0]?.packing})`);
  return splices;
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
  if (video.codec === "av1") {
    const key = await firstKey(video);
    const header = key && sequenceHeaderObu(key.data);
    if (!header) throw unsupported("the video's AV1 sequence header could not be found");
    return av1Splice(decoder, header);
  }
  throw unsupported(`smart cut joins H.264, VP9 and AV1, not ${video.codec ?? "this"} video`);
}
