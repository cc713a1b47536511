import { EncodedAudioPacketSource, EncodedVideoPacketSource } from "mediabunny";
import type { Span } from "../core/clips";
import { planCopyCut, type CopiedClip } from "../core/packet-cut";
import { MediaError } from "./media-error";
import { MEMORY_LIMIT, tooLargeForMemory, type OutputSink } from "./output-sink";
import { configuredFirst, copied, copiedSoundTracks, EditedMp4, headerRoom, packetCount, packetTable, trackNames, type CutJob, type CutTracks, type Lane } from "./packet-copy";

/**
 * Lossless cut: every packet copied, never decoded. Each clip starts at the keyframe at or before
 * its first frame and shows exactly up to OUT (the video's edit list hides the references past
 * it); every audio track is placed to within half of its own packet of the picture at every join.
 */
export async function copyCut({ video, audio }: CutTracks, clips: readonly Span[], sink: OutputSink, job: CutJob): Promise<void> {
  // An audio-only source is cut on its first track's packets, as a video is on its frames.
  const main = video ?? audio[0];
  if (!main) throw new MediaError("unsupported", "The file has no video or audio to cut");
  const mainTable = await packetTable(main);
  const sounds = [];
  for (const track of video ? audio : audio.slice(1)) sounds.push({ track, ...(await packetTable(track)) });
  const plan = planCopyCut(mainTable.info, sounds.map((s) => s.info), clips, job.sourceEnd);
  if ("missing" in plan) throw new MediaError("unsupported", `Clip ${plan.missing + 1} has no keyframe before it to start a copy from`);

  const size = (bytes: readonly number[], parts: readonly { from: number; to: number }[]) =>
    parts.reduce((sum, p) => sum + bytes.slice(p.from, p.to).reduce((a, b) => a + b, 0), 0);
  const estimate = size(mainTable.bytes, plan.video) + sounds.reduce((sum, s, t) => sum + size(s.bytes, plan.audio[t] ?? []), 0);
  if (job.inMemory && estimate > MEMORY_LIMIT) throw tooLargeForMemory();

  const mp4 = new EditedMp4(sink);
  const output = mp4.output;
  const mainRoom = headerRoom(packetCount(plan.video), plan.videoEdits.length);
  const mainSource = video ? new EncodedVideoPacketSource(video.codec ?? "avc") : new EncodedAudioPacketSource(audio[0]?.codec ?? "aac");
  if (mainSource instanceof EncodedVideoPacketSource && video) {
    output.addVideoTrack(mainSource, { frameRate: video.timeResolution, rotation: video.rotation, maximumPacketCount: mainRoom });
  } else if (mainSource instanceof EncodedAudioPacketSource) {
    output.addAudioTrack(mainSource, { ...(await trackNames(main)), maximumPacketCount: mainRoom });
  }
  const soundLanes = await copiedSoundTracks(output, sounds.map((s) => ({ track: s.track, table: s.info })), plan.audio);
  await output.start();

  const mainConfig = await main.getDecoderConfig();
  const addMain =
    mainSource instanceof EncodedVideoPacketSource
      ? configuredFirst((p, meta?: EncodedVideoChunkMetadata) => mainSource.add(p, meta), mainConfig && { decoderConfig: mainConfig as VideoDecoderConfig })
      : configuredFirst((p, meta?: EncodedAudioChunkMetadata) => mainSource.add(p, meta), mainConfig && { decoderConfig: mainConfig as AudioDecoderConfig });

  const lanesFor = async (index: number): Promise<Lane[]> => {
    const clip = plan.video[index] as CopiedClip;
    return [{ packets: copied(main, mainTable.info, clip.from, clip.to, clip.mediaStart - clip.base), next: null, add: addMain }, ...soundLanes(index)];
  };
  await mp4.write(lanesFor, plan.video.map((c) => c.mediaStart), plan.videoEdits, job);
}
