/** Channels of one block of sound, planar: `planes[c][i]` is channel c's i-th frame. */
export type Planes = readonly Float32Array[];

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
 * Sound from one rate and channel count to another, block by block with no seams: each output
 * frame is the straight-line mix of the two input frames around its instant (output frame j sits
 * at input frame j·from/to). Linear, so a little of the top octave folds back: good enough for a
 * clip joined to another file's sound, and it never drifts: after n input frames, n·to/from out.
 */
export class Resampler {
  /** The last input frame of the previous block, per output channel: what the next block's first output frames lean on. */
  private held: Float32Array | null = null;
  /** Where the next output frame sits, in input frames from the start of the next block (−1 is `held`). */
  private position = 0;

  constructor(
    private readonly from: number,
    private readonly to: number,
    private readonly channels: number,
  ) {}

  /** The output frames the input block `planes` completes. */
  push(planes: Planes): Float32Array[] {
    const length = planes[0]?.length ?? 0;
    if (length === 0) return Array.from({ length: this.channels }, () => new Float32Array(0));
    const mixed = mapChannels(planes, this.channels);
    const held = this.held ?? Float32Array.from(mixed, (plane) => plane[0] as number);
    const step = this.from / this.to;
    // Output frames whose two neighbours are both in hand: up to the block's last frame.
    const count = Math.max(0, Math.ceil((length - 1 - this.position) / step - 1e-9));
    const out = mixed.map((plane, c) => {
      const result = new Float32Array(count);
      for (let j = 0; j < count; j++) {
        const at = this.position + j * step;
        const i = Math.floor(at);
        const before = i < 0 ? (held[c] as number) : (plane[i] as number);
        const after = plane[i + 1] as number;
        result[j] = before + (after - before) * (at - i);
      }
      return result;
    });
    this.position += count * step - length;
    this.held = Float32Array.from(mixed, (plane) => plane[length - 1] as number);
    return out;
  }
}
