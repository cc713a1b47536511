import { SYNC_FPS } from "./frame-oracle";

/**
 * [IN, OUT] in seconds. In source frames (keyframes 0 63 116 185 247 308 365 430 485):
 * 83-142: ends on the first B of a B-pyramid run (142-144; 145 is decoded before them);
 * 23-54: back in time, IN 0.901 s is no frame boundary (frame 22.525 rounds to 23, a reference B),
 *   ends on a B-frame that follows its forward reference 55 in decode order;
 * 335-360: starts on a B-frame, ends on the last B of a run; 200-220: starts on a flash, ends on a B.
 * Flashes at 100, 125 | 25, 50 | 350 | 200: four after a join, one on a clip's first frame.
 */
export const CLIPS = [
  [3.32, 5.72],
  [0.901, 2.2],
  [13.4, 14.44],
  [8, 8.84],
] as const;
/** CLIPS as an edit list to import. */
export const EDITS = `# IN,OUT (seconds)\n${CLIPS.map(([from, to]) => `${from},${to}`).join("\n")}\n`;
/** Each clip's first frame and the frame after its last, on SYNC's frames. */
export const CLIP_FRAMES = CLIPS.map(([from, to]) => [Math.round(from * SYNC_FPS), Math.round(to * SYNC_FPS)] as const);
export const span = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);
