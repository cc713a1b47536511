/** Channels of one block of sound, planar: `planes[c][i]` is channel c's i-th frame. */
export type Planes = readonly Float32Array[];

/**
 * Which input channels make output channel `c`: mono goes to every channel, several channels
 * to mono are averaged, otherwise channel c is its own (silent where the input has none).
 */
function mixChannel(input: Planes, c: number, outChannels: number, length: number): Float32Array {
  if (input.length === 1) return input[0] as Float32Array;
  if (outChannels === 1) {
    const mean = new Float32Array(length);
    for (const plane of input) for (let i = 0; i < length; i++) mean[i] = (mean[i] as number) + (plane[i] as number) / input.length;
    return mean;
  }
  return input[c] ?? new Float32Array(length);
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
    const mixed = Array.from({ length: this.channels }, (_, c) => mixChannel(planes, c, this.channels, length));
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
