import { findBlack, type PictureLevels } from "../core/black-frames";
import { findPauses, type Levels } from "../core/silence";
import type { Detector } from "./components/DetectDialog";
import type { Strips } from "./strips";

/** Detect silence: pauses in the sound under a level in dBFS (core/silence.ts). */
export const silenceDetector = (strips: Strips): Detector<Levels> => ({
  title: "Detect silence",
  threshold: { label: "Threshold (dB)", initial: -40, min: -120, max: 0 },
  minLength: 0.5,
  read: (source) => strips.soundLevels(source),
  // The sound's levels come in one pass, seconds even for hours of sound: nothing to stop.
  stop: () => undefined,
  find: findPauses,
  reading: "Reading the sound…",
  unreadable: "This file's sound cannot be read here, so its pauses cannot be found",
  found: ["pause", "pauses"],
  keep: "Keep the sound",
  split: "Split at pauses",
});

/** Detect black frames: frames darker than a share of the picture's range (core/black-frames.ts), every frame decoded. */
export const blackFramesDetector = (strips: Strips): Detector<PictureLevels> => ({
  title: "Detect black frames",
  threshold: { label: "Threshold (%)", initial: 10, min: 0, max: 100 },
  minLength: 0.1,
  read: (source, onProgress) => strips.pictureLevels(source, onProgress),
  stop: strips.stopLevels,
  find: findBlack,
  reading: "Reading the picture…",
  unreadable: "This file's picture cannot be decoded here, so its black frames cannot be found",
  found: ["black stretch", "black stretches"],
  keep: "Keep the picture",
  split: "Split at black frames",
});
