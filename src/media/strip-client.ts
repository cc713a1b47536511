import { proxy, wrap, type Remote } from "comlink";
import type { PictureLevels } from "../core/black-frames";
import type { StripApi, Thumbnails } from "./strip-api";

const spawnWorker = () => new Worker(new URL("./strip-worker.ts", import.meta.url), { type: "module" });

/**
 * The page's handle on the strip worker, started on first use and ended when its last call is
 * answered: decoding leaves the worker holding hundreds of MB of caches (a canvas's image cache
 * keeps every full-size frame drawn), which only its end gives back. A worker that crashes is
 * dropped too (its calls fail): a timeline without thumbnails is no loss of work.
 */
export class StripClient {
  private worker: { api: Remote<StripApi>; gone: Promise<never>; end: () => void } | null = null;
  private calls = 0;

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
    this.worker = { api: wrap<StripApi>(worker), gone, end: () => worker.terminate() };
    return this.worker;
  }

  private async call<T>(work: (api: Remote<StripApi>) => Promise<T>): Promise<T> {
    const worker = this.current;
    this.calls++;
    try {
      return await Promise.race([work(worker.api), worker.gone]);
    } finally {
      if (--this.calls === 0 && this.worker === worker) {
        this.worker = null;
        worker.end();
      }
    }
  }

  thumbnails(file: File, times: number[], height: number): Promise<Thumbnails | null> {
    return this.call((api) => api.thumbnails(file, times, height));
  }

  waveform(file: File, duration: number): Promise<Uint8Array | null> {
    return this.call((api) => api.waveform(file, duration));
  }

  soundLevels(file: File, duration: number): Promise<Float32Array | null> {
    return this.call((api) => api.soundLevels(file, duration));
  }

  pictureLevels(file: File, duration: number, onProgress: (done: number) => void): Promise<PictureLevels | null> {
    return this.call((api) => api.pictureLevels(file, duration, proxy(onProgress)));
  }

  /** Stops reading the picture's levels; the thumbnails and waveform go on. */
  stopLevels(): Promise<void> {
    return this.worker ? this.call((api) => api.stopLevels()) : Promise.resolve();
  }

  /** Stops the work for a file no longer open; nothing to stop before the worker exists. */
  stop(): Promise<void> {
    return this.worker ? this.call((api) => api.stop()) : Promise.resolve();
  }
}
