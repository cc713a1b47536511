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
  /** Input frames taken so far, and output frames given: counted whole, so no rounding adds up over a long track. */
  private consumed = 0;
  private produced = 0;

  constructor(
    private readonly from: number,
    private readonly to: number,
    private readonly channels: number,
  ) {}

  /** The input frame at or before output frame `j`, and how far past it `j` sits (0 to 1), in exact integer steps. */
  private place(j: number): { frame: number; fraction: number } {
    const at = j * this.from;
    let frame = Math.floor(at / this.to);
    // The float division may land a hair either side of a whole frame.
    if (frame * this.to > at) frame -= 1;
    else if ((frame + 1) * this.to <= at) frame += 1;
    return { frame, fraction: (at - frame * this.to) / this.to };
  }

  /** The output frames the input block `planes` completes: those whose right-hand neighbour it holds. */
  push(planes: Planes): Float32Array[] {
    const length = planes[0]?.length ?? 0;
    if (length === 0) return Array.from({ length: this.channels }, () => new Float32Array(0));
    const mixed = mapChannels(planes, this.channels);
    const held = this.held ?? Float32Array.from(mixed, (plane) => plane[0] as number);
    const end = this.consumed + length;
    const places: { frame: number; fraction: number }[] = [];
    for (let j = this.produced; ; j++) {
      const place = this.place(j);
      if (place.frame > end - 2) break;
      places.push({ frame: place.frame - this.consumed, fraction: place.fraction });
    }
    const out = mixed.map((plane, c) =>
      Float32Array.from(places, ({ frame, fraction }) => {
        // Frame −1 is the previous block's last, held.
        const before = frame < 0 ? (held[c] as number) : (plane[frame] as number);
        const after = plane[frame + 1] as number;
        return before + (after - before) * fraction;
      }),
    );
    this.consumed = end;
    this.produced += places.length;
    this.held = Float32Array.from(mixed, (plane) => plane[length - 1] as number);
    return out;
  }
}
