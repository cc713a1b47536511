/// <reference lib="webworker" />
import { expose, transfer } from "comlink";
import { planExport, type ExportPlan } from "../core/export-plan";
import { explainFailure, parseProgressTime } from "../core/ffmpeg-log";
import { parseProbe } from "../core/media-info";
import { planProbe } from "../core/probe-plan";
import { measureProgress, type ExportProgress } from "../core/progress";
import { fail, ok, type Result } from "../core/result";
import { startEngine, type Engine, type EngineChoice } from "./engine";
import { identify } from "./media-identity";
import { CANCELLED, type MediaApi, type RenderRequest, type ThreadChoice } from "./media-api";

const INPUT_DIR = "/input";
const WORK_DIR = "/work";
const LOG_LINES = 40;
const PROGRESS_INTERVAL_MS = 100;
// ffmpeg prints a status line every half second while it works: this much silence is a hang.
const STALL_MS = 30_000;

type Ffmpeg = Engine["ffmpeg"];

/** The core hung or crashed: what it was doing is lost and the core must be replaced. */
class EngineFault extends Error {}
class Cancelled extends Error {}

let requested: ThreadChoice = "auto";
let choice: EngineChoice = { threads: requested, note: "" };
let engine: Promise<Engine> | null = null;
let log: string[] = [];
let lastLine = 0;
let onLine: ((line: string) => void) | null = null;
let cancelled = false;

/**
 * ffmpeg's own threads are workers nested in ours: an uncaught error in one of them (the
 * multi-thread core's "function signature mismatch") arrives here. It must not reach the page.
 */
let faulted = newFaultSignal();
function newFaultSignal() {
  let reject!: (error: EngineFault) => void;
  const promise = new Promise<never>((_, r) => (reject = r));
  promise.catch(() => undefined);
  return { promise, reject };
}
self.addEventListener("error", (event) => {
  event.preventDefault();
  const signal = faulted;
  faulted = newFaultSignal();
  signal.reject(new EngineFault(`crashed: ${event.message || "an ffmpeg thread failed"}`));
});

function engineReady(): Promise<Engine> {
  engine ??= startEngine(choice, () => faulted.promise).then(async (started) => {
    started.ffmpeg.on("log", ({ message }) => {
      log = [...log.slice(-LOG_LINES + 1), message];
      lastLine = performance.now();
      onLine?.(message);
    });
    await started.ffmpeg.createDir(INPUT_DIR);
    await started.ffmpeg.createDir(WORK_DIR);
    return started;
  });
  engine.catch(() => (engine = null));
  return engine;
}

/** Throws away the running core (a fault or a cancel) and starts a fresh one in the background. */
async function restart(): Promise<void> {
  const old = engine;
  engine = null;
  (await old?.catch(() => null))?.ffmpeg.terminate();
  void engineReady().catch(() => undefined);
}

const TERMINATED = "called FFmpeg.terminate()";
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Clean-up on a core that may be hung or gone: never wait on it for long. */
const tidy = (work: Promise<unknown>) =>
  Promise.race([work.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2000))]);

/** Races a call into the core against its crashing or going silent for STALL_MS. */
async function watched<T>(work: Promise<T>): Promise<T> {
  lastLine = performance.now();
  let watchdog: ReturnType<typeof setInterval> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    watchdog = setInterval(() => {
      if (performance.now() - lastLine > STALL_MS) reject(new EngineFault(`hung (no output for ${STALL_MS / 1000} s)`));
    }, 1000);
  });
  try {
    return await Promise.race([work, stalled, faulted.promise]);
  } finally {
    clearInterval(watchdog);
  }
}

/** Mounts the File read-only (WORKERFS: no copy into wasm memory) for the length of `work`. */
async function withInput<T>(file: File, work: (ffmpeg: Ffmpeg, input: string) => Promise<Result<T>>): Promise<Result<T>> {
  const { ffmpeg } = await engineReady();
  log = [];
  let mounted = false;
  try {
    await watched(ffmpeg.mount("WORKERFS" as never, { files: [file] }, INPUT_DIR));
    mounted = true;
    return await work(ffmpeg, `${INPUT_DIR}/${file.name}`);
  } catch (error) {
    if (error instanceof Cancelled || message(error) === TERMINATED) return fail(CANCELLED);
    throw error instanceof EngineFault ? error : new EngineFault(`crashed: ${message(error)}`);
  } finally {
    if (mounted) await tidy(ffmpeg.unmount(INPUT_DIR));
  }
}

/**
 * Runs `attempt`; when the core faults, a multi-thread core is replaced by the single-thread one
 * (ffmpeg.wasm's multi-thread build hangs or crashes in Chromium) and `attempt` runs once more.
 */
async function recovering<T>(doing: string, attempt: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await attempt();
  } catch (error) {
    if (!(error instanceof EngineFault)) throw error;
    const wasMulti = (await engineReady().catch(() => null))?.info.threads === "multi";
    if (wasMulti) choice = { threads: "single", note: `the multi-thread core ${error.message} while ${doing}` };
    await restart();
    if (!wasMulti) return fail(`The media engine ${error.message} while ${doing}, and was restarted`);
    return attempt().catch((again: unknown) => fail(`The media engine failed while ${doing}: ${message(again)}`));
  }
}

async function readText(ffmpeg: Ffmpeg, path: string): Promise<string> {
  const data = await ffmpeg.readFile(path, "utf8");
  await ffmpeg.deleteFile(path);
  return typeof data === "string" ? data : new TextDecoder().decode(data);
}

function probeOnce(file: File) {
  return withInput(file, async (ffmpeg, input) => {
    const plan = planProbe(input, WORK_DIR);
    // ffmpeg.wasm's ffprobe answers -1 even on success: judge by what it wrote instead.
    await watched(ffmpeg.ffprobe(plan.formatArgs));
    const json = await readText(ffmpeg, plan.formatFile).catch(() => "");
    const probed = parseProbe(file.name, json, "");
    if (!probed.ok) {
      const why = log.length > 0 ? explainFailure(log) : probed.error.replace(`${file.name}: `, "");
      return fail(`${file.name}: not a video ffmpeg can read (${why})`);
    }
    await watched(ffmpeg.ffprobe(plan.keyframesArgs));
    const keyframes = await readText(ffmpeg, plan.keyframesFile).catch(() => "");
    return parseProbe(file.name, json, keyframes);
  });
}

async function probe(file: File) {
  if (file.size === 0) return fail(`${file.name}: the file is empty`);
  return recovering(`reading ${file.name}`, () => probeOnce(file));
}

async function runPlan(ffmpeg: Ffmpeg, plan: ExportPlan, fileName: string, onProgress: (p: ExportProgress) => void) {
  const began = performance.now();
  let step = 0;
  let reported = 0;
  const report = (time: number) => onProgress(measureProgress(plan, step, time, (performance.now() - began) / 1000));
  onLine = (line) => {
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
      const code = await watched(ffmpeg.exec(args));
      if (cancelled) throw new Cancelled();
      if (code !== 0) return fail<Uint8Array>(`Export failed on ${fileName}: ${explainFailure(log)}`);
    }
    const data = await ffmpeg.readFile(plan.output);
    onProgress({ fraction: 1, clip: plan.clips.length - 1, remaining: 0 });
    return ok(data as Uint8Array);
  } finally {
    onLine = null;
    for (const path of written) await tidy(ffmpeg.deleteFile(path));
  }
}

async function render(request: RenderRequest, onProgress: (p: ExportProgress) => void) {
  const { file, info, clips, mode } = request;
  if (clips.length === 0) return fail("There are no clips to export");
  cancelled = false;
  const result = await recovering("exporting", () =>
    withInput(file, (ffmpeg, input) =>
      runPlan(ffmpeg, planExport(mode, { input, workDir: WORK_DIR, info, clips }), file.name, onProgress),
    ),
  );
  return result.ok ? transfer(result, [result.value.buffer]) : result;
}

/** Stops ffmpeg where it is: the running core is thrown away and a fresh one started. */
async function cancel() {
  cancelled = true;
  await restart();
}

const api: MediaApi = {
  async start(threads) {
    if (threads !== requested) {
      requested = threads;
      choice = { threads, note: threads === "single" ? "single-thread core chosen" : "" };
      await restart();
    }
    return (await engineReady()).info;
  },
  probe,
  async identify(file) {
    try {
      return ok(await identify(file));
    } catch (error) {
      return fail(`${file.name}: the file could not be read (${message(error)})`);
    }
  },
  render,
  cancel,
};

expose(api);
