import { createRoot } from "solid-js";
import { describe, expect, it } from "vitest";
import type { Clip } from "../../src/core/clips";
import type { ProjectRecord } from "../../src/storage/project-db";
import { createSession } from "../../src/ui/session";
import { sampleInfo } from "./sample-info";

const MEDIA = { name: "talk.mp4", size: 3, lastModified: 1, fingerprint: "talk" };
const CLIPS: Clip[] = [
  { id: 1, start: 1, end: 2, label: "" },
  { id: 2, start: 3, end: 5, label: "b" },
];
const SAVED: ProjectRecord = {
  id: "p",
  name: "Talk",
  media: MEDIA,
  clips: CLIPS,
  undo: [],
  redo: [],
  exportMode: "lossless",
  created: 1,
  edited: 1,
};

/** A session on a saved two-clip project, as opening it gives (storage is not reached). */
function opened() {
  return createRoot((dispose) => {
    const session = createSession(Promise.resolve(null));
    const file = new File([new Uint8Array([1, 2, 3])], "talk.mp4");
    session.begin({ file, info: sampleInfo(), media: MEDIA, project: { id: "p", name: "Talk", created: 1 } }, SAVED, false);
    return { session, dispose };
  });
}

describe("a clip's colour in the session", () => {
  it("is one undo step through the edit path, undone and redone, and stored with the history", () => {
    const { session, dispose } = opened();
    session.setColour(2, "teal");
    expect(session.clips()[1]).toEqual({ id: 2, start: 3, end: 5, label: "b", colour: "teal" });
    // The step holds the one clip that changed, as it is to be stored.
    expect(session.keptHistory().past).toEqual([{ at: 1, removed: [CLIPS[1]], inserted: [session.clips()[1]] }]);
    session.setColour(2, "teal");
    expect(session.history().past).toHaveLength(1);
    session.undo();
    expect(session.clips()).toEqual(CLIPS);
    expect(session.canRedo()).toBe(true);
    session.redo();
    expect(session.clips()[1]?.colour).toBe("teal");
    session.setColour(2, undefined);
    expect(session.clips()[1]).toEqual(CLIPS[1]);
    session.undo();
    expect(session.clips()[1]?.colour).toBe("teal");
    dispose();
  });

  it("is refused, with why, while another tab holds the project", () => {
    const { session, dispose } = opened();
    session.yieldToOtherTab();
    session.setColour(1, "red");
    expect(session.clips()).toEqual(CLIPS);
    expect(session.notice()?.text).toMatch(/open in another tab/);
    dispose();
  });
});
