import "fake-indexeddb/auto";
import { createRoot } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Thumbnails } from "../../src/media/strip-api";
import { ProjectDb } from "../../src/storage/project-db";
import { StripCache } from "../../src/storage/strip-cache";
import { createApp } from "../../src/ui/app-context";
import type { StripMaker } from "../../src/ui/strips";
import { FakeMedia } from "./fake-media";
import { sampleInfo } from "./sample-info";

const MEDIA = { name: "talk.mp4", size: 3, lastModified: 1, fingerprint: "print-of-talk" };

/** The strip worker's answers for any file: two thumbnails and a quiet waveform. */
const stripMaker: StripMaker = {
  thumbnails: async (_file, times): Promise<Thumbnails> => ({ thumbs: times.map(() => new ArrayBuffer(4)), width: 16, height: 9 }),
  waveform: async (_file, duration) => new Uint8Array(Math.round(duration * 100)),
  soundLevels: async (_file, duration) => new Float32Array(Math.round(duration * 200)),
  pictureLevels: async () => ({ times: [0], dark: [16] }),
  stopLevels: async () => undefined,
  stop: async () => undefined,
};

let dbCount = 0;

/** The page's stores built as main.tsx builds them, on fakes; the root lives for the test. */
function app(projects = ProjectDb.open(`app-${dbCount}`)) {
  const fake = new FakeMedia({ "talk.mp4": { info: sampleInfo(), media: MEDIA } });
  let restarted: (message: string) => void = () => undefined;
  const stripCache = new StripCache({ name: `app-strips-${dbCount++}` });
  const stores = createRoot(() =>
    createApp({
      media: (onRestart) => ((restarted = onRestart), fake),
      projects,
      stripCache,
      stripMaker,
    }),
  );
  return { ...stores, fake, stripCache, restart: (message: string) => restarted(message) };
}

describe("createApp", () => {
  beforeEach(() => {
    vi.stubGlobal("window", new EventTarget());
    // The settings store shows the theme on the root element.
    vi.stubGlobal("document", Object.assign(new EventTarget(), { visibilityState: "visible", documentElement: { dataset: {} } }));
    vi.stubGlobal("navigator", {});
    // The player stops its frame loop when a source opens; nothing plays here.
    vi.stubGlobal("requestAnimationFrame", () => 0);
    vi.stubGlobal("cancelAnimationFrame", () => undefined);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("a file opened shows on the timeline, and its strip is cached once its project is stored", async () => {
    const { fake, opener, session, strips, autosave, stripCache } = app();
    const opening = opener.open({ file: new File([new Uint8Array(3)], "talk.mp4") });
    await vi.waitFor(() => expect(fake.probes.waiting).toHaveLength(1));
    fake.finishProbe("talk.mp4");
    await opening;
    await vi.waitFor(() => expect(strips.strip()?.peaks?.length).toBe(1200));
    expect(await stripCache.get("print-of-talk")).toBeUndefined();
    session.markIn(1);
    session.markOut(2);
    await autosave.flush();
    await vi.waitFor(async () => expect((await stripCache.get("print-of-talk"))?.thumbs.length).toBe(strips.strip()?.thumbs.length));
  });

  it("a restarted media worker is said, and the engine is started again", async () => {
    const { fake, engine, showEngine, session, restart } = app();
    await showEngine();
    expect(engine()).toEqual({ loadSeconds: 0 });
    restart("The media engine crashed (out of memory) and was restarted");
    expect(session.notice()).toEqual({ kind: "error", text: "The media engine crashed (out of memory) and was restarted" });
    expect(fake.started).toBe(2);
  });

  it("a browser that keeps no projects is told so, in words, and files still open", async () => {
    const { fake, opener, session } = app(Promise.reject(new Error("IndexedDB is disabled")));
    await vi.waitFor(() =>
      expect(session.notice()).toEqual({ kind: "error", text: "Projects cannot be kept in this browser (IndexedDB is disabled)" }),
    );
    const opening = opener.open({ file: new File([new Uint8Array(3)], "talk.mp4") });
    await vi.waitFor(() => expect(fake.probes.waiting).toHaveLength(1));
    fake.finishProbe("talk.mp4");
    await opening;
    expect(session.source()?.file.name).toBe("talk.mp4");
  });
});
