/**
 * What the exact-cuts work promises, measured in one run beside native ffmpeg on the same input:
 * the 12-clip list of scripts/bench-edits.csv exported from a 120 s 1080p source in every mode
 * (built in memory, downloaded), and a lossless export of a source over 4 GiB streamed to a file,
 * with Chromium's memory sampled throughout. Every output is checked with ffprobe. Run by
 * `npm run bench` (after `vite build`); not part of `npm test`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { availableParallelism, loadavg } from "node:os";
import type { Clip } from "../src/core/clips";
import type { ExportMode } from "../src/core/export-plan";
import { serialize } from "../src/core/formats/edits-csv";
import type { MediaInfo } from "../src/core/media-info";
import {
  BIG_FREE_BYTES,
  BIG_SOURCE,
  csvClips,
  decodedFrames,
  decodeEnds,
  expectedFrames,
  freeBytes,
  GIB,
  makeBigSource,
  makeSource,
  probeNatively,
  readCsv,
  ROOT,
  runNatively,
  shownPackets,
  SOURCE,
  WORK,
} from "./bench-media";
import { printEditorBench, runEditorBench, type EditorBench } from "./bench-editor";
import { printListScale, runListScale, type ListScaleRow } from "./bench-lists";
import { printJoinBench, runJoinBench, type JoinBench } from "./bench-join";
import { printOpenBench, runOpenBench, type OpenBench } from "./bench-open";
import { runNativeSmartCut } from "./bench-native-smart";
import { runPage, type JobOutcome, type PageJob, type PageRun } from "./bench-page";
import { judge, settle } from "./bench-verdicts";

/** `PORT=… npm run bench` when several checkouts share the machine. */
const PORT = Number(process.env.PORT ?? 4174);
const URL = `http://127.0.0.1:${PORT}/`;
const MIB = 1024 ** 2;
const LOSSLESS_RUNS = 3;
const EXPORT_TIMEOUT_MS = 600_000;
const OPEN_TIMEOUT_MS = 240_000;
/** Targets (issue "exact cuts"): browser time over native, smart cut over the browser's lossless, memory. */
const LOSSLESS_TARGET = 1.0;
const SMART_TARGET = 2.0;
const REENCODE_TARGET = 2.5;
const MEMORY_TARGET_BYTES = 500e6;
const MEMORY_TARGET = "lossless over 4 GiB → file: memory < 500 MB";
/** The big run's clips should write this much, so that flat memory means something. */
const BIG_OUTPUT_BYTES = 1.3e9;

const LABELS: Record<ExportMode, string> = {
  lossless: "Lossless (fast)",
  smart: "Smart cut (frame-accurate, fast)",
  reencode: "Re-encode (frame-accurate)",
};

const log = (text: string) => console.log(`· ${text}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fixed = (value: number | null, digits = 2) => (value === null || !Number.isFinite(value) ? "—" : value.toFixed(digits));
const mib = (value: number) => `${value.toFixed(0)} MiB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** `vite preview` of the fresh build, on a port nothing else answers on. */
async function startServer(): Promise<ChildProcess> {
  if (await fetch(URL).then(() => true, () => false)) throw new Error(`something already answers on ${URL}: stop it first`);
  // Others may rebuild dist/ while the bench runs: serve a copy of the build `npm run bench` just made.
  const served = join(WORK, "dist");
  rmSync(served, { recursive: true, force: true });
  cpSync(join(ROOT, "dist"), served, { recursive: true });
  if (!existsSync(join(served, "index.html"))) throw new Error("dist/ holds no build: run `npm run bench` (it builds first)");
  const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
  const args = [vite, "preview", "--host", "127.0.0.1", "--port", String(PORT), "--strictPort", "--outDir", served];
  const server = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  let exited: number | null = null;
  server.stderr?.on("data", (data: Buffer) => (stderr += data.toString()));
  server.on("exit", (code) => (exited = code ?? -1));
  for (let tries = 0; tries < 300; tries++) {
    if (exited !== null) throw new Error(`vite preview exited with ${exited}: ${stderr.trim()}`);
    if (await fetch(URL).then((r) => r.ok, () => false)) return server;
    await sleep(200);
  }
  server.kill();
  throw new Error(`vite preview did not answer on ${URL} within 60 s`);
}

/**
 * Three clips spread over the big source, starting between keyframes, whose copy writes about
 * BIG_OUTPUT_BYTES at the source's average rate.
 */
function bigClips(info: MediaInfo, bytes: number): Clip[] {
  const rate = bytes / info.duration;
  const each = BIG_OUTPUT_BYTES / rate / 3;
  return [0.06, 0.4, 0.7].map((at, i) => {
    const start = Math.round((info.duration * at + 0.37 + i * 0.2) * 1000) / 1000;
    const end = Math.min(Math.round((start + each) * 1000) / 1000, Math.floor(info.duration) - 1);
    return { id: i + 1, source: "s", start, end, label: "" };
  });
}

interface Check {
  text: string;
  ok: boolean;
}

/** Frames the browser's output shows against what the clips ask for (1 frame a clip of slack). */
function checkFrames(job: JobOutcome, info: MediaInfo, clips: readonly Clip[], decode: boolean): Check {
  if (!job.output || !existsSync(job.output)) return { text: "no output file to check", ok: false };
  const expected = expectedFrames(info, clips);
  const counted = decode ? decodedFrames(job.output) : shownPackets(job.output);
  const how = decode ? "frames decoded" : "frames shown (packets not hidden by the edit list, not decoded)";
  const near = (want: number) => Math.abs(counted - want) <= clips.length;
  const size = `${((job.outputBytes ?? statSync(job.output).size) / MIB).toFixed(1)} MiB`;
  if (job.mode === "lossless") {
    // The copy starts at each clip's keyframe; an engine that hides the frames before IN shows IN to OUT.
    if (near(expected.fromKeyframe)) return { text: `${counted} ${how}, expected ${expected.fromKeyframe} (keyframe to OUT); ${size}`, ok: true };
    if (near(expected.exact)) return { text: `${counted} ${how}, expected ${expected.exact} (IN to OUT); ${size}`, ok: true };
    return {
      text: `${counted} ${how}, expected ${expected.fromKeyframe} (keyframe to OUT) or ${expected.exact} (IN to OUT): MISMATCH; ${size}`,
      ok: false,
    };
  }
  const ok = near(expected.exact);
  return { text: `${counted} ${how}, expected ${expected.exact} (IN to OUT${ok ? "" : ", MISMATCH"}); ${size}`, ok };
}

/** Whether the packet engine ran: the page appends " with ffmpeg.wasm (reason)" when the fallback did. */
const fallback = (job: JobOutcome): string | null => (/with ffmpeg\.wasm/.test(job.message) ? job.message : null);

interface Row {
  job: string;
  browser: number | null;
  native: number | null;
  ratio: number | null;
  target: string;
  verdict: string;
  notes: string[];
}

function verdictOf(
  target: string,
  jobs: JobOutcome[],
  checks: Check[],
  ratio: number | null,
  limit: number | null,
): { verdict: string; notes: string[] } {
  const notes: string[] = [];
  const skipped = jobs.find((j) => j.skipped);
  if (skipped) return { verdict: "SKIP", notes: [`skipped: ${skipped.skipped}`] };
  for (const job of jobs) {
    if (job.error) notes.push(`failed: ${job.error}`);
    else if (job.seconds === null) notes.push("failed: no time measured");
    const ffmpeg = fallback(job);
    if (ffmpeg) notes.push(`the packet engine did not run: "${ffmpeg}"`);
  }
  for (const check of checks) if (!check.ok) notes.push(`output check failed: ${check.text}`);
  if (notes.length > 0) return { verdict: judge(target, false), notes };
  if (limit === null) return { verdict: "info", notes };
  return { verdict: judge(target, ratio !== null && ratio <= limit), notes };
}

function printTable(rows: Row[]): void {
  const cells = rows.map((r) => [
    r.job,
    fixed(r.browser),
    fixed(r.native),
    r.ratio === null ? "—" : `${r.ratio.toFixed(2)}×`,
    r.target,
    r.verdict,
  ]);
  const header = ["job", "browser s", "native s", "ratio", "target", "PASS/MISS"];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: string[]) => `| ${c.map((cell, i) => (i === 0 || i === 4 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number))).join(" | ")} |`;
  console.log(line(header));
  console.log(`| ${widths.map((w, i) => (i === 0 || i === 4 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`);
  for (const c of cells) console.log(line(c));
  for (const r of rows) for (const note of r.notes) console.log(`  ${r.job}: ${note}`);
}

/** Load average against the cores: other work on the machine moves every number here. */
const load = (judge: boolean): string => {
  const [one = 0, five = 0] = loadavg();
  const cores = availableParallelism();
  const busy = judge && one > cores ? ": BUSY, numbers are not clean" : "";
  return `load average ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min) on ${cores} cores${busy}`;
};

/** `npm run bench -- --only=lists` (or `=editor`, `=open`, `=join`): those lines alone, without the exports (`=exports`: those alone). */
async function only(part: "lists" | "editor" | "open" | "join"): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const server = await startServer();
  try {
    if (part === "lists") printListScale(await runListScale(URL));
    else if (part === "open") printOpenBench(await runOpenBench(URL));
    else if (part === "join") printJoinBench(await runJoinBench(URL));
    else printEditorBench(await runEditorBench(URL));
    settle();
  } finally {
    server.kill();
  }
}

async function main(): Promise<void> {
  if (process.argv.includes("--only=lists")) return only("lists");
  if (process.argv.includes("--only=editor")) return only("editor");
  if (process.argv.includes("--only=open")) return only("open");
  if (process.argv.includes("--only=join")) return only("join");
  const exportsOnly = process.argv.includes("--only=exports");
  const began = performance.now();
  const loadAtStart = load(true);
  log(`start: ${loadAtStart}`);
  mkdirSync(WORK, { recursive: true });
  makeSource();
  const csvName = "bench-edits.csv";
  const csv = readCsv(join(ROOT, "scripts", csvName));
  const clips = csvClips(csv);
  const info = probeNatively(SOURCE);

  const free = freeBytes(WORK);
  let bigSkip: string | null = null;
  if (free < BIG_FREE_BYTES) {
    bigSkip = `only ${(free / 1e9).toFixed(1)} GB free under ${WORK}; the run over 4 GiB needs ${BIG_FREE_BYTES / 1e9} GB: skipped`;
  } else {
    makeBigSource();
  }
  const bigBytes = bigSkip ? 0 : statSync(BIG_SOURCE).size;
  const bigInfo = bigSkip ? null : probeNatively(BIG_SOURCE);
  const bigList = bigInfo ? bigClips(bigInfo, bigBytes) : [];
  const bigCsv = { name: "big-edits.csv", text: serialize(bigList.map((c) => ({ start: c.start, end: c.end, label: "" }))), clips: bigList.length };

  const jobs: PageJob[] = [
    ...Array.from({ length: LOSSLESS_RUNS }, (_, i): PageJob => ({ key: `lossless-${i + 1}`, mode: "lossless", label: LABELS.lossless })),
    { key: "smart", mode: "smart", label: LABELS.smart },
    { key: "reencode", mode: "reencode", label: LABELS.reencode },
  ];
  const bigJob: PageJob = { key: "lossless-big", mode: "lossless", label: LABELS.lossless };
  const bigChecks: Check[] = [];

  let normal: PageRun;
  let lists: ListScaleRow[] = [];
  let editor: EditorBench | null = null;
  let opening: OpenBench | null = null;
  let joining: JoinBench | null = null;
  let big: PageRun | null = null;
  let bigError: string | null = null;
  const server = await startServer();
  try {
    log(`browser: ${basename(SOURCE)}, ${clips.length} clips, memory/download path (no showSaveFilePicker)…`);
    normal = await runPage({
      url: URL,
      profileDir: join(WORK, "chromium-profile"),
      source: SOURCE,
      edits: { name: csvName, text: csv, clips: clips.length },
      jobs,
      destination: "memory",
      outputDir: WORK,
      timeoutMs: EXPORT_TIMEOUT_MS,
      openTimeoutMs: OPEN_TIMEOUT_MS,
    });
    for (const job of normal.jobs) log(`${job.key}: ${job.skipped ?? job.error ?? `${fixed(job.seconds)} s, "${job.message}"`}`);
    log("lossless join: 3 clips from each of 3 files…");
    joining = await runJoinBench(URL);
    if (bigInfo) {
      log(`browser: ${basename(BIG_SOURCE)} (${(bigBytes / GIB).toFixed(2)} GiB), ${bigList.length} clips, file path (OPFS)…`);
      try {
        big = await runPage({
          url: URL,
          profileDir: join(WORK, "chromium-profile-big"),
          source: BIG_SOURCE,
          edits: bigCsv,
          jobs: [bigJob],
          destination: "file",
          outputDir: WORK,
          timeoutMs: EXPORT_TIMEOUT_MS,
          openTimeoutMs: OPEN_TIMEOUT_MS,
          // Checked in place (inside Chromium's profile), before the page deletes it.
          checkSavedFile: (job) => {
            bigChecks.push(checkFrames(job, bigInfo, bigList, false));
            const complaints = job.output ? decodeEnds(job.output, 2) : "no file";
            bigChecks.push({ text: complaints ? `decoding its first and last 2 s: ${complaints.slice(0, 300)}` : "its first and last 2 s decode cleanly", ok: !complaints });
          },
        });
        for (const job of big.jobs) log(`${job.key}: ${job.skipped ?? job.error ?? `${fixed(job.seconds)} s, "${job.message}"`}`);
      } catch (error) {
        bigError = error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error);
        log(`the run over 4 GiB failed: ${bigError}`);
      }
    }
    if (!exportsOnly) {
      log("list scale: 1k, 10k and 100k clips…");
      lists = await runListScale(URL);
      log("editor: thumbnails of a 20-minute source, scrubbing a 2-hour one…");
      editor = await runEditorBench(URL);
      log("opening a 6-hour source with sound…");
      opening = await runOpenBench(URL);
    }
  } finally {
    server.kill();
  }

  log("native ffmpeg on the same plans…");
  const nativeLossless = Array.from({ length: LOSSLESS_RUNS }, () => runNatively("lossless", SOURCE, info, clips, "lossless").seconds);
  const nativeReencode = runNatively("reencode", SOURCE, info, clips, "reencode").seconds;
  const nativeSmart = runNativeSmartCut(SOURCE, info, clips, join(WORK, "native-smart"));
  const nativeSmartFrames = decodedFrames(nativeSmart.output);
  let nativeBig: number | null = null;
  if (bigInfo) {
    nativeBig = runNatively("lossless", BIG_SOURCE, bigInfo, bigList, "lossless-big").seconds;
    rmSync(join(WORK, "native-lossless-big"), { recursive: true, force: true });
  }

  log("checking the browser's outputs with ffprobe…");
  const byKey = (key: string) => normal.jobs.find((j) => j.key === key) as JobOutcome;
  const checks = new Map<string, Check>();
  for (const job of normal.jobs) if (!job.skipped && job.output) checks.set(job.key, checkFrames(job, info, clips, true));
  const checksOf = (list: JobOutcome[]) => list.flatMap((j) => (checks.has(j.key) ? [checks.get(j.key) as Check] : []));

  const losslessJobs = normal.jobs.filter((j) => j.mode === "lossless");
  const losslessTimes = losslessJobs.map((j) => j.seconds).filter((s): s is number => s !== null);
  const browserLossless = losslessTimes.length === LOSSLESS_RUNS ? median(losslessTimes) : null;
  const nativeLosslessMedian = median(nativeLossless);
  const smart = byKey("smart");
  const reencode = byKey("reencode");
  const ratio = (a: number | null, b: number | null) => (a === null || b === null ? null : a / b);

  const rows: Row[] = [];
  const add = (row: Omit<Row, "verdict" | "notes">, list: JobOutcome[], extra: Check[], limit: number | null) =>
    rows.push({ ...row, ...verdictOf(`${row.job.split(",")[0]} ${row.target}`, list, [...checksOf(list), ...extra], row.ratio, limit) });
  add(
    {
      job: `lossless, ${clips.length} clips → download (median of ${LOSSLESS_RUNS})`,
      browser: browserLossless,
      native: nativeLosslessMedian,
      ratio: ratio(browserLossless, nativeLosslessMedian),
      target: `≤ ${LOSSLESS_TARGET.toFixed(1)}× native -c copy`,
    },
    losslessJobs,
    [],
    LOSSLESS_TARGET,
  );
  add(
    {
      job: `smart cut, ${clips.length} clips → download`,
      browser: smart.seconds,
      native: nativeSmart.seconds,
      ratio: ratio(smart.seconds, browserLossless),
      target: `≤ ${SMART_TARGET}× browser lossless`,
    },
    [smart],
    [],
    SMART_TARGET,
  );
  add(
    {
      job: `re-encode, ${clips.length} clips → download`,
      browser: reencode.seconds,
      native: nativeReencode,
      ratio: ratio(reencode.seconds, nativeReencode),
      target: `≤ ${REENCODE_TARGET}× native libx264 veryfast`,
    },
    [reencode],
    [],
    REENCODE_TARGET,
  );
  const bigOutcome = big?.jobs[0] ?? null;
  if (bigError) {
    rows.push({
      job: `lossless, ${bigList.length} clips of ${(bigBytes / GIB).toFixed(2)} GiB → file (OPFS)`,
      browser: null,
      native: nativeBig,
      ratio: null,
      target: "none (memory below)",
      verdict: judge("lossless over 4 GiB → file runs", false),
      notes: [`failed: ${bigError}`],
    });
  }
  if (bigOutcome) {
    const out = bigOutcome.outputBytes === null ? "" : `, ${(bigOutcome.outputBytes / GIB).toFixed(2)} GiB out`;
    add(
      {
        job: `lossless, ${bigList.length} clips of ${(bigBytes / GIB).toFixed(2)} GiB → file (OPFS)${out}`,
        browser: bigOutcome.seconds,
        native: nativeBig,
        ratio: ratio(bigOutcome.seconds, nativeBig),
        target: "none (memory below)",
      },
      [bigOutcome],
      bigChecks,
      null,
    );
  }

  console.log(`\n${normal.engineText}`);
  console.log(`engine load (apart from every time below): ${fixed(normal.engineLoadSeconds, 1)} s` + (big ? `; ${fixed(big.engineLoadSeconds, 1)} s in the big run` : ""));
  console.log(`opening the sources in the page: ${basename(SOURCE)} ${fixed(normal.openSeconds, 1)} s` + (big ? `, ${basename(BIG_SOURCE)} ${fixed(big.openSeconds, 1)} s` : ""));
  for (const [run, name] of [[normal, SOURCE], [big, BIG_SOURCE]] as const) {
    for (const failure of run?.openFailures ?? []) console.log(`OPENING FAILED, then retried once: ${basename(name)}: ${failure}`);
  }
  if (bigList.length > 0) console.log(`clips of the source over 4 GiB (imported as ${bigCsv.name}): ${bigList.map((c) => `${c.start}–${c.end} s`).join(", ")}`);
  console.log(
    `times: browser from the click on "Export MP4" to the download event (memory path) or to the page's "Saved …" (file path); ` +
      `native: the same plan (src/core/export-plan.ts; smart cut: scripts/bench-native-smart.ts) run by Debian's ffmpeg after the browser closed.`,
  );
  console.log(`lossless runs: browser ${losslessJobs.map((j) => fixed(j.seconds)).join(", ")} s; native ${nativeLossless.map((s) => fixed(s)).join(", ")} s\n`);
  printTable(rows);
  const cpu = (list: JobOutcome[]) => {
    const seconds = list.map((j) => j.cpuSeconds).filter((s): s is number => s !== null);
    return seconds.length === list.length && seconds.length > 0 ? median(seconds) : null;
  };
  const [losslessCpu, smartCpu, reencodeCpu] = [cpu(losslessJobs), cpu([smart]), cpu([reencode])];
  console.log(
    `CPU seconds of all Chromium processes over each export (steadier than wall time when the machine is shared): ` +
      `lossless ${fixed(losslessCpu)} (median), smart cut ${fixed(smartCpu)} (${fixed(ratio(smartCpu, losslessCpu))}× lossless), re-encode ${fixed(reencodeCpu)}`,
  );
  const smartAgainstNative = ratio(smart.seconds, nativeSmart.seconds);
  console.log(
    `smart cut against native smart cut (libx264 default preset for each head, -c copy for the rest, concat; as LosslessCut): ` +
      `${smartAgainstNative === null ? "—" : `${smartAgainstNative.toFixed(2)}×`}; native's output decodes ${nativeSmartFrames} frames ` +
      `against ${expectedFrames(info, clips).exact} asked (its copied tails run past OUT)`,
  );

  console.log(`\nmemory: RSS of all Chromium processes summed (shared pages count once per process), PSS beside it; peak over each export`);
  console.log(`  ${basename(SOURCE)}, idle after import: ${mib(normal.idle.peakRss)} RSS (${mib(normal.idle.peakPss)} PSS), ${normal.idle.processes} processes`);
  for (const job of normal.jobs) {
    if (job.skipped) continue;
    console.log(`  ${job.key.padEnd(12)} → download: peak ${mib(job.memory.peakRss)} RSS (${mib(job.memory.peakPss)} PSS), before ${mib(job.memory.before)}`);
  }
  if (big && bigOutcome) {
    const peak = bigOutcome.memory.peakRss;
    const pass = !bigOutcome.error && bigOutcome.seconds !== null && peak * MIB < MEMORY_TARGET_BYTES;
    console.log(`  ${basename(BIG_SOURCE)}, idle after import: ${mib(big.idle.peakRss)} RSS (${mib(big.idle.peakPss)} PSS)`);
    console.log(
      `  lossless over 4 GiB → file: peak ${mib(peak)} RSS (${mib(bigOutcome.memory.peakPss)} PSS), before ${mib(bigOutcome.memory.before)}` +
        ` | target < ${MEMORY_TARGET_BYTES / 1e6} MB (${(MEMORY_TARGET_BYTES / MIB).toFixed(0)} MiB) RSS | ${judge(MEMORY_TARGET, pass)}` +
        (bigOutcome.error ? ` (export failed: ${bigOutcome.error})` : ""),
    );
    const growth = peak - big.idle.peakRss;
    const pssGrowth = bigOutcome.memory.peakPss - big.idle.peakPss;
    console.log(
      `    (info: growth over the page idle with the source open: +${mib(growth)} RSS, +${mib(pssGrowth)} PSS, ` +
        `for ${((bigOutcome.outputBytes ?? 0) / GIB).toFixed(2)} GiB written; the idle browser alone is ${mib(big.idle.peakRss)} RSS)`,
    );
  } else if (bigError) {
    console.log(`  lossless over 4 GiB → file: not measured, the run failed (${bigError}) | target < 500 MB | ${judge(MEMORY_TARGET, false)}`);
  } else {
    console.log(`  lossless over 4 GiB → file: ${bigSkip ?? "not run"} | target < 500 MB | SKIP`);
  }

  if (joining) printJoinBench(joining);
  if (!exportsOnly) printListScale(lists);
  if (editor) printEditorBench(editor);
  if (opening) printOpenBench(opening);

  console.log("\noutputs (ffprobe):");
  for (const job of normal.jobs) {
    if (job.skipped) {
      console.log(`  ${job.key}: skipped, ${job.skipped}`);
      continue;
    }
    const check = checks.get(job.key);
    console.log(`  ${job.key}: ${check ? `${check.text} ${check.ok ? "ok" : "BAD"}` : `no output (${job.error ?? "?"})`}; page said "${job.message}"`);
  }
  if (bigOutcome) {
    for (const check of bigChecks) console.log(`  lossless-big: ${check.text} ${check.ok ? "ok" : "BAD"}`);
    console.log(
      `  lossless-big: page said "${bigOutcome.message}"${bigOutcome.error ? `; error: ${bigOutcome.error}` : ""}; ` +
        (bigOutcome.savedFileDeleted ? "OPFS output deleted (root.removeEntry)" : "OPFS output NOT deleted by the page (the profile is removed)"),
    );
  }
  settle();
  console.log(`\nbench wall time ${((performance.now() - began) / 60_000).toFixed(1)} min; at start ${loadAtStart}; at end ${load(false)}, the bench's own work included`);
}

await main();
