import { EncodedAudioPacketSource, EncodedVideoPacketSource, type InputAudioTrack, type InputVideoTrack } from "mediabunny";
import type { Span } from "../core/clips";
import { planCopyCut, type CopiedClip } from "../core/packet-cut";
import { MediaError } from "./media-error";
import { MEMORY_LIMIT, tooLargeForMemory, type OutputSink } from "./output-sink";
import { configuredFirst, copied, EditedMp4, headerRoom, packetCount, packetTable, soundLane, type CutJob, type Lane } from "./packet-copy";

/**
 * Lossless cut: every packet copied, never decoded. Each clip starts at the keyframe at or before
 * its first frame and shows exactly up to OUT (the video's edit list hides the references past
 * it); sound is placed to within half an audio packet of the picture at every join.
 */
export async function copyCut(
  video: InputVideoTrack | null,
  audio: InputAudioTrack | null,
  clips: readonly Span[],
  sink: OutputSink,
  job: CutJob,
): Promise<void> {
  // An audio-only source is cut on its own packets, as a video is on its frames.
  const main = video ?? audio;
  if (!main) throw new MediaError("unsupported", "The file has no video or audio to cut");
  const mainTable = await packetTable(main);
  const soundTable = video && audio ? await packetTable(audio) : null;
  const plan = planCopyCut(mainTable.info, soundTable ? [soundTable.info] : [], clips);
  if ("missing" in plan) throw new MediaError("unsupported", `Clip ${plan.missing + 1} has no keyframe before it to start a copy from`);

  const size = (table: { bytes: number[] }, parts: { from: number; to: number }[]) =>
    parts.reduce((sum, p) => sum + table.bytes.slice(p.from, p.to).reduce((a, b) => a + b, 0), 0);
  const estimate = size(mainTable, plan.video) + (soundTable ? size(soundTable, plan.audio[0] ?? []) : 0);
  if (job.inMemory && estimate > MEMORY_LIMIT) throw tooLargeForMemory();

  const mp4 = new EditedMp4(sink);
  const output = mp4.output;
  const mainRoom = headerRoom(packetCount(plan.video), plan.videoEdits.length);
  const mainSource = video ? new EncodedVideoPacketSource(video.codec ?? "avc") : new EncodedAudioPacketSource(audio?.codec ?? "aac");
  if (mainSource instanceof EncodedVideoPacketSource && video) {
    output.addVideoTrack(mainSource, { frameRate: video.timeResolution, rotation: video.rotation, maximumPacketCount: mainRoom });
  } else if (mainSource instanceof EncodedAudioPacketSource) {
    output.addAudioTrack(mainSource, { maximumPacketCount: mainRoom });
  }
  const soundSource = soundTable && audio ? new EncodedAudioPacketSource(audio.codec ?? "aac") : null;
  if (soundSource) output.addAudioTrack(soundSource, { maximumPacketCount: headerRoom(packetCount(plan.audio[0] ?? [])) });
  await output.start();

  const mainConfig = await main.getDecoderConfig();
  const addMain =
    mainSource instanceof EncodedVideoPacketSource
      ? configuredFirst((p, meta?: EncodedVideoChunkMetadata) => mainSource.add(p, meta), mainConfig && { decoderConfig: mainConfig as VideoDecoderConfig })
      : configuredFirst((p, meta?: EncodedAudioChunkMetadata) => mainSource.add(p, meta), mainConfig && { decoderConfig: mainConfig as AudioDecoderConfig });
  const soundConfig = soundSource ? await audio?.getDecoderConfig() : null;
  const addSound = configuredFirst((p, meta?: EncodedAudioChunkMetadata) => soundSource?.add(p, meta) ?? Promise.resolve(), soundConfig ? { decoderConfig: soundConfig } : null);

  const lanesFor = async (index: number): Promise<Lane[]> => {
    const clip = plan.video[index] as CopiedClip;
    const lanes: Lane[] = [{ packets: copied(main, mainTable.info, clip.from, clip.to, clip.mediaStart - clip.base), next: null, add: addMain }];
    const sound = plan.audio[0]?.[index];
    if (sound && audio && soundTable) lanes.push(soundLane(audio, soundTable.info, sound, addSound));
    return lanes;
  };
  await mp4.write(lanesFor, plan.video.map((c) => c.mediaStart), plan.videoEdits, job);
}
