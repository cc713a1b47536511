import { createRoot } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createExporter } from "../../src/ui/exporter";
import { createSession } from "../../src/ui/session";
import { FakeMedia } from "./fake-media";
import { openedSession, savedProject } from "./opened-session";
import { AUDIO, sampleInfo, VIDEO } from "./sample-info";

const FFMPEG_NOTE = "the browser cannot read this file's video (mpeg2video)";

/** A page with talk.mp4 open and one clip, in a browser with no save picker: exports are kept in memory. */
function page() {
  const fake = new FakeMedia();
  let engineChecks = 0;
  const { session, exporter, dispose } = createRoot((dispose) => {
    const session = createSession(Promise.resolve(null));
    return { session, exporter: createExporter(fake, session, () => engineChecks++), dispose };
  });
  const media = { name: "talk.mp4", size: 413977, lastModified: 1, fingerprint: "talk" };
  session.begin({ id: "s", file: new File([new Uint8Array(media.size)], "talk.mp4", { lastModified: 1 }), info: sampleInfo(), media, project: { id: "p", name: "talk", created: 1 } }, undefined, false);
  session.markIn(1);
  session.markOut(3);
  return { fake, session, exporter, dispose, engineChecks: () => engineChecks };
}

/** Starts an export and waits until it reaches the media worker. */
async function started(exporter: ReturnType<typeof page>["exporter"], fake: FakeMedia) {
  const run = exporter.run();
  await vi.waitFor(() => expect(fake.renders.waiting).toHaveLength(1));
  return { run, call: fake.running() };
}

// No save picker, no service worker: every export here is kept in memory.
beforeEach(() => {
  vi.stubGlobal("window", {});
  vi.stubGlobal("navigator", {});
  vi.stubGlobal("document", { createElement: () => ({ click: () => undefined }) });
});
afterEach(() => vi.unstubAllGlobals());

const bytes = (n: number) => new Blob([new Uint8Array(n)]);
const states = (exporter: ReturnType<typeof page>["exporter"]) => exporter.exports().map((e) => [e.name, e.mode, e.state]);

describe("exporter", () => {
  it("asks the media worker for the tracks left out in Tracks: none at first, then the ones dropped", async () => {
    const { fake, exporter, dispose } = page();
    const first = await started(exporter, fake);
    expect(first.call.ask.request.droppedTracks).toEqual([]);
    first.call.answer({ ok: true, value: { blob: bytes(5), engine: "packet", note: "" } });
    await first.run;
    exporter.keepTrack(1, false);
    const second = await started(exporter, fake);
    expect(second.call.ask.request.droppedTracks).toEqual([1]);
    second.call.answer({ ok: true, value: { blob: bytes(5), engine: "packet", note: "" } });
    await second.run;
    dispose();
  });

  it("asks for the mix chosen in Tracks; a track left out leaves the mix", async () => {
    const { fake, exporter, dispose } = page();
    exporter.mixTrack(1, true);
    exporter.mixTrack(2, true);
    exporter.setGain(2, -6);
    exporter.setMixOn(true);
    const first = await started(exporter, fake);
    expect(first.call.ask.request.audioMix).toEqual({ on: true, tracks: [1, 2], gains: { 2: -6 } });
    first.call.answer({ ok: true, value: { blob: bytes(5), engine: "packet", note: "" } });
    await first.run;
    exporter.keepTrack(2, false);
    expect(exporter.audioMix().tracks).toEqual([1]);
    dispose();
  });

  it("lists each export, running then done, named apart by mode, and says which engine ran", async () => {
    const { fake, session, exporter, dispose } = page();
    const first = await started(exporter, fake);
    expect(first.call.ask.request.clips.map((c) => [c.start, c.end])).toEqual([[1, 3]]);
    expect(states(exporter)).toEqual([["talk-cut.mp4", "lossless", "running"]]);
    expect(session.notice()).toEqual({ kind: "info", text: "Exporting talk-cut.mp4…" });
    first.call.ask.onProgress({ fraction: 0.5, clip: 0, remaining: 2 });
    expect(exporter.progress()).toEqual({ fraction: 0.5, clip: 0, remaining: 2 });
    first.call.answer({ ok: true, value: { blob: bytes(5), engine: "packet", note: "" } });
    await first.run;
    expect(exporter.progress()).toBeNull();
    expect(exporter.exports()[0]).toMatchObject({ state: "done", size: 5, clips: 1, duration: 2, download: { name: "talk-cut.mp4" } });
    expect(session.notice()).toEqual({ kind: "info", text: "Exported talk-cut.mp4" });

    exporter.setMode("reencode");
    const second = await started(exporter, fake);
    second.call.answer({ ok: true, value: { blob: bytes(7), engine: "ffmpeg", note: FFMPEG_NOTE } });
    await second.run;
    expect(session.notice()).toEqual({ kind: "info", text: `Exported talk-cut-reencode.mp4 with ffmpeg.wasm (${FFMPEG_NOTE})` });
    expect(exporter.exports()[0]?.detail).toBe(`with ffmpeg.wasm (${FFMPEG_NOTE})`);

    exporter.setMode("lossless");
    const third = await started(exporter, fake);
    third.call.answer({ ok: true, value: { blob: bytes(1), engine: "packet", note: "" } });
    await third.run;
    expect(states(exporter)).toEqual([
      ["talk-cut-lossless.mp4", "lossless", "done"],
      ["talk-cut-reencode.mp4", "reencode", "done"],
      ["talk-cut.mp4", "lossless", "done"],
    ]);
    dispose();
  });

  it("lists a failed export as failed, with why, and a cancelled one as cancelled; the clips stay", async () => {
    const { fake, session, exporter, dispose, engineChecks } = page();
    const failing = await started(exporter, fake);
    const why = "The export could not be finished: this file holds something the engine does not handle. Another export mode may work.";
    failing.call.answer({ ok: false, kind: "fault", error: why });
    await failing.run;
    expect(exporter.exports()[0]).toMatchObject({ state: "failed", detail: why, size: null, download: null });
    expect(session.notice()).toEqual({ kind: "error", text: why });
    // After a run the engine's status is asked again: a hung core may have been replaced.
    expect(engineChecks()).toBe(1);


    const cancelled = await started(exporter, fake);
    await exporter.cancel();
    await cancelled.run;
    expect(exporter.exports().map((e) => e.state)).toEqual(["cancelled", "failed"]);
    expect(session.notice()).toEqual({ kind: "info", text: "Export cancelled" });
    expect(session.clips().map((c) => [c.start, c.end])).toEqual([[1, 3]]);
    dispose();
  });

  it("drops progress that comes after the result, and starts no second export while one runs", async () => {
    const { fake, exporter, dispose } = page();
    const { run, call } = await started(exporter, fake);
    await exporter.run();
    expect(fake.renders.waiting).toHaveLength(1);
    expect(exporter.exports()).toHaveLength(1);
    call.answer({ ok: true, value: { blob: bytes(3), engine: "packet", note: "" } });
    // The last progress message, sent before the result but delivered after it.
    call.ask.onProgress({ fraction: 0.99, clip: 0, remaining: 0 });
    await run;
    call.ask.onProgress({ fraction: 1, clip: 0, remaining: 0 });
    expect(exporter.progress()).toBeNull();
    dispose();
  });
});

describe("exporting clips of several files", () => {
  const ref = (name: string) => ({ name, size: 1, lastModified: 1, fingerprint: name });
  const wide = sampleInfo({ fileName: "GP020001.MP4", streams: [{ ...VIDEO, width: 1920, height: 1080, frameRate: { num: 60, den: 1 } }, AUDIO] });

  /** A project of two files with a clip of each, both files read; the second of `second`'s format. */
  function twoFiles(second = sampleInfo({ fileName: "GP020001.MP4" })) {
    const sources = [
      // The file on the player, as openedSession probes it.
      { id: "a", media: ref("talk.mp4"), info: sampleInfo() },
      { id: "b", media: ref("GP020001.MP4"), info: second },
    ];
    const clips = [
      { id: 1, source: "a", start: 1, end: 3, label: "" },
      { id: 2, source: "b", start: 2, end: 4, label: "" },
    ];
    const fake = new FakeMedia();
    const { session, dispose } = openedSession(savedProject("camera", sources, clips));
    const exporter = createRoot(() => createExporter(fake, session, () => undefined));
    session.attachFile("b", { file: new File([new Uint8Array(1)], "GP020001.MP4", { lastModified: 1 }), info: second, media: ref("GP020001.MP4") });
    return { fake, session, exporter, dispose };
  }

  it("stops before export at a file that is not the one added (another size or date): it is to be picked again, nothing is written", async () => {
    const { fake, session, exporter, dispose } = twoFiles();
    session.attachFile("b", { file: new File([new Uint8Array(1)], "GP020001.MP4", { lastModified: 2 }), info: sampleInfo(), media: ref("GP020001.MP4") });
    await exporter.run();
    expect(session.notice()).toEqual({ kind: "error", text: "GP020001.MP4 has changed since it was added: pick it again" });
    expect(session.fileOf("b")).toBeUndefined();
    expect(fake.renders.waiting).toHaveLength(0);
    expect(exporter.exports()).toEqual([]);
    expect(session.clips()).toHaveLength(2);
    dispose();
  });

  it("hands the engines every file the clips are cut from, in the project's order", async () => {
    const { fake, exporter, dispose } = twoFiles();
    const { call } = await started(exporter, fake);
    expect(call.ask.request.sources.map((s) => [s.id, s.file.name])).toEqual([["a", "talk.mp4"], ["b", "GP020001.MP4"]]);
    expect(call.ask.request.clips.map((c) => c.source)).toEqual(["a", "b"]);
    expect(exporter.joinNote()).toBeNull();
    dispose();
  });

  it("says before export which file differs, and exports none in a mode that cannot join them", async () => {
    const { fake, session, exporter, dispose } = twoFiles(wide);
    const why =
      "Lossless cannot join these files: GP020001.MP4 is 1920×1080 60 fps; talk.mp4 is 320×240 25 fps. Re-encode joins them in the first file's format.";
    expect(exporter.joinNote()).toBe(why);
    await exporter.run();
    expect(session.notice()).toEqual({ kind: "error", text: why });
    expect(fake.renders.waiting).toHaveLength(0);
    exporter.setMode("reencode");
    expect(exporter.joinNote()).toBeNull();
    const { call } = await started(exporter, fake);
    expect(call.ask.request.mode).toBe("reencode");
    dispose();
  });

  it("names a file the page has not read again", async () => {
    const sources = [
      { id: "a", media: ref("GP010001.MP4"), info: sampleInfo() },
      { id: "b", media: ref("GP020001.MP4"), info: sampleInfo() },
    ];
    const { session, dispose } = openedSession(savedProject("camera", sources, [{ id: 1, source: "b", start: 1, end: 2, label: "" }]));
    const fake = new FakeMedia();
    const exporter = createRoot(() => createExporter(fake, session, () => undefined));
    await exporter.run();
    expect(session.notice()).toEqual({ kind: "error", text: "GP020001.MP4 is not open: open it to export its clips" });
    expect(fake.renders.waiting).toHaveLength(0);
    dispose();
  });
});
