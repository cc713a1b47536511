import { describe, expect, it } from "vitest";
import type { Clip } from "../../src/core/clips";
import type { Source } from "../../src/core/project";
import { checkProject } from "../../src/core/project-validation";
import { openedSession, savedProject } from "./opened-session";
import { sampleInfo } from "./sample-info";

const media = (name: string) => ({ name, size: 3, lastModified: 1, fingerprint: `print-of-${name}` });
const SOURCES: Source[] = [
  { id: "a", media: media("GP010001.MP4"), info: sampleInfo() },
  { id: "b", media: media("GP020001.MP4"), info: sampleInfo({ duration: 30 }) },
  { id: "c", media: media("GP030001.MP4"), info: sampleInfo({ duration: 5 }) },
];
const CLIPS: Clip[] = [
  { id: 1, source: "a", start: 1, end: 2, label: "" },
  { id: 2, source: "b", start: 20, end: 25, label: "" },
  { id: 3, source: "b", start: 26, end: 28, label: "" },
];

/** GP010001.MP4 on the player, GP020001.MP4's file read too, GP030001.MP4's not (it must be picked). */
function opened() {
  const { session, dispose } = openedSession(savedProject("Camera", SOURCES, CLIPS));
  const b = SOURCES[1] as Source;
  session.attachFile("b", { file: new File([], b.media.name), info: sampleInfo({ duration: 30 }), media: b.media });
  return { session, dispose };
}
const ids = (list: readonly { id: string }[]) => list.map((s) => s.id);

describe("the Sources list's work in the session", () => {
  it("puts a file the page has on the player; one still to be picked is not", () => {
    const { session, dispose } = opened();
    expect(session.show("b")).toBe(true);
    expect(session.source()?.id).toBe("b");
    expect(session.duration()).toBe(30);
    expect(session.show("c")).toBe(false);
    expect(session.source()?.id).toBe("b");
    expect(session.fileOf("c")).toBeUndefined();
    dispose();
  });

  it("selecting a clip of another file puts that file on the player", () => {
    const { session, dispose } = opened();
    session.select(2);
    expect(session.source()?.id).toBe("b");
    expect(session.selected()?.id).toBe(2);
    // I now marks on GP020001.MP4, bounded by its 30 s.
    session.markIn(21);
    expect(session.clips()[1]?.start).toBe(21);
    dispose();
  });

  it("Remove source takes the file and its clips in one step; Undo brings both back, Redo takes them again", () => {
    const { session, dispose } = opened();
    session.removeFile("b");
    expect(ids(session.sources())).toEqual(["a", "c"]);
    expect(session.clips().map((c) => c.id)).toEqual([1]);
    expect(session.notice()).toEqual({ kind: "info", text: "Removed GP020001.MP4 and its 2 clips" });
    expect(session.canUndo()).toBe(true);
    session.undo();
    expect(ids(session.sources())).toEqual(["a", "b", "c"]);
    expect(session.clips()).toEqual(CLIPS);
    expect(session.canRedo()).toBe(true);
    session.redo();
    expect(ids(session.sources())).toEqual(["a", "c"]);
    expect(session.clips().map((c) => c.id)).toEqual([1]);
    session.undo();
    // The clip history before the removal is still there underneath.
    session.toggleMark(3);
    session.toggleMark(4);
    expect(session.clips()).toHaveLength(4);
    session.undo();
    expect(session.clips()).toEqual(CLIPS);
    dispose();
  });

  it("a file without clips is removed and brought back too; the file on the player gives its place; the last one stays", () => {
    const { session, dispose } = opened();
    session.removeFile("c");
    expect(ids(session.sources())).toEqual(["a", "b"]);
    session.undo();
    expect(ids(session.sources())).toEqual(["a", "b", "c"]);
    session.removeFile("a");
    expect(session.source()?.id).toBe("b");
    session.removeFile("c");
    session.removeFile("b");
    expect(ids(session.sources())).toEqual(["b"]);
    expect(session.notice()?.kind).toBe("error");
    dispose();
  });

  it("moves a file in the list; Join all adds one whole-file clip per file in that order", () => {
    const { session, dispose } = opened();
    session.moveFile("c", 0);
    expect(ids(session.sources())).toEqual(["c", "a", "b"]);
    session.joinAll();
    expect(session.clips().slice(3)).toEqual([
      { id: 4, source: "c", start: 0, end: 5, label: "" },
      { id: 5, source: "a", start: 0, end: 12, label: "" },
      { id: 6, source: "b", start: 0, end: 30, label: "" },
    ]);
    session.undo();
    expect(session.clips()).toEqual(CLIPS);
    dispose();
  });

  it("Move up / Move down are one undo step each, which redo makes again", () => {
    const { session, dispose } = opened();
    session.moveFile("c", 0);
    session.moveFile("a", 2);
    expect(ids(session.sources())).toEqual(["c", "b", "a"]);
    expect(session.clips()).toEqual(CLIPS);
    session.undo();
    expect(ids(session.sources())).toEqual(["c", "a", "b"]);
    session.undo();
    expect(ids(session.sources())).toEqual(["a", "b", "c"]);
    expect(session.canUndo()).toBe(false);
    session.redo();
    expect(ids(session.sources())).toEqual(["c", "a", "b"]);
    // A move past either end is no step.
    session.moveFile("c", -1);
    session.undo();
    expect(ids(session.sources())).toEqual(["a", "b", "c"]);
    dispose();
  });

  it("a move and a removal are stored with the history: reopened, Undo takes them back, the removed file with its clips, its file to be picked", () => {
    const first = opened();
    first.session.moveFile("c", 0);
    first.session.removeFile("b");
    const { past: undo, present: clips, future: redo } = first.session.keptHistory();
    const stored = { ...savedProject("Camera", first.session.sources(), clips), undo, redo };
    first.dispose();
    // As the store gives it back: through the check every stored project passes.
    const read = checkProject(JSON.parse(JSON.stringify(stored)), { now: 1 });
    expect(read.ok && read.repairs).toEqual([]);
    const { session, dispose } = openedSession(read.ok ? read.project : stored);
    expect(ids(session.sources())).toEqual(["c", "a"]);
    session.undo();
    expect(ids(session.sources())).toEqual(["c", "a", "b"]);
    expect(session.clips()).toEqual(CLIPS);
    expect(session.sources()[2]).toEqual(SOURCES[1]);
    expect(session.fileOf("b")).toBeUndefined();
    session.undo();
    expect(ids(session.sources())).toEqual(["a", "b", "c"]);
    dispose();
  });

  it("counts each clip on its own file's frame model", () => {
    const { session, dispose } = opened();
    expect(session.framesOf("b")).toBeDefined();
    expect(session.framesOf("nowhere")).toBeUndefined();
    dispose();
  });
});
