import { describe, expect, it } from "vitest";
import { acceptAttribute, EDIT_LIST_FILES, isEditList, MEDIA_FILES } from "../../src/core/file-kinds";

describe("file kinds", () => {
  it("tells an edit list from media by its name or its text type, whatever the case", () => {
    expect(isEditList({ name: "EDITS.CSV", type: "" })).toBe(true);
    expect(isEditList({ name: "cut.mlt", type: "" })).toBe(true);
    expect(isEditList({ name: "notes", type: "text/plain" })).toBe(true);
    expect(isEditList({ name: "backup", type: "application/json" })).toBe(true);
    expect(isEditList({ name: "talk.mp4", type: "video/mp4" })).toBe(false);
    expect(isEditList({ name: "talk.ts", type: "video/mp2t" })).toBe(false);
  });

  it("gives an <input accept> value of every type and extension", () => {
    const media = acceptAttribute(MEDIA_FILES).split(",");
    expect(media).toContain("video/*");
    expect(media).toContain(".mkv");
    expect(acceptAttribute(EDIT_LIST_FILES).split(",")).toEqual(
      expect.arrayContaining(["text/csv", ".csv", ".edl", ".osp", ".mlt"]),
    );
  });
});
