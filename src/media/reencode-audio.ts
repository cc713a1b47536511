import { AudioSample, AudioSampleSink, type InputAudioTrack } from "mediabunny";
import type { Span } from "../core/clips";
import { soundFrames } from "../core/frame-grid";
import type { Timed } from "./reencode-video";

// Decoding starts this long before a clip: a codec's first output after a seek (AAC's overlap,
// Opus's pre-skip) is not yet the true signal, so it is decoded and thrown away.
const PREROLL = 0.1;
// Silence is written in pieces of at most this many frames, so a long gap costs no memory.
const SILENCE_PIECE = 48_000;

export interface AudioFormat {
  sampleRate: number;
  numberOfChannels: number;
}

/** The rate and channels the decoder really gives (HE-AAC, for one, doubles what the header says). */
export async function decodedFormat(track: InputAudioTrack): Promise<AudioFormat | null> {
  const sample = await new AudioSampleSink(track).getSample(await track.getFirstTimestamp());
  if (!sample) return null;
  const format = { sampleRate: sample.sampleRate, numberOfChannels: sample.numberOfChannels };
  sample.close();
  return format;
}

/** `count` frames of `source` from `offset` on, as a new planar sample at `timestamp`. */
function slice(source: AudioSample, offset: number, count: number, timestamp: number): AudioSample {
  const channels = source.numberOfChannels;
  const data = new Float32Array(count * channels);
  for (let c = 0; c < channels; c++) {
    source.copyTo(data.subarray(c * count, (c + 1) * count), { planeIndex: c, format: "f32-planar", frameOffset: offset, frameCount: count });
  }
  return new AudioSample({ data, format: "f32-planar", numberOfChannels: channels, sampleRate: source.sampleRate, timestamp });
}

function silence(format: AudioFormat, count: number, timestamp: number): AudioSample {
  const data = new Float32Array(count * format.numberOfChannels);
  return new AudioSample({ data, format: "f32-planar", ...format, timestamp });
}

/** Digital silence from output time `start` to `end` (moved by `shift`, as clipSound's), in pieces: what a clip of a file without sound gives. */
export function* silentSound(format: AudioFormat, start: number, end: number, shift: number, clip: number): Generator<Timed<AudioSample>> {
  const first = Math.round(start * format.sampleRate);
  const count = soundFrames(start, end, format.sampleRate);
  for (let done = 0; done < count; done += SILENCE_PIECE) {
    const time = (first + done) / format.sampleRate + shift;
    yield { time, clip, sample: silence(format, Math.min(SILENCE_PIECE, count - done), time) };
  }
}

/**
 * The sound of every clip in list order, sample-exact against the picture: clip i fills output
 * frames [round(outStart·sr), round(outEnd·sr)) with source frames from round(start·sr) on. Each
 * clip's bounds are rounded on their own, so rounding never adds up across clips. Gaps in the
 * source and sound that ends early are filled with silence. Output times are moved by `shift`
 * (an encoder's priming, trimmed again by the container's edit list). The consumer closes what it receives.
 */
export async function* clipSound(
  track: InputAudioTrack,
  intervals: readonly Span[],
  outStarts: readonly number[],
  format: AudioFormat,
  shift: number,
): AsyncGenerator<Timed<AudioSample>> {
  const sr = format.sampleRate;
  const sink = new AudioSampleSink(track);
  for (const [clip, interval] of intervals.entries()) {
    const first = Math.round(interval.start * sr);
    const outFirst = Math.round((outStarts[clip] as number) * sr);
    const count = Math.round((outStarts[clip + 1] as number) * sr) - outFirst;
    let done = 0;
    const at = () => (outFirst + done) / sr + shift;
    const pad = function* (frames: number) {
      for (let left = Math.min(frames, count - done); left > 0; ) {
        const piece = Math.min(left, SILENCE_PIECE);
        yield { time: at(), clip, sample: silence(format, piece, at()) };
        done += piece;
        left -= piece;
      }
    };
    if (count <= 0) continue;
    for await (const sample of sink.samples(Math.max(0, interval.start - PREROLL), (first + count) / sr)) {
      try {
        const from = Math.round(sample.timestamp * sr);
        const want = first + done;
        if (from > want) yield* pad(from - want);
        const offset = first + done - from;
        const take = Math.min(sample.numberOfFrames - offset, count - done);
        if (take <= 0) continue;
        const whole = offset === 0 && take === sample.numberOfFrames;
        const piece = whole ? sample.clone() : slice(sample, offset, take, at());
        piece.setTimestamp(at());
        yield { time: at(), clip, sample: piece };
        done += take;
      } finally {
        sample.close();
      }
      if (done >= count) break;
    }
    yield* pad(count - done);
  }
}
