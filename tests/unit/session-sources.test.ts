import { describe, expect, it } from "vitest";
import type { Clip } from "../../src/core/clips";
import { openedSession, savedProject } from "./opened-session";
import { sampleInfo } from "./sample-info";

const TALK = { name: "talk.mp4", size: 3, lastModified: 1, fingerprint: "talk" };
const LONG = { name: "long.mp4", size: 9, lastModified: 1, fingerprint: "long" };
const CLIPS: Clip[] = [{ id: 1, source: "b", start: 20, end: 25, label: "" }];
/** A project of two files, talk.mp4 (12 s) on the player and long.mp4 (30 s), with a clip of long.mp4. */
const SAVED = savedProject(
  "Two",
  [
    { id: "a", media: TALK },
    { id: "b", media: LONG, info: sampleInfo({ duration: 30 }) },
  ],
  CLIPS,
);
const opened = () => openedSession(SAVED);

describe("the session's sources", () => {
  it("holds every source of the project, the one on the player with its probe of now", () => {
    const { session, dispose } = opened();
    expect(session.sources()).toEqual([{ id: "a", media: TALK, info: sampleInfo() }, SAVED.sources[1]]);
    expect(session.source()?.id).toBe("a");
    dispose();
  });

  it("marks clips of the source on the player, and bounds each clip by its own source's length", () => {
    const { session, dispose } = opened();
    session.toggleMark(2);
    session.toggleMark(3);
    expect(session.clips()[1]).toEqual({ id: 2, source: "a", start: 2, end: 3, label: "" });
    // 28 s is past talk.mp4's end (12 s), not long.mp4's (30 s).
    session.setBound(1, "end", 28);
    expect(session.clips()[0]?.end).toBe(28);
    session.setBound(2, "end", 28);
    expect(session.clips()[1]?.end).toBe(3);
    expect(session.editTime(1, "start", "0:26").ok).toBe(true);
    dispose();
  });

  it("splits only a clip of the source on the player, where the playhead is", () => {
    const { session, dispose } = opened();
    // 22 s is inside long.mp4's clip, which is not on the player.
    session.split(22);
    expect(session.clips()).toEqual(CLIPS);
    dispose();
  });

  it("imports onto the source on the player, replacing only its clips", () => {
    const { session, dispose } = opened();
    session.keepParts([{ start: 1, end: 2 }], "replace");
    expect(session.clips()).toEqual([...CLIPS, { id: 2, source: "a", start: 1, end: 2, label: "" }]);
    dispose();
  });

  it("splits at pauses only the clips of the source on the player, where the pauses were found", () => {
    const { session, dispose } = opened();
    session.keepParts([{ start: 1, end: 2 }], "append");
    // A pause over all of talk.mp4 leaves nothing of its clip, and long.mp4's clip as it was.
    session.splitAt([{ start: 0, end: 100 }]);
    expect(session.clips()).toEqual(CLIPS);
    dispose();
  });
});
