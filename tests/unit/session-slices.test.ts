import "fake-indexeddb/auto";
import { createRoot } from "solid-js";
import { describe, expect, it } from "vitest";
import { ProjectDb } from "../../src/storage/project-db";
import { createNotices } from "../../src/ui/notices";
import { createProjectLock } from "../../src/ui/project-lock";
import { createSourceCopy } from "../../src/ui/source-copy";

const MEDIA = { name: "talk.mp4", size: 3, lastModified: 1, fingerprint: "talk" };
const file = () => new File([new Uint8Array([1, 2, 3])], "talk.mp4", { type: "video/mp4" });

describe("notices", () => {
  it("shows one message at a time, news or complaint, until dismissed", () =>
    createRoot((dispose) => {
      const notices = createNotices();
      notices.say("Opened talk.mp4");
      notices.complain("Could not read edits.csv");
      expect(notices.notice()).toEqual({ kind: "error", text: "Could not read edits.csv" });
      notices.dismiss();
      expect(notices.notice()).toBeNull();
      dispose();
    }));
});

describe("project lock", () => {
  it("refuses changes while another tab holds the project, saying why, until held again", () =>
    createRoot((dispose) => {
      const notices = createNotices();
      const lock = createProjectLock(notices);
      expect(lock.editable()).toBe(true);
      lock.yieldToOtherTab();
      expect(lock.editable()).toBe(false);
      expect(notices.notice()?.text).toMatch(/open in another tab/);
      lock.hold();
      expect(lock.editable()).toBe(true);
      dispose();
    }));
});

describe("source copy", () => {
  it("keeps and drops a copy of the source in storage, and says so", async () => {
    const db = await ProjectDb.open("slices-copy");
    const { notices, copy, dispose } = createRoot((dispose) => {
      const notices = createNotices();
      return { notices, copy: createSourceCopy(Promise.resolve(db), notices), dispose };
    });
    await copy.keepCopy(file(), MEDIA, true);
    expect(copy.keptCopy()).toBe(true);
    expect((await db.storedMedia("talk"))?.size).toBe(3);
    expect(notices.notice()?.text).toBe("A copy of talk.mp4 is kept in this browser");
    await copy.keepCopy(file(), MEDIA, false);
    expect([copy.keptCopy(), await db.hasMedia("talk")]).toEqual([false, false]);
    dispose();
  });

  it("a copy that cannot be kept leaves things as they were, and says why", async () => {
    const full = { keepMedia: () => Promise.reject(new Error("the disk is full")) } as unknown as ProjectDb;
    const { notices, copy, dispose } = createRoot((dispose) => {
      const notices = createNotices();
      return { notices, copy: createSourceCopy(Promise.resolve(full), notices), dispose };
    });
    await copy.keepCopy(file(), MEDIA, true);
    expect(copy.keptCopy()).toBe(false);
    expect(notices.notice()).toEqual({ kind: "error", text: "Could not keep a copy of talk.mp4: the disk is full" });
    dispose();
  });
});
