import { describe, expect, it } from "vitest";
import type { Clip } from "../../src/core/clips";
import type { MediaRef, Source } from "../../src/core/project";
import {
  addSources,
  cutLength,
  filesLength,
  inNameOrder,
  joinAll,
  moveSourceTo,
  openingSource,
  removeSource,
  sourceOf,
  sourceWith,
} from "../../src/core/sources";
import { sampleInfo } from "./sample-info";

const media = (name: string, fingerprint = `print-of-${name}`): MediaRef => ({ name, size: 10, lastModified: 1, fingerprint });
const file = (name: string, fingerprint?: string) => ({ media: media(name, fingerprint) });
/** Ids in the order they are made: the order files were added. */
const counter = () => {
  let n = 0;
  return () => `s${++n}`;
};
const names = (sources: readonly Source[]) => sources.map((s) => s.media.name);

describe("natural name order", () => {
  it("orders numbers in names by their value, as a camera or a recorder numbered the files", () => {
    const picked = ["GP020001.MP4", "GOPR0001.MP4", "GP010001.MP4", "part 10.mp4", "part 2.mp4", "Part 1.mp4", "clip9.mov", "clip10.mov"];
    expect(inNameOrder(picked, (n) => n)).toEqual([
      "clip9.mov",
      "clip10.mov",
      "GOPR0001.MP4",
      "GP010001.MP4",
      "GP020001.MP4",
      "Part 1.mp4",
      "part 2.mp4",
      "part 10.mp4",
    ]);
  });

  it("keeps one order for names that differ only in case, whatever order they came in", () => {
    expect(inNameOrder(["a.mp4", "A.mp4"], (n) => n)).toEqual(inNameOrder(["A.mp4", "a.mp4"], (n) => n));
  });
});

describe("sources", () => {
  it("adds a batch in natural name order after the sources there, each with an id of its own", () => {
    const first = addSources([], [file("talk.mp4")], counter());
    const makeId = counter();
    makeId();
    const { sources, refused } = addSources(first.sources, [file("part 10.mp4"), file("part 2.mp4")], makeId);
    expect(names(sources)).toEqual(["talk.mp4", "part 2.mp4", "part 10.mp4"]);
    expect(sources.map((s) => s.id)).toEqual(["s1", "s2", "s3"]);
    expect(refused).toEqual([]);
  });

  it("keeps the probe of each file added", () => {
    const info = sampleInfo();
    expect(addSources([], [{ media: media("a.mp4"), info }], counter()).sources).toEqual([{ id: "s1", media: media("a.mp4"), info }]);
  });

  it("refuses a file the project has already, by its content, saying so; and one picked twice", () => {
    const there = addSources([], [file("GP010001.MP4")], counter()).sources;
    const { sources, refused } = addSources(
      there,
      [file("GP010001.MP4"), file("renamed.mp4", "print-of-GP010001.MP4"), file("GP020001.MP4"), file("GP020001.MP4")],
      counter(),
    );
    expect(names(sources)).toEqual(["GP010001.MP4", "GP020001.MP4"]);
    expect(refused).toEqual([
      { name: "GP010001.MP4", reason: "GP010001.MP4 is in the project already" },
      { name: "GP020001.MP4", reason: "GP020001.MP4 is in the project already" },
      { name: "renamed.mp4", reason: "renamed.mp4 is in the project already (as GP010001.MP4)" },
    ]);
  });

  const sources = addSources([], [file("a.mp4"), file("b.mp4"), file("c.mp4")], counter()).sources;
  const clips: Clip[] = [
    { id: 1, source: "s2", start: 1, end: 2, label: "" },
    { id: 2, source: "s1", start: 0, end: 1, label: "" },
    { id: 3, source: "s2", start: 5, end: 6, label: "" },
  ];

  it("removes a source with its clips, and nothing for a source it does not have", () => {
    expect(removeSource({ sources, clips }, "s2")).toEqual({ sources: [sources[0], sources[2]], clips: [clips[1]] });
    expect(removeSource({ sources, clips }, "s9")).toEqual({ sources, clips });
  });

  it("reorders, and a place past either end changes nothing", () => {
    expect(names(moveSourceTo(sources, "s3", 0))).toEqual(["c.mp4", "a.mp4", "b.mp4"]);
    expect(names(moveSourceTo(sources, "s1", 2))).toEqual(["b.mp4", "c.mp4", "a.mp4"]);
    expect(moveSourceTo(sources, "s1", 3)).toEqual(sources);
    expect(moveSourceTo(sources, "s9", 0)).toEqual(sources);
  });

  it("finds a clip's source, a file's source, and the one a project opens on", () => {
    expect(sourceOf(sources, clips[0] as Clip)?.media.name).toBe("b.mp4");
    expect(sourceOf(sources, { source: "gone" })).toBeUndefined();
    expect(sourceWith(sources, "print-of-c.mp4")?.id).toBe("s3");
    expect(sourceWith(sources, "nothing")).toBeUndefined();
    expect(openingSource({ sources }).id).toBe("s1");
  });

  it("totals the cut in whole frames of each clip's own source", () => {
    // 25 fps: 0.5 s to 0.59 s is frames 13 and 14 (0.08 s); without a known rate, the seconds as given (0.09 s).
    const rated = { id: "r", media: media("r.mp4"), info: sampleInfo() };
    const unrated = { id: "u", media: media("u.mp4") };
    const cut: Clip[] = [
      { id: 1, source: "r", start: 0.5, end: 0.59, label: "" },
      { id: 2, source: "u", start: 0.5, end: 0.59, label: "" },
    ];
    expect(cutLength({ sources: [rated, unrated], clips: cut })).toBeCloseTo(0.08 + 0.09, 10);
  });

  it("Join all adds one whole-file clip per known source in the sources' order, numbered after the list; the files' total counts the known ones", () => {
    const known = [
      { id: "x", media: media("x.mp4"), info: sampleInfo({ duration: 4 }) },
      { id: "u", media: media("u.mp4") },
      { id: "y", media: media("y.mp4"), info: sampleInfo({ duration: 2.5 }) },
    ];
    const list: Clip[] = [{ id: 7, source: "y", start: 1, end: 2, label: "a" }];
    expect(joinAll(list, known)).toEqual([
      ...list,
      { id: 8, source: "x", start: 0, end: 4, label: "" },
      { id: 9, source: "y", start: 0, end: 2.5, label: "" },
    ]);
    expect(filesLength({ sources: known })).toBe(6.5);
  });
});
