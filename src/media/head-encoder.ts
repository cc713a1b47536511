import { EncodedPacketSink, EncodedPacket, type InputVideoTrack } from "mediabunny";
import { parseAvcConfig } from "../core/avc";
import { unreferenced } from "../core/avc-reference";
import type { Span } from "../core/clips";
import { framesIn } from "../core/packet-cut";
import { webCodecName } from "../core/format-names";
import { MediaError } from "./media-error";

const EPSILON = 1e-6;
/** Chunks a codec may hold before more are fed: enough to keep its threads busy, few frames in memory. */
const QUEUE = 8;

/** What a head is encoded as: codec strings tried in turn, at a bit rate and frame rate. */
export interface HeadSettings {
  codecs: readonly string[];
  bitrate: number;
  framerate: number;
}

/** Where heads are decoded from: the source track, its decoder setup, its frames' times. */
export interface HeadSource {
  video: InputVideoTrack;
  decoderConfig: VideoDecoderConfig;
  /** Every frame's presentation time, ascending. */
  times: readonly number[];
  /** Whether no other frame refers to this packet's (so one shown before IN need not be decoded). */
  unreferenced: (packet: EncodedPacket) => boolean;
}

export interface EncodedHead {
  packets: EncodedPacket[];
  /** The encoder's decoder configuration record (H.264's avcC), where it gives one. */
  description: Uint8Array | null;
}

/** The first encoder setting this browser has for the size; refused before any output is written. */
export async function configFor(width: number, height: number, settings: HeadSettings): Promise<VideoEncoderConfig> {
  const { bitrate, framerate } = settings;
  for (const codec of settings.codecs) {
    const packaging = codec.startsWith("avc") ? { avc: { format: "avc" as const } } : {};
    const config: VideoEncoderConfig = { codec, width, height, bitrate, framerate, latencyMode: "quality", ...packaging };
    if ((await VideoEncoder.isConfigSupported(config)).supported) return config;
  }
  const name = settings.codecs[0] ? webCodecName(settings.codecs[0]) : "video";
  throw new MediaError("unsupported", `this browser cannot encode ${name} at ${width}×${height}`);
}

/** The bytes of a WebCodecs buffer, not copied. */
export const bytesOf = (source: AllowSharedBufferSource): Uint8Array =>
  source instanceof ArrayBuffer || source instanceof SharedArrayBuffer
    ? new Uint8Array(source)
    : new Uint8Array(source.buffer, source.byteOffset, source.byteLength);

/** Which packets of this video no other frame refers to: H.264's non-reference pictures, else none. */
export function unreferencedFor(codec: string | null, decoder: VideoDecoderConfig): (packet: EncodedPacket) => boolean {
  if (codec !== "avc") return () => false;
  if (!decoder.description) return (packet) => unreferenced(packet.data, null);
  const record = parseAvcConfig(bytesOf(decoder.description));
  return record ? (packet) => unreferenced(packet.data, record.lengthSize) : () => false;
}

const fault = (what: string, error: unknown) =>
  new MediaError("fault", `The video ${what} failed (${error instanceof Error ? error.message : String(error)})`);

/** Resolves once the codec's queue is at most `limit` long. */
async function drained(codec: VideoDecoder | VideoEncoder, size: () => number, limit: number): Promise<void> {
  while (size() > limit) await new Promise((resolve) => codec.addEventListener("dequeue", resolve, { once: true }));
}

/**
 * Decodes the source frames in `span` (presentation times) and encodes them with WebCodecs,
 * starting on a keyframe; the packets are placed from `mediaStart` on in the output's media time.
 * Decoding starts at the keyframe before IN; frames before IN that nothing refers to are not fed
 * to the decoder, and feeding stops with the last packet whose frame lies in `span`.
 */
export async function encodeHead(
  source: HeadSource,
  span: Span,
  mediaStart: number,
  settings: HeadSettings,
  signal: AbortSignal,
): Promise<EncodedHead> {
  const wanted = framesIn(source.times, span);
  const packets: EncodedPacket[] = [];
  // WebCodecs keeps whole microseconds: the exact media time of each frame is looked up by them.
  const times = new Map<number, number>();
  let description: Uint8Array | null = null;
  let failure: MediaError | null = null;
  let encoded = 0;
  let last = -Infinity;
  let configuring: Promise<void> | null = null;
  const durations = new Map<number, number>();
  const encoder = new VideoEncoder({
    output: (chunk, meta) => {
      const record = meta?.decoderConfig?.description;
      if (record) description = bytesOf(record).slice();
      const data = new Uint8Array(chunk.byteLength);
      chunk.copyTo(data);
      const time = times.get(chunk.timestamp) ?? chunk.timestamp / 1e6;
      packets.push(new EncodedPacket(data, chunk.type, time, (chunk.duration ?? 0) / 1e6));
    },
    error: (error) => (failure ??= fault("encoder", error)),
  });
  const encode = (frame: VideoFrame) => {
    const at = frame.timestamp / 1e6;
    if (at < span.start - EPSILON || at >= span.end - EPSILON || failure) return frame.close();
    if (at <= last) {
      failure = new MediaError("fault", "The video decoder gave its frames out of order");
      return frame.close();
    }
    last = at;
    const first = encoded === 0;
    if (first) {
      // Configured once, from the decoded frame's size, before its first frame is encoded.
      configuring = configFor(frame.displayWidth, frame.displayHeight, settings).then((config) => encoder.configure(config));
    }
    const time = mediaStart + (at - span.start);
    const micro = Math.round(time * 1e6);
    times.set(micro, time);
    const retimed = new VideoFrame(frame, { timestamp: micro, duration: durations.get(frame.timestamp) ?? 0 });
    frame.close();
    encoded++;
    void (configuring as Promise<void>)
      .then(() => encoder.encode(retimed, { keyFrame: first }))
      .catch((error: unknown) => (failure ??= fault("encoder", error)))
      .finally(() => retimed.close());
  };
  const decoder = new VideoDecoder({ output: encode, error: (error) => (failure ??= fault("decoder", error)) });
  try {
    decoder.configure(source.decoderConfig);
    const sink = new EncodedPacketSink(source.video);
    const key = (await sink.getKeyPacket(span.start + EPSILON, { verifyKeyPackets: true })) ?? (await sink.getFirstKeyPacket({ verifyKeyPackets: true }));
    let fed = 0;
    for await (const packet of sink.packets(key ?? undefined)) {
      signal.throwIfAborted();
      if (failure) throw failure;
      if (fed >= wanted) break;
      const before = packet.timestamp < span.start - EPSILON;
      if (before && packet.type !== "key" && source.unreferenced(packet)) continue;
      if (!before && packet.timestamp < span.end - EPSILON) fed++;
      const micro = Math.round(packet.timestamp * 1e6);
      durations.set(micro, Math.round(packet.duration * 1e6));
      decoder.decode(new EncodedVideoChunk({ type: packet.type, timestamp: micro, data: packet.data }));
      await drained(decoder, () => decoder.decodeQueueSize, QUEUE);
      await drained(encoder, () => encoder.encodeQueueSize, QUEUE);
    }
    await decoder.flush();
    signal.throwIfAborted();
    if (configuring) await configuring;
    if (failure) throw failure;
    if (encoded > 0) await encoder.flush();
  } catch (error) {
    // A cancel stays a cancel; anything else the codecs threw is their failure.
    throw signal.aborted || error instanceof MediaError ? error : (failure ?? fault("decoder", error));
  } finally {
    if (decoder.state !== "closed") decoder.close();
    if (encoder.state !== "closed") encoder.close();
  }
  if (failure) throw failure;
  if (encoded !== wanted) throw new MediaError("fault", `The video decoder gave ${encoded} of the ${wanted} frames to re-encode`);
  return { packets, description };
}
