import type { ExportMode } from "./export-plan";
import { firstVideo, type MediaInfo } from "./media-info";
import { keptAudio, type DroppedTracks } from "./track-choice";

/** The file an export writes: MP4 (the default), Matroska, QuickTime or WebM. */
export type OutputContainer = "mp4" | "mkv" | "mov" | "webm";

export const OUTPUT_CONTAINERS: readonly OutputContainer[] = ["mp4", "mkv", "mov", "webm"];

/** How each is named to a person, its file extension and its MIME type. */
export const CONTAINER_FORMATS: Record<OutputContainer, { label: string; extension: string; mime: string }> = {
  mp4: { label: "MP4", extension: ".mp4", mime: "video/mp4" },
  mkv: { label: "MKV", extension: ".mkv", mime: "video/x-matroska" },
  mov: { label: "MOV", extension: ".mov", mime: "video/quicktime" },
  webm: { label: "WebM", extension: ".webm", mime: "video/webm" },
};

/** The container as a sentence names it: "an MP4", "an MKV", "a MOV", "a WebM". */
export const containerName = (container: OutputContainer): string => `${container === "mov" || container === "webm" ? "a" : "an"} ${CONTAINER_FORMATS[container].label}`;

/** Whether the container has edit lists (ISOBMFF): a cut can hide what a copied stream decodes but must not show. */
export const hasEditLists = (container: OutputContainer): boolean => container === "mp4" || container === "mov";

const WEBM_VIDEO = new Set(["vp8", "vp9", "av1"]);
const WEBM_AUDIO = new Set(["opus", "vorbis"]);

/**
 * Why the source's streams cannot go into a WebM, in plain words; null when they can. WebM holds
 * VP8, VP9 or AV1 video and Opus or Vorbis sound only: the copying modes keep the codecs, and a
 * re-encode writes H.264 and AAC, so WebM is offered only where every kept stream already fits.
 */
export function webmRefusal(info: MediaInfo, dropped: DroppedTracks): string | null {
  const video = firstVideo(info);
  if (video && !WEBM_VIDEO.has(video.codec)) return `WebM holds VP8, VP9 or AV1 video, not ${video.codec.toUpperCase()}`;
  const foreign = keptAudio(info, dropped).find((a) => !WEBM_AUDIO.has(a.stream.codec));
  if (foreign) return `WebM holds Opus or Vorbis sound, not ${foreign.stream.codec.toUpperCase()}`;
  return null;
}

/** Why an export of the first source in this mode cannot be written in this container; null when it can. */
export function containerRefusal(container: OutputContainer, mode: ExportMode, info: MediaInfo, dropped: DroppedTracks): string | null {
  if (container !== "webm") return null;
  if (mode === "reencode") return "Re-encode writes H.264 and AAC, which a WebM cannot hold: choose MKV, MP4 or MOV, or another mode";
  return webmRefusal(info, dropped);
}

/** A saved choice read back: one of the containers, else none (the project's exports are MP4). */
export const asOutputContainer = (v: unknown): OutputContainer | null =>
  typeof v === "string" && (OUTPUT_CONTAINERS as readonly string[]).includes(v) ? (v as OutputContainer) : null;
