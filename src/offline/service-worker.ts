/// <reference lib="webworker" />
import { clientsClaim } from "workbox-core";
import { addPlugins, cleanupOutdatedCaches, precacheAndRoute } from "workbox-precaching";
import { WORKER_POLICY } from "./content-security";
import { serveStreamedDownloads } from "./download-route";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

// A static host may send no headers at all. `npm start` serves the page cross-origin isolated
// (precise timers, memory measurement); so that it behaves the same on any host, every response
// this worker serves carries the two headers, worker scripts included.
const ISOLATION = { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" };

function withHeaders(request: Request, response: Response): Response {
  // Opaque and redirected responses cannot be rebuilt; they are not ours to serve anyway.
  if (response.type === "opaque" || response.type === "opaqueredirect" || response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION)) headers.set(name, value);
  // A worker's policy comes from its script's response, not from the page's <meta>.
  if (request.destination === "worker") headers.set("Content-Security-Policy", WORKER_POLICY);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

// First, so its listener answers the download URLs before the precache looks at them.
serveStreamedDownloads(self);

addPlugins([{ handlerWillRespond: async ({ request, response }) => withHeaders(request, response) }]);
// Hashed file names make every entry its own version: an update fetches only what changed (the
// 30 MB ffmpeg core stays as it is unless ffmpeg.wasm itself changes). Query strings still find
// the cached page.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();

// The first version serves the page that installed it at once (a later one waits, below), so that
// page hears when a new version takes over, and reloads into it.
clientsClaim();

// A new version waits until the page, once its project is saved, asks it to take over.
self.addEventListener("message", (event) => {
  if ((event.data as { type?: string } | null)?.type === "SKIP_WAITING") void self.skipWaiting();
});
