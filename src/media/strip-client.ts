import { wrap, type Remote } from "comlink";
import type { StripApi, Thumbnails } from "./strip-api";

const spawnWorker = () => new Worker(new URL("./strip-worker.ts", import.meta.url), { type: "module" });

/**
 * The page's handle on the strip worker, started on first use. A worker that crashes is dropped
 * (its calls fail; the next call starts a fresh one): a timeline without thumbnails is no loss of work.
 */
export class StripClient {
  private worker: { api: Remote<StripApi>; gone: Promise<never> } | null = null;

  private get current() {
    if (this.worker) return this.worker;
    const worker = spawnWorker();
    const gone = new Promise<never>((_, reject) =>
      worker.addEventListener("error", (event) => {
        event.preventDefault();
        worker.terminate();
        if (this.worker?.gone === gone) this.worker = null;
        reject(new Error(event.message || "the thumbnail worker stopped"));
      }),
    );
    gone.catch(() => undefined);
    this.worker = { api: wrap<StripApi>(worker), gone };
    return this.worker;
  }

  private call<T>(work: (api: Remote<StripApi>) => Promise<T>): Promise<T> {
    const { api, gone } = this.current;
    return Promise.race([work(api), gone]);
  }

  thumbnails(file: File, times: number[], height: number): Promise<Thumbnails | null> {
    return this.call((api) => api.thumbnails(file, times, height));
  }

  waveform(file: File, duration: number): Promise<Uint8Array | null> {
    return this.call((api) => api.waveform(file, duration));
  }

  /** Stops the work for a file no longer open; nothing to stop before the worker exists. */
  stop(): Promise<void> {
    return this.worker ? this.call((api) => api.stop()) : Promise.resolve();
  }
}
