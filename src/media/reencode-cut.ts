import {
  AudioSampleSource,
  Quality,
  VideoSampleSource,
  canEncodeVideo,
  type AudioSample,
  type InputAudioTrack,
  type InputVideoTrack,
  type VideoSample,
} from "mediabunny";
import { unmixed, type OutputSound } from "../core/audio-mix";
import type { SourcedSpan } from "../core/packet-cut";
import { MediaError } from "./media-error";
import type { OutputSink } from "./output-sink";
import type { EditEntry } from "../core/packet-cut";
import { headerRoom, trackNames, type CutSource, type CutWork } from "./packet-copy";
import { cutOutput } from "./cut-output";
import { clipChapters } from "../core/mp4-chapters";
import type { OutputContainer } from "../core/output-container";
import { clipSound, decodedFormat, silentSound, type AudioFormat } from "./reencode-audio";
import { clipFrames, planVideo, type Timed } from "./reencode-video";
import { resampledSound } from "./resampled-sound";
import { aacEncoder, AUDIO_BITRATE } from "./aac-encoder";
import { MixedTrack } from "./mixed-track";

const PROGRESS_INTERVAL_MS = 100;

/** The next sample of one output track, and how to hand it to that track's encoder. */
interface Pending {
  time: number;
  clip: number;
  sample: { close(): void };
  write: () => Promise<void>;
}

/** One output track: its samples in time order, pulled one at a time. */
interface Lane {
  head: Pending | null;
  pull: () => Promise<Pending | null>;
  stop: () => Promise<unknown>;
}

function lane<S extends VideoSample | AudioSample>(items: AsyncGenerator<Timed<S>>, add: (sample: S) => Promise<void>): Lane {
  return {
    head: null,
    pull: async () => {
      const next = await items.next();
      if (next.done) return null;
      const { sample } = next.value;
      return { ...next.value, write: () => add(sample) };
    },
    stop: () => items.return(undefined),
  };
}

/** A file's audio track `t` as a join takes it: the track and the rate and channels it decodes to. */
interface JoinedTrack {
  track: InputAudioTrack;
  format: AudioFormat;
}

/**
 * Each clip's sound of one output track: the clip's file's track `t` (resampled where its rate or
 * channels are not the output's), or silence where that file has none.
 */
async function* joinedSound(
  tracks: readonly (JoinedTrack | null)[],
  clips: readonly SourcedSpan[],
  outStarts: readonly number[],
  format: AudioFormat,
  shift: number,
): AsyncGenerator<Timed<AudioSample>> {
  for (const [clip, interval] of clips.entries()) {
    const [start, end] = [outStarts[clip] as number, outStarts[clip + 1] as number];
    const from = tracks[interval.source];
    if (!from) yield* silentSound(format, start, end, shift, clip);
    else if (from.format.sampleRate !== format.sampleRate || from.format.numberOfChannels !== format.numberOfChannels) {
      yield* resampledSound(from.track, from.format, interval, start, end, format, shift, clip);
    } else for await (const item of clipSound(from.track, [interval], [start, end], format, shift)) yield { ...item, clip };
  }
}

/**
 * Re-encodes `clips` (in list order, may overlap or go back in time; each of its own file) into one
 * MP4 written to `sink`, in the first file's format: its picture size and frame rate (other files'
 * pictures fitted in, reencode-video.ts) and its audio tracks, each taking track t of every clip's
 * file, silence where a file has none; the tracks `layout` mixes (their places among the first
 * file's) as one, into one file of `container`. Matroska has no edit lists: there the encoder's
 * priming sits before 0, where players start the sound as an MP4's edit list would. `names`:
 * the files', for messages.
 */
export async function reencodeCut(
  sources: readonly CutSource[],
  names: readonly string[],
  clips: readonly SourcedSpan[],
  sink: OutputSink,
  job: CutWork,
  layout: readonly OutputSound[] = unmixed(sources[0]?.audio.length ?? 0),
  container: OutputContainer = "mp4",
): Promise<void> {
  const [first] = sources as [CutSource];
  const video = first.video;
  const videos = sources.map((s) => s.video);
  for (const [i, s] of sources.entries()) {
    const file = sources.length > 1 ? ` of ${names[i]}` : "";
    if (s.video && !(await s.video.canDecode())) throw new MediaError("unsupported", `This browser cannot decode the video${file}`);
    for (const [t, track] of s.audio.entries()) {
      if (!(await track.canDecode())) throw new MediaError("unsupported", `This browser cannot decode audio track ${t + 1}${file}`);
    }
  }
  if (!video && first.audio.length === 0) throw new MediaError("unsupported", "The file has no video or audio to cut");
  if (video && videos.some((v) => !v)) throw new MediaError("unsupported", "A file without video cannot be joined to the others by re-encoding");

  // Frame-snapped intervals for a video; an audio-only source is cut at the clip times themselves.
  const plan = video ? await planVideo(videos as InputVideoTrack[], sources.map((s) => s.end), clips, job.signal) : null;
  const intervals = plan?.clips ?? clips.map((c) => ({ ...c, end: Math.max(c.start, c.end) }));
  const outStarts = plan?.outStarts ?? [0];
  if (!plan) for (const s of intervals) outStarts.push((outStarts[outStarts.length - 1] as number) + s.end - s.start);
  const total = outStarts[outStarts.length - 1] as number;

  const mp4 = cutOutput(sink, container);
  if (job.chapters) mp4.setChapters(clipChapters(job.chapters, intervals.map((_, i) => (outStarts[i + 1] as number) - (outStarts[i] as number))), total);
  const output = mp4.output;
  const lanes: Lane[] = [];
  if (video && plan) {
    const { width, height } = plan.size;
    const quality = new Quality("high");
    if (!(await canEncodeVideo("avc", { width, height, quality }))) throw new MediaError("unsupported", `This browser cannot encode H.264 at ${width}×${height}`);
    const source = new VideoSampleSource({ codec: "avc", quality, keyFrameInterval: 2 });
    // A constant rate becomes the track's timescale, so every frame time is exact.
    output.addVideoTrack(source, {
      frameRate: plan.step ? 1 / plan.step : undefined,
      rotation: await video.getRotation(),
      maximumPacketCount: headerRoom(plan.frames, mp4.chapterRoom()),
    });
    lanes.push(lane(clipFrames(videos as InputVideoTrack[], plan), (s) => source.add(s)));
  }
  // Every kept audio track of the first file encoded, in its order, with its name, or mixed as `layout` says; each one's priming trimmed by its own edit list.
  const soundEdits = new Map<number, EditEntry[]>();
  for (const sound of layout) {
    if (sound.kind === "mix") {
      const members = sound.positions.map((p, m) => ({ tracks: sources.map((s) => s.audio[p]), gain: sound.gains[m] as number }));
      const mixed = await MixedTrack.add(output, members, sound.title, total);
      soundEdits.set(lanes.length + 1, mixed.edits(total));
      lanes.push(lane(mixed.clips(intervals, outStarts), mixed.encode));
      continue;
    }
    const t = sound.position;
    const track = first.audio[t] as InputAudioTrack;
    const format = await decodedFormat(track);
    if (!format) continue;
    const aac = await aacEncoder(format);
    if (!aac) throw new MediaError("unsupported", `This browser cannot encode AAC at ${format.sampleRate} Hz`);
    const source = new AudioSampleSource({ codec: "aac", quality: new Quality({ bitrate: AUDIO_BITRATE }) });
    // One AAC packet a 1024 samples; a second more covers any encoder's priming and padding.
    // The muxer numbers tracks as they are added, one lane each.
    const id = lanes.length + 1;
    output.addAudioTrack(source, {
      ...(await trackNames(track)),
      // Sound alone: its first track keeps the chapters' room.
      maximumPacketCount: headerRoom(Math.ceil(((total + 1) * format.sampleRate) / 1024), 1 + (id === 1 ? mp4.chapterRoom() : 0)),
    });
    const tracks: (JoinedTrack | null)[] = [];
    for (const s of sources) {
      const other = s.audio[t];
      const own = other && (other === track ? format : await decodedFormat(other));
      tracks.push(other && own ? { track: other, format: own } : null);
    }
    lanes.push(lane(joinedSound(tracks, intervals, outStarts, format, -aac.priming / format.sampleRate), (s) => source.add(s)));
    // The encoder pads its last AAC frame: the sound's edit list ends it with the picture.
    soundEdits.set(id, [{ mediaTime: aac.priming / format.sampleRate, duration: total }]);
  }

  let lastReport = -Infinity;
  try {
    if (job.signal.aborted) throw job.signal.reason;
    await output.start();
    for (const l of lanes) l.head = await l.pull();
    for (;;) {
      // The lane furthest behind goes next, so neither track runs ahead of the other.
      const next = lanes.reduce<Lane | null>((best, l) => (l.head && (!best?.head || l.head.time < best.head.time) ? l : best), null);
      const item = next?.head;
      if (!next || !item) break;
      next.head = null;
      try {
        if (job.signal.aborted) throw job.signal.reason;
        await item.write();
      } finally {
        item.sample.close();
      }
      if (performance.now() - lastReport >= PROGRESS_INTERVAL_MS) {
        lastReport = performance.now();
        job.onProgress(total > 0 ? Math.min(1, Math.max(0, item.time / total)) : 0, item.clip);
      }
      next.head = await next.pull();
    }
    if (job.signal.aborted) throw job.signal.reason;
    await mp4.finish(soundEdits);
    job.onProgress(1, Math.max(0, clips.length - 1));
  } catch (error) {
    for (const l of lanes) {
      l.head?.sample.close();
      await l.stop().catch(() => undefined);
    }
    if (output.state !== "canceled" && output.state !== "finalized") await output.cancel().catch(() => undefined);
    throw job.signal.aborted ? job.signal.reason : error;
  }
}
