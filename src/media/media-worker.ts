/// <reference lib="webworker" />
import { expose, transfer } from "comlink";
import { planExport } from "../core/export-plan";
import { explainFailure, parseProgressTime } from "../core/ffmpeg-log";
import { parseProbe } from "../core/media-info";
import { planProbe } from "../core/probe-plan";
import { measureProgress, type ExportProgress } from "../core/progress";
import { fail, ok, type Result } from "../core/result";
import { startEngine, type Engine } from "./engine";
import type { MediaApi, RenderRequest } from "./media-api";

const INPUT_DIR = "/input";
const WORK_DIR = "/work";
const LOG_LINES = 40;
const PROGRESS_INTERVAL_MS = 100;

let engine: Promise<Engine> | null = null;
let log: string[] = [];
let onLine: ((line: string) => void) | null = null;

function engineReady(): Promise<Engine> {
  engine ??= startEngine().then(async (started) => {
    started.ffmpeg.on("log", ({ message }) => {
      log = [...log.slice(-LOG_LINES + 1), message];
      onLine?.(message);
    });
    await started.ffmpeg.createDir(INPUT_DIR);
    await started.ffmpeg.createDir(WORK_DIR);
    return started;
  });
  engine.catch(() => (engine = null));
  return engine;
}

/** Throws away the running core (a crash or a cancel) and starts a fresh one in the background. */
async function restart(): Promise<void> {
  const old = engine;
  engine = null;
  (await old?.catch(() => null))?.ffmpeg.terminate();
  void engineReady().catch(() => undefined);
}

const TERMINATED = "called FFmpeg.terminate()";
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

class Cancelled extends Error {}

/** Mounts the File read-only (WORKERFS: no copy into wasm memory) for the length of `work`. */
async function withInput<T>(file: File, work: (ffmpeg: Engine["ffmpeg"], input: string) => Promise<Result<T>>): Promise<Result<T>> {
  const { ffmpeg } = await engineReady();
  log = [];
  let mounted = false;
  try {
    await ffmpeg.mount("WORKERFS" as never, { files: [file] }, INPUT_DIR);
    mounted = true;
    return await work(ffmpeg, `${INPUT_DIR}/${file.name}`);
  } catch (error) {
    if (error instanceof Cancelled || message(error) === TERMINATED) return fail("Export cancelled");
    await restart();
    return fail(`The media engine crashed while reading ${file.name} (${message(error)}) and was restarted`);
  } finally {
    if (mounted) await ffmpeg.unmount(INPUT_DIR).catch(() => undefined);
  }
}

async function readText(ffmpeg: Engine["ffmpeg"], path: string): Promise<string> {
  const data = await ffmpeg.readFile(path, "utf8");
  await ffmpeg.deleteFile(path);
  return typeof data === "string" ? data : new TextDecoder().decode(data);
}

async function probe(file: File) {
  if (file.size === 0) return fail(`${file.name}: the file is empty`);
  return withInput(file, async (ffmpeg, input) => {
    const plan = planProbe(input, WORK_DIR);
    // ffmpeg.wasm's ffprobe answers -1 even on success: judge by what it wrote instead.
    await ffmpeg.ffprobe(plan.formatArgs);
    const json = await readText(ffmpeg, plan.formatFile).catch(() => "");
    const probed = parseProbe(file.name, json, "");
    if (!probed.ok) {
      const why = log.length > 0 ? explainFailure(log) : probed.error.replace(`${file.name}: `, "");
      return fail(`${file.name}: not a video ffmpeg can read (${why})`);
    }
    await ffmpeg.ffprobe(plan.keyframesArgs);
    const keyframes = await readText(ffmpeg, plan.keyframesFile).catch(() => "");
    return parseProbe(file.name, json, keyframes);
  });
}

let cancelled = false;

async function render({ file, info, clips, mode }: RenderRequest, onProgress: (p: ExportProgress) => void) {
  if (clips.length === 0) return fail("There are no clips to export");
  cancelled = false;
  const result = await withInput(file, async (ffmpeg, input) => {
    const plan = planExport(mode, { input, workDir: WORK_DIR, info, clips });
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
        const code = await ffmpeg.exec(args);
        if (cancelled) throw new Cancelled();
        if (code !== 0) return fail<Uint8Array>(`Export failed on ${file.name}: ${explainFailure(log)}`);
      }
      const data = await ffmpeg.readFile(plan.output);
      onProgress({ fraction: 1, clip: clips.length - 1, remaining: 0 });
      return ok(data as Uint8Array);
    } finally {
      onLine = null;
      for (const path of written) await ffmpeg.deleteFile(path).catch(() => undefined);
    }
  });
  return result.ok ? transfer(result, [result.value.buffer]) : result;
}

/** Stops ffmpeg where it is: the running core is thrown away and a fresh one started. */
async function cancel() {
  cancelled = true;
  await restart();
}

const api: MediaApi = {
  start: async () => (await engineReady()).info,
  probe,
  render,
  cancel,
};

expose(api);
