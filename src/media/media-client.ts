import { proxy, transfer, wrap, type Remote } from "comlink";
import { fail, type Result } from "../core/result";
import type { ExportProgress } from "../core/progress";
import type { MediaInfo } from "../core/media-info";
import type { MediaRef } from "../core/project";
import type { EngineInfo, ExportDestination, Exported, MediaApi, RenderRequest } from "./media-api";
import type { JobResult } from "./media-error";

/** What an export says when its worker went silent (closed, killed, hung) and was replaced. */
export const ENGINE_STOPPED = "The media engine stopped and was restarted; your clips are unchanged. Export again.";

// While a call waits the worker is asked every BEAT_MS if it is there; MISSES beats in a row with
// no answer and it is gone. It answers mid-export (see `ping` in media-worker.ts), so silence is death.
const BEAT_MS = 800;
const MISSES = 3;

/** The worker as the client needs it; tests hand in one end of a MessageChannel. */
export type WorkerPort = Pick<Worker, "postMessage" | "addEventListener" | "removeEventListener" | "terminate">;

export interface ClientOptions {
  spawn?: () => WorkerPort;
  beatMs?: number;
}

/** Why a worker's callers were let go: it crashed (an error event), or it went silent. */
class WorkerGone extends Error {
  constructor(
    readonly silent: boolean,
    why: string,
  ) {
    super(why);
  }
}

/** One worker and what the page has heard from it. */
class Life {
  readonly api: Remote<MediaApi>;
  readonly gone: Promise<never>;
  end!: (why: WorkerGone) => void;
  /** It has answered something: a worker still loading its script (slow on a busy machine) is not yet judged. */
  answered = false;
  asking = false;
  misses = 0;

  constructor(readonly worker: WorkerPort) {
    this.api = wrap<MediaApi>(worker);
    this.gone = new Promise<never>((_, reject) => (this.end = reject));
    this.gone.catch(() => undefined);
  }
}

const spawnWorker = (): WorkerPort => new Worker(new URL("./media-worker.ts", import.meta.url), { type: "module" });
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The page's handle on the media worker. A worker that dies (an uncaught error, a failed load) or
 * stops answering (closed, terminated, hung) is replaced by a fresh one, started again, and
 * whatever was waiting on it gets a message instead of hanging.
 */
export class MediaClient {
  private life!: Life;
  private calls = 0;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private started = false;

  constructor(
    private readonly onRestart: (message: string) => void,
    private readonly options: ClientOptions = {},
  ) {
    this.spawn();
  }

  private spawn(): void {
    const life = new Life((this.options.spawn ?? spawnWorker)());
    this.life = life;
    life.worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.replace(life, new WorkerGone(false, event.message || "the worker stopped"));
    });
  }

  private replace(life: Life, why: WorkerGone): void {
    if (life !== this.life) return;
    life.worker.terminate();
    this.spawn();
    // The engine the page was told is ready is made ready again; not after a worker that never came
    // up (a script that fails to load), which would only fail again.
    if (this.started && life.answered) void this.start().catch(() => undefined);
    this.onRestart(
      why.silent ? "The media engine stopped answering and was restarted" : `The media engine crashed (${why.message}) and was restarted`,
    );
    life.end(why);
  }

  /** One beat: count a ping still unanswered, else send another. */
  private beat(): void {
    const life = this.life;
    if (life.asking) {
      if (life.answered && ++life.misses >= MISSES) this.replace(life, new WorkerGone(true, "it stopped answering"));
      return;
    }
    life.asking = true;
    void life.api.ping().then(() => {
      life.asking = false;
      life.answered = true;
      life.misses = 0;
    });
  }

  /** Runs a call on the current worker, listening for its heartbeat until the call ends. */
  private async call<T>(work: (api: Remote<MediaApi>) => Promise<T>): Promise<T> {
    const life = this.life;
    this.calls++;
    this.heartbeat ??= setInterval(() => this.beat(), this.options.beatMs ?? BEAT_MS);
    const answer = work(life.api);
    const heard = () => void (life.answered = true);
    void answer.then(heard, heard);
    try {
      return await Promise.race([answer, life.gone]);
    } finally {
      if (--this.calls === 0) {
        clearInterval(this.heartbeat);
        this.heartbeat = undefined;
      }
    }
  }

  /** Runs a worker call; if the worker dies meanwhile, answers with a message. */
  private async guard<T>(call: (api: Remote<MediaApi>) => Promise<Result<T>>, doing: string): Promise<Result<T>> {
    try {
      return await this.call(call);
    } catch (error) {
      if (error instanceof WorkerGone && error.silent) {
        return fail(`The media engine stopped while ${doing} and was restarted; try again`);
      }
      return fail(`The media engine crashed while ${doing}: ${reason(error)}`);
    }
  }

  start(): Promise<EngineInfo> {
    this.started = true;
    return this.call((api) => api.start());
  }

  probe(file: File): Promise<Result<MediaInfo>> {
    return this.guard((api) => api.probe(file), `reading ${file.name}`);
  }

  identify(file: File): Promise<Result<MediaRef>> {
    return this.guard((api) => api.identify(file), `reading ${file.name}`);
  }

  async render(
    request: RenderRequest,
    destination: ExportDestination,
    onProgress: (progress: ExportProgress) => void,
  ): Promise<JobResult<Exported>> {
    try {
      // A download's stream moves to the worker, which writes it; it cannot be copied.
      const sent = destination.kind === "zip" && destination.stream ? transfer(destination, [destination.stream]) : destination;
      return await this.call<JobResult<Exported>>((api) => api.render(request, sent, proxy(onProgress)));
    } catch (error) {
      const silent = error instanceof WorkerGone && error.silent;
      const why = silent ? ENGINE_STOPPED : `The media engine crashed while exporting (${reason(error)})`;
      return { ok: false, kind: "fault", error: why };
    }
  }

  /** A worker that is gone has nothing left to stop: the export it ran ends with its own message. */
  cancel(): Promise<void> {
    return this.call((api) => api.cancel()).catch(() => undefined);
  }
}
