import { describe, expect, it } from "vitest";
import { sampleInfo } from "./sample-info";
import { parse, serialize, type BackedUpProject } from "../../src/core/formats/project-backup";

const PROJECT: BackedUpProject = {
  id: "talk.mp4|1000|5",
  name: "Talk",
  media: { name: "talk.mp4", size: 1000, lastModified: 5, fingerprint: "00aa00aa00aa00aa" },
  clips: [{ id: 1, start: 1, end: 2, label: "a" }],
  undo: [[]],
  redo: [],
  exportMode: "reencode",
  created: 1,
  edited: 2,
};

describe("project backup", () => {
  it("round-trips", () => {
    expect(parse(serialize([PROJECT]))).toEqual({ ok: true, value: [PROJECT] });
    const probed = { ...PROJECT, info: sampleInfo() };
    expect(parse(serialize([probed]))).toEqual({ ok: true, value: [probed] });
  });

  it.each([
    ["{", "not JSON"],
    ["[]", "not a Clipmark backup"],
    [JSON.stringify({ format: "clipmark-projects", version: 9, projects: [] }), "version 9"],
    [JSON.stringify({ format: "clipmark-projects", version: 1 }), "no projects list"],
    [serialize([{ ...PROJECT, clips: [{ id: 1, start: 3, end: 2, label: "" }] }]), "project 1 (Talk) has a clip"],
    [serialize([PROJECT, { ...PROJECT, media: null } as unknown as BackedUpProject]), "project 2 (Talk) has no media"],
    [serialize([{ ...PROJECT, info: { duration: "long" } } as unknown as BackedUpProject]), "broken probe result"],
    [serialize([{ ...PROJECT, undo: [[{}]] } as unknown as BackedUpProject]), "broken undo history"],
  ])("refuses %j: %s", (text, message) => {
    const result = parse(text);
    expect(result.ok).toBe(false);
    expect(result.ok || result.error).toContain(message);
  });
});
