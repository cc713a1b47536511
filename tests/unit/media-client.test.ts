import { expose } from "comlink";
import { describe, expect, it, vi } from "vitest";
import { ENGINE_STOPPED, MediaClient, type WorkerPort } from "../../src/media/media-client";
import type { Exported, MediaApi, RenderRequest } from "../../src/media/media-api";
import type { JobResult } from "../../src/media/media-error";

const BEAT_MS = 20;
const never = <T>() => new Promise<T>(() => undefined);
const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
const exported: JobResult<Exported> = { ok: true, value: { blob: null, engine: "packet", note: "" } };

/** A worker's API: renders take `renderMs` (forever by default); every other call answers at once. */
const mediaApi = (renderMs?: number): MediaApi => ({
  start: async () => ({ loadSeconds: 0 }),
  probe: never,
  identify: never,
  render: () => (renderMs === undefined ? never() : after(renderMs, exported)),
  cancel: async () => undefined,
  ping: async () => undefined,
});

/**
 * A worker on a MessageChannel: `silence` closes its end (as `self.close()` does: nothing answers
 * again), `crash` fires the error event a worker's uncaught error would. `exposeAfter` delays its
 * API, as a worker still loading its script.
 */
function fakeWorker(api: MediaApi, exposeAfter = 0) {
  const { port1, port2 } = new MessageChannel();
  const errors = new EventTarget();
  setTimeout(() => expose(api, port2), exposeAfter);
  const port: WorkerPort = {
    postMessage: port1.postMessage.bind(port1),
    addEventListener: (type: string, listener: EventListenerOrEventListenerObject) =>
      (type === "error" ? errors : port1).addEventListener(type, listener),
    removeEventListener: (type: string, listener: EventListenerOrEventListenerObject) =>
      (type === "error" ? errors : port1).removeEventListener(type, listener),
    terminate: () => port1.close(),
  };
  return {
    port,
    silence: () => port2.close(),
    crash: () => errors.dispatchEvent(Object.assign(new Event("error", { cancelable: true }), { message: "boom" })),
  };
}

const request = {} as RenderRequest;

function clientOf(workers: ReturnType<typeof fakeWorker>[]) {
  const restarts: string[] = [];
  let spawned = 0;
  const spawn = () => {
    const worker = workers[spawned++];
    if (!worker) throw new Error("no more workers");
    return worker.port;
  };
  const client = new MediaClient((message) => restarts.push(message), { spawn, beatMs: BEAT_MS });
  return { client, restarts, spawned: () => spawned };
}

describe("MediaClient", () => {
  it("ends an export whose worker went silent, restarts the worker, and the next export runs", async () => {
    const first = fakeWorker(mediaApi());
    const second = fakeWorker(mediaApi(5));
    const { client, restarts, spawned } = clientOf([first, second]);
    const running = client.render(request, { kind: "memory" }, () => undefined);
    await after(BEAT_MS * 3, null);
    first.silence();
    const began = performance.now();
    expect(await running).toEqual({ ok: false, kind: "fault", error: ENGINE_STOPPED });
    // Three beats unanswered, and up to one for the last answer before it stopped.
    expect(performance.now() - began).toBeLessThan(BEAT_MS * 8);
    expect(spawned()).toBe(2);
    expect(restarts).toEqual(["The media engine stopped answering and was restarted"]);
    expect(await client.render(request, { kind: "memory" }, () => undefined)).toEqual(exported);
    await client.cancel();
  });

  it("lets a long call run on while the worker answers its heartbeat", async () => {
    const { client, spawned } = clientOf([fakeWorker(mediaApi(BEAT_MS * 12))]);
    expect(await client.render(request, { kind: "memory" }, () => undefined)).toEqual(exported);
    expect(spawned()).toBe(1);
  });

  it("does not judge a worker still loading its script", async () => {
    const { client, spawned } = clientOf([fakeWorker(mediaApi(), BEAT_MS * 8)]);
    expect(await client.start()).toEqual({ loadSeconds: 0 });
    expect(spawned()).toBe(1);
  });

  it("a crash still ends the call with its error, and the engine is started again on the new worker", async () => {
    const first = fakeWorker(mediaApi());
    const secondApi = mediaApi();
    const start = vi.spyOn(secondApi, "start");
    const { client, restarts } = clientOf([first, fakeWorker(secondApi)]);
    await client.start();
    const running = client.probe(new File([], "a.mp4"));
    first.crash();
    expect(await running).toEqual({ ok: false, error: "The media engine crashed while reading a.mp4: boom" });
    expect(restarts).toEqual(["The media engine crashed (boom) and was restarted"]);
    await vi.waitFor(() => expect(start).toHaveBeenCalled());
  });

  it("Cancel on a worker that is gone does not hang; the worker is restarted and the next Cancel reaches it", async () => {
    const first = fakeWorker(mediaApi());
    const secondApi = mediaApi();
    const cancel = vi.spyOn(secondApi, "cancel");
    const { client, restarts, spawned } = clientOf([first, fakeWorker(secondApi)]);
    await client.start();
    first.silence();
    await expect(client.cancel()).resolves.toBeUndefined();
    expect(spawned()).toBe(2);
    expect(restarts).toEqual(["The media engine stopped answering and was restarted"]);
    expect(cancel).not.toHaveBeenCalled();
    await client.cancel();
    expect(cancel).toHaveBeenCalledTimes(1);
  });
});
