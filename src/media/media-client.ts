import { proxy, wrap, type Remote } from "comlink";
import { fail, type Result } from "../core/result";
import type { ExportProgress } from "../core/progress";
import type { MediaInfo } from "../core/media-info";
import type { MediaRef } from "../core/formats/project-backup";
import type { EngineInfo, ExportDestination, Exported, MediaApi, RenderRequest } from "./media-api";
import type { JobResult } from "./media-error";

/**
 * The page's handle on the media worker. A worker that dies (an uncaught error, a failed load)
 * is replaced by a fresh one, and whatever was waiting on it gets a message instead of hanging.
 */
export class MediaClient {
  private worker!: Worker;
  private api!: Remote<MediaApi>;
  private died!: Promise<never>;

  constructor(private readonly onRestart: (message: string) => void) {
    this.spawn();
  }

  private spawn(): void {
    this.worker = new Worker(new URL("./media-worker.ts", import.meta.url), { type: "module" });
    this.api = wrap<MediaApi>(this.worker);
    this.died = new Promise<never>((_, reject) => {
      this.worker.addEventListener("error", (event) => {
        event.preventDefault();
        const why = event.message || "the worker stopped";
        this.worker.terminate();
        this.spawn();
        this.onRestart(`The media engine crashed (${why}) and was restarted`);
        reject(new Error(why));
      });
    });
    this.died.catch(() => undefined);
  }

  /** Runs a worker call; if the worker dies meanwhile, answers with a message. */
  private async guard<T>(call: (api: Remote<MediaApi>) => Promise<Result<T>>, doing: string): Promise<Result<T>> {
    try {
      return await Promise.race([call(this.api), this.died]);
    } catch (error) {
      return fail(`The media engine crashed while ${doing}: ${error instanceof Error ? error.message : error}`);
    }
  }

  start(): Promise<EngineInfo> {
    return Promise.race([this.api.start(), this.died]);
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
      return await Promise.race([this.api.render(request, destination, proxy(onProgress)), this.died]);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return { ok: false, kind: "fault", error: `The media engine crashed while exporting (${why})` };
    }
  }

  cancel(): Promise<void> {
    return this.api.cancel();
  }
}
