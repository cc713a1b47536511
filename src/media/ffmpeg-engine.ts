import { FFmpeg } from "@ffmpeg/ffmpeg";
import coreURL from "@ffmpeg/core?url";
import wasmURL from "@ffmpeg/core/wasm?url";
import { planExport, type ExportPlan } from "../core/export-plan";
import { explainFailure, parseProgressTime } from "../core/ffmpeg-log";
import { parsePacketTimes, planTrimProbes, trimmedEdits } from "../core/lossless-trim";
import { parseProbe, type MediaInfo } from "../core/media-info";
import { movieTracks, withEditLists } from "../core/mp4-edit-list";
import { withMoovInFront } from "../core/mp4-faststart";
import { explainProbeFailure } from "../core/probe-failure";
import { applyIndex, type SourceIndex } from "../core/source-index";
import { planProbe } from "../core/probe-plan";
import { measureProgress, type ExportProgress } from "../core/progress";
import { fail, ok, type Result } from "../core/result";
import { clipSourceIndexes } from "../core/sources";
import { JobQueue } from "./job-queue";
import { CANCELLED, type EngineInfo, type RenderRequest } from "./media-api";
import { MediaError } from "./media-error";
import type { OutputSink } from "./output-sink";

// Each input is mounted in a folder of its own: /input0, /input1…
const INPUT_DIR = "/input";
const WORK_DIR = "/work";
const LOG_LINES = 40;
const PROGRESS_INTERVAL_MS = 100;
// ffmpeg prints a status line every half second while it works: this much silence is a hang.
const STALL_MS = 30_000;
const TERMINATED = "called FFmpeg.terminate()";

/** The core hung or crashed: what it was doing is lost and the core must be replaced. */
class EngineFault extends Error {}
class Cancelled extends Error {}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Clean-up on a core that may be hung or gone: never wait on it for long. */
const tidy = (work: Promise<unknown>) =>
  Promise.race([work.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2000))]);

function faultSignal() {
  let reject!: (error: EngineFault) => void;
  const promise = new Promise<never>((_, r) => (reject = r));
  promise.catch(() => undefined);
  return { promise, reject };
}

interface Loaded {
  ffmpeg: FFmpeg;
  info: EngineInfo;
}

/**
 * ffmpeg.wasm's single-thread core, loaded from our own origin: it probes files and exports what
 * the packet engine cannot. The multi-thread core is not shipped: in Chromium it fails a real
 * encode ("function signature mismatch"), and exports get their speed from the packet engine.
 * One command at a time; a core that crashes or goes silent is replaced.
 */
export class FfmpegEngine {
  private loaded: Promise<Loaded> | null = null;
  private log: string[] = [];
  private lastLine = 0;
  private onLine: ((line: string) => void) | null = null;
  private cancelled = false;
  private exporting = false;
  private faulted = faultSignal();
  private readonly jobs = new JobQueue();

  /** An uncaught error from inside the core (reported to the worker): the running call fails. */
  fault(why: string): void {
    const signal = this.faulted;
    this.faulted = faultSignal();
    signal.reject(new EngineFault(`crashed: ${why}`));
  }

  ready(): Promise<Loaded> {
    this.loaded ??= this.load();
    this.loaded.catch(() => (this.loaded = null));
    return this.loaded;
  }

  private async load(): Promise<Loaded> {
    const began = performance.now();
    const ffmpeg = new FFmpeg();
    await ffmpeg.load({ coreURL, wasmURL });
    ffmpeg.on("log", ({ message: line }) => {
      this.log = [...this.log.slice(-LOG_LINES + 1), line];
      this.lastLine = performance.now();
      this.onLine?.(line);
    });
    await ffmpeg.createDir(WORK_DIR);
    return { ffmpeg, info: { loadSeconds: (performance.now() - began) / 1000 } };
  }

  /** Throws away the running core (a fault or a cancel) and starts a fresh one in the background. */
  private async restart(): Promise<void> {
    const old = this.loaded;
    this.loaded = null;
    (await old?.catch(() => null))?.ffmpeg.terminate();
    void this.ready().catch(() => undefined);
  }

  /** Races a call into the core against its crashing or going silent for STALL_MS. */
  private async watched<T>(work: Promise<T>): Promise<T> {
    this.lastLine = performance.now();
    let watchdog: ReturnType<typeof setInterval> | undefined;
    const stalled = new Promise<never>((_, reject) => {
      watchdog = setInterval(() => {
        if (performance.now() - this.lastLine > STALL_MS) reject(new EngineFault(`hung (no output for ${STALL_MS / 1000} s)`));
      }, 1000);
    });
    try {
      return await Promise.race([work, stalled, this.faulted.promise]);
    } finally {
      clearInterval(watchdog);
    }
  }

  /**
   * Mounts the Files read-only (WORKERFS: no copy into wasm memory) for the length of `work`,
   * each in a folder of its own (two files may share a name); `work` gets their paths.
   */
  private async withInputs<T>(files: readonly File[], work: (ffmpeg: FFmpeg, inputs: string[]) => Promise<Result<T>>): Promise<Result<T>> {
    const { ffmpeg } = await this.ready();
    this.log = [];
    const mounted: string[] = [];
    try {
      for (const [i, file] of files.entries()) {
        const dir = `${INPUT_DIR}${i}`;
        await this.watched(ffmpeg.createDir(dir).catch(() => undefined));
        await this.watched(ffmpeg.mount("WORKERFS" as never, { files: [file] }, dir));
        mounted.push(dir);
      }
      return await work(ffmpeg, files.map((file, i) => `${INPUT_DIR}${i}/${file.name}`));
    } catch (error) {
      if (error instanceof Cancelled || message(error) === TERMINATED) return fail(CANCELLED);
      throw error instanceof EngineFault ? error : new EngineFault(`crashed: ${message(error)}`);
    } finally {
      for (const dir of mounted) await tidy(ffmpeg.unmount(dir));
    }
  }

  /** Runs `attempt`; when the core faults it is replaced, and the user told what was lost. */
  private async recovering<T>(doing: string, attempt: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof EngineFault)) throw error;
      await this.restart();
      return fail(`The media engine ${error.message} while ${doing}, and was restarted`);
    }
  }

  private async readText(ffmpeg: FFmpeg, path: string): Promise<string> {
    const data = await ffmpeg.readFile(path, "utf8");
    await ffmpeg.deleteFile(path);
    return typeof data === "string" ? data : new TextDecoder().decode(data);
  }

  /**
   * The file's streams and format, with what the packet engine's `index` read (keyframes, frame
   * times, how much can be read); without one, ffprobe finds the keyframes. The index is read
   * meanwhile, on this thread, while ffprobe runs on the core's.
   */
  probe(file: File, indexing: Promise<SourceIndex | null>): Promise<Result<MediaInfo>> {
    if (file.size === 0) return Promise.resolve(fail(`${file.name}: the file is empty`));
    return this.jobs.run(() =>
      this.recovering(`reading ${file.name}`, () =>
        this.withInputs([file], async (ffmpeg, [input = ""]) => {
          const plan = planProbe(input, WORK_DIR);
          // ffmpeg.wasm's ffprobe answers -1 even on success: judge by what it wrote instead.
          await this.watched(ffmpeg.ffprobe(plan.formatArgs));
          const json = await this.readText(ffmpeg, plan.formatFile).catch(() => "");
          const probed = parseProbe(file.name, json, "");
          if (!probed.ok) {
            const head = new Uint8Array(await file.slice(0, 12).arrayBuffer());
            return fail(explainProbeFailure(file.name, this.log, probed.error, head));
          }
          const index = await indexing;
          if (index) return applyIndex(probed.value, index);
          await this.watched(ffmpeg.ffprobe(plan.keyframesArgs));
          return parseProbe(file.name, json, await this.readText(ffmpeg, plan.keyframesFile).catch(() => ""));
        }),
      ),
    );
  }

  private async runPlan(ffmpeg: FFmpeg, plan: ExportPlan, fileName: string, onProgress: (p: ExportProgress) => void) {
    const began = performance.now();
    let step = 0;
    let reported = 0;
    const report = (time: number) => onProgress(measureProgress(plan, step, time, (performance.now() - began) / 1000));
    this.onLine = (line) => {
      const time = parseProgressTime(line);
      if (time === null || performance.now() - reported < PROGRESS_INTERVAL_MS) return;
      reported = performance.now();
      report(time);
    };
    const written = [...plan.files.map((f) => f.path), ...plan.steps.map((s) => s.output)];
    try {
      for (const f of plan.files) await ffmpeg.writeFile(f.path, f.text);
      for (const [index, { args }] of plan.steps.entries()) {
        step = index;
        report(0);
        const code = await this.watched(ffmpeg.exec(args));
        if (this.cancelled) throw new Cancelled();
        if (code !== 0) return fail<Uint8Array>(`Export failed on ${fileName}: ${explainFailure(this.log)}`);
      }
      const output = (await ffmpeg.readFile(plan.output)) as Uint8Array;
      return ok(plan.trim ? await this.trimmed(ffmpeg, plan.trim, plan.output, output) : output);
    } finally {
      this.onLine = null;
      for (const path of written) await tidy(ffmpeg.deleteFile(path));
    }
  }

  /** Runs ffprobe with `args` (which write to `answer`), its answer as text. */
  private async ffprobeText(ffmpeg: FFmpeg, args: string[], answer: string): Promise<string> {
    await this.watched(ffmpeg.ffprobe(args));
    return this.readText(ffmpeg, answer).catch(() => "");
  }

  /**
   * The joined lossless output with what each segment shows past its clip's OUT hidden by edit
   * lists (lossless-trim.ts); as it was where the packets cannot be matched to their segments.
   */
  private async trimmed(ffmpeg: FFmpeg, trim: NonNullable<ExportPlan["trim"]>, output: string, bytes: Uint8Array): Promise<Uint8Array> {
    const answer = `${WORK_DIR}/answer.csv`;
    const probes = planTrimProbes(answer);
    const counts: number[] = [];
    for (const segment of trim.segments) counts.push(Number.parseInt(await this.ffprobeText(ffmpeg, probes.videoPackets(segment), answer), 10));
    const times = async (stream: `${"v" | "a"}:${number}`) => parsePacketTimes(await this.ffprobeText(ffmpeg, probes.packetTimes(output, stream), answer));
    const audioTimes: number[][] = [];
    for (let t = 0; t < trim.audioTracks; t++) audioTimes.push((await times(`a:${t}`)).filter(Number.isFinite).sort((a, b) => a - b));
    const joined = { counts, videoTimes: await times("v:0"), audioTimes, shown: trim.shown };
    // The join wrote its header in front (+faststart); it grows by the edit lists, and the media moves on.
    const rewritten = withMoovInFront(bytes, (moov) => {
      const edits = trimmedEdits(movieTracks(moov), joined);
      return edits ? withEditLists(moov, edits) : moov;
    });
    return rewritten ?? bytes;
  }

  /** An export run in the core's memory, every file mounted; the finished file goes to the sink. */
  async render(request: RenderRequest, sink: OutputSink, onProgress: (p: ExportProgress) => void): Promise<void> {
    const { sources, clips, mode, droppedTracks, audioMix, container } = request;
    const placed = clipSourceIndexes(sources, clips);
    if ("missing" in placed) throw new MediaError("unsupported", `The file clip ${placed.missing + 1} is cut from is not open`);
    const names = sources.map((s) => s.file.name).join(", ");
    const result = await this.jobs.run(() => {
      this.cancelled = false;
      this.exporting = true;
      return this.recovering("exporting", () =>
        this.withInputs(
          sources.map((s) => s.file),
          (ffmpeg, paths) => {
            const inputs = sources.map((s, i) => ({ input: paths[i] as string, info: s.info }));
            return this.runPlan(ffmpeg, planExport(mode, { workDir: WORK_DIR, inputs, clips, from: placed, droppedTracks, audioMix, container }), names, onProgress);
          },
        ),
      ).finally(() => (this.exporting = false));
    });
    if (!result.ok) throw new MediaError(result.error === CANCELLED ? "cancelled" : "fault", result.error);
    await sink.write(0, result.value);
  }

  /** Stops a running export by replacing the core. */
  async cancel(): Promise<void> {
    if (!this.exporting) return;
    this.cancelled = true;
    await this.restart();
  }
}
