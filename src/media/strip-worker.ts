/// <reference lib="webworker" />
import { expose, transfer } from "comlink";
import { ALL_FORMATS, AudioSampleSink, BlobSource, Input, VideoSampleSink, type VideoSample } from "mediabunny";
import { darkLevel, type PictureLevels } from "../core/black-frames";
import { shrinkPicture } from "../core/picture-shrink";
import { addLevels, LEVELS_PER_SECOND } from "../core/silence";
import { addPeaks, PEAKS_PER_SECOND } from "../core/strip";
import type { StripApi } from "./strip-api";

const JPEG_QUALITY = 0.7;

// Each call runs while its generation is current; `stop` starts a new one, so old work ends at its next step.
let generation = 0;
// The same for `pictureLevels` alone, which its dialog may stop while the strip goes on.
let levelsRun = 0;

const open = (file: File) => new Input({ source: new BlobSource(file), formats: ALL_FORMATS });

/** Page time 0 in the file's timestamps: the first frame, else the sound's start (as the keyframe index counts). */
async function origin(input: Input): Promise<number> {
  const track = (await input.getPrimaryVideoTrack()) ?? (await input.getPrimaryAudioTrack());
  return track ? track.getFirstTimestamp() : 0;
}

/** Runs `work` on the opened file from page time 0; null when mediabunny cannot read it (or anything fails). */
async function reading<T>(file: File, work: (input: Input, start: number) => Promise<T | null>): Promise<T | null> {
  const input = open(file);
  try {
    return await work(input, await origin(input));
  } catch {
    return null;
  } finally {
    input.dispose();
  }
}

/** One thumbnail as a JPEG: the frame's pixels read as RGBA and shrunk here (picture-shrink.ts says why not on a canvas). */
async function thumbnail(sample: VideoSample, canvas: OffscreenCanvas): Promise<ArrayBuffer> {
  const format = { format: "RGBA" as const };
  const data = new Uint8Array(sample.allocationSize(format));
  await sample.copyTo(data, format);
  const { width, height } = sample.visibleRect;
  const pixels = shrinkPicture({ data, width, height }, sample.rotation, canvas.width, canvas.height);
  (canvas.getContext("2d") as OffscreenCanvasRenderingContext2D).putImageData(new ImageData(pixels, canvas.width, canvas.height), 0, 0);
  return (await canvas.convertToBlob({ type: "image/jpeg", quality: JPEG_QUALITY })).arrayBuffer();
}

const thumbnails = (file: File, times: number[], height: number) =>
  reading(file, async (input, start) => {
    const mine = generation;
    const video = await input.getPrimaryVideoTrack();
    if (!video || !(await video.canDecode())) return null;
    const width = Math.max(1, Math.round((height * video.displayWidth) / video.displayHeight));
    const canvas = new OffscreenCanvas(width, height);
    const thumbs: ArrayBuffer[] = [];
    for await (const sample of new VideoSampleSink(video).samplesAtTimestamps(times.map((t) => t + start))) {
      try {
        if (mine !== generation || !sample) return null;
        thumbs.push(await thumbnail(sample, canvas));
      } finally {
        sample?.close();
      }
    }
    return transfer({ thumbs, width, height }, thumbs);
  });

/** Hands `fold` every decoded block of the sound as planes of samples from page time 0; null when stopped or unreadable. */
const eachSound = (file: File, fold: (channels: Float32Array[], sampleRate: number, start: number) => void) =>
  reading(file, async (input, start) => {
    const mine = generation;
    const audio = await input.getPrimaryAudioTrack();
    if (!audio || !(await audio.canDecode())) return null;
    for await (const sample of new AudioSampleSink(audio).samples()) {
      if (mine !== generation) {
        sample.close();
        return null;
      }
      const channels = Array.from({ length: sample.numberOfChannels }, (_, c) => {
        const plane = new Float32Array(sample.numberOfFrames);
        sample.copyTo(plane, { planeIndex: c, format: "f32-planar" });
        return plane;
      });
      fold(channels, sample.sampleRate, sample.timestamp - start);
      sample.close();
    }
    return true;
  });

const waveform = async (file: File, duration: number) => {
  const peaks = new Uint8Array(Math.ceil(duration * PEAKS_PER_SECOND));
  const done = await eachSound(file, (channels, rate, start) => addPeaks(peaks, channels, rate, start));
  return done ? transfer(peaks, [peaks.buffer]) : null;
};

const soundLevels = async (file: File, duration: number) => {
  const peaks = new Float32Array(Math.ceil(duration * LEVELS_PER_SECOND));
  const done = await eachSound(file, (channels, rate, start) => addLevels(peaks, channels, rate, start));
  return done ? transfer(peaks, [peaks.buffer]) : null;
};

/** The formats whose first plane is the luma, as decoders hand frames over. */
const YUV = new Set(["I420", "I420A", "I422", "I444", "NV12"]);

/** A frame's dark level from its luma plane (8-bit YUV); other pictures are turned to BT.601 limited-range luma first. */
async function frameDarkness(sample: VideoSample): Promise<number> {
  const { width, height } = sample.visibleRect;
  if (sample.format && YUV.has(sample.format)) {
    const planes = new Uint8Array(sample.allocationSize());
    const [luma] = await sample.copyTo(planes);
    if (luma) return darkLevel(planes.subarray(luma.offset), width, height, luma.stride);
  }
  const rgba = new Uint8Array(width * height * 4);
  await sample.copyTo(rgba, { format: "RGBA" });
  const luma = new Uint8Array(width * height);
  for (let i = 0; i < luma.length; i++) {
    const [r, g, b] = [rgba[4 * i] as number, rgba[4 * i + 1] as number, rgba[4 * i + 2] as number];
    luma[i] = Math.round(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
  }
  return darkLevel(luma, width, height, width);
}

const pictureLevels = (file: File, duration: number, onProgress: (done: number) => void) =>
  reading(file, async (input, start): Promise<PictureLevels | null> => {
    const mine = ++levelsRun;
    const video = await input.getPrimaryVideoTrack();
    if (!video || !(await video.canDecode())) return null;
    const times: number[] = [];
    const dark: number[] = [];
    let told = 0;
    for await (const sample of new VideoSampleSink(video).samples()) {
      try {
        if (mine !== levelsRun) return null;
        times.push(sample.timestamp - start);
        dark.push(await frameDarkness(sample));
      } finally {
        sample.close();
      }
      const done = duration > 0 ? (times.at(-1) as number) / duration : 0;
      if (done - told >= 0.01) onProgress((told = done));
    }
    return { times, dark };
  });

const api: StripApi = {
  thumbnails,
  waveform,
  soundLevels,
  pictureLevels,
  stopLevels: async () => void levelsRun++,
  stop: async () => void generation++,
};

expose(api);
