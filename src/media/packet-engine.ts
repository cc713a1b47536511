import { ALL_FORMATS, BlobSource, canEncodeVideo, Input } from "mediabunny";
import { soundLayout } from "../core/audio-mix";
import type { ExportMode } from "../core/export-plan";
import { CONTAINER_FORMATS, hasEditLists, type OutputContainer } from "../core/output-container";
import { chaptersLeftOut } from "../core/mp4-chapters";
import { CONTAINER_CODECS } from "./cut-output";
import { fail, ok, type Result } from "../core/result";
import { copyCut } from "./copy-cut";
import { clipSourceIndexes } from "../core/sources";
import type { CutSource, CutTracks, CutWork } from "./packet-copy";
import type { ExportSource, RenderRequest } from "./media-api";
import type { OutputSink } from "./output-sink";
import { reencodeCut } from "./reencode-cut";
import { smartCut } from "./smart-cut";
import { MediaError } from "./media-error";

/** A source the packet engine can cut in the asked mode: the file opened, its first video and every audio track. */
export interface PacketSource extends CutTracks {
  input: Input;
}

/**
 * Opens the file with mediabunny, without the audio tracks left out (`droppedAudio`: their places
 * among the file's audio tracks), and checks it can do `mode`; otherwise says, in words a user
 * follows, why ffmpeg.wasm runs instead.
 */
async function openSource(file: File, mode: ExportMode, droppedAudio: readonly number[], container: OutputContainer): Promise<Result<PacketSource>> {
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
    const foreign = tracks.find((t) => !t.codec || !CONTAINER_CODECS[container].has(t.codec));
    const label = CONTAINER_FORMATS[container].label;
    if (foreign) return refuse(`${foreign.codec ?? "this"} ${foreign.type} cannot be copied into ${label === "MKV" ? "an" : "a"} ${label}`);
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
 * Opens every file of the export, each without the audio tracks left out (`droppedAudio`, the
 * same places in every file); the first one it cannot do `mode` for is named, and ffmpeg.wasm
 * runs instead. Several files are cut in the first one's format: the others' pictures fitted
 * into its size and rate, silence where a file has no sound.
 */
export async function choosePacketEngine(
  sources: readonly ExportSource[],
  mode: ExportMode,
  droppedAudio: readonly number[],
  container: OutputContainer = "mp4",
): Promise<Result<PacketSource[]>> {
  const opened: PacketSource[] = [];
  for (const { file } of sources) {
    const source = await openSource(file, mode, droppedAudio, container);
    if (!source.ok) {
      for (const o of opened) o.input.dispose();
      return fail(sources.length > 1 ? `${file.name}: ${source.error}` : source.error);
    }
    opened.push(source.value);
  }
  const soundOnly = sources.findIndex((_, i) => !opened[i]?.video);
  if (mode !== "lossless" && sources.length > 1 && soundOnly >= 0) {
    for (const o of opened) o.input.dispose();
    return fail(`${sources[soundOnly]?.file.name} has no video to ${mode === "smart" ? "smart cut" : "re-encode"} beside the others`);
  }
  return ok(opened);
}

/**
 * Runs an export with the packet engine; the sink receives the MP4 as it is made. A smart cut the
 * files do not allow becomes a full re-encode, and the answer says why.
 */
export async function runPacketEngine(sources: readonly PacketSource[], request: RenderRequest, sink: OutputSink, work: CutWork): Promise<string> {
  try {
    const cut: CutSource[] = [];
    const origins: number[] = [];
    for (const [i, { video, audio }] of sources.entries()) {
      // The page counts from the first frame; a recording may start its timestamps later (MKV, TS).
      const origin = video ? await video.getFirstTimestamp() : Math.max(0, (await audio[0]?.getFirstTimestamp()) ?? 0);
      // The page's model ends the last frame at the probe's duration; so do the engine's boundaries.
      cut.push({ video, audio, end: (request.sources[i] as ExportSource).info.duration + origin });
      origins.push(origin);
    }
    const placed = clipSourceIndexes(request.sources, request.clips);
    if ("missing" in placed) throw new MediaError("unsupported", `The file clip ${placed.missing + 1} is cut from is not open`);
    const clips = request.clips.map((c, i) => {
      const source = placed[i] as number;
      const origin = origins[source] as number;
      return { start: c.start + origin, end: c.end + origin, source };
    });
    const names = request.sources.map((s) => s.file.name);
    // The tracks mixed into one, by their places among the kept ones (lossless mixes nothing).
    const layout = soundLayout((request.sources[0] as ExportSource).info, request.droppedTracks, request.audioMix, request.mode);
    const container = request.container ?? "mp4";
    const job = request.chapters ? { ...work, chapters: request.clips.map((c) => c.label) } : work;
    const chapterNote = request.chapters ? chaptersLeftOut(clips.length, hasEditLists(container)) : "";
    const said = (...notes: string[]) => notes.filter((n) => n).join("; ");
    if (request.mode === "lossless") return said(await copyCut(cut, names, clips, sink, job, container), chapterNote);
    if (request.mode === "smart" && cut.every((c) => c.video)) {
      try {
        await smartCut(cut, names, clips, sink, job, layout, container);
      } catch (error) {
        // Smart cut refuses before it writes a byte: the same sink takes the re-encode; a WebM cannot hold the re-encode's H.264.
        if (!(error instanceof MediaError) || error.kind !== "unsupported" || container === "webm") throw error;
        await reencodeCut(cut, names, clips, sink, job, layout, container);
        return said(`re-encoded in full: ${error.message}`, chapterNote);
      }
    } else await reencodeCut(cut, names, clips, sink, job, layout, container);
    return chapterNote;
  } finally {
    for (const { input } of sources) input.dispose();
  }
}
