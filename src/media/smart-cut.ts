import {
  EncodedPacket,
  EncodedPacketSink,
  EncodedVideoPacketSource,
  type InputAudioTrack,
  type InputVideoTrack,
  type Output,
} from "mediabunny";
import { unmixed, type OutputSound } from "../core/audio-mix";
import { Lookahead } from "../core/lookahead";
import { frameTimeline, framesIn, type EditEntry, type PacketInfo, type SourcedSpan } from "../core/packet-cut";
import { planJoinSmart, type SmartClip, type SmartPlan } from "../core/smart-cut";
import { configFor, encodeHead, unreferencedFor, type HeadSettings, type HeadSource } from "./head-encoder";
import { splicesFor, type Splice } from "./splice";
import { cutOutput } from "./cut-output";
import { clipChapters } from "../core/mp4-chapters";
import { CONTAINER_FORMATS, hasEditLists, type OutputContainer } from "../core/output-container";
import { MediaError } from "./media-error";
import { MEMORY_LIMIT, tooLargeForMemory, type OutputSink } from "./output-sink";
import {
  configuredFirst,
  copied,
  copiedSoundTracks,
  headerRoom,
  packetCount,
  packetTable,
  type CutSource,
  type CutWork,
  type Lane,
  type SoundTable,
  type Timestamped,
} from "./packet-copy";
import { MixedTrack } from "./mixed-track";

const unsupported = (why: string) => new MediaError("unsupported", why);
/** Heads encoded ahead of the clip being written: bounded, so their packets stay a few MB. */
const HEADS_AHEAD = 2;

/** One file as a smart cut reads it: its splice, packet tables, and where its heads are decoded from and encoded as. */
interface SmartFile {
  video: InputVideoTrack;
  splice: Splice;
  table: { info: PacketInfo[]; bytes: number[] };
  sounds: SoundTable[];
  head: HeadSource;
  settings: HeadSettings;
  /** The video's bytes a second, on average. */
  byteRate: number;
}

/** Every keyframe a copy starts from must be a clean start. */
async function checkCopyStarts(files: readonly SmartFile[], plan: SmartPlan) {
  for (const [index, clip] of plan.clips.entries()) {
    if (!clip.copy) continue;
    const { video, table, splice } = files[clip.source] as SmartFile;
    const packet = await new EncodedPacketSink(video).getPacket((table.info[clip.copy.from] as PacketInfo).pts);
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

/** A file's tables, and its heads' settings: its own bit rate (half again, for quality) and frame rate. */
async function smartFile(video: InputVideoTrack, audio: readonly InputAudioTrack[], splice: Splice): Promise<SmartFile> {
  const table = await packetTable(video);
  const sounds: SoundTable[] = [];
  for (const track of audio) sounds.push({ track, table: (await packetTable(track)).info });
  const videoBytes = table.bytes.reduce((a, b) => a + b, 0);
  const streamLength = table.info.reduce((end, p) => Math.max(end, p.pts + p.duration), 0) || 1;
  const bitrate = Math.max(2e6, Math.round(((videoBytes * 8) / streamLength) * 1.5));
  const settings = { codecs: splice.codecs, bitrate, framerate: table.info.length / streamLength };
  const decoderConfig = await video.getDecoderConfig();
  if (!decoderConfig) throw unsupported("the video's settings could not be read");
  const times = frameTimeline(table.info).times;
  return { video, splice, table, sounds, settings, byteRate: videoBytes / streamLength, head: { video, decoderConfig, times, unreferenced: unreferencedFor(video.codec, decoderConfig) } };
}

/** The first clip whose copied GOPs carry frames past OUT (references the frames before it need); -1 if none. */
const copiedPastOut = (plan: SmartPlan): number => plan.clips.findIndex((c) => c.copy && c.copy.base + c.copy.mediaLength > c.shown.end + 1e-6);

/**
 * The output's sound tracks in `layout`'s order (after the video): kept tracks copied as a
 * lossless cut copies them, mixed ones decoded and encoded as one; answers each clip's lanes and
 * the mixed tracks' edit lists, by track id.
 */
async function soundTracks(output: Output, files: readonly SmartFile[], plan: SmartPlan, layout: readonly OutputSound[]) {
  const sourceOf = (clip: number) => (plan.clips[clip] as SmartClip).source;
  // Each clip's place in the output: the sound sits on the picture's presentation times.
  const outStarts = plan.videoEdits.reduce((starts, e) => [...starts, (starts[starts.length - 1] as number) + e.duration], [0]);
  const parts: ((clip: number) => Lane<Timestamped>[])[] = [];
  const edits = new Map<number, EditEntry[]>();
  for (const [t, sound] of layout.entries()) {
    if (sound.kind === "copy") {
      const one = files.map((f) => f.sounds.slice(sound.position, sound.position + 1));
      parts.push(await copiedSoundTracks(output, one, [plan.audio[sound.position] ?? []], sourceOf));
      continue;
    }
    const members = sound.positions.map((p, m) => ({ tracks: files.map((f) => (f.sounds[p] as SoundTable).track), gain: sound.gains[m] as number }));
    const mixed = await MixedTrack.add(output, members, sound.title, plan.duration);
    edits.set(2 + t, mixed.edits(plan.duration));
    parts.push((clip) => {
      const { source, shown } = plan.clips[clip] as SmartClip;
      return [mixed.lane(clip, source, shown, outStarts[clip] as number, outStarts[clip + 1] as number)];
    });
  }
  return { lanes: (clip: number) => parts.flatMap((part) => part(clip)), edits };
}

/**
 * Smart cut of H.264, VP9 or AV1 into MP4 (or MOV, MKV, WebM: `container`), from each clip's own file (several must be of one
 * format: join-check.ts): whole GOPs copied untouched; only the frames from IN to the next
 * keyframe re-encoded, joined as the codec needs (splice.ts). Every audio track is copied as in a
 * lossless cut, but those `layout` mixes into one (their places among the kept tracks), which are
 * decoded and encoded as one. `names`: the files', for messages.
 */
export async function smartCut(
  sources: readonly CutSource[],
  names: readonly string[],
  clips: readonly SourcedSpan[],
  sink: OutputSink,
  job: CutWork,
  layout: readonly OutputSound[] = unmixed(sources[0]?.audio.length ?? 0),
  container: OutputContainer = "mp4",
): Promise<void> {
  const videos = sources.map((s, i) => {
    if (!s.video) throw unsupported(`${names[i]} has no video to smart cut`);
    return s.video;
  });
  const splices = await splicesFor(videos, names);
  const files: SmartFile[] = [];
  for (const [i, video] of videos.entries()) files.push(await smartFile(video, (sources[i] as CutSource).audio, splices[i] as Splice));
  const tables = files.map((f, i) => ({ video: f.table.info, audio: f.sounds.map((t) => t.table), end: (sources[i] as CutSource).end }));
  const plan = planJoinSmart(tables, clips);
  if ("reason" in plan) {
    throw unsupported(plan.reason === "open-gop" ? `clip ${plan.clip + 1} lies in a stream whose keyframes are not clean starts` : `clip ${plan.clip + 1} holds no frame`);
  }
  await checkCopyStarts(files, plan);
  // Matroska shows every frame it holds: the references past OUT an MP4's edit list hides would show.
  const past = hasEditLists(container) ? -1 : copiedPastOut(plan);
  if (past >= 0) throw unsupported(`${CONTAINER_FORMATS[container].label} has no edit lists to hide the frames past OUT that clip ${past + 1}'s copy needs`);
  // Heads come out larger than what they replace: half again on the source's rate.
  const held = plan.clips.reduce((sum, c) => sum + (files[c.source] as SmartFile).byteRate * (c.shown.end - c.shown.start) * 1.5, 0);
  if (job.inMemory && held > MEMORY_LIMIT) {
    throw tooLargeForMemory();
  }
  const [first] = files as [SmartFile];
  // Everything that can refuse the cut does so before the first byte is written.
  await configFor(first.video.displayWidth, first.video.displayHeight, first.settings);

  const encoded = plan.clips.reduce((sum, c) => sum + (c.encode ? framesIn((files[c.source] as SmartFile).head.times, c.encode) : 0), 0);
  const pictures = encoded + packetCount(plan.clips.flatMap((c) => (c.copy ? [c.copy] : [])));

  const mp4 = cutOutput(sink, container);
  if (job.chapters) mp4.setChapters(clipChapters(job.chapters, plan.videoEdits.map((e) => e.duration)), plan.duration);
  const codec = first.video.codec;
  const videoSource = new EncodedVideoPacketSource(codec === "vp9" || codec === "av1" ? codec : "avc");
  const rates = videos.map((v) => v.timeResolution);
  mp4.output.addVideoTrack(videoSource, {
    // A rate every file's frame times sit on: theirs where they share one, else the muxer's default.
    ...(rates.every((r) => r === rates[0]) ? { frameRate: rates[0] } : {}),
    rotation: first.video.rotation,
    maximumPacketCount: headerRoom(pictures, plan.videoEdits.length + mp4.chapterRoom()),
  });
  const sounds = await soundTracks(mp4.output, files, plan, layout);
  await mp4.output.start();

  const addVideo = configuredFirst((p, meta?: EncodedVideoChunkMetadata) => videoSource.add(p, meta), { decoderConfig: first.splice.decoderConfig });

  // The next clips' heads are encoded while this one is written; they stop when the write does.
  const stop = new AbortController();
  const signal = AbortSignal.any([job.signal, stop.signal]);
  const heads = new Lookahead(plan.clips.length, HEADS_AHEAD, async (index) => {
    const clip = plan.clips[index] as SmartClip;
    const file = files[clip.source] as SmartFile;
    return clip.encode ? file.splice.head(await encodeHead(file.head, clip.encode, clip.mediaStart, file.settings, signal)) : [];
  });
  const lanesFor = async (index: number): Promise<Lane<Timestamped>[]> => {
    const clip = plan.clips[index] as SmartClip;
    const file = files[clip.source] as SmartFile;
    const head = await heads.take(index);
    const copy = clip.copy;
    const rest = copy ? rewritten(copied(file.video, file.table.info, copy.from, copy.to, copy.mediaStart - copy.base), file.splice) : null;
    return [{ packets: chain(head, rest), next: null, add: addVideo }, ...sounds.lanes(index)];
  };
  try {
    await mp4.write(lanesFor, plan.clips.map((c) => c.mediaStart), plan.videoEdits, job, sounds.edits);
  } finally {
    stop.abort();
  }
}
