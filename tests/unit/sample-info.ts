import type { AudioStream, MediaInfo, VideoStream } from "../../src/core/media-info";

export const VIDEO: VideoStream = {
  kind: "video",
  index: 0,
  codec: "h264",
  width: 320,
  height: 240,
  frameRate: { num: 25, den: 1 },
  pixelFormat: "yuv420p",
  timeBase: { num: 1, den: 12800 },
  pixelAspect: { num: 1, den: 1 },
  displayAspect: { num: 4, den: 3 },
  tags: { handler_name: "VideoHandler" },
};

export const AUDIO: AudioStream = {
  kind: "audio",
  index: 1,
  codec: "aac",
  sampleRate: 48000,
  channels: 2,
  channelLayout: "stereo",
  timeBase: { num: 1, den: 48000 },
  bitRate: 96204,
  tags: { handler_name: "SoundHandler" },
};

/** A 12 s 320×240 25 fps H.264/AAC source with a keyframe every second, as the probe reads it. */
export function sampleInfo(overrides: Partial<MediaInfo> = {}): MediaInfo {
  return {
    fileName: "talk.mp4",
    container: "mov,mp4,m4a,3gp,3g2,mj2",
    duration: 12,
    size: 413977,
    bitRate: 275984,
    tags: { major_brand: "isom" },
    streams: [VIDEO, AUDIO],
    keyframes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    ...overrides,
  };
}

/** A project of one source (`info`'s file), on the player: what a list is read against or written for. */
export function oneSource(info: MediaInfo, id = "s1") {
  const source = { id, fileName: info.fileName, info };
  return { sources: [source], onPlayer: source };
}

/** Clips of the one source of `oneSource`. */
export const onSource = <T extends object>(entries: readonly T[], id = "s1") => entries.map((e) => ({ ...e, source: id }));
