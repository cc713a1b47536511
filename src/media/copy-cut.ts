import { EncodedAudioPacketSource, EncodedVideoPacketSource, type EncodedPacket, type InputAudioTrack, type InputTrack } from "mediabunny";
import { CONTAINER_FORMATS, type OutputContainer } from "../core/output-container";
import { planJoinCopy, type CopiedClip, type CopyPlan, type PacketInfo, type SourcedSpan } from "../core/packet-cut";
import { formatSeconds } from "../core/timecode";
import { cutOutput } from "./cut-output";
import { clipChapters } from "../core/mp4-chapters";
import { joinedVideo } from "./joined-video";
import { MediaError } from "./media-error";
import { MEMORY_LIMIT, tooLargeForMemory, type OutputSink } from "./output-sink";
import {
  configuredFirst,
  copied,
  copiedSoundTracks,
  headerRoom,
  packetCount,
  packetTable,
  trackNames,
  type CutSource,
  type CutWork,
  type Lane,
  type SoundTable,
} from "./packet-copy";

/** A rate every file's frame times sit on: the files' own where they share one, else the muxer's default. */
const sharedRate = (rates: readonly number[]): number | undefined => (rates.every((r) => r === rates[0]) ? rates[0] : undefined);

/** A file's tracks with their packets' timing and sizes. */
interface Tables {
  track: InputTrack;
  table: { info: PacketInfo[]; bytes: number[] };
  sounds: (SoundTable & { bytes: number[] })[];
}

async function* rewritten(packets: AsyncGenerator<EncodedPacket>, rewrite: (p: EncodedPacket) => EncodedPacket) {
  for await (const packet of packets) yield rewrite(packet);
}

/** What the page says of clips a Matroska copy ends before OUT; empty when none is. */
function shortenedNote(plan: CopyPlan, container: OutputContainer): string {
  if (plan.shortened.length === 0) return "";
  const which = plan.shortened.map((s) => `clip ${s.clip + 1} by ${formatSeconds(s.by)} s`).join(", ");
  return `${CONTAINER_FORMATS[container].label} has no edit lists to hide the frames past OUT a copy needs, so these clips end early: ${which}`;
}

/**
 * Lossless cut: every packet copied, never decoded, from each clip's own file into one file of
 * `container`. Each clip starts at the keyframe at or before its first frame and shows exactly
 * up to OUT (MP4 and MOV: the video's edit list hides the references past it; Matroska has none,
 * so a clip whose frames before OUT need some past it ends on the last frame that needs none,
 * and the answer says which); every audio track is placed to within half of its own packet of
 * the picture at every join. Several files must be of one format (join-check.ts); the output
 * takes the first one's tracks. `names`: the files', for messages.
 */
export async function copyCut(sources: readonly CutSource[], names: readonly string[], clips: readonly SourcedSpan[], sink: OutputSink, job: CutWork, container: OutputContainer = "mp4"): Promise<string> {
  const first = sources[0];
  // An audio-only source is cut on its first track's packets, as a video is on its frames.
  const main = first?.video ?? first?.audio[0];
  if (!first || !main) throw new MediaError("unsupported", "The file has no video or audio to cut");
  const files: Tables[] = [];
  for (const source of sources) {
    const track = source.video ?? source.audio[0];
    if (!track || track.type !== main.type) throw new MediaError("unsupported", `${names[files.length]} has no ${main.type} to join`);
    const sounds = [];
    for (const sound of source.video ? source.audio : source.audio.slice(1)) {
      const { info, bytes } = await packetTable(sound);
      sounds.push({ track: sound, table: info, bytes });
    }
    files.push({ track, table: await packetTable(track), sounds });
  }
  const tables = files.map((f, s) => ({ video: f.table.info, audio: f.sounds.map((t) => t.table), end: (sources[s] as CutSource).end }));
  const mp4 = cutOutput(sink, container);
  const plan = planJoinCopy(tables, clips, mp4.editLists);
  if ("missing" in plan) throw new MediaError("unsupported", `Clip ${plan.missing + 1} has no keyframe before it to start a copy from`);
  if ("leading" in plan) {
    const label = CONTAINER_FORMATS[container].label;
    throw new MediaError("unsupported", `Clip ${plan.leading + 1} starts on a keyframe with frames before it that ${label} cannot hide`);
  }
  const fileOf = (clip: number) => files[plan.sources[clip] as number] as Tables;

  const size = (bytes: readonly number[], p: { from: number; to: number }) => bytes.slice(p.from, p.to).reduce((a, b) => a + b, 0);
  const soundBytes = (clip: number) => fileOf(clip).sounds.reduce((sum, s, t) => sum + size(s.bytes, plan.audio[t]?.[clip] ?? { from: 0, to: 0 }), 0);
  const estimate = plan.video.reduce((sum, c, i) => sum + size(fileOf(i).table.bytes, c) + soundBytes(i), 0);
  if (job.inMemory && estimate > MEMORY_LIMIT) throw tooLargeForMemory();

  const output = mp4.output;
  if (job.chapters) mp4.setChapters(clipChapters(job.chapters, plan.videoEdits.map((e) => e.duration)), plan.duration);
  const mainRoom = headerRoom(packetCount(plan.video), plan.videoEdits.length + mp4.chapterRoom());
  const videos = sources.flatMap((s) => (s.video ? [s.video] : []));
  const joined = first.video ? await joinedVideo(videos, names) : null;
  let addMain: Lane["add"];
  if (first.video && joined) {
    const source = new EncodedVideoPacketSource(first.video.codec ?? "avc");
    const frameRate = sharedRate(videos.map((v) => v.timeResolution));
    output.addVideoTrack(source, { ...(frameRate ? { frameRate } : {}), rotation: first.video.rotation, maximumPacketCount: mainRoom });
    addMain = configuredFirst((p, meta?: EncodedVideoChunkMetadata) => source.add(p, meta), { decoderConfig: joined.decoderConfig });
  } else {
    const sound = first.audio[0] as InputAudioTrack;
    const source = new EncodedAudioPacketSource(sound.codec ?? "aac");
    output.addAudioTrack(source, { ...(await trackNames(sound)), maximumPacketCount: mainRoom });
    const config = await sound.getDecoderConfig();
    addMain = configuredFirst((p, meta?: EncodedAudioChunkMetadata) => source.add(p, meta), config && { decoderConfig: config as AudioDecoderConfig });
  }
  const soundLanes = await copiedSoundTracks(
    output,
    files.map((f) => f.sounds),
    plan.audio,
    (clip) => plan.sources[clip] as number,
  );
  await output.start();

  const lanesFor = async (index: number): Promise<Lane[]> => {
    const clip = plan.video[index] as CopiedClip;
    const file = fileOf(index);
    const packets = copied(file.track, file.table.info, clip.from, clip.to, clip.mediaStart - clip.base);
    const rewrite = joined?.rewrite[plan.sources[index] as number];
    return [{ packets: rewrite ? rewritten(packets, rewrite) : packets, next: null, add: addMain }, ...soundLanes(index)];
  };
  // The sound tracks follow the main one (track 1), in order.
  const soundEdits = new Map(plan.audioEdits.flatMap((edits, t) => (edits.length > 0 ? [[2 + t, edits] as const] : [])));
  await mp4.write(lanesFor, plan.video.map((c) => c.mediaStart), plan.videoEdits, job, soundEdits);
  return shortenedNote(plan, container);
}
