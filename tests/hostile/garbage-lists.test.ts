import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { previewImport, type ImportPreview } from "../../src/core/edits-import";
import { parse as parseBackup, type BackupContents } from "../../src/core/formats/project-backup";
import type { Result } from "../../src/core/result";
import { sampleInfo, oneSource } from "../unit/sample-info";
import { makeGarbageLists } from "./lists";

let paths: Record<string, string> = {};
beforeAll(() => {
  paths = makeGarbageLists();
});

/** The file as the page reads it: `File.text()` decodes UTF-8. */
const read = (name: string) => new TextDecoder().decode(readFileSync(paths[name] as string));
// A three-hour talk.mp4 at 25 fps.
const INFO = sampleInfo({ duration: 3 * 3600 });
const preview = (name: string): Result<ImportPreview> => previewImport(name, read(name), oneSource(INFO));
const restore = (name: string): Result<BackupContents> => parseBackup(read(name), { newId: () => "restored-id", now: 1 });

function previewed(name: string): ImportPreview {
  const result = preview(name);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const times = (p: ImportPreview) => p.entries.map((e) => [e.start, e.end]);
const firstWarnings = (p: ImportPreview) => p.warnings.groups.map((g) => [g.first.message, g.more]);

describe("garbage edit lists", () => {
  it("100,000 lines: every clip read, in file order", () => {
    const p = previewed("lines-100k.csv");
    expect(p.entries).toHaveLength(100_000);
    // Written as JavaScript prints these numbers, so read back exactly.
    expect(p.entries[99_999]).toEqual({ source: "s1", start: 9999.9, end: 99_999 / 10 + 0.05, label: "" });
    expect(p.warnings.groups).toEqual([]);
  });

  it("NUL bytes: the line of NULs is named, the rows around it are kept", () => {
    const p = previewed("nul-bytes.csv");
    expect(times(p)).toEqual([[1, 2], [5, 6]]);
    expect(firstWarnings(p)).toEqual([['line 2: IN "\u0000\u0000\u0000" is not a time (use 83.5, 1:23.5 or 00:01:23.500)', 1]]);
  });

  it("1e308 and beyond: not times, each line named; no infinite time comes in", () => {
    const p = previewed("huge-numbers.csv");
    expect(times(p)).toEqual([[1, 2]]);
    expect(firstWarnings(p)).toEqual([
      ['line 1: IN "1e308" is not a time (use 83.5, 1:23.5 or 00:01:23.500)', 0],
      ['line 2: OUT "1e308" is not a time (use 83.5, 1:23.5 or 00:01:23.500)', 1],
    ]);
  });

  it("NaN, Infinity, hex: not times", () => {
    const p = previewed("not-numbers.csv");
    expect(times(p)).toEqual([[1, 2]]);
    expect(p.warnings.groups[0]?.first.message).toBe('line 1: IN "NaN" is not a time (use 83.5, 1:23.5 or 00:01:23.500)');
    expect(p.warnings.groups.reduce((n, g) => n + 1 + g.more, 0)).toBe(3);
  });

  it("CRLF, CR and LF mixed: each ends a line", () => {
    expect(times(previewed("line-ends.csv"))).toEqual([[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]]);
  });

  it("UTF-16 with a byte-order mark: told to save it as UTF-8", () => {
    expect(preview("utf16-bom.csv")).toEqual({ ok: false, error: "utf16-bom.csv: it is UTF-16 text; save it as UTF-8 and import it again" });
  });

  it("100,000 nested objects as an OpenShot project: refused, no stack overflow", () => {
    expect(preview("deep.osp")).toEqual({ ok: false, error: "deep.osp: not an OpenShot project (no clips list)" });
  });

  it("__proto__ and constructor keys in an OpenShot project: read as data, no prototype touched", () => {
    const p = previewed("proto.osp");
    expect(p.entries).toEqual([{ start: 1, end: 2, label: "__proto__", source: "s1" }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("garbage backups", () => {
  it("100,000 nested objects: refused as not a backup", () => {
    expect(restore("deep-backup.json")).toEqual({ ok: false, error: "not a Clipmark backup (nested deeper than a backup is)" });
  });

  it("projects with the ids __proto__ and constructor: restored under new ids, and said", () => {
    const result = restore("proto-backup.json");
    if (!result.ok) throw new Error(result.error);
    expect(result.value.projects.map((p) => p.id)).toEqual(["restored-id", "restored-id"]);
    expect(result.value.notes.map((n) => n.reasons[0])).toEqual([
      'its id "__proto__" cannot be used: restored under a new id',
      'its id "constructor" cannot be used: restored under a new id',
    ]);
    expect(result.value.projects.every((p) => Object.getPrototypeOf(p) === Object.prototype)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("clip colours that are no colour of this page (a prototype key, Infinity, 100,000 characters): made none, and said", () => {
    const result = restore("colours-backup.json");
    if (!result.ok) throw new Error(result.error);
    expect(result.value.projects[0]?.clips.map((c) => c.colour)).toEqual(["red", undefined, undefined, undefined, undefined]);
    expect(result.value.notes[0]?.reasons).toEqual(["4 clips had colours this page does not know: set to automatic"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a clip ending at 1e308: left out, and said", () => {
    const result = restore("infinite-backup.json");
    if (!result.ok) throw new Error(result.error);
    expect(result.value.projects[0]?.clips).toEqual([]);
    expect(result.value.notes[0]?.reasons).toEqual(["1 clip had a time past any video's length: left out (clip 1: OUT 1e+308 s)"]);
  });
});
