import {
  EncodedAudioPacketSource,
  EncodedPacket,
  EncodedPacketSink,
  EncodedVideoPacketSource,
  VideoSampleSink,
  type InputAudioTrack,
  type InputVideoTrack,
} from "mediabunny";
import type { Span } from "../core/clips";
import { NAL_IDR, nalType, nalUnits, parseAvcConfig, withLengthSize, withParameterSets, type AvcConfig } from "../core/avc";
import type { PacketInfo } from "../core/packet-cut";
import { planSmartCut, type SmartClip, type SmartPlan } from "../core/smart-cut";
import { configFor, encodeHead } from "./head-encoder";
import { MediaError } from "./media-error";
import { MEMORY_LIMIT, tooLargeForMemory, type OutputSink } from "./output-sink";
import { copied, EditedMp4, packetTable, soundLane, type CutJob, type Lane } from "./packet-copy";

const unsupported = (why: string) => new MediaError("unsupported", why);

async function sourceAvc(video: InputVideoTrack): Promise<{ decoder: VideoDecoderConfig; avc: AvcConfig }> {
  const decoder = await video.getDecoderConfig();
  const description = decoder?.description;
  const bytes = description instanceof Uint8Array ? description : description instanceof ArrayBuffer ? new Uint8Array(description) : null;
  const avc = bytes ? parseAvcConfig(bytes) : null;
  if (!decoder || !avc) throw unsupported("the video's H.264 settings could not be read");
  return { decoder, avc };
}

/** Every keyframe a copy starts from must be an IDR frame: nothing after it may lean on what came before. */
async function checkCopyStarts(video: InputVideoTrack, table: readonly PacketInfo[], plan: SmartPlan, avc: AvcConfig) {
  const sink = new EncodedPacketSink(video);
  for (const [index, clip] of plan.clips.entries()) {
    if (!clip.copy) continue;
    const packet = await sink.getPacket((table[clip.copy.from] as PacketInfo).pts);
    const units = packet ? nalUnits(packet.data, avc.lengthSize) : null;
    if (!units?.some((u) => nalType(u) === NAL_IDR)) throw unsupported(`clip ${index + 1} would start its copy on a keyframe that is not a clean start`);
  }
}

async function* chain(head: EncodedPacket[], rest: AsyncGenerator<EncodedPacket> | null) {
  yield* head;
  if (rest) yield* rest;
}

/** Copied packets with the source's parameter sets in-band on every keyframe. */
async function* withSourceSettings(packets: AsyncGenerator<EncodedPacket>, avc: AvcConfig) {
  for await (const packet of packets) {
    yield packet.type === "key" ? packet.clone({ data: withParameterSets(packet.data, avc.lengthSize, avc, avc.lengthSize) }) : packet;
  }
}

/**
 * Smart cut of H.264 in MP4: whole GOPs copied untouched; only the frames from IN to the next
 * keyframe re-encoded. Both streams' parameter sets travel in-band (an `avc3` sample entry), so
 * players switch settings at every join. Sound is copied as in a lossless cut.
 */
export async function smartCut(
  video: InputVideoTrack,
  audio: InputAudioTrack | null,
  clips: readonly Span[],
  sink: OutputSink,
  job: CutJob,
): Promise<void> {
  if (video.codec !== "avc") throw unsupported("smart cut handles H.264 video only");
  const { decoder, avc } = await sourceAvc(video);
  const table = await packetTable(video);
  const soundTable = audio ? await packetTable(audio) : null;
  const plan = planSmartCut(table.info, soundTable?.info ?? null, clips);
  if ("reason" in plan) {
    throw unsupported(plan.reason === "open-gop" ? `clip ${plan.clip + 1} lies in a stream whose keyframes are not clean starts` : `clip ${plan.clip + 1} holds no frame`);
  }
  await checkCopyStarts(video, table.info, plan, avc);
  const videoBytes = table.bytes.reduce((a, b) => a + b, 0);
  const streamLength = table.info.reduce((end, p) => Math.max(end, p.pts + p.duration), 0) || 1;
  const bitrate = Math.max(2e6, Math.round(((videoBytes * 8) / streamLength) * 1.5));
  if (job.inMemory && (videoBytes / streamLength) * plan.duration * 1.5 > MEMORY_LIMIT) throw tooLargeForMemory();
  const framerate = table.info.length / streamLength;
  // Everything that can refuse the cut does so before the first byte is written.
  await configFor(video.displayWidth, video.displayHeight, bitrate, framerate);

  const mp4 = new EditedMp4(sink);
  const videoSource = new EncodedVideoPacketSource("avc");
  mp4.output.addVideoTrack(videoSource, { frameRate: video.timeResolution, rotation: video.rotation });
  const soundSource = audio && soundTable ? new EncodedAudioPacketSource(audio.codec ?? "aac") : null;
  if (soundSource) mp4.output.addAudioTrack(soundSource);
  await mp4.output.start();

  // `avc3`: parameter sets may change in-band; the sample entry keeps the source's as the first.
  const outputConfig = { ...decoder, codec: `avc3${decoder.codec.slice(4)}` };
  const soundConfig = soundSource ? await audio?.getDecoderConfig() : null;
  let videoFirst = true;
  let soundFirst = true;
  const addVideo = async (packet: EncodedPacket) => {
    await videoSource.add(packet, videoFirst ? { decoderConfig: outputConfig } : undefined);
    videoFirst = false;
  };
  const addSound = async (packet: EncodedPacket) => {
    await soundSource?.add(packet, soundFirst && soundConfig ? { decoderConfig: soundConfig } : undefined);
    soundFirst = false;
  };
  const frames = new VideoSampleSink(video);

  const lanesFor = async (index: number): Promise<Lane[]> => {
    const clip = plan.clips[index] as SmartClip;
    const head = clip.encode ? await encodeHead(frames, clip.encode, clip.mediaStart, { bitrate, framerate }, job.signal) : null;
    // Our encoder's frames carry its parameter sets, in the source's NAL length size.
    const headPackets = (head?.packets ?? []).map((p) =>
      p.clone({
        data:
          p.type === "key" && head
            ? withParameterSets(p.data, head.config.lengthSize, head.config, avc.lengthSize)
            : withLengthSize(p.data, head?.config.lengthSize ?? avc.lengthSize, avc.lengthSize),
      }),
    );
    const copy = clip.copy;
    const rest = copy ? withSourceSettings(copied(video, table.info, copy.from, copy.to, copy.mediaStart - copy.base), avc) : null;
    const lanes: Lane[] = [{ packets: chain(headPackets, rest), next: null, add: addVideo }];
    const sound = plan.audio[index];
    if (sound && audio && soundTable) lanes.push(soundLane(audio, soundTable.info, sound, addSound));
    return lanes;
  };
  await mp4.write(lanesFor, plan.clips.map((c) => c.mediaStart), plan.videoEdits, job);
}
