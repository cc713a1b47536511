import type { Planes } from "./resample";

export type { Planes };

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
