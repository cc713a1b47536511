import "fake-indexeddb/auto";
import { createRoot } from "solid-js";
import { describe, expect, it, vi } from "vitest";
import { ProjectDb, type ProjectRecord } from "../../src/storage/project-db";
import { createOpener, type Opener } from "../../src/ui/opener";
import { createSession } from "../../src/ui/session";
import { FakeMedia, type Probe } from "./fake-media";
import { sampleInfo } from "./sample-info";

const media = (name: string) => ({ name, size: 3, lastModified: 1, fingerprint: `print-of-${name}` });
const file = (name: string) => new File([new Uint8Array([1, 2, 3])], name, { type: "video/mp4" });

// Two files told apart by their keyframes: a mix-up shows as the other file's.
const FILES: Record<string, Probe> = {
  "old.mp4": { info: sampleInfo({ fileName: "old.mp4", keyframes: [0, 4, 8] }), media: media("old.mp4") },
  "new.mp4": { info: sampleInfo({ fileName: "new.mp4", duration: 20, keyframes: [0, 2.5, 5, 7.5] }), media: media("new.mp4") },
  "notes.txt": { error: "notes.txt is not a video or sound file: ffmpeg found no streams in it" },
};

const OLD_PROJECT: ProjectRecord = {
  id: "old-project",
  name: "old.mp4",
  sources: [{ id: "s", media: media("old.mp4") }],
  clips: [{ id: 1, source: "s", start: 1, end: 2, label: "" }],
  undo: [{ at: 0, removed: [], inserted: [{ id: 1, source: "s", start: 1, end: 2, label: "" }] }],
  redo: [],
  exportMode: "lossless",
  created: 1,
  edited: 2,
};

let dbCount = 0;

/** A page after a reload: the last project, with a copy of its video kept, reopens by itself. */
async function page() {
  const db = await ProjectDb.open(`opener-${dbCount++}`);
  await db.save(OLD_PROJECT);
  await db.keepMedia(media("old.mp4").fingerprint, file("old.mp4"));
  const fake = new FakeMedia(FILES);
  return createRoot((dispose) => {
    const session = createSession(Promise.resolve(db));
    return { fake, session, opener: createOpener(fake, Promise.resolve(db), session), dispose };
  });
}

const probing = (fake: FakeMedia) => fake.probes.waiting.map((call) => call.ask.name);

/** The last project reopens, its kept video probed with nothing else asked. */
async function reopenOld(fake: FakeMedia, opener: Opener): Promise<void> {
  const reopening = opener.reopenLast();
  await vi.waitFor(() => expect(probing(fake)).toEqual(["old.mp4"]));
  fake.finishProbe("old.mp4");
  await reopening;
}

describe("opener", () => {
  for (const order of [
    ["new.mp4", "old.mp4"],
    ["old.mp4", "new.mp4"],
  ]) {
    it(`a file picked while the last project reopens is the one opened, with its own keyframes (probes ending ${order.join(", then ")})`, async () => {
      const { fake, session, opener, dispose } = await page();
      const reopening = opener.reopenLast();
      await vi.waitFor(() => expect(probing(fake)).toEqual(["old.mp4"]));
      expect(opener.opening()).toBe("old.mp4");
      const picked = opener.open({ file: file("new.mp4") });
      await vi.waitFor(() => expect(probing(fake)).toEqual(["old.mp4", "new.mp4"]));
      expect(opener.opening()).toBe("new.mp4");

      // Each request runs to its end before the other's probe answers.
      const requests: Record<string, Promise<unknown>> = { "old.mp4": reopening, "new.mp4": picked };
      for (const name of order) {
        fake.finishProbe(name);
        await requests[name];
        // The status still names the file being read, not the one given up.
        if (name === "old.mp4") expect(opener.opening()).toBe(order[0] === "old.mp4" ? "new.mp4" : null);
      }
      const source = session.source();
      expect(source?.file.name).toBe("new.mp4");
      expect(source?.media.fingerprint).toBe("print-of-new.mp4");
      expect(source?.info.keyframes).toEqual([0, 2.5, 5, 7.5]);
      expect(source?.project.id).not.toBe("old-project");
      expect(session.clips()).toEqual([]);
      expect(session.notice()).toEqual({ kind: "info", text: "Opened new.mp4" });
      expect(opener.opening()).toBeNull();
      dispose();
    });
  }

  it("a reopen that has not yet found its video gives way to a file picked meanwhile: the old video is never read", async () => {
    const { fake, session, opener, dispose } = await page();
    const reopening = opener.reopenLast();
    const picked = opener.open({ file: file("new.mp4") });
    await vi.waitFor(() => expect(probing(fake)).toEqual(["new.mp4"]));
    fake.finishProbe("new.mp4");
    await Promise.all([reopening, picked]);
    expect(probing(fake)).toEqual([]);
    expect(session.source()?.file.name).toBe("new.mp4");
    dispose();
  });

  it("a reopen left alone opens the last project with its clips", async () => {
    const { fake, session, opener, dispose } = await page();
    await reopenOld(fake, opener);
    expect(session.source()?.project.id).toBe("old-project");
    expect(session.source()?.info.keyframes).toEqual([0, 4, 8]);
    expect(session.clips().map((c) => [c.start, c.end])).toEqual([[1, 2]]);
    expect(session.notice()).toEqual({ kind: "info", text: "Reopened old.mp4 with its 1 clip" });
    dispose();
  });

  it("a file that fails its probe leaves the open project as it was, and says why in plain words", async () => {
    const { fake, session, opener, dispose } = await page();
    await reopenOld(fake, opener);
    const before = { source: session.source(), clips: session.clips() };

    const picked = opener.open({ file: file("notes.txt") });
    await vi.waitFor(() => expect(probing(fake)).toEqual(["notes.txt"]));
    fake.finishProbe("notes.txt");
    await picked;
    expect(session.source()).toBe(before.source);
    expect(session.clips()).toBe(before.clips);
    expect(session.notice()).toEqual({
      kind: "error",
      text: "notes.txt is not a video or sound file: ffmpeg found no streams in it",
    });
    expect(opener.opening()).toBeNull();
    dispose();
  });
});
