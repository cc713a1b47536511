import type { PictureLevels } from "../core/black-frames";

/** Thumbnails as the strip worker makes them: one JPEG per asked time, all the same size. */
export interface Thumbnails {
  thumbs: ArrayBuffer[];
  width: number;
  height: number;
}

/**
 * The strip worker: the timeline's thumbnails and waveform, apart from the media worker so that
 * they never wait behind an export (nor it behind them). Null: mediabunny cannot read that part
 * of the file, or the work was stopped.
 */
export interface StripApi {
  thumbnails(file: File, times: number[], height: number): Promise<Thumbnails | null>;
  waveform(file: File, duration: number): Promise<Uint8Array | null>;
  /** The loudest sample of each window of 1/LEVELS_PER_SECOND s (core/silence.ts), for Detect silence. */
  soundLevels(file: File, duration: number): Promise<Float32Array | null>;
  /**
   * How dark every frame is (core/black-frames.ts), for Detect black frames: every frame decoded,
   * `onProgress` told the share done; null when the picture cannot be decoded here or it was stopped.
   */
  pictureLevels(file: File, duration: number, onProgress: (done: number) => void): Promise<PictureLevels | null>;
  /** Stops a running `pictureLevels` (its dialog was closed) and nothing else. */
  stopLevels(): Promise<void>;
  /** Stops whatever runs: another file was opened. */
  stop(): Promise<void>;
}
