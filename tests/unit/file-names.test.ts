import { describe, expect, it } from "vitest";
import { backupFileName, clipFileNames, cutFileName, editListFileName, exportFileName, fileStem, zipFileName } from "../../src/core/file-names";

describe("file names", () => {
  it("drops only the last extension", () => {
    expect(fileStem("talk.final.mp4")).toBe("talk.final");
    expect(fileStem(".hidden")).toBe(".hidden");
    expect(fileStem("noext")).toBe("noext");
    expect(cutFileName("stream 2026-11-28.mkv")).toBe("stream 2026-11-28-cut.mp4");
  });

  it("names each export after its source", () => {
    expect([editListFileName("a.mp4", "-edits.csv"), editListFileName("a.b.mp4", ".osp")]).toEqual(["a-edits.csv", "a.b.osp"]);
  });

  it("names a backup of all projects, or of one with its name made safe", () => {
    expect(backupFileName()).toBe("clipmark-projects.json");
    expect(backupFileName("Lecture 3: part 1/2")).toBe("Lecture 3- part 1-2.clipmark.json");
    expect(backupFileName(" ?? ")).toBe("--.clipmark.json");
    expect(backupFileName("   ")).toBe("project.clipmark.json");
  });

  it("names one file a clip, in list order, with its label where it has one", () => {
    expect(clipFileNames("talk.mp4", ["", "Q&A: part 1/2", ""])).toEqual(["talk-01.mp4", "talk-02-Q&A- part 1-2.mp4", "talk-03.mp4"]);
    expect(clipFileNames("a.mkv", Array(120).fill("")).at(-1)).toBe("a-120.mp4");
    expect(clipFileNames("a.mkv", Array(120).fill(""))[0]).toBe("a-001.mp4");
    expect(zipFileName("talk.mp4")).toBe("talk-clips.zip");
  });
});

describe("exportFileName", () => {
  it("names the session's first export plainly, and later ones apart by mode, then number", () => {
    const taken = new Set<string>();
    const take = (mode: string) => {
      const name = exportFileName("talk.final.mp4", mode, taken);
      taken.add(name);
      return name;
    };
    expect([take("lossless"), take("reencode"), take("lossless"), take("lossless"), take("smart")]).toEqual([
      "talk.final-cut.mp4",
      "talk.final-cut-reencode.mp4",
      "talk.final-cut-lossless.mp4",
      "talk.final-cut-lossless-2.mp4",
      "talk.final-cut-smart.mp4",
    ]);
  });
});
