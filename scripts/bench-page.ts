/**
 * The benchmark's browser side: drives the built page in headless Chromium (Debian's, as the e2e
 * tests do) through its own controls, times each export and samples the memory of every Chromium
 * process meanwhile. Used by scripts/bench.ts.
 */
import { chromium, type BrowserContext, type Download, type Page } from "@playwright/test";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { ExportMode } from "../src/core/export-plan";
import { chromiumArgs, chromiumPath } from "../playwright.config";

export interface PageJob {
  key: string;
  mode: ExportMode;
  /** The export mode radio's name in the page. */
  label: string;
}

export interface JobOutcome {
  key: string;
  mode: ExportMode;
  /** Why the job did not run (its radio is not in the page yet), else null. */
  skipped: string | null;
  /** Click on "Export MP4" to the download (memory) or to the page's finished message (file). */
  seconds: number | null;
  /** The page's Message after the export ("Exported …", "Saved …", possibly "with ffmpeg.wasm (…)"). */
  message: string;
  /** The page's error (alert) or a timeout, else null. */
  error: string | null;
  memory: MemoryWindow;
  /** CPU time all Chromium processes spent over the export: steadier than wall time on a shared machine. */
  cpuSeconds: number | null;
  /** The output on disk: the saved download, or the OPFS file inside the profile. */
  output: string | null;
  outputBytes: number | null;
  /** File path only: whether the page removed the OPFS output after it was checked. */
  savedFileDeleted: boolean;
}

export interface PageRun {
  engineText: string;
  engineLoadSeconds: number | null;
  openSeconds: number;
  /** The page's complaints from a failed first attempt at opening the source (it is retried once). */
  openFailures: string[];
  /** Chromium's memory with the source open and the clips imported, before the first export. */
  idle: MemoryWindow;
  jobs: JobOutcome[];
}

export interface PageOptions {
  url: string;
  profileDir: string;
  source: string;
  edits: { name: string; text: string; clips: number };
  jobs: PageJob[];
  /** memory: no showSaveFilePicker (built in memory, downloaded); file: the picker answered with an OPFS file. */
  destination: "memory" | "file";
  /** Where downloads are saved (memory path). */
  outputDir: string;
  timeoutMs: number;
  openTimeoutMs: number;
  /** Runs while an OPFS output still exists, with its path on disk; it is deleted right after. */
  checkSavedFile?: (job: JobOutcome) => void;
}

/** Peak memory of all Chromium processes over a window, in MiB: RSS summed (as before) and PSS summed. */
export interface MemoryWindow {
  before: number;
  peakRss: number;
  peakPss: number;
  processes: number;
}

const KIB_PER_MIB = 1024;
/** Clock ticks a second in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function procField(text: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text);
  return match ? Number(match[1]) : 0;
}

/**
 * Every process of one Chromium: the browser (the one started with our profile) and all its
 * descendants (zygote, renderers, GPU, utility), found through /proc each sample.
 */
function chromiumPids(profileDir: string): number[] {
  const parents = new Map<number, number>();
  const roots: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(name), ppid);
      const cmdline = readFileSync(`/proc/${name}/cmdline`, "utf8");
      if (cmdline.includes(`--user-data-dir=${profileDir}`) && !cmdline.includes("--type=")) roots.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  const found = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!found.has(pid) && found.has(ppid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  return [...found];
}

class MemorySampler {
  private timer: ReturnType<typeof setInterval> | null = null;
  private window: MemoryWindow = { before: 0, peakRss: 0, peakPss: 0, processes: 0 };

  constructor(private readonly profileDir: string) {}

  sample(): { rss: number; pss: number; processes: number } {
    let rss = 0;
    let pss = 0;
    const pids = chromiumPids(this.profileDir);
    for (const pid of pids) {
      try {
        rss += procField(readFileSync(`/proc/${pid}/status`, "utf8"), "VmRSS");
        pss += procField(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"), "Pss");
      } catch {
        // Ended while we looked.
      }
    }
    return { rss: rss / KIB_PER_MIB, pss: pss / KIB_PER_MIB, processes: pids.length };
  }

  /** CPU seconds (user and system) the Chromium processes alive now have used. */
  cpu(): number {
    let ticks = 0;
    for (const pid of chromiumPids(this.profileDir)) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // Ended while we looked.
      }
    }
    return ticks / TICKS_PER_SECOND;
  }

  start(): void {
    this.timer = setInterval(() => this.take(), 200);
  }

  private take(): void {
    const now = this.sample();
    this.window.peakRss = Math.max(this.window.peakRss, now.rss);
    this.window.peakPss = Math.max(this.window.peakPss, now.pss);
    this.window.processes = Math.max(this.window.processes, now.processes);
  }

  /** Starts a new window: its `before` is memory right now. */
  begin(): void {
    const now = this.sample();
    this.window = { before: now.rss, peakRss: now.rss, peakPss: now.pss, processes: now.processes };
  }

  end(): MemoryWindow {
    this.take();
    return { ...this.window };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

/** What the page records around one export, read back by the bench. */
interface Watch {
  clicked: number | null;
  done: number | null;
  message: string | null;
  error: string | null;
}
type Watched = Window & { __benchWatch?: Watch };

/**
 * Starts recording, inside the page, the click on "Export MP4" and the first new Message or alert
 * after it. A new notice re-renders even when its text repeats the previous export's.
 */
async function watchExport(page: Page): Promise<void> {
  await page.evaluate(() => {
    const watch: Watch = { clicked: null, done: null, message: null, error: null };
    (window as Watched).__benchWatch = watch;
    const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Export MP4");
    button?.addEventListener("click", () => (watch.clicked ??= performance.now()), { capture: true, once: true });
    const message = document.querySelector('[role="status"][aria-label="Message"]');
    const alert = document.querySelector('[role="alert"]');
    // (No named functions in here: tsx would wrap them in a helper the page does not have.)
    for (const node of [message, alert]) {
      if (!node) continue;
      new MutationObserver(() => {
        if (watch.done !== null || watch.error !== null) return;
        const said = message?.textContent?.trim() ?? "";
        const complained = alert?.textContent?.trim() ?? "";
        if (/^(Exported|Saved) /.test(said)) {
          watch.done = performance.now();
          watch.message = said;
        } else if (/^Export (cancelled|not started)/.test(said)) watch.error = said;
        else if (complained) watch.error = complained.replace(/\s*Dismiss$/, "");
      }).observe(node, { childList: true, subtree: true, characterData: true });
    }
  });
}

const messageText = async (page: Page): Promise<string> =>
  ((await page.getByRole("status", { name: "Message" }).textContent()) ?? "").trim();
const alertText = async (page: Page): Promise<string> =>
  ((await page.getByRole("alert").first().textContent()) ?? "").replace(/\s*Dismiss$/, "").trim();

/** Waits for the page to say it opened the source; its complaint or a timeout is thrown. */
async function waitForOpened(page: Page, name: string, timeoutMs: number): Promise<void> {
  for (const began = performance.now(); performance.now() - began < timeoutMs; await sleep(250)) {
    if ((await messageText(page)).startsWith("Opened")) return;
    const complaint = await alertText(page);
    if (complaint) throw new Error(`the page could not open ${name}: ${complaint}`);
  }
  throw new Error(`the page did not open ${name} within ${timeoutMs / 1000} s (Message: "${await messageText(page)}")`);
}

const readWatch = (page: Page): Promise<Watch> => page.evaluate(() => (window as Watched).__benchWatch as Watch);

/** The largest file under `dir` of exactly `bytes` bytes: where Chromium keeps an OPFS file. */
function findOnDisk(dir: string, bytes: number): string | null {
  let found: { path: string; mtime: number } | null = null;
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const stats = statSync(path);
        if (stats.size === bytes && (!found || stats.mtimeMs > found.mtime)) found = { path, mtime: stats.mtimeMs };
      }
    }
  };
  walk(dir);
  return (found as { path: string } | null)?.path ?? null;
}

async function answerSavePicker(context: BrowserContext, destination: PageOptions["destination"]): Promise<void> {
  if (destination === "memory") {
    await context.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
  } else {
    // As tests/e2e/test.ts: Playwright cannot answer the system's dialog; a file in the origin-private file system does.
    await context.addInitScript(() => {
      window.showSaveFilePicker = async (options) => {
        const root = await navigator.storage.getDirectory();
        return root.getFileHandle(options?.suggestedName ?? "export.mp4", { create: true });
      };
    });
  }
}

async function runJob(page: Page, job: PageJob, options: PageOptions, sampler: MemorySampler): Promise<JobOutcome> {
  const outcome: JobOutcome = {
    key: job.key,
    mode: job.mode,
    skipped: null,
    seconds: null,
    message: "",
    error: null,
    memory: { before: 0, peakRss: 0, peakPss: 0, processes: 0 },
    cpuSeconds: null,
    output: null,
    outputBytes: null,
    savedFileDeleted: false,
  };
  const radio = page.getByRole("radio", { name: job.label, exact: true });
  if ((await radio.count()) === 0) {
    outcome.skipped = `the page has no "${job.label}" mode yet`;
    return outcome;
  }
  await radio.check();
  await watchExport(page);
  let download: Download | null = null;
  let downloadAt = 0;
  const onDownload = (arrived: Download) => {
    if (download) return;
    download = arrived;
    downloadAt = performance.now();
  };
  page.on("download", onDownload);
  sampler.begin();
  const cpuBefore = sampler.cpu();
  const began = performance.now();
  await page.getByRole("button", { name: "Export MP4", exact: true }).click();
  // Polled from here (the export runs in the page's worker; a read every 100 ms costs it nothing).
  let watch = await readWatch(page);
  const finished = () => (options.destination === "memory" ? download !== null : watch.done !== null) || watch.error !== null;
  while (!finished() && performance.now() - began < options.timeoutMs) {
    await sleep(100);
    watch = await readWatch(page);
  }
  outcome.memory = sampler.end();
  outcome.cpuSeconds = sampler.cpu() - cpuBefore;
  page.off("download", onDownload);
  const saved = download as Download | null;
  if (!finished()) outcome.error = `no result in ${options.timeoutMs / 1000} s`;
  if (options.destination === "memory" && saved) {
    outcome.seconds = (downloadAt - began) / 1000;
    // The page says "Exported …" in the same task that starts the download. The notice may repeat
    // the previous export's text word for word (no change for the watch to see): read it as it is.
    for (let tries = 0; tries < 100 && watch.message === null && watch.error === null; tries++) {
      const said = await messageText(page);
      if (/^(Exported|Saved) /.test(said)) watch.message = said;
      else await sleep(100);
    }
    const path = join(options.outputDir, `browser-${job.key}.mp4`);
    await saved.saveAs(path);
    outcome.output = path;
    outcome.outputBytes = statSync(path).size;
  }
  if (options.destination === "file" && watch.clicked !== null && watch.done !== null) {
    outcome.seconds = (watch.done - watch.clicked) / 1000;
  }
  outcome.message = watch.message ?? "";
  outcome.error ??= watch.error;
  return outcome;
}

/** Name and size of every file in the origin-private file system's root. */
const opfsFiles = (page: Page) =>
  page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const files: { name: string; size: number }[] = [];
    for await (const handle of root.values()) {
      if (handle.kind === "file") files.push({ name: handle.name, size: (await (handle as FileSystemFileHandle).getFile()).size });
    }
    return files;
  });

/** Checks the OPFS output on disk, then deletes it in the page. */
async function handleSavedFile(page: Page, outcome: JobOutcome, options: PageOptions): Promise<void> {
  const files = await opfsFiles(page);
  const saved = files.find((f) => /\.mp4$/.test(f.name));
  if (!saved) {
    outcome.error ??= "the page said it saved the MP4, but the origin-private file system holds no .mp4";
    return;
  }
  outcome.outputBytes = saved.size;
  outcome.output = findOnDisk(options.profileDir, saved.size);
  if (outcome.output) options.checkSavedFile?.(outcome);
  await page.evaluate(async (name) => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry(name);
  }, saved.name);
  const left = await opfsFiles(page);
  outcome.savedFileDeleted = !left.some((f) => f.name === saved.name);
  if (!outcome.savedFileDeleted) outcome.error ??= `could not delete ${saved.name} from the origin-private file system`;
}

/** Opens the page, the source and the clips, then runs each job in turn; a failed job does not stop the rest. */
export async function runPage(options: PageOptions): Promise<PageRun> {
  rmSync(options.profileDir, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(options.profileDir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    acceptDownloads: true,
    // The service worker would precache the engine while the exports run: measure without it.
    serviceWorkers: "block",
  });
  const sampler = new MemorySampler(options.profileDir);
  sampler.start();
  try {
    await answerSavePicker(context, options.destination);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(options.url);
    const engine = page.getByRole("status", { name: "Engine" });
    await page.waitForFunction(() => performance.getEntriesByName("clipmark:engine-ready").length > 0, null, { timeout: 120_000 });
    const engineText = (await engine.textContent()) ?? "";
    // The page says "Ready"; the load time is marked for us (app-context.ts).
    const loaded = await page.evaluate(() => (performance.getEntriesByName("clipmark:engine-ready")[0] as PerformanceMark | undefined)?.detail);
    const load = typeof loaded === "number" ? loaded : null;

    // A failed open is retried once (after dismissing the page's complaint) and reported, not hidden.
    const openFailures: string[] = [];
    let openSeconds = 0;
    for (let attempt = 1; ; attempt++) {
      const opening = performance.now();
      await page.getByLabel("Open video").setInputFiles(options.source);
      try {
        await waitForOpened(page, basename(options.source), options.openTimeoutMs);
        openSeconds = (performance.now() - opening) / 1000;
        break;
      } catch (error) {
        const why = `${error instanceof Error ? error.message : String(error)} (after ${((performance.now() - opening) / 1000).toFixed(0)} s)`;
        openFailures.push(why);
        const shot = join(options.outputDir, `failed-open-${attempt}-${basename(options.source)}.png`);
        await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
        if (attempt === 2) throw new Error(openFailures.join("; then "));
        await page.getByRole("alert").getByRole("button", { name: "Dismiss" }).click({ timeout: 5_000 }).catch(() => undefined);
      }
    }

    // As tests/e2e/edit-lists.spec.ts: "Import edits", then the preview's "Replace".
    await page
      .getByLabel("Import edits")
      .setInputFiles({ name: options.edits.name, mimeType: "text/plain", buffer: Buffer.from(options.edits.text) });
    await page.getByRole("dialog", { name: `Import ${options.edits.name}` }).getByRole("button", { name: "Replace" }).click();
    const rows = page.getByRole("list", { name: "Clips" }).getByRole("listitem");
    let marked = 0;
    for (const until = performance.now() + 30_000; performance.now() < until; ) {
      marked = await rows.count();
      if (marked >= options.edits.clips) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (marked !== options.edits.clips) throw new Error(`importing ${options.edits.name} marked ${marked} clips, not ${options.edits.clips}`);

    // The timeline's thumbnails and waveform are made once the file is open: measure the exports
    // against the page as it stays, not while that work is still going.
    for (const strip of ["Thumbnails", "Sound waveform"]) await page.getByRole("img", { name: strip }).waitFor({ timeout: 300_000 });
    sampler.begin();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idle = sampler.end();

    const jobs: JobOutcome[] = [];
    for (const job of options.jobs) {
      const outcome = await runJob(page, job, options, sampler);
      if (options.destination === "file" && !outcome.skipped && outcome.seconds !== null) await handleSavedFile(page, outcome, options);
      jobs.push(outcome);
    }
    return { engineText, engineLoadSeconds: load, openSeconds, openFailures, idle, jobs };
  } finally {
    sampler.stop();
    await context.close();
    rmSync(options.profileDir, { recursive: true, force: true });
  }
}
