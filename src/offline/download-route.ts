/// <reference lib="webworker" />

/**
 * Downloads streamed through the service worker, for browsers that cannot write to a file the
 * user picks: the page hands over a stream, then opens `downloads/<id>/<name>`, and this worker
 * answers that request with the stream as an attachment. The browser saves bytes as they come, so
 * an output larger than memory still downloads.
 */

/** What the page posts; `reply` answers once the stream is held, so the page opens the URL after. */
export interface DownloadOffer {
  type: "STREAMED_DOWNLOAD";
  id: string;
  name: string;
  mime: string;
  stream: ReadableStream<Uint8Array>;
}

/** Sent by the page while a download runs: each message keeps this worker from being stopped as idle. */
export const KEEP_ALIVE = "STREAMED_DOWNLOAD_KEEP_ALIVE";

/** Where the page asks for an offered stream, under the worker's scope. */
export const DOWNLOADS_PATH = "downloads/";

const isOffer = (data: unknown): data is DownloadOffer =>
  typeof data === "object" &&
  data !== null &&
  (data as { type?: unknown }).type === "STREAMED_DOWNLOAD" &&
  typeof (data as DownloadOffer).id === "string" &&
  (data as DownloadOffer).stream instanceof ReadableStream;

/** RFC 6266: an ASCII fallback name and the exact one, percent-encoded. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function serveStreamedDownloads(self: ServiceWorkerGlobalScope): void {
  const offers = new Map<string, DownloadOffer>();
  const prefix = new URL(DOWNLOADS_PATH, self.registration.scope).pathname;

  self.addEventListener("message", (event) => {
    if (!isOffer(event.data)) return;
    offers.set(event.data.id, event.data);
    event.ports[0]?.postMessage("held");
  });

  // Registered before the precache's listener, so it answers its own URLs first.
  self.addEventListener("fetch", (event) => {
    const url = new URL(event.request.url);
    if (url.origin !== self.location.origin || !url.pathname.startsWith(prefix)) return;
    const id = url.pathname.slice(prefix.length).split("/")[0] ?? "";
    const offer = offers.get(id);
    if (!offer) {
      event.respondWith(new Response("This download has ended: export again.", { status: 404, headers: { "Content-Type": "text/plain" } }));
      return;
    }
    // One request per offer: a second would find the stream already read.
    offers.delete(id);
    const headers = {
      "Content-Type": offer.mime,
      "Content-Disposition": disposition(offer.name),
      "Cross-Origin-Resource-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
      "X-Content-Type-Options": "nosniff",
    };
    event.respondWith(new Response(offer.stream, { headers }));
  });
}
