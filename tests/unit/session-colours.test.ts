import { describe, expect, it } from "vitest";
import type { Clip } from "../../src/core/clips";
import { openedSession, savedProject } from "./opened-session";

const MEDIA = { name: "talk.mp4", size: 3, lastModified: 1, fingerprint: "talk" };
const CLIPS: Clip[] = [
  { id: 1, source: "s", start: 1, end: 2, label: "" },
  { id: 2, source: "s", start: 3, end: 5, label: "b" },
];
const SAVED = savedProject("Talk", [{ id: "s", media: MEDIA }], CLIPS);
const opened = () => openedSession(SAVED);

describe("a clip's colour in the session", () => {
  it("is one undo step through the edit path, undone and redone, and stored with the history", () => {
    const { session, dispose } = opened();
    session.setColour(2, "teal");
    expect(session.clips()[1]).toEqual({ id: 2, source: "s", start: 3, end: 5, label: "b", colour: "teal" });
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
