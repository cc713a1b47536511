import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { MediaInfo } from "../../src/core/media-info";
import type { StripClient } from "../../src/media/strip-client";
import type { Thumbnails } from "../../src/media/strip-api";
import { StripCache } from "../../src/storage/strip-cache";
import type { Source } from "../../src/ui/session";
import { createStrips } from "../../src/ui/strips";

const info = (duration: number): MediaInfo => ({
  fileName: "talk.mp4",
  container: "mp4",
  duration,
  size: 1,
  bitRate: 1,
  tags: {},
  streams: [],
  keyframes: [0, 2, 4, 6, 8],
});

const source = (fingerprint: string, duration = 10): Source => ({
  id: fingerprint,
  file: new File(["x"], `${fingerprint}.mp4`),
  info: info(duration),
  media: { name: `${fingerprint}.mp4`, size: 1, fingerprint } as Source["media"],
  project: { id: fingerprint, name: fingerprint, created: 0 },
});

/** A strip worker that records what it was asked and answers at once (or when `hold` lets it). */
function fakeClient(hold?: Promise<void>) {
  const asked: string[] = [];
  const client = {
    async thumbnails(file: File, times: number[]): Promise<Thumbnails> {
      asked.push(`thumbnails ${file.name} ${times.join(",")}`);
      await hold;
      return { thumbs: times.map(() => new Uint8Array([1, 2]).buffer), width: 16, height: 9 };
    },
    async waveform(file: File, duration: number): Promise<Uint8Array> {
      asked.push(`waveform ${file.name} ${duration}`);
      return new Uint8Array(duration * 100).fill(7);
    },
    async stop() {},
  };
  return { client: client as unknown as StripClient, asked };
}

describe("strips", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("computes a source's strip once, stores it, and reads it back on a reopen", async () => {
    const cache = new StripCache();
    const first = fakeClient();
    const strips = createStrips(cache, first.client, () => true);
    await strips.show(source("a"));
    expect(first.asked).toEqual(["thumbnails a.mp4 0,2,4,6,8", "waveform a.mp4 10"]);
    expect(strips.strip()?.thumbTimes).toEqual([0, 2, 4, 6, 8]);
    expect(strips.strip()?.peaks?.length).toBe(1000);
    const stored = await cache.get("a");
    expect(stored?.computedAt).toBeGreaterThan(0);

    const again = fakeClient();
    // A page loaded afresh: a cache of its own over the same database.
    const reopened = createStrips(new StripCache(), again.client, () => true);
    await reopened.show(source("a"));
    expect(again.asked).toEqual([]);
    expect(reopened.strip()?.thumbs).toHaveLength(5);
    expect((await cache.get("a"))?.computedAt).toBe(stored?.computedAt);
  });

  it("shows only the last opened source's strip", async () => {
    let release = () => {};
    const held = fakeClient(new Promise((resolve) => (release = resolve)));
    const strips = createStrips(new StripCache(), held.client, () => true);
    const slow = strips.show(source("b"));
    const fast = strips.show(null);
    release();
    await Promise.all([slow, fast]);
    expect(strips.strip()).toBeNull();
  });

  it("goes on without pictures when the worker fails, and caches nothing", async () => {
    const cache = new StripCache();
    const failing = {
      thumbnails: () => Promise.reject(new Error("gone")),
      waveform: () => Promise.reject(new Error("gone")),
      stop: async () => {},
    } as unknown as StripClient;
    const strips = createStrips(cache, failing, () => true);
    await strips.show(source("c"));
    expect(strips.strip()).toBeNull();
    expect(await cache.get("c")).toBeUndefined();
  });

  it("keeps no strip that would leave less than half the site's storage, or 50 MB, free: projects need the room", async () => {
    // 1 GB, with 499 MB used: the strip (about 1 kB) would leave just under half.
    vi.stubGlobal("navigator", { storage: { estimate: async () => ({ usage: 499_999_000, quota: 1e9 }) } });
    const cache = new StripCache();
    const strips = createStrips(cache, fakeClient().client, () => true);
    await strips.show(source("d"));
    expect(strips.strip()?.thumbs).toHaveLength(5);
    expect(await cache.get("d")).toBeUndefined();
    // A small disk (60 MB, a quarter used): more than half stays free, but not 50 MB.
    vi.stubGlobal("navigator", { storage: { estimate: async () => ({ usage: 15e6, quota: 60e6 }) } });
    await strips.show(source("e"));
    expect(await cache.get("e")).toBeUndefined();
    vi.stubGlobal("navigator", { storage: { estimate: async () => ({ usage: 0, quota: 200e6 }) } });
    await strips.show(source("f"));
    expect(await cache.get("f")).toBeDefined();
  });

  it("keeps a strip only once its project is stored: the project's save comes first", async () => {
    const cache = new StripCache();
    let saved = false;
    const strips = createStrips(cache, fakeClient().client, () => saved);
    await strips.show(source("g"));
    expect(strips.strip()?.thumbs).toHaveLength(5);
    expect(await cache.get("g")).toBeUndefined();
    saved = true;
    strips.projectStored();
    await expect.poll(() => cache.get("g")).toBeDefined();
  });
});
