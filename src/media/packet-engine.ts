import { ALL_FORMATS, BlobSource, canEncodeVideo, Input, Mp4OutputFormat } from "mediabunny";
import type { ExportMode } from "../core/export-plan";
import { fail, ok, type Result } from "../core/result";
import { copyCut } from "./copy-cut";
import type { CutJob, CutTracks } from "./packet-copy";
import type { RenderRequest } from "./media-api";
import type { OutputSink } from "./output-sink";
import { reencodeCut } from "./reencode-cut";
import { smartCut } from "./smart-cut";
import { MediaError } from "./media-error";

/** A source the packet engine can cut in the asked mode: the file opened, its first video and every audio track. */
export interface PacketSource extends CutTracks {
  input: Input;
}

const MP4_CODECS = new Set<string>(new Mp4OutputFormat().getSupportedCodecs());

/**
 * Opens the file with mediabunny, without the audio tracks left out (`droppedAudio`: their places
 * among the file's audio tracks), and checks it can do `mode`; otherwise says, in words a user
 * follows, why ffmpeg.wasm runs instead.
 */
export async function choosePacketEngine(file: File, mode: ExportMode, droppedAudio: readonly number[]): Promise<Result<PacketSource>> {
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  const refuse = (why: string) => {
    input.dispose();
    return fail<PacketSource>(why);
  };
  try {
    await input.getFormat();
  } catch {
    return refuse("the fast engine cannot read this kind of file");
  }
  const video = await input.getPrimaryVideoTrack();
  const audio = (await input.getAudioTracks()).filter((_, place) => !droppedAudio.includes(place));
  if (!video && audio.length === 0) return refuse("the fast engine found no video or sound in this file");
  const tracks = [video, ...audio].filter((t) => t !== null);
  if (mode === "lossless") {
    const foreign = tracks.find((t) => !t.codec || !MP4_CODECS.has(t.codec));
    if (foreign) return refuse(`${foreign.codec ?? "this"} ${foreign.type} cannot be copied into an MP4`);
  } else {
    for (const track of tracks) {
      if (!(await track.canDecode())) return refuse(`this browser cannot decode the file's ${track.type}`);
    }
    if (video && !(await canEncodeVideo("avc", { width: video.codedWidth, height: video.codedHeight }))) {
      return refuse("this browser cannot encode H.264 at this size");
    }
  }
  return ok({ input, video, audio });
}

/**
 * Runs an export with the packet engine; the sink receives the MP4 as it is made. A smart cut the
 * source does not allow becomes a full re-encode, and the answer says why.
 */
export async function runPacketEngine(
  source: PacketSource,
  request: RenderRequest,
  sink: OutputSink,
  work: Omit<CutJob, "sourceEnd">,
): Promise<string> {
  const { video, audio, input } = source;
  // The page counts from the first frame; a recording may start its timestamps later (MKV, TS).
  const origin = video ? await video.getFirstTimestamp() : Math.max(0, (await audio[0]?.getFirstTimestamp()) ?? 0);
  const clips = request.clips.map((c) => ({ ...c, start: c.start + origin, end: c.end + origin }));
  // The page's model ends the last frame at the probe's duration; so do the engine's boundaries.
  const job = { ...work, sourceEnd: request.info.duration + origin };
  try {
    if (request.mode === "lossless") await copyCut(source, clips, sink, job);
    else if (request.mode === "smart" && video) {
      try {
        await smartCut(video, audio, clips, sink, job);
      } catch (error) {
        if (!(error instanceof MediaError) || error.kind !== "unsupported") throw error;
        await reencodeCut(source, clips, sink, job);
        return `re-encoded in full: ${error.message}`;
      }
    } else await reencodeCut(source, clips, sink, job);
    return "";
  } finally {
    input.dispose();
  }
}
