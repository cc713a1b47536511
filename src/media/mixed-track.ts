import { AudioSample, AudioSampleSource, Quality, type InputAudioTrack, type Output } from "mediabunny";
import type { Span } from "../core/clips";
import { clamp, FrameQueue, type Planes } from "../core/mix-maths";
import { mapChannels, Resampler } from "../core/resample";
import type { EditEntry, SourcedSpan } from "../core/packet-cut";
import { MediaError } from "./media-error";
import { headerRoom, type Lane } from "./packet-copy";
import { clipSound, decodedFormat, type AudioFormat } from "./reencode-audio";
import { aacEncoder, AUDIO_BITRATE } from "./aac-encoder";
import type { Timed } from "./reencode-video";
import { planes as samplePlanes } from "./resampled-sound";

// The mixed sound is written in pieces of this many frames: a few thousand keeps memory flat.
const PIECE = 4096;

/** One track of the mix: the track in each file of the export (the same place in each; none in a file without it), and its gain as a factor. */
export interface MixMember {
  tracks: readonly (InputAudioTrack | undefined)[];
  gain: number;
}

/** One decoded track of one file, as the mixer reads it: pieces in its own rate, made the mix's rate and channels. */
interface Reader {
  sound: AsyncGenerator<Timed<AudioSample>>;
  queue: FrameQueue;
  resampler: Resampler | null;
  ended: boolean;
  gain: number;
}

async function* nothing(): AsyncGenerator<Timed<AudioSample>> {}

/** Reads until it holds `frames` (or its sound ends). */
async function fill(reader: Reader, frames: number, channels: number): Promise<void> {
  while (reader.queue.length < frames && !reader.ended) {
    const next = await reader.sound.next();
    if (next.done) {
      reader.ended = true;
      return;
    }
    const { sample } = next.value;
    try {
      const planes = samplePlanes(sample);
      reader.queue.push(reader.resampler ? reader.resampler.push(planes) : mapChannels(planes, channels));
    } finally {
      sample.close();
    }
  }
}

/**
 * The output track several tracks are mixed into: AAC, in the first track's rate and channels
 * (the others resampled and their channels mapped), named `title`. Each clip's sound is every
 * track's over the clip's source interval, decoded sample-exact as a re-encode's is (clipSound),
 * summed with its gain and clamped; so every track stays on the picture's instants at each join.
 */
export class MixedTrack {
  private constructor(
    private readonly source: AudioSampleSource,
    private readonly members: readonly { formats: readonly (AudioFormat | null)[]; member: MixMember }[],
    private readonly format: AudioFormat,
    /** Seconds of the encoder's priming, placed before 0 and trimmed by the edit list. */
    private readonly priming: number,
  ) {}

  /** Adds the track to `output` (before it starts), for an output `total` seconds long. */
  static async add(output: Output, members: readonly MixMember[], title: string, total: number): Promise<MixedTrack> {
    const withFormats = [];
    for (const member of members) {
      const formats: (AudioFormat | null)[] = [];
      for (const track of member.tracks) {
        const format = track ? await decodedFormat(track) : null;
        if (track && !format) throw new MediaError("unsupported", `The sound of ${title} could not be decoded to mix`);
        formats.push(format);
      }
      withFormats.push({ formats, member });
    }
    const format = (withFormats[0] as (typeof withFormats)[number]).formats[0] as AudioFormat;
    const aac = await aacEncoder(format);
    if (!aac) throw new MediaError("unsupported", `This browser cannot encode AAC at ${format.sampleRate} Hz`);
    const source = new AudioSampleSource({ codec: "aac", quality: new Quality({ bitrate: AUDIO_BITRATE }) });
    // One AAC packet a 1024 samples; a second more covers any encoder's priming and padding.
    output.addAudioTrack(source, { name: title, maximumPacketCount: headerRoom(Math.ceil(((total + 1) * format.sampleRate) / 1024), 1) });
    return new MixedTrack(source, withFormats, format, aac.priming / format.sampleRate);
  }

  /** The track's edit list: the priming trimmed, and the encoder's padding past the picture's end. */
  edits(total: number): EditEntry[] {
    return [{ mediaTime: this.priming, duration: total }];
  }

  /**
   * Clip `clip`'s mixed sound, from file `file`'s tracks over `interval` (their time), filling
   * output frames [round(outStart·sr), round(outEnd·sr)) exactly. The consumer closes what it receives.
   */
  async *clip(clip: number, file: number, interval: Span, outStart: number, outEnd: number): AsyncGenerator<Timed<AudioSample>> {
    const { sampleRate: sr, numberOfChannels: channels } = this.format;
    const first = Math.round(outStart * sr);
    const count = Math.round(outEnd * sr) - first;
    const readers: Reader[] = this.members.map(({ formats, member }) => {
      const format = formats[file];
      const track = member.tracks[file];
      // A file without this track adds nothing: the others' sound, or silence.
      if (!track || !format) return { sound: nothing(), queue: new FrameQueue(), resampler: null, ended: true, gain: member.gain };
      return {
        sound: clipSound(track, [interval], [outStart, outEnd], format, 0),
        queue: new FrameQueue(),
        resampler: format.sampleRate === sr ? null : new Resampler(format.sampleRate, sr, channels),
        ended: false,
        gain: member.gain,
      };
    });
    try {
      for (let done = 0; done < count; ) {
        const frames = Math.min(PIECE, count - done);
        const planes: Planes = Array.from({ length: channels }, () => new Float32Array(frames));
        // A track that ends early (rounding, or a resampler's last frame) leaves silence.
        for (const reader of readers) {
          await fill(reader, frames, channels);
          reader.queue.addInto(planes, frames, reader.gain);
        }
        const data = new Float32Array(frames * channels);
        for (const [c, plane] of clamp(planes).entries()) data.set(plane, c * frames);
        const time = (first + done) / sr - this.priming;
        yield { time, clip, sample: new AudioSample({ data, format: "f32-planar", numberOfChannels: channels, sampleRate: sr, timestamp: time }) };
        done += frames;
      }
    } finally {
      for (const reader of readers) await reader.sound.return(undefined);
    }
  }

  /** Every clip's mixed sound in list order, each from its own file: a re-encode's. */
  async *clips(intervals: readonly SourcedSpan[], outStarts: readonly number[]): AsyncGenerator<Timed<AudioSample>> {
    for (const [clip, interval] of intervals.entries()) yield* this.clip(clip, interval.source, interval, outStarts[clip] as number, outStarts[clip + 1] as number);
  }

  /** Hands a sample to the encoder (the caller closes it). */
  readonly encode = (sample: AudioSample): Promise<void> => this.source.add(sample);

  /** A clip's mixed sound as a lane of a copying cut (smart cut). */
  lane(clip: number, file: number, interval: Span, outStart: number, outEnd: number): Lane<AudioSample> {
    const timed = this.clip(clip, file, interval, outStart, outEnd);
    async function* samples() {
      for await (const { sample } of timed) yield sample;
    }
    const encode = this.encode;
    return {
      packets: samples(),
      next: null,
      async add(sample) {
        try {
          await encode(sample);
        } finally {
          sample.close();
        }
      },
    };
  }
}
