import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyImport, detectFormat, groupWarnings, missingLines, previewImport, warningLines } from "../../src/core/edits-import";
import * as csv from "../../src/core/formats/edits-csv";
import * as edl from "../../src/core/formats/edl";
import * as osp from "../../src/core/formats/osp";
import * as log from "../../src/core/formats/timestamp-log";
import { sampleInfo, oneSource } from "./sample-info";

const INFO = sampleInfo({ fileName: "counter.mp4" });

describe("detectFormat", () => {
  it.each([
    ["# IN,OUT (seconds)\n0.901,6.573\n", "csv"],
    ["start,end,label\n00:00:01.000,00:00:02.000,a\n", "csv"],
    ["00:00:01.000\n00:00:02.000,\n", "log"],
    ["  00:00:01.000  \r\n\t00:00:02.000\r\n\r\n", "log"],
    ["00:00:01.000\n00:00:02.000\n00:00:03.000\nnote 1.5,2.5\n", "log"],
    ['\uFEFF{"clips": []}', "osp"],
    ["TITLE: cut\nFCM: NON-DROP FRAME\n", "edl"],
    ["001  AX  V  C  00:00:01:00 00:00:02:00 00:00:00:00 00:00:01:00\n", "edl"],
    ["%PDF-1.4", null],
    ["", null],
  ])("%j is %s", (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });
});

describe("previewImport", () => {
  it("says how many clips, how long, and what was clamped or dropped", () => {
    const result = previewImport("edits.csv", "# IN,OUT (seconds)\n1,2\n11,13\n12.5,14\nx,y\n", oneSource(INFO));
    expect(result.ok && result.value).toEqual({
      format: "csv",
      listed: [
        { start: 1, end: 2, label: "" },
        { start: 11, end: 13, label: "" },
        { start: 12.5, end: 14, label: "" },
      ],
      entries: [
        { source: "s1", start: 1, end: 2, label: "" },
        { source: "s1", start: 11, end: 12, label: "" },
      ],
      warnings: {
        groups: [
          { first: { line: 5, message: expect.stringContaining("line 5") }, more: 0 },
          {
            first: { line: 0, message: "clip 2 (00:00:11.000–00:00:13.000) ends after the end of the source: OUT clamped to 00:00:12.000" },
            more: 0,
          },
          { first: { line: 0, message: "clip 3 (00:00:12.500–00:00:14.000) starts after the end of the source: dropped" }, more: 0 },
        ],
        unlisted: 0,
      },
      replaces: ["s1"],
      missing: [],
      duration: 2,
    });
  });

  it("keeps a project's clips of the open video and says what it left out", () => {
    const text = JSON.stringify({
      clips: [
        { position: 5, start: 3, end: 4, file_id: "B" },
        { position: 0, start: 1, end: 2, file_id: "A" },
      ],
      files: [
        { id: "A", path: "./counter.mp4" },
        { id: "B", path: "./other.mkv" },
      ],
    });
    const result = previewImport("p.osp", text, oneSource(INFO));
    expect(result.ok && result.value.entries).toEqual([{ start: 1, end: 2, label: "", source: "s1" }]);
    expect(result.ok && warningLines(result.value.warnings)).toEqual([]);
    expect(result.ok && result.value.missing).toEqual([{ name: "other.mkv", clips: 1 }]);
    expect(result.ok && missingLines(result.value.missing)).toEqual(["Add video to bring in 1 clip of other.mkv"]);
    expect(result.ok && result.value.listed.map((e) => e.sourceName)).toEqual(["counter.mp4", "other.mkv"]);
  });

  it("names the file that is not an edit list", () => {
    expect(previewImport("notes.pdf", "%PDF-1.4\n", oneSource(INFO))).toEqual({
      ok: false,
      error:
        "notes.pdf: not an edit list this page reads (OpenShot project, Shotcut project (MLT), CMX 3600 EDL, MPlayer EDL, " +
        "timestamp log, LosslessCut CSV, edit list (CSV))",
    });
  });
});

describe("warnings", () => {
  it("are grouped: a million clips that are not objects make one line, with a count", () => {
    const clip = { position: 0, start: 1, end: 2, reader: { path: "counter.mp4" } };
    const text = JSON.stringify({ clips: [clip, ...Array<number>(1_000_000).fill(7)] });
    const result = previewImport("huge.osp", text, oneSource(INFO));
    expect(result.ok && result.value.entries).toHaveLength(1);
    expect(result.ok && warningLines(result.value.warnings)).toEqual(["clip 2 is not an object (and 999,999 more like this)"]);
  }, 30_000);

  it("list twenty kinds at most, each with its first line, and count the rest", () => {
    const kinds = "abcdefghijklmnopqrstuvwxy".split("");
    const warnings = kinds.flatMap((kind, i) =>
      [1, 2].map((n) => ({ line: i * 2 + n, message: `line ${i * 2 + n}: "${kind}${n}" is no ${kind}` })),
    );
    const lines = warningLines(groupWarnings(warnings));
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe('line 1: "a1" is no a (and 1 more like this)');
    expect(lines[20]).toBe("10 more warnings of other kinds");
    expect(warningLines(groupWarnings([]))).toEqual([]);
  });

  it("group the clips clamped or dropped at the source's end", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${11 + i / 10000},13`).join("\n");
    const result = previewImport("edits.csv", `${rows}\n20,21\n30,31\n`, oneSource(INFO));
    expect(result.ok && warningLines(result.value.warnings)).toEqual([
      "clip 1 (00:00:11.000–00:00:13.000) ends after the end of the source: OUT clamped to 00:00:12.000 (and 4,999 more like this)",
      "clip 5001 (00:00:20.000–00:00:21.000) starts after the end of the source: dropped (and 1 more like this)",
    ]);
  });
});

describe("applyImport", () => {
  const clips = [{ id: 4, source: "a", start: 0, end: 1, label: "" }];
  const onA = { entries: [{ source: "a", start: 2, end: 3, label: "x" }], replaces: ["a"] };
  it("replaces or appends, with fresh ids, on the source it is imported onto", () => {
    expect(applyImport(clips, onA, "replace")).toEqual([{ id: 1, source: "a", start: 2, end: 3, label: "x" }]);
    expect(applyImport(clips, onA, "append")).toEqual([...clips, { id: 5, source: "a", start: 2, end: 3, label: "x" }]);
  });

  it("replaces only the clips of the sources it brings clips to, each clip on its own", () => {
    const mixed = [...clips, { id: 9, source: "b", start: 5, end: 6, label: "" }, { id: 10, source: "c", start: 1, end: 2, label: "" }];
    const onAB = { entries: [{ source: "b", start: 2, end: 3, label: "x" }, { source: "a", start: 7, end: 8, label: "" }], replaces: ["a", "b"] };
    expect(applyImport(mixed, onAB, "replace")).toEqual([
      { id: 10, source: "c", start: 1, end: 2, label: "" },
      { id: 11, source: "b", start: 2, end: 3, label: "x" },
      { id: 12, source: "a", start: 7, end: 8, label: "" },
    ]);
  });
});

describe("parsers never throw", () => {
  const rate = { num: 25, den: 1 };
  const parsers: [string, (text: string) => unknown][] = [
    ["csv", csv.parse],
    ["log", (t) => log.parse(t, 100)],
    ["edl", (t) => edl.parse(t, rate)],
    ["osp", osp.parse],
    ["import", (t) => previewImport("f", t, oneSource(INFO))],
  ];
  const texts = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.array(fc.constantFrom("00:00:01.5", "1,2", "#", "TITLE:", "{", "}", "\r\n", "\n", ",", ":", "001  AX  V  C  ", "NaN", "-1", "1e999"), {
      maxLength: 30,
    }).map((parts) => parts.join("")),
    fc.json(),
  );
  const samples = [
    "# IN,OUT (seconds)\n0.901,6.573\n8.242,11.912\n",
    "00:00:01.000\n00:00:02.000\n",
    "TITLE: t\n001  AX  V  C  00:00:01:00 00:00:02:00 00:00:00:00 00:00:01:00\n",
    JSON.stringify({ clips: [{ position: 0, start: 1, end: 2, reader: { path: "a.mp4" } }], files: [] }),
  ];
  const mutated = fc
    .tuple(fc.constantFrom(...samples), fc.nat(200), fc.nat(20), fc.string({ maxLength: 8 }))
    .map(([text, at, cut, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice((at % (text.length + 1)) + cut));

  it.each(parsers)("%s: random and mutated text gives a result, never an exception", (_, parse) => {
    fc.assert(
      fc.property(fc.oneof(texts, mutated), (text) => {
        const result = parse(text) as { ok: boolean; error?: string };
        expect(typeof result.ok).toBe("boolean");
        if (!result.ok) expect(result.error).toMatch(/\S/);
      }),
      { numRuns: 400 },
    );
  });
});

describe("clips outside the source", () => {
  it("clamps an IN before the start and drops a clip that ends there, saying so", () => {
    const project = JSON.stringify({
      files: [{ id: "F", path: "counter.mp4" }],
      clips: [
        { file_id: "F", position: 0, start: -1, end: 2 },
        { file_id: "F", position: 1, start: -3, end: 0 },
      ],
    });
    const result = previewImport("p.osp", project, oneSource(INFO));
    expect(result.ok && result.value.entries.map((e) => [e.start, e.end])).toEqual([[0, 2]]);
    expect(result.ok && warningLines(result.value.warnings)).toEqual([
      "clip 1 (00:00:00.000–00:00:02.000) starts before the start of the source: IN clamped to 00:00:00.000",
      "clip 2 (00:00:00.000–00:00:00.000) ends before the start of the source: dropped",
    ]);
  });
});
