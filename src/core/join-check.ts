import { bitDepthName, codecName, audioName } from "./format-names";
import { frameRateLabel } from "./frame-times";
import type { ExportMode } from "./export-plan";
import { audioStreams, firstVideo, type MediaInfo } from "./media-info";

/**
 * Whether files can be joined by copying their packets into one MP4: one decoder must read them
 * all, so they share the video's codec, profile, picture size and pixel format, and have the same
 * audio tracks (codec, sample rate, channels). Frame rates and H.264 parameter sets may differ:
 * every sample keeps its own duration, and the parameter sets travel in-band.
 */

/** What a decoder of the joined file must be set up for, in the words a person reads. */
interface Format {
  picture: string;
  sound: string;
}

/** What must match, as text to compare; a profile the probe did not read matches any. */
function pictureKey(info: MediaInfo): string {
  const v = firstVideo(info);
  return v ? [v.codec, v.width, v.height, v.pixelFormat].join(" ") : "none";
}

const soundKey = (info: MediaInfo): string => audioStreams(info).map((a) => [a.codec, a.sampleRate, a.channels].join(" ")).join("|");

function format(info: MediaInfo, named: boolean): Format {
  const v = firstVideo(info);
  const depth = v && bitDepthName(v.pixelFormat);
  const codec = v && named ? `${codecName(v.codec)}${v.profile ? ` ${v.profile}` : ""} ` : "";
  const picture = v ? `${codec}${v.width}×${v.height} ${frameRateLabel(v.frameRate, info.frameTimes)}${depth ? ` ${depth}` : ""}` : "without video";
  const audio = audioStreams(info);
  return { picture, sound: audio.length === 0 ? "no sound" : audio.map((a) => audioName({ ...a, tags: {} })).join(" and ") };
}

/** Profiles differ only where the probe read both. */
const profilesDiffer = (a: MediaInfo, b: MediaInfo): boolean => {
  const [p, q] = [firstVideo(a)?.profile, firstVideo(b)?.profile];
  return p !== undefined && q !== undefined && p !== q;
};

/**
 * Null when `sources` (the output's format is the first's) can be joined losslessly; else what
 * differs, naming the first file that does: "GP020001.MP4 is 1920×1080 60 fps; the others are
 * 3840×2160 30 fps".
 */
export function joinProblem(sources: readonly MediaInfo[]): string | null {
  const [first, ...rest] = sources;
  if (!first) return null;
  const pictureDiffers = (info: MediaInfo) => pictureKey(info) !== pictureKey(first) || profilesDiffer(info, first);
  const differs = (info: MediaInfo) => pictureDiffers(info) || soundKey(info) !== soundKey(first);
  const odd = rest.find(differs);
  if (!odd) return null;
  // The codec is named when it or the profile differs; otherwise the size and rate say enough.
  const named = firstVideo(odd)?.codec !== firstVideo(first)?.codec || profilesDiffer(odd, first);
  const [picture, sound] = [pictureDiffers(odd), soundKey(odd) !== soundKey(first)];
  // "is 1920×1080 30 fps", "has no sound", or both: "is 1920×1080 30 fps with no sound".
  const said = (f: Format, plural: boolean) =>
    picture ? `${plural ? "are" : "is"} ${f.picture}${sound ? ` with ${f.sound}` : ""}` : `${plural ? "have" : "has"} ${f.sound}`;
  // "the others" where every other file is as the first; else the first is named.
  const alike = sources.length > 2 && sources.every((s) => s === odd || !differs(s));
  return `${odd.fileName} ${said(format(odd, named), false)}; ${alike ? "the others" : first.fileName} ${said(format(first, named), alike)}`;
}

/**
 * Why an export in `mode` cannot join `sources`, said before it starts; null when it can. Only a
 * re-encode joins files of different formats (into the first one's).
 */
export function joinRefusal(mode: ExportMode, sources: readonly MediaInfo[]): string | null {
  const problem = mode === "reencode" ? null : joinProblem(sources);
  if (!problem) return null;
  return `${mode === "lossless" ? "Lossless" : "Smart cut"} cannot join these files: ${problem}. Re-encode joins them in the first file's format.`;
}
