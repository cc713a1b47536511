import { AudioSample, type InputAudioTrack } from "mediabunny";
import type { Span } from "../core/clips";
import { soundFrames } from "../core/frame-grid";
import { Resampler } from "../core/resample";
import { clipSound, silentSound, type AudioFormat } from "./reencode-audio";
import type { Timed } from "./reencode-video";

/** One sample's channels, planar. */
export function planes(sample: AudioSample): Float32Array[] {
  return Array.from({ length: sample.numberOfChannels }, (_, c) => {
    const plane = new Float32Array(sample.numberOfFrames);
    sample.copyTo(plane, { planeIndex: c, format: "f32-planar" });
    return plane;
  });
}

/**
 * A clip of a file whose sound is at another rate or channel count than the output's (`format`):
 * cut sample-exact at the file's own rate (clipSound), resampled, and made exactly as long as the
 * output span [start, end) at the output's rate, so the next clip's sound starts with its picture.
 */
export async function* resampledSound(
  track: InputAudioTrack,
  own: AudioFormat,
  interval: Span,
  start: number,
  end: number,
  format: AudioFormat,
  shift: number,
  clip: number,
): AsyncGenerator<Timed<AudioSample>> {
  const sr = format.sampleRate;
  const first = Math.round(start * sr);
  const count = soundFrames(start, end, sr);
  const resampler = new Resampler(own.sampleRate, sr, format.numberOfChannels);
  let done = 0;
  for await (const { sample } of clipSound(track, [interval], [start, end], own, 0)) {
    let out: Float32Array[];
    try {
      out = resampler.push(planes(sample));
    } finally {
      sample.close();
    }
    const take = Math.min(out[0]?.length ?? 0, count - done);
    if (take <= 0) continue;
    const data = new Float32Array(take * format.numberOfChannels);
    out.forEach((plane, c) => data.set(plane.subarray(0, take), c * take));
    const time = (first + done) / sr + shift;
    yield { time, clip, sample: new AudioSample({ data, format: "f32-planar", ...format, timestamp: time }) };
    done += take;
  }
  // What the resampler still holds (under a frame) and any rounding: silence to the clip's end.
  yield* silentSound(format, (first + done) / sr, end, shift, clip);
}
