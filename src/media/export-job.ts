import { downloadZip, makeZip } from "client-zip";
import type { Clip } from "../core/clips";
import { frameless, videoFrames } from "../core/frames";
import { plural } from "../core/plural";
import { timeLeft, type ExportProgress } from "../core/progress";
import { pastReadableEnd } from "../core/source-index";
import { joinRefusal } from "../core/join-check";
import { clipSourceIndexes } from "../core/sources";
import { losslessRefused } from "../core/export-plan";
import { containerRefusal } from "../core/output-container";
import { droppedAudio, nothingKept } from "../core/track-choice";
import { CANCELLED, type ExportDestination, type Exported, type ExportSource, type RenderRequest } from "./media-api";
import { JobQueue } from "./job-queue";
import { jobFailed, MediaError, type JobResult } from "./media-error";
import { FileSink, MEMORY_LIMIT, MemorySink, tooLargeForMemory, type OutputSink } from "./output-sink";
import { choosePacketEngine, runPacketEngine } from "./packet-engine";

/** Clips named in a message before the rest are counted: a list of thousands stays one line. */
const NAMED_CLIPS = 5;

/** Which clips (0-based `indexes`) hold no frame, named up to NAMED_CLIPS. */
export function framelessMessage(indexes: readonly number[]): string {
  const named = indexes.slice(0, NAMED_CLIPS).map((i) => i + 1).join(", ");
  const more = indexes.length - NAMED_CLIPS;
  if (indexes.length === 1) return `Clip ${named} is shorter than one frame: make it longer or delete it`;
  const which = more > 0 ? `${named} and ${plural(more, "other", "others")}` : named;
  return `Clips ${which} are shorter than one frame: make them longer or delete them`;
}

/**
 * Why the clips cannot be exported as they are, each judged on its own file: one past the
 * readable part of a file cut short, or ones holding no frame. Null when none.
 */
function clipsRefused(request: RenderRequest, placed: readonly number[]): string | null {
  const empty: number[] = [];
  for (const [s, { info }] of request.sources.entries()) {
    const positions = placed.flatMap((p, i) => (p === s ? [i] : []));
    const clips = positions.map((i) => request.clips[i] as Clip);
    const unreadable = pastReadableEnd(clips, info, positions.map((i) => i + 1));
    if (unreadable) return unreadable;
    const frames = videoFrames(info);
    if (frames) empty.push(...frameless(clips, frames).map((i) => positions[i] as number));
  }
  return empty.length > 0 ? framelessMessage(empty.sort((a, b) => a - b)) : null;
}

/** ffmpeg.wasm running a whole export into a sink: for what the packet engine cannot do. */
export type Fallback = (request: RenderRequest, sink: OutputSink, onProgress: (p: ExportProgress) => void) => Promise<void>;

interface ZipEntry {
  name: string;
  input: Blob;
  lastModified: Date;
}

interface Made {
  engine: Exported["engine"];
  note: string;
}

/**
 * Exports, one at a time: the packet engine where it can read the file and do the mode, else
 * ffmpeg.wasm, saying which ran and why. One MP4 of the whole list, or one file a clip.
 */
export class ExportJobs {
  private readonly queue = new JobQueue();
  private running: AbortController | null = null;

  constructor(private readonly fallback: Fallback) {}

  render(request: RenderRequest, destination: ExportDestination, onProgress: (p: ExportProgress) => void): Promise<JobResult<Exported>> {
    return this.queue.run(() => this.run(request, destination, onProgress));
  }

  /** Stops the running export at its next packet; true if one was running. */
  cancel(): boolean {
    this.running?.abort();
    return this.running !== null;
  }

  private async run(request: RenderRequest, destination: ExportDestination, report: (p: ExportProgress) => void): Promise<JobResult<Exported>> {
    const result = await this.attempt(request, destination, report);
    // A download already offered for the output ends with it, even when nothing was written.
    const stream = destination.kind === "zip" ? destination.stream : null;
    if (!result.ok && stream && !stream.locked) await stream.abort(result.error).catch(() => undefined);
    return result;
  }

  private async attempt(request: RenderRequest, destination: ExportDestination, report: (p: ExportProgress) => void): Promise<JobResult<Exported>> {
    if (request.clips.length === 0) return jobFailed(new MediaError("unsupported", "There are no clips to export"));
    const placed = clipSourceIndexes(request.sources, request.clips);
    if ("missing" in placed) return jobFailed(new MediaError("unsupported", `The file clip ${placed.missing + 1} is cut from is not open: add it to export`));
    // The output takes the first file's tracks: the choice is made on them.
    const output = (request.sources[0] as ExportSource).info;
    const empty = nothingKept(output, request.droppedTracks) ?? containerRefusal(request.container ?? "mp4", request.mode, output, request.droppedTracks);
    if (empty) return jobFailed(new MediaError("unsupported", empty));
    // One file a clip joins nothing: only one MP4 of the whole list needs its files alike.
    const joins = destination.kind === "file" || destination.kind === "memory";
    const refused = (joins ? joinRefusal(request.mode, request.sources.map((s) => s.info)) : null) ?? clipsRefused(request, placed);
    if (refused) return jobFailed(new MediaError("unsupported", refused));
    // What memory holds at once is judged by the sources' bit rates before anything is written: the
    // whole output, or (a streamed ZIP) the longest clip.
    const bytes = request.clips.map((c, i) => ((request.sources[placed[i] as number] as ExportSource).info.bitRate / 8) * (c.end - c.start));
    const held =
      destination.kind === "memory" || (destination.kind === "zip" && !destination.stream)
        ? bytes.reduce((a, b) => a + b, 0)
        : destination.kind === "zip"
          ? bytes.reduce((a, b) => Math.max(a, b), 0)
          : 0;
    if (held > MEMORY_LIMIT) return jobFailed(tooLargeForMemory());
    const abort = new AbortController();
    this.running = abort;
    const began = performance.now();
    const progress = (fraction: number, clip: number) => {
      report({ fraction, clip, remaining: timeLeft(fraction, (performance.now() - began) / 1000) });
    };
    try {
      const done =
        destination.kind === "file" || destination.kind === "memory"
          ? await this.whole(request, destination, abort.signal, progress)
          : await this.perClip(request, destination, abort.signal, progress);
      report({ fraction: 1, clip: request.clips.length - 1, remaining: 0 });
      return { ok: true, value: done };
    } catch (error) {
      return jobFailed(abort.signal.aborted ? new MediaError("cancelled", CANCELLED) : error);
    } finally {
      this.running = null;
    }
  }

  private async whole(
    request: RenderRequest,
    destination: Extract<ExportDestination, { kind: "file" | "memory" }>,
    signal: AbortSignal,
    progress: (fraction: number, clip: number) => void,
  ): Promise<Exported> {
    const sink = destination.kind === "file" ? await FileSink.open(destination.handle) : new MemorySink();
    const made = await this.into(request, sink, signal, progress);
    return { ...made, blob: await sink.close() };
  }

  /**
   * Each clip its own MP4: into the folder picked, or gathered in a ZIP. A streamed ZIP asks for
   * the next clip only once the download has taken the last, so one clip at a time is in memory.
   */
  private async perClip(
    request: RenderRequest,
    destination: Extract<ExportDestination, { kind: "folder" | "zip" }>,
    signal: AbortSignal,
    progress: (fraction: number, clip: number) => void,
  ): Promise<Exported> {
    let made: Made = { engine: "packet", note: "" };
    const files = this.clipFiles(request, destination, signal, progress, (m) => (made = m));
    if (destination.kind === "folder") {
      // Each clip is written into its own file: nothing comes back to gather.
      while (!(await files.next()).done);
      return { ...made, blob: null };
    }
    if (destination.stream) {
      await makeZip(files)
        .pipeTo(destination.stream, { signal })
        .catch((error: unknown) => {
          // Our own refusals come through as they are; anything else is the download ending early.
          if (signal.aborted || error instanceof MediaError) throw error;
          throw new MediaError("cancelled", "Export stopped: the download was cancelled or failed");
        });
      return { ...made, blob: null };
    }
    const kept: ZipEntry[] = [];
    let size = 0;
    for await (const file of files) {
      size += file.input.size;
      if (size > MEMORY_LIMIT) throw tooLargeForMemory();
      kept.push(file);
    }
    return { ...made, blob: await downloadZip(kept).blob() };
  }

  /** Makes the clips one after another, each into its file in the folder or else into memory, yielded. */
  private async *clipFiles(
    request: RenderRequest,
    destination: Extract<ExportDestination, { kind: "folder" | "zip" }>,
    signal: AbortSignal,
    progress: (fraction: number, clip: number) => void,
    onMade: (made: Made) => void,
  ): AsyncGenerator<ZipEntry> {
    const lengths = request.clips.map((c) => c.end - c.start);
    const total = lengths.reduce((a, b) => a + b, 0) || 1;
    const placed = clipSourceIndexes(request.sources, request.clips) as number[];
    for (const [index, clip] of request.clips.entries()) {
      const name = destination.names[index] as string;
      const sink =
        destination.kind === "folder"
          ? await FileSink.open(await destination.handle.getFileHandle(name, { create: true }))
          : new MemorySink();
      const before = lengths.slice(0, index).reduce((a, b) => a + b, 0);
      const one: Clip[] = [clip];
      onMade(
        await this.into({ ...request, sources: [request.sources[placed[index] as number] as ExportSource], clips: one }, sink, signal, (fraction) =>
          progress((before + fraction * (lengths[index] as number)) / total, index),
        ),
      );
      const blob = await sink.close();
      if (blob) yield { name, input: blob, lastModified: new Date() };
    }
  }

  /** One MP4 into `sink`, by whichever engine can make it. */
  private async into(request: RenderRequest, sink: OutputSink, signal: AbortSignal, progress: (fraction: number, clip: number) => void): Promise<Made> {
    try {
      const dropped = droppedAudio((request.sources[0] as ExportSource).info, request.droppedTracks);
      const packet = await choosePacketEngine(request.sources, request.mode, dropped, request.container);
      if (!packet.ok) {
        // ffmpeg's plans for a Matroska file re-encode to H.264 and AAC, which a WebM cannot hold.
        if (request.container === "webm") throw new MediaError("unsupported", `A WebM cannot be made: ${packet.error}`);
        await this.fallback(request, sink, (p) => progress(p.fraction, p.clip));
        const recoded = request.mode === "lossless" ? losslessRefused(request.container) : null;
        const notes = [packet.error, recoded, request.chapters ? "no chapters: ffmpeg.wasm writes none" : null];
        return { engine: "ffmpeg", note: notes.filter((n) => n !== null).join("; ") };
      }
      const inMemory = sink instanceof MemorySink;
      const note = await runPacketEngine(packet.value, request, sink, { signal, inMemory, onProgress: progress });
      return { engine: "packet", note };
    } catch (error) {
      await sink.abort();
      throw error;
    }
  }
}
