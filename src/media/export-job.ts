import { downloadZip } from "client-zip";
import type { Clip } from "../core/clips";
import { frameless } from "../core/frames";
import { plural } from "../core/plural";
import { firstVideo } from "../core/media-info";
import { timeLeft, type ExportProgress } from "../core/progress";
import { pastReadableEnd } from "../core/source-index";
import { CANCELLED, type ExportDestination, type Exported, type RenderRequest } from "./media-api";
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

/** ffmpeg.wasm running a whole export into a sink: for what the packet engine cannot do. */
export type Fallback = (request: RenderRequest, sink: OutputSink, onProgress: (p: ExportProgress) => void) => Promise<void>;

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
    if (request.clips.length === 0) return jobFailed(new MediaError("unsupported", "There are no clips to export"));
    const unreadable = pastReadableEnd(request.clips, request.info);
    if (unreadable) return jobFailed(new MediaError("unsupported", unreadable));
    const rate = firstVideo(request.info)?.frameRate;
    const empty = rate ? frameless(request.clips, rate) : [];
    if (empty.length > 0) return jobFailed(new MediaError("unsupported", framelessMessage(empty)));
    // Kept in memory, the output is judged by the source's bit rate before anything is written.
    const seconds = request.clips.reduce((sum, c) => sum + (c.end - c.start), 0);
    const inMemory = destination.kind === "memory" || destination.kind === "zip";
    if (inMemory && (request.info.bitRate / 8) * seconds > MEMORY_LIMIT) return jobFailed(tooLargeForMemory());
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

  /** Each clip its own MP4: into the folder picked, or gathered in a ZIP that is downloaded. */
  private async perClip(
    request: RenderRequest,
    destination: Extract<ExportDestination, { kind: "folder" | "zip" }>,
    signal: AbortSignal,
    progress: (fraction: number, clip: number) => void,
  ): Promise<Exported> {
    const lengths = request.clips.map((c) => c.end - c.start);
    const total = lengths.reduce((a, b) => a + b, 0) || 1;
    const files: { name: string; input: Blob }[] = [];
    let size = 0;
    let made: Made = { engine: "packet", note: "" };
    for (const [index, clip] of request.clips.entries()) {
      const name = destination.names[index] as string;
      const sink =
        destination.kind === "folder"
          ? await FileSink.open(await destination.handle.getFileHandle(name, { create: true }))
          : new MemorySink();
      const before = lengths.slice(0, index).reduce((a, b) => a + b, 0);
      const one: Clip[] = [clip];
      made = await this.into({ ...request, clips: one }, sink, signal, (fraction) =>
        progress((before + fraction * (lengths[index] as number)) / total, index),
      );
      const blob = await sink.close();
      if (blob) {
        size += blob.size;
        if (size > MEMORY_LIMIT) throw tooLargeForMemory();
        files.push({ name, input: blob });
      }
    }
    const blob = destination.kind === "zip" ? await downloadZip(files).blob() : null;
    return { ...made, blob };
  }

  /** One MP4 into `sink`, by whichever engine can make it. */
  private async into(request: RenderRequest, sink: OutputSink, signal: AbortSignal, progress: (fraction: number, clip: number) => void): Promise<Made> {
    try {
      const packet = await choosePacketEngine(request.file, request.mode);
      if (!packet.ok) {
        await this.fallback(request, sink, (p) => progress(p.fraction, p.clip));
        return { engine: "ffmpeg", note: packet.error };
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
