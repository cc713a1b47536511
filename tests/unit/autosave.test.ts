import { NO_MIX, type AudioMix } from "../../src/core/audio-mix";
import "fake-indexeddb/auto";
import { createRoot, createSignal } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { keepProjects, WriteBehind } from "../../src/ui/autosave";
import { createSession, type Session } from "../../src/ui/session";
import { ProjectDb } from "../../src/storage/project-db";
import { sampleInfo } from "./sample-info";

describe("WriteBehind", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** Writes that finish only when told, in the order begun. */
  function writer() {
    const begun: [string, boolean][] = [];
    const finish: (() => void)[] = [];
    const write = (value: string, leaving: boolean) => {
      begun.push([value, leaving]);
      return new Promise<void>((resolve) => finish.push(resolve));
    };
    return { begun, finishNext: async () => (finish.shift()?.(), await vi.advanceTimersByTimeAsync(0)), write };
  }

  it("writes a change at once; changes during a write wait, and only the newest follows it", async () => {
    const { begun, finishNext, write } = writer();
    const writes = new WriteBehind(write, 300);
    writes.change("a", false);
    expect(begun).toEqual([["a", false]]);
    writes.change("b", false);
    writes.change("c", false);
    expect(begun).toHaveLength(1);
    await finishNext();
    expect(begun).toEqual([["a", false], ["c", false]]);
    await finishNext();
    expect(begun).toHaveLength(2);
  });

  it("writes typing once it pauses", async () => {
    const { begun, write } = writer();
    const writes = new WriteBehind(write, 300);
    writes.change("t", true);
    await vi.advanceTimersByTimeAsync(200);
    writes.change("ty", true);
    await vi.advanceTimersByTimeAsync(200);
    expect(begun).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(begun).toEqual([["ty", false]]);
  });

  it("flushes what waits at once, beside a write under way, saying when the page is left", async () => {
    const { begun, finishNext, write } = writer();
    const writes = new WriteBehind(write, 300);
    writes.change("a", false);
    writes.change("b", false);
    writes.change("typed", true);
    let flushed = false;
    void writes.flush(true).then(() => (flushed = true));
    expect(begun).toEqual([["a", false], ["typed", true]]);
    await finishNext();
    expect(flushed).toBe(false);
    await finishNext();
    expect(flushed).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(begun).toHaveLength(2);
  });

  it("leaving with nothing newer, writes the change under way again the leaving way", async () => {
    const { begun, write } = writer();
    const writes = new WriteBehind(write, 300);
    writes.change("a", false);
    void writes.flush(true);
    expect(begun).toEqual([["a", false], ["a", true]]);
    void writes.flush(false);
    expect(begun).toHaveLength(2);
  });
});

describe("keepProjects", () => {
  let page: EventTarget;
  let dbCount = 0;
  beforeEach(() => {
    page = new EventTarget();
    vi.stubGlobal("window", page);
    vi.stubGlobal("document", Object.assign(new EventTarget(), { visibilityState: "visible" }));
    vi.stubGlobal("navigator", {});
  });
  afterEach(() => vi.unstubAllGlobals());

  /** A session on a fresh database, with a project open; the root stays for the test. */
  async function opened() {
    const name = `autosave-${dbCount++}`;
    const db = await ProjectDb.open(name);
    const [dropped, setDropped] = createSignal<number[]>([]);
    const [mix, setMix] = createSignal<AudioMix>(NO_MIX);
    const { session, autosave } = createRoot(() => {
      const session: Session = createSession(Promise.resolve(db));
      return { session, autosave: keepProjects(Promise.resolve(db), session, () => "lossless", dropped, () => ({ audioMix: mix() })) };
    });
    const media = { name: "talk.mp4", size: 413977, lastModified: 1, fingerprint: "talk" };
    const project = { id: "p1", name: "talk.mp4", created: 1 };
    session.begin({ id: "s", file: new File([], "talk.mp4"), info: sampleInfo(), media, project }, undefined, false);
    // Another tab on the same database.
    const other = await ProjectDb.open(name);
    return { session, autosave, db, other, setDropped, setMix };
  }

  const addClip = (session: Session, start: number) => {
    session.markIn(start);
    session.markOut(start + 1);
  };

  it("writes nothing when a stored project is opened as it was, and writes its first change", async () => {
    const { session, autosave, db } = await opened();
    addClip(session, 1);
    await autosave.flush();
    const stored = await db.load("p1");
    const source = session.source();
    if (!stored || !source) throw new Error("no project stored");
    // Stored again only if written: its date tells.
    await db.save({ ...stored, edited: 5 });
    const reread = await db.load("p1");
    session.begin({ ...source, project: { ...source.project, exportMode: "lossless" } }, reread, false);
    await autosave.flush();
    expect((await db.load("p1"))?.edited).toBe(5);
    expect(autosave.state()).toBe("saved");
    addClip(session, 3);
    await autosave.flush();
    expect((await db.load("p1"))?.clips).toHaveLength(2);
  });

  it("stores the tracks left out with the project, and writes again when they change", async () => {
    const { session, autosave, db, setDropped } = await opened();
    addClip(session, 1);
    await autosave.flush();
    expect((await db.load("p1"))?.droppedTracks).toEqual([]);
    setDropped([1]);
    await autosave.flush();
    expect((await db.load("p1"))?.droppedTracks).toEqual([1]);
  });

  it("stores the audio mix with the project, and writes again when it changes", async () => {
    const { session, autosave, db, setMix } = await opened();
    addClip(session, 1);
    await autosave.flush();
    expect((await db.load("p1"))?.audioMix).toEqual(NO_MIX);
    setMix({ on: true, tracks: [1, 2], gains: { 2: -6 } });
    await autosave.flush();
    expect((await db.load("p1"))?.audioMix).toEqual({ on: true, tracks: [1, 2], gains: { 2: -6 } });
  });

  it("stores a clip as it is added, with no wait", async () => {
    const { session, db } = await opened();
    addClip(session, 1);
    await vi.waitFor(async () => expect((await db.load("p1"))?.clips).toHaveLength(1), { timeout: 100 });
  });

  it("stores a label as it is typed, as the one undo step its commit makes", async () => {
    const { session, autosave, db } = await opened();
    addClip(session, 1);
    await autosave.flush();
    session.typeLabel(1, "o");
    session.typeLabel(1, "opening");
    page.dispatchEvent(new Event("pagehide"));
    await vi.waitFor(async () => expect((await db.load("p1"))?.clips[0]?.label).toBe("opening"), { timeout: 100 });
    const stored = await db.load("p1");
    expect(stored?.undo.map((step) => step.inserted.map((c) => c.label))).toEqual([[""], ["opening"]]);
    expect(session.clips()[0]?.label).toBe("");

    session.editLabel(1, "opening");
    expect(session.history().past).toHaveLength(2);
    session.undo();
    expect(session.clips()[0]?.label).toBe("");
  });

  it("does not bring back a project deleted in another tab, and keeps it as a new one when asked", async () => {
    const { session, autosave, db, other } = await opened();
    addClip(session, 1);
    await autosave.flush();
    await other.remove("p1");

    addClip(session, 3);
    await vi.waitFor(() => expect(autosave.deleted()).toBe(true));
    expect(await db.list()).toEqual([]);
    expect(autosave.state()).toBe("failed");

    await autosave.keepAsNew();
    expect(autosave.deleted()).toBe(false);
    await autosave.flush();
    const [kept] = await db.list();
    expect(kept?.id).not.toBe("p1");
    expect(kept?.clips.map((c) => c.start)).toEqual([1, 3]);
    expect(kept?.undo).toHaveLength(2);
    expect(autosave.state()).toBe("saved");
  });
});
