import { describe, expect, it } from "vitest";
import { sampleInfo } from "./sample-info";
import { parse, restoreMessage, serialize } from "../../src/core/formats/project-backup";
import type { Project } from "../../src/core/project";
import { withSources } from "../../src/core/project-upgrade";

/** A project as backups of versions 1 and 2 held it: one `media`, clips naming no source. */
const OLD = {
  id: "talk.mp4|1000|5",
  name: "Talk",
  media: { name: "talk.mp4", size: 1000, lastModified: 5, fingerprint: "00aa00aa00aa00aa" },
  clips: [{ id: 1, start: 1, end: 2, label: "a" }],
  undo: [{ at: 0, removed: [], inserted: [{ id: 1, start: 1, end: 2, label: "a" }] }],
  redo: [],
  exportMode: "reencode",
  created: 1,
  edited: 2,
};
/** The same project now: its one source has the media's fingerprint for its id. */
const PROJECT = withSources(OLD) as Project;
const SOURCE = "00aa00aa00aa00aa";

let ids = 0;
const options = () => ({ newId: () => `new-${++ids}`, now: 99 });
const read = (text: string) => parse(text, options());
/** A backup of these, written as JSON would be without a check (`serialize` takes only projects). */
const backupOf = (...projects: unknown[]) => JSON.stringify({ format: "clipmark-projects", version: 1, projects });

describe("project backup", () => {
  it("round-trips", () => {
    expect(read(serialize([PROJECT]))).toEqual({ ok: true, value: { projects: [PROJECT], notes: [], total: 1 } });
    const probed = { ...PROJECT, sources: PROJECT.sources.map((source) => ({ ...source, info: sampleInfo() })) };
    expect(read(serialize([probed]))).toEqual({ ok: true, value: { projects: [probed], notes: [], total: 1 } });
  });

  it("round-trips the tracks left out; a backup written before them restores with every track kept", () => {
    const withoutMic: Project = { ...PROJECT, droppedTracks: [2] };
    expect(read(serialize([withoutMic]))).toEqual({ ok: true, value: { projects: [withoutMic], notes: [], total: 1 } });
    const older = read(backupOf(OLD));
    expect(older.ok && older.value.projects[0]?.droppedTracks).toBeUndefined();
    expect(older.ok && older.value.notes).toEqual([]);
  });

  it("round-trips clip colours, in the list and its history, as version 3; a backup written before colours reads as none", () => {
    const red = { id: 1, source: SOURCE, start: 1, end: 2, label: "a", colour: "red" as const };
    const coloured: Project = { ...PROJECT, clips: [red], undo: [...PROJECT.undo, { at: 0, removed: PROJECT.clips, inserted: [red] }] };
    const text = serialize([coloured]);
    expect(JSON.parse(text)).toMatchObject({ version: 3, projects: [{ clips: [{ colour: "red" }] }] });
    expect(read(text)).toEqual({ ok: true, value: { projects: [coloured], notes: [], total: 1 } });
    // Versions 1 and 2 as written before: no colour field anywhere, none given.
    for (const version of [1, 2]) {
      const old = JSON.stringify({ format: "clipmark-projects", version, projects: [OLD] });
      const result = read(old);
      expect(result.ok && result.value.projects[0]?.clips).toEqual(PROJECT.clips);
      expect(result.ok && result.value.projects[0]?.clips.some((c) => "colour" in c)).toBe(false);
    }
  });

  it("restores a backup written before projects had sources, its one video the one source of every clip and step", () => {
    // As version 2 wrote it (the whole file), with a probe, a colour and an undo and a redo step.
    const text = `{
 "format": "clipmark-projects",
 "version": 2,
 "projects": [
  {
   "id": "4d6f0c0e9b3a4f7e8c2d1b0a99887766",
   "name": "Lecture",
   "media": { "name": "GP010001.MP4", "size": 4000000000, "lastModified": 1700000000000, "fingerprint": "c0ffee00c0ffee00" },
   "info": ${JSON.stringify(sampleInfo())},
   "clips": [{ "id": 2, "start": 3, "end": 4.5, "label": "question", "colour": "teal" }],
   "undo": [{ "at": 0, "removed": [], "inserted": [{ "id": 2, "start": 3, "end": 4.5, "label": "question", "colour": "teal" }] }],
   "redo": [{ "at": 1, "removed": [], "inserted": [{ "id": 3, "start": 6, "end": 7, "label": "" }] }],
   "exportMode": "smart",
   "created": 1700000000001,
   "edited": 1700000000002
  }
 ]
}`;
    const clip = { id: 2, source: "c0ffee00c0ffee00", start: 3, end: 4.5, label: "question", colour: "teal" };
    const media = { name: "GP010001.MP4", size: 4000000000, lastModified: 1700000000000, fingerprint: "c0ffee00c0ffee00" };
    expect(read(text)).toEqual({
      ok: true,
      value: {
        projects: [
          {
            id: "4d6f0c0e9b3a4f7e8c2d1b0a99887766",
            name: "Lecture",
            sources: [{ id: "c0ffee00c0ffee00", media, info: sampleInfo() }],
            clips: [clip],
            undo: [{ at: 0, removed: [], inserted: [clip] }],
            redo: [{ at: 1, removed: [], inserted: [{ id: 3, source: "c0ffee00c0ffee00", start: 6, end: 7, label: "" }] }],
            exportMode: "smart",
            created: 1700000000001,
            edited: 1700000000002,
          },
        ],
        notes: [],
        total: 1,
      },
    });
  });

  it.each([
    ["broken JSON", "{", "not JSON"],
    ["an array", "[]", "not a Clipmark backup"],
    ["another version", JSON.stringify({ format: "clipmark-projects", version: 9, projects: [] }), "version 9"],
    ["no projects", JSON.stringify({ format: "clipmark-projects", version: 1 }), "no projects list"],
    ["10,000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000), "nested deeper than a backup is"],
    [
      "a name of 10,000 nested arrays",
      serialize([{ ...PROJECT, name: "DEEP" }]).replace('"DEEP"', "[".repeat(10_000) + "]".repeat(10_000)),
      "nested deeper",
    ],
    ["UTF-16 read as UTF-8", Buffer.from(`\uFEFF${serialize([PROJECT])}`, "utf16le").toString("utf8"), "UTF-16"],
  ])("refuses a file that is no backup: %s", (_, text, message) => {
    const result = read(text);
    expect(result.ok).toBe(false);
    expect(result.ok || result.error).toContain(message);
  });

  it("reads a UTF-8 byte-order mark, and brackets inside strings do not count as depth", () => {
    const deepLabel = { ...PROJECT, clips: [{ id: 1, source: SOURCE, start: 1, end: 2, label: "[".repeat(10_000) }] };
    const result = read(`\uFEFF${serialize([deepLabel])}`);
    expect(result.ok && result.value.projects[0]?.clips[0]?.label).toBe("[".repeat(1000));
  });

  it("leaves out only the projects that cannot be repaired, naming each with why", () => {
    const noVideo = { ...OLD, id: "b", name: "No video", media: null };
    const result = read(backupOf(OLD, noVideo, 7, { ...OLD, id: "c", name: "Also fine" }));
    expect(result.ok && result.value.projects.map((p) => p.name)).toEqual(["Talk", "Also fine"]);
    expect(result.ok && result.value.notes).toEqual([
      { project: '"No video" (project 2)', leftOut: true, reasons: ["the video it cuts is not described (file name, size and fingerprint)"] },
      { project: "(project 3)", leftOut: true, reasons: ["it is not a project"] },
    ]);
  });

  it("repairs what it can and says so: clips past the end, a broken history, an unusable or repeated id", () => {
    const info = sampleInfo();
    const result = read(
      backupOf(
        { ...OLD, info, clips: [{ id: 1, start: 1, end: 1e308, label: "long" }, { id: 2, start: 3, end: 2, label: "" }] },
        { ...OLD, id: "__proto__", name: "Hostile", undo: [[{}], "x"] },
        { ...OLD, name: "Twin" },
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [long, hostile, twin] = result.value.projects;
    expect(long?.clips).toEqual([{ id: 1, source: SOURCE, start: 1, end: 12, label: "long" }]);
    expect(hostile?.id).toMatch(/^new-/);
    expect(hostile?.undo).toEqual([]);
    expect(twin?.id).toMatch(/^new-/);
    expect(result.value.notes).toEqual([
      {
        project: '"Talk" (project 1)',
        leftOut: false,
        reasons: [
          "1 clip ended after the end of the video: OUT moved to 00:00:12.000 (clip 1: OUT 1e+308 s)",
          "1 clip had its OUT not after IN: left out (clip 2: IN 3 s, OUT 2 s)",
          // Its one step added a clip the repaired list no longer has.
          "in its undo history, steps that did not fit its clips were left out",
        ],
      },
      {
        project: '"Hostile" (project 2)',
        leftOut: false,
        reasons: [
          'its id "__proto__" cannot be used: restored under a new id',
          "in its undo history, 1 clip had no readable IN and OUT times: left out (clip 1: IN missing)",
          "in its undo history, steps that did not fit its clips were left out",
        ],
      },
      { project: '"Twin" (project 3)', leftOut: false, reasons: ["its id was another project's in the file: restored under a new id"] },
    ]);
  });

  it("says what it restored from which file, and names what it left out or repaired", () => {
    const clean = read(serialize([PROJECT, { ...PROJECT, id: "b" }]));
    expect(clean.ok && restoreMessage("backup.json", clean.value)).toBe("Restored 2 projects from backup.json");
    expect(clean.ok && restoreMessage("one.json", { ...clean.value, projects: clean.value.projects.slice(0, 1), total: 1 })).toBe("Restored 1 project from one.json");
    const gone = { ...OLD, id: "b", name: "Gone", media: 1 };
    const mixed = read(backupOf(OLD, gone, { ...OLD, id: "c", name: "Fixed", exportMode: "fast" }));
    expect(mixed.ok && restoreMessage("old.json", mixed.value)).toBe(
      "Restored 2 of 3 projects from old.json. " +
        'Left out: "Gone" (project 2): the video it cuts is not described (file name, size and fingerprint). ' +
        'Repaired: "Fixed" (project 3): its export mode was unknown: set to lossless.',
    );
  });

  it("names ten projects at most, and counts the rest", () => {
    const broken = Array.from({ length: 1500 }, (_, i) => ({ ...OLD, id: `p${i}`, media: null }));
    const result = read(backupOf(...broken));
    const message = result.ok && restoreMessage("many.json", result.value);
    expect(message).toMatch(/^Restored 0 of 1,500 projects .*\(project 10\): [^.]*\. And 1,490 more\.$/);
  });
});
