import "fake-indexeddb/auto";
import { createRoot } from "solid-js";
import { describe, expect, it, vi } from "vitest";
import { ProjectDb } from "../../src/storage/project-db";
import { keepProjects } from "../../src/ui/autosave";
import { createOpener } from "../../src/ui/opener";
import { createSession } from "../../src/ui/session";
import { FakeMedia, type Probe } from "./fake-media";
import { sampleInfo } from "./sample-info";

const media = (name: string) => ({ name, size: 3, lastModified: 1, fingerprint: `print-of-${name}` });
const file = (name: string) => ({ file: new File([new Uint8Array([1, 2, 3])], name, { type: "video/mp4" }) });
const part = (name: string, duration: number): Probe => ({ info: sampleInfo({ fileName: name, duration }), media: media(name) });

const FILES: Record<string, Probe> = {
  "GP010001.MP4": part("GP010001.MP4", 4),
  "GP020001.MP4": part("GP020001.MP4", 3),
  "GP100001.MP4": part("GP100001.MP4", 2),
  // The same file as GP020001.MP4, renamed.
  "copy.MP4": { info: sampleInfo({ fileName: "copy.MP4", duration: 3 }), media: { ...media("copy.MP4"), fingerprint: "print-of-GP020001.MP4" } },
  "notes.pdf": { error: "notes.pdf: not a video or sound file this page can read" },
};

let dbCount = 0;

async function page() {
  const db = await ProjectDb.open(`opener-sources-${dbCount++}`);
  const fake = new FakeMedia(FILES);
  return createRoot((dispose) => {
    const session = createSession(Promise.resolve(db));
    return { db, fake, session, opener: createOpener(fake, Promise.resolve(db), session), dispose };
  });
}

/** Answers each probe as it comes (the opener reads several files one after another). */
async function answering(fake: FakeMedia, work: Promise<void>): Promise<void> {
  let done = false;
  void work.finally(() => (done = true));
  while (!done) {
    const next = fake.probes.waiting[0];
    if (next) fake.finishProbe(next.ask.name);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

const names = (session: ReturnType<typeof createSession>) => session.sources().map((s) => s.media.name);

describe("several files in one project", () => {
  it("Open video with several files opens them as one new project, in natural name order, every file kept", async () => {
    const { fake, session, opener, dispose } = await page();
    await answering(fake, opener.openAll([file("GP100001.MP4"), file("GP020001.MP4"), file("GP010001.MP4")]));
    expect(names(session)).toEqual(["GP010001.MP4", "GP020001.MP4", "GP100001.MP4"]);
    expect(session.source()?.media.name).toBe("GP010001.MP4");
    for (const source of session.sources()) expect(session.fileOf(source.id)?.name).toBe(source.media.name);
    expect(session.sources()[2]?.info?.duration).toBe(2);
    expect(session.notice()).toEqual({
      kind: "info",
      text: "Opened 3 files in a new project: GP010001.MP4, GP020001.MP4 and GP100001.MP4",
    });
    dispose();
  });

  it("Add video adds files after the project's; a file it has, or one that is not a video, is named and left out", async () => {
    const { fake, session, opener, dispose } = await page();
    await answering(fake, opener.openAll([file("GP010001.MP4")]));
    const before = session.sources();
    await answering(fake, opener.addVideos([file("notes.pdf")]));
    expect(session.sources()).toBe(before);
    expect(session.notice()).toEqual({ kind: "error", text: "No file was added. notes.pdf: not a video or sound file this page can read" });

    await answering(fake, opener.addVideos([file("GP100001.MP4"), file("GP010001.MP4"), file("GP020001.MP4")]));
    expect(names(session)).toEqual(["GP010001.MP4", "GP020001.MP4", "GP100001.MP4"]);
    expect(session.notice()).toEqual({ kind: "error", text: "Added GP020001.MP4 and GP100001.MP4. GP010001.MP4 is in the project already" });
    // A renamed copy is the same file: its fingerprint is there.
    await answering(fake, opener.addVideos([file("copy.MP4")]));
    expect(names(session)).toHaveLength(3);
    expect(session.notice()).toEqual({ kind: "error", text: "No file was added. copy.MP4 is in the project already (as GP020001.MP4)" });
    expect(session.source()?.media.name).toBe("GP010001.MP4");
    dispose();
  });

  it("a project of several files is stored with them all, even before it has a clip", async () => {
    const { db, fake, session, opener, dispose } = await page();
    await answering(fake, opener.openAll([file("GP020001.MP4"), file("GP010001.MP4")]));
    vi.stubGlobal("window", new EventTarget());
    vi.stubGlobal("document", Object.assign(new EventTarget(), { visibilityState: "visible" }));
    vi.stubGlobal("navigator", {});
    const saving = createRoot(() => keepProjects(Promise.resolve(db), session, () => "lossless"));
    await vi.waitFor(() => expect(saving.state()).toBe("saved"));
    const stored = await db.load(session.source()?.project.id ?? "");
    expect(stored?.sources.map((s) => s.media.name)).toEqual(["GP010001.MP4", "GP020001.MP4"]);
    vi.unstubAllGlobals();
    dispose();
  });
});
