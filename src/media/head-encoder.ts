import { EncodedPacket, type VideoSampleSink } from "mediabunny";
import type { Span } from "../core/clips";
import { webCodecName } from "../core/format-names";
import { MediaError } from "./media-error";

const EPSILON = 1e-6;

/** What a head is encoded as: codec strings tried in turn, at a bit rate and frame rate. */
export interface HeadSettings {
  codecs: readonly string[];
  bitrate: number;
  framerate: number;
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

const bytesOf = (source: AllowSharedBufferSource): Uint8Array =>
  source instanceof ArrayBuffer || source instanceof SharedArrayBuffer
    ? new Uint8Array(source)
    : new Uint8Array(source.buffer, source.byteOffset, source.byteLength);

/**
 * Decodes the source frames in `span` (presentation times) and encodes them with WebCodecs,
 * starting on a keyframe; the packets are placed from `mediaStart` on in the output's media time.
 */
export async function encodeHead(
  frames: VideoSampleSink,
  span: Span,
  mediaStart: number,
  settings: HeadSettings,
  signal: AbortSignal,
): Promise<EncodedHead> {
  const packets: EncodedPacket[] = [];
  // WebCodecs keeps whole microseconds: the exact media time of each frame is looked up by them.
  const times = new Map<number, number>();
  let description: Uint8Array | null = null;
  let failure: unknown = null;
  const encoder = new VideoEncoder({
    output: (chunk, meta) => {
      const record = meta?.decoderConfig?.description;
      if (record) description = bytesOf(record).slice();
      const data = new Uint8Array(chunk.byteLength);
      chunk.copyTo(data);
      const time = times.get(chunk.timestamp) ?? chunk.timestamp / 1e6;
      packets.push(new EncodedPacket(data, chunk.type, time, (chunk.duration ?? 0) / 1e6));
    },
    error: (error) => (failure = error),
  });
  try {
    let first = true;
    for await (const sample of frames.samples(span.start, span.end)) {
      try {
        signal.throwIfAborted();
        if (sample.timestamp < span.start - EPSILON || sample.timestamp >= span.end - EPSILON) continue;
        const source = sample.toVideoFrame();
        if (first) {
          encoder.configure(await configFor(source.displayWidth, source.displayHeight, settings));
        }
        const time = mediaStart + (sample.timestamp - span.start);
        const micro = Math.round(time * 1e6);
        times.set(micro, time);
        const frame = new VideoFrame(source, { timestamp: micro, duration: Math.round(sample.duration * 1e6) });
        source.close();
        encoder.encode(frame, { keyFrame: first });
        frame.close();
        first = false;
        while (encoder.encodeQueueSize > 4) await new Promise((resolve) => encoder.addEventListener("dequeue", resolve, { once: true }));
      } finally {
        sample.close();
      }
    }
    if (!first) await encoder.flush();
  } finally {
    if (encoder.state !== "closed") encoder.close();
  }
  if (failure) throw new MediaError("fault", `The video encoder failed (${failure instanceof Error ? failure.message : String(failure)})`);
  return { packets, description };
}
