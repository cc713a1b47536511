import { canEncodeAudio, Quality } from "mediabunny";
import { registerAacEncoder } from "@mediabunny/aac-encoder";

export const AUDIO_BITRATE = 160_000;
// libavcodec's AAC encoder (the one registered where the browser has none) starts with this many
// samples of priming; placed before 0, the MP4 edit list trims them and sound lines up with picture.
const FFMPEG_AAC_PRIMING = 1024;

// Set once the bundled encoder is registered: from then on Mediabunny uses it for every AAC track.
let bundledAac = false;

/** Whether AAC can be written; registers the bundled encoder when the browser has none (Linux Chromium). */
export async function aacEncoder(format: { sampleRate: number; numberOfChannels: number }): Promise<{ priming: number } | null> {
  const options = { ...format, quality: new Quality({ bitrate: AUDIO_BITRATE }) };
  if (!bundledAac && !(await canEncodeAudio("aac", options))) {
    registerAacEncoder();
    bundledAac = true;
  }
  if (!(await canEncodeAudio("aac", options))) return null;
  return { priming: bundledAac ? FFMPEG_AAC_PRIMING : 0 };
}

