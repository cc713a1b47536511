import { DOWNLOADS_PATH, KEEP_ALIVE, type DownloadOffer } from "./download-route";

// Chromium stops a service worker idle for 30 s; a message every 10 s counts as activity.
const KEEP_ALIVE_MS = 10_000;
const HANDSHAKE_MS = 2_000;

/** Streams can be posted to a worker here (Chromium, Firefox; not every Safari). */
function streamsTransfer(): boolean {
  try {
    const stream = new ReadableStream();
    structuredClone(stream, { transfer: [stream] });
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a download whose bytes are written to the returned stream, through the service worker
 * (download-route.ts); the stream can be handed on to a worker. Null where no service worker
 * controls the page (the first visit) or streams cannot be posted: the caller builds the file in
 * memory instead.
 */
export async function offerDownload(name: string, mime: string): Promise<WritableStream<Uint8Array> | null> {
  const worker = navigator.serviceWorker?.controller;
  if (!worker || !streamsTransfer()) return null;
  const registration = await navigator.serviceWorker.getRegistration();
  if (!registration) return null;
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const id = crypto.randomUUID();
  const offer: DownloadOffer = { type: "STREAMED_DOWNLOAD", id, name, mime, stream: readable };
  const channel = new MessageChannel();
  const held = new Promise<boolean>((resolve) => {
    channel.port1.onmessage = () => resolve(true);
    setTimeout(() => resolve(false), HANDSHAKE_MS);
  });
  worker.postMessage(offer, [readable, channel.port2]);
  if (!(await held)) return null;

  // A hidden frame opens the URL: the browser turns the attachment into a download, and the page stays.
  const frame = Object.assign(document.createElement("iframe"), { hidden: true, title: "Download" });
  frame.src = new URL(`${DOWNLOADS_PATH}${id}/${encodeURIComponent(name)}`, registration.scope).href;
  document.body.append(frame);
  const alive = setInterval(() => worker.postMessage({ type: KEEP_ALIVE }), KEEP_ALIVE_MS);
  // Through the page, so it sees the end whoever writes (or aborts) the stream it hands out.
  const entry = new TransformStream<Uint8Array, Uint8Array>();
  void entry.readable
    .pipeTo(writable)
    .catch(() => undefined)
    .finally(() => {
      clearInterval(alive);
      // The download manager holds the response from its last byte on; the frame can go a little later.
      setTimeout(() => frame.remove(), 10_000);
    });
  return entry.writable;
}
