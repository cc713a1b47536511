/** Sound as the mixer takes it: one Float32Array a channel, all of one length. */
export type Planes = Float32Array[];

/**
 * `source` in `channels` channels: mono goes to every channel, anything into mono is averaged,
 * otherwise channel c takes the source's channel c (repeating the source's where it has fewer).
 */
export function mapChannels(source: Planes, channels: number): Planes {
  if (source.length === channels) return source;
  const frames = source[0]?.length ?? 0;
  if (channels === 1) {
    const mono = new Float32Array(frames);
    for (const plane of source) for (let i = 0; i < frames; i++) (mono[i] as number) += (plane[i] as number) / source.length;
    return [mono];
  }
  return Array.from({ length: channels }, (_, c) => source[c % source.length] as Float32Array);
}

/**
 * Linear resampling from one rate to another over a stream given in pieces: each piece's output
 * continues where the last one's stopped, so a join between pieces is not heard.
 */
export class Resampler {
  private readonly step: number;
  /** Where the next output frame falls, in input frames, counting the previous piece's last frame as 0. */
  private position = 1;
  private last: number[] = [];

  constructor(from: number, to: number) {
    this.step = from / to;
  }

  push(input: Planes): Planes {
    const frames = input[0]?.length ?? 0;
    const at = (plane: Float32Array, c: number, i: number) => (i === 0 ? (this.last[c] ?? 0) : (plane[i - 1] as number));
    // Every output frame at or before the piece's last input frame: the rest waits for the next piece.
    const count = frames >= this.position ? Math.floor((frames - this.position) / this.step + 1e-9) + 1 : 0;
    const output = input.map((plane, c) => {
      const out = new Float32Array(count);
      for (let k = 0; k < count; k++) {
        const p = this.position + k * this.step;
        const i = Math.floor(p);
        const frac = p - i;
        out[k] = at(plane, c, i) * (1 - frac) + (frac > 0 ? at(plane, c, i + 1) * frac : 0);
      }
      return out;
    });
    if (frames > 0) {
      this.position += count * this.step - frames;
      this.last = input.map((plane) => plane[frames - 1] as number);
    }
    return output;
  }
}

/** Sound held between pieces of different lengths: pushed as it is decoded, taken as the mixer asks. */
export class FrameQueue {
  private pieces: Planes[] = [];
  private offset = 0;
  length = 0;

  push(planes: Planes): void {
    const frames = planes[0]?.length ?? 0;
    if (frames === 0) return;
    this.pieces.push(planes);
    this.length += frames;
  }

  /** The next `frames` frames (fewer if it holds fewer), added × `gain` into `target` from its start. */
  addInto(target: Planes, frames: number, gain: number): number {
    let done = 0;
    while (done < frames && this.pieces.length > 0) {
      const piece = this.pieces[0] as Planes;
      const pieceFrames = (piece[0] as Float32Array).length;
      const take = Math.min(frames - done, pieceFrames - this.offset);
      for (const [c, plane] of target.entries()) {
        const from = piece[c % piece.length] as Float32Array;
        for (let i = 0; i < take; i++) (plane[done + i] as number) += (from[this.offset + i] as number) * gain;
      }
      done += take;
      this.offset += take;
      if (this.offset === pieceFrames) {
        this.pieces.shift();
        this.offset = 0;
      }
    }
    this.length -= done;
    return done;
  }
}

/** Keeps every sample within full scale: a sum louder than that clips, as any mixer's output does, instead of wrapping. */
export function clamp(planes: Planes): Planes {
  for (const plane of planes) for (let i = 0; i < plane.length; i++) plane[i] = Math.min(1, Math.max(-1, plane[i] as number));
  return planes;
}
