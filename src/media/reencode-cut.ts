import {
  AudioSampleSource,
  Quality,
  VideoSampleSource,
  canEncodeAudio,
  canEncodeVideo,
  type AudioSample,
  type VideoSample,
} from "mediabunny";
import { registerAacEncoder } from "@mediabunny/aac-encoder";
import type { Span } from "../core/clips";
import { framesIn } from "../core/packet-cut";
import { MediaError } from "./media-error";
import type { OutputSink } from "./output-sink";
import type { EditEntry } from "../core/packet-cut";
import { headerRoom, trackNames, type CutJob, type CutTracks } from "./packet-copy";
import { cutOutput } from "./cut-output";
import { clipChapters } from "../core/mp4-chapters";
import type { OutputContainer } from "../core/output-container";
import { clipSound, decodedFormat } from "./reencode-audio";
import { clipFrames, planVideo, type Timed } from "./reencode-video";

const AUDIO_BITRATE = 160_000;
// libavcodec's AAC encoder (the one registered where the browser has none) starts with this many
// samples of priming; placed before 0, the MP4 edit list trims them and sound lines up with picture.
const FFMPEG_AAC_PRIMING = 1024;
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

// Set once the bundled encoder is registered: from then on Mediabunny uses it for every AAC track.
let bundledAac = false;

/** Whether AAC can be written; registers the bundled encoder when the browser has none (Linux Chromium). */
async function aacEncoder(format: { sampleRate: number; numberOfChannels: number }): Promise<{ priming: number } | null> {
  const options = { ...format, quality: new Quality({ bitrate: AUDIO_BITRATE }) };
  if (!bundledAac && !(await canEncodeAudio("aac", options))) {
    registerAacEncoder();
    bundledAac = true;
  }
  if (!(await canEncodeAudio("aac", options))) return null;
  return { priming: bundledAac ? FFMPEG_AAC_PRIMING : 0 };
}

/**
 * Re-encodes `clips` (in list order, may overlap or go back in time) of the video and these audio
 * tracks into one file of `container` written to `sink`. Matroska has no edit lists: there the
 * encoder's priming sits before 0, where players start the sound as an MP4's edit list would.
 */
export async function reencodeCut({ video, audio }: CutTracks, clips: readonly Span[], sink: OutputSink, job: CutJob, container: OutputContainer = "mp4"): Promise<void> {
  if (video && !(await video.canDecode())) throw new MediaError("unsupported", "This browser cannot decode the video");
  for (const [t, track] of audio.entries()) {
    if (!(await track.canDecode())) throw new MediaError("unsupported", `This browser cannot decode audio track ${t + 1}`);
  }
  if (!video && audio.length === 0) throw new MediaError("unsupported", "The file has no video or audio to cut");

  // Frame-snapped intervals for a video; an audio-only source is cut at the clip times themselves.
  const plan = video ? await planVideo(video, clips, job) : null;
  const intervals = plan?.intervals ?? clips.map((c) => ({ start: c.start, end: Math.max(c.start, c.end) }));
  const outStarts = plan?.outStarts ?? [0];
  if (!plan) for (const s of intervals) outStarts.push((outStarts[outStarts.length - 1] as number) + s.end - s.start);
  const total = outStarts[outStarts.length - 1] as number;

  const mp4 = cutOutput(sink, container);
  if (job.chapters) mp4.setChapters(clipChapters(job.chapters, intervals.map((_, i) => (outStarts[i + 1] as number) - (outStarts[i] as number))), total);
  const output = mp4.output;
  const lanes: Lane[] = [];
  if (video && plan) {
    const width = await video.getCodedWidth();
    const height = await video.getCodedHeight();
    const quality = new Quality("high");
    if (!(await canEncodeVideo("avc", { width, height, quality }))) throw new MediaError("unsupported", `This browser cannot encode H.264 at ${width}×${height}`);
    const source = new VideoSampleSource({ codec: "avc", quality, keyFrameInterval: 2 });
    // A constant rate becomes the track's timescale, so every frame time is exact.
    output.addVideoTrack(source, {
      frameRate: plan.step ? 1 / plan.step : undefined,
      rotation: await video.getRotation(),
      maximumPacketCount: headerRoom(plan.intervals.reduce((sum, interval) => sum + framesIn(plan.times, interval), 0), mp4.chapterRoom()),
    });
    lanes.push(lane(clipFrames(video, plan), (s) => source.add(s)));
  }
  // Every audio track encoded, in source order, with its name; each one's priming trimmed by its own edit list.
  const soundEdits = new Map<number, EditEntry[]>();
  for (const track of audio) {
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
    lanes.push(lane(clipSound(track, intervals, outStarts, format, -aac.priming / format.sampleRate), (s) => source.add(s)));
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
