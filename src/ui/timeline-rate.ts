import { firstVideo, type MediaInfo } from "../core/media-info";
import type { Rational } from "../core/rational";

// Sound-only sources step in hundredths of a second, as the player does.
const AUDIO_STEP_RATE: Rational = { num: 100, den: 1 };

/** The rate the timeline steps and snaps edges at: the video's frames, else hundredths of a second. */
export const sourceRate = (info: MediaInfo | undefined): Rational => (info && firstVideo(info)?.frameRate) || AUDIO_STEP_RATE;
