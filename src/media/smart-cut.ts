import {
  EncodedPacket,
  EncodedPacketSink,
  EncodedVideoPacketSource,
  type InputAudioTrack,
  type InputVideoTrack,
} from "mediabunny";
import type { Span } from "../core/clips";
import type { PacketInfo } from "../core/packet-cut";
import { Lookahead } from "../core/lookahead";
import { frameTimeline, framesIn } from "../core/packet-cut";
import { planSmartCut, type SmartClip, type SmartPlan } from "../core/smart-cut";
import { configFor, encodeHead, unreferencedFor, type HeadSource } from "./head-encoder";
import { spliceFor, type Splice } from "./splice";
import { MediaError } from "./media-error";
import { MEMORY_LIMIT, tooLargeForMemory, type OutputSink } from "./output-sink";
import { configuredFirst, copied, copiedSoundTracks, EditedMp4, headerRoom, packetCount, packetTable, type CutJob, type Lane } from "./packet-copy";

const unsupported = (why: string) => new MediaError("unsupported", why);
/** Heads encoded ahead of the clip being written: bounded, so their packets stay a few MB. */
const HEADS_AHEAD = 2;

/** Every keyframe a copy starts from must be a clean start. */
async function checkCopyStarts(video: InputVideoTrack, table: readonly PacketInfo[], plan: SmartPlan, splice: Splice) {
  const sink = new EncodedPacketSink(video);
  for (const [index, clip] of plan.clips.entries()) {
    if (!clip.copy) continue;
    const packet = await sink.getPacket((table[clip.copy.from] as PacketInfo).pts);
    if (!packet || !splice.cleanStart(packet)) throw unsupported(`clip ${index + 1} would start its copy on a keyframe that is not a clean start`);
  }
}

async function* chain(head: EncodedPacket[], rest: AsyncGenerator<EncodedPacket> | null) {
  yield* head;
  if (rest) yield* rest;
}

async function* rewritten(packets: AsyncGenerator<EncodedPacket>, splice: Splice) {
  for await (const packet of packets) yield splice.copied(packet);
}

/**
 * Smart cut of H.264 or VP9 into MP4: whole GOPs copied untouched; only the frames from IN to the
 * next keyframe re-encoded, joined as the codec needs (splice.ts). Every audio track is copied as
 * in a lossless cut.
 */
export async function smartCut(
  video: InputVideoTrack,
  audio: readonly InputAudioTrack[],
  clips: readonly Span[],
  sink: OutputSink,
  job: CutJob,
): Promise<void> {
  const splice = await spliceFor(video);
  const table = await packetTable(video);
  const sounds = [];
  for (const track of audio) sounds.push({ track, table: (await packetTable(track)).info });
  const plan = planSmartCut(table.info, sounds.map((s) => s.table), clips, job.sourceEnd);
  if ("reason" in plan) {
    throw unsupported(plan.reason === "open-gop" ? `clip ${plan.clip + 1} lies in a stream whose keyframes are not clean starts` : `clip ${plan.clip + 1} holds no frame`);
  }
  await checkCopyStarts(video, table.info, plan, splice);
  const videoBytes = table.bytes.reduce((a, b) => a + b, 0);
  const streamLength = table.info.reduce((end, p) => Math.max(end, p.pts + p.duration), 0) || 1;
  const bitrate = Math.max(2e6, Math.round(((videoBytes * 8) / streamLength) * 1.5));
  if (job.inMemory && (videoBytes / streamLength) * plan.duration * 1.5 > MEMORY_LIMIT) throw tooLargeForMemory();
  const framerate = table.info.length / streamLength;
  // Everything that can refuse the cut does so before the first byte is written.
  const settings = { codecs: splice.codecs, bitrate, framerate };
  await configFor(video.displayWidth, video.displayHeight, settings);

  const times = frameTimeline(table.info).times;
  const encoded = plan.clips.reduce((sum, c) => sum + (c.encode ? framesIn(times, c.encode) : 0), 0);
  const pictures = encoded + packetCount(plan.clips.flatMap((c) => (c.copy ? [c.copy] : [])));

  const mp4 = new EditedMp4(sink);
  const videoSource = new EncodedVideoPacketSource(video.codec === "vp9" || video.codec === "av1" ? video.codec : "avc");
  mp4.output.addVideoTrack(videoSource, {
    frameRate: video.timeResolution,
    rotation: video.rotation,
    maximumPacketCount: headerRoom(pictures, plan.videoEdits.length),
  });
  const soundLanes = await copiedSoundTracks(mp4.output, sounds, plan.audio);
  await mp4.output.start();

  const addVideo = configuredFirst((p, meta?: EncodedVideoChunkMetadata) => videoSource.add(p, meta), { decoderConfig: splice.decoderConfig });
  const decoderConfig = await video.getDecoderConfig();
  if (!decoderConfig) throw unsupported("the video's settings could not be read");
  const source: HeadSource = { video, decoderConfig, times, unreferenced: unreferencedFor(video.codec, decoderConfig) };

  // The next clips' heads are encoded while this one is written; they stop when the write does.
  const stop = new AbortController();
  const signal = AbortSignal.any([job.signal, stop.signal]);
  const heads = new Lookahead(plan.clips.length, HEADS_AHEAD, async (index) => {
    const encode = (plan.clips[index] as SmartClip).encode;
    return encode ? splice.head(await encodeHead(source, encode, (plan.clips[index] as SmartClip).mediaStart, settings, signal)) : [];
  });
  const lanesFor = async (index: number): Promise<Lane[]> => {
    const clip = plan.clips[index] as SmartClip;
    const head = await heads.take(index);
    const copy = clip.copy;
    const rest = copy ? rewritten(copied(video, table.info, copy.from, copy.to, copy.mediaStart - copy.base), splice) : null;
    return [{ packets: chain(head, rest), next: null, add: addVideo }, ...soundLanes(index)];
  };
  try {
    await mp4.write(lanesFor, plan.clips.map((c) => c.mediaStart), plan.videoEdits, job);
  } finally {
    stop.abort();
  }
}
