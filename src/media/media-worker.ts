/// <reference lib="webworker" />
import { expose } from "comlink";
import { fail, ok } from "../core/result";
import { ExportJobs } from "./export-job";
import { FfmpegEngine } from "./ffmpeg-engine";
import type { MediaApi } from "./media-api";
import { identify } from "./media-identity";
import { sourceIndex } from "./source-index";

const ffmpeg = new FfmpegEngine();
const exports = new ExportJobs((request, sink, onProgress) => ffmpeg.render(request, sink, onProgress));

// An uncaught error inside ffmpeg's core arrives here: it fails the running call, never the page.
self.addEventListener("error", (event) => {
  event.preventDefault();
  ffmpeg.fault(event.message || "an ffmpeg thread failed");
});

const api: MediaApi = {
  start: async () => (await ffmpeg.ready()).info,
  probe: (file) => ffmpeg.probe(file, file.size > 0 ? sourceIndex(file) : Promise.resolve(null)),
  async identify(file) {
    try {
      return ok(await identify(file));
    } catch (error) {
      return fail(`${file.name}: the file could not be read (${error instanceof Error ? error.message : String(error)})`);
    }
  },
  render: (request, destination, onProgress) => exports.render(request, destination, onProgress),
  // The packet engine stops at its next packet; ffmpeg by having its core replaced.
  async cancel() {
    exports.cancel();
    await ffmpeg.cancel();
  },
  // Exports await between packets and ffmpeg's core runs in a worker of its own: this answers mid-job.
  ping: async () => undefined,
};

expose(api);
