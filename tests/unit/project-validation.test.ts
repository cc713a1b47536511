import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLIP_COLOURS, isClipColour } from "../../src/core/clip-colours";
import { sameClip } from "../../src/core/clips";
import { cutLength } from "../../src/core/sources";
import { apply, fits } from "../../src/core/history";
import { parse } from "../../src/core/formats/project-backup";
import type { Project } from "../../src/core/project";
import { withSources } from "../../src/core/project-upgrade";
import { checkProject, isPlainId, MAX_LABEL, MAX_NAME, MAX_SECONDS, RESERVED_KEYS } from "../../src/core/project-validation";
import { formatTimecode } from "../../src/core/timecode";
import { sampleInfo, VIDEO } from "./sample-info";

const MEDIA = { name: "talk.mp4", size: 1000, lastModified: 5, fingerprint: "00aa00aa00aa00aa" };
/** A project as stored before schema 4 (one `media`, clips naming no source): read as one of one source. */
const PROJECT = {
  id: "0123456789abcdef0123456789abcdef",
  name: "Talk",
  media: MEDIA,
  info: sampleInfo(),
  clips: [{ id: 1, start: 1, end: 2, label: "a" }],
  undo: [],
  redo: [],
  exportMode: "smart" as const,
  created: 1,
  edited: 2,
};
// Read from one media, the project's one source has the media's fingerprint for its id.
const ofTalk = <T extends object>(clips: readonly T[]) => clips.map((clip) => ({ ...clip, source: MEDIA.fingerprint }));
type Change = { at: number; removed: object[]; inserted: object[] };
const stepsOfTalk = (steps: readonly unknown[]) =>
  (steps as Change[]).map((step) => ({ ...step, removed: ofTalk(step.removed), inserted: ofTalk(step.inserted) }));
const OPTIONS = { newId: () => "fresh", now: 77 };
const check = (value: unknown) => checkProject(value, OPTIONS);
/** What JSON.parse makes of `{"__proto__": …}`: an own key, not a prototype. */
const withOwnProto = <T extends object>(value: T, proto: unknown = { polluted: true }): T =>
  Object.defineProperty({ ...value }, "__proto__", { value: proto, enumerable: true, configurable: true, writable: true });

/** Every object reached is a plain object or array with no key that reaches a prototype; every number finite, none -0. */
function expectPlainData(value: unknown, path = "project"): void {
  if (typeof value === "number") {
    expect(Number.isFinite(value) && !Object.is(value, -0), `${path} is ${value}`).toBe(true);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  expect([Object.prototype, Array.prototype], `${path}'s prototype`).toContain(Object.getPrototypeOf(value));
  for (const key of Object.keys(value)) {
    expect(RESERVED_KEYS.has(key), `${path}.${key}`).toBe(false);
    expectPlainData((value as Record<string, unknown>)[key], `${path}.${key}`);
  }
}

/** What every project that comes through must be: safe to list, total, show and export. */
function expectSound(project: Project): void {
  expectPlainData(project);
  expect(isPlainId(project.id)).toBe(true);
  expect(["lossless", "smart", "reencode"]).toContain(project.exportMode);
  for (const index of project.droppedTracks ?? []) expect(Number.isSafeInteger(index) && index >= 0 && index < 1024, `track ${index}`).toBe(true);
  const mix = project.audioMix;
  if (mix) {
    expect(mix.tracks.every((i) => Number.isSafeInteger(i) && i >= 0 && i < 1024) && (!mix.on || mix.tracks.length >= 2)).toBe(true);
    expect(Object.values(mix.gains).every((db) => db >= -60 && db <= 12)).toBe(true);
  }
  expect([undefined, "mp4", "mkv", "mov", "webm"]).toContain(project.outputContainer);
  expect(project.name.length).toBeLessThanOrEqual(MAX_NAME);
  const steps = [...project.undo, ...project.redo];
  const removed = steps.flatMap((step) => (step.beside ? [...step.beside.removed, ...step.beside.inserted] : []));
  const ends = new Map([...removed, ...project.sources].map((s) => [s.id, s.info?.duration ?? MAX_SECONDS]));
  for (const list of [project.clips, ...steps.flatMap((step) => [step.removed, step.inserted])]) {
    expect(new Set(list.map((c) => c.id)).size).toBe(list.length);
    for (const clip of list) {
      expect(Number.isSafeInteger(clip.id) && clip.id > 0).toBe(true);
      expect(ends.has(clip.source)).toBe(true);
      expect(0 <= clip.start && clip.start < clip.end && clip.end <= (ends.get(clip.source) ?? 0)).toBe(true);
      expect(typeof clip.label === "string" && clip.label.length <= MAX_LABEL).toBe(true);
      // No colour is no field: a colour kept is one the page draws.
      expect(!("colour" in clip) || isClipColour(clip.colour)).toBe(true);
    }
  }
  // Every step can be undone or redone from the list it meets.
  for (const [steps, direction] of [[[...project.undo].reverse(), "backward"], [project.redo, "forward"]] as const) {
    let list = project.clips;
    for (const step of steps) {
      expect(fits(list, step, direction, sameClip)).toBe(true);
      list = apply(list, step, direction);
      expect(new Set(list.map((c) => c.id)).size).toBe(list.length);
    }
  }
  expect(formatTimecode(cutLength(project))).toMatch(/^\d+:\d\d:\d\d\.\d{3}$/);
}

// Nothing here may add to the prototypes every object shares.
const shared = () => [Object.prototype, Array.prototype].map((p) => Object.getOwnPropertyNames(p).sort());
let before: string[][];
beforeEach(() => {
  before = shared();
});
afterEach(() => {
  expect(shared()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe("checkProject", () => {
  it("takes a sound project as it is", () => {
    expect(check(PROJECT)).toEqual({ ok: true, project: withSources(PROJECT), repairs: [] });
    const current = withSources(PROJECT);
    expect(check(current)).toEqual({ ok: true, project: current, repairs: [] });
  });

  it.each([
    ["1e308", 1e308, [{ id: 1, start: 1, end: 12, label: "a" }], "OUT moved to 00:00:12.000 (clip 1: OUT 1e+308 s)"],
    ["NaN", Number.NaN, [], "no readable IN and OUT times: left out (clip 1: OUT NaN s)"],
    ["Infinity", Infinity, [], "no readable IN and OUT"],
    ["-Infinity", -Infinity, [], "no readable IN and OUT"],
    ['"1e308"', "1e308", [], '(clip 1: OUT "1e308")'],
    ['"Infinity"', "Infinity", [], "no readable IN and OUT"],
    ['"NaN"', "NaN", [], "no readable IN and OUT"],
    ["-1", -1, [], "no readable IN and OUT"],
    ["-0", -0, [], "OUT not after IN: left out (clip 1: IN 1 s, OUT -0 s)"],
  ])("an OUT of %s", (_, end, clips, repair) => {
    const result = check({ ...PROJECT, clips: [{ id: 1, start: 1, end, label: "a" }] });
    expect(result.ok && result.project.clips).toEqual(ofTalk(clips));
    expect(result.ok && result.repairs.join()).toContain(repair);
  });

  it("reads an IN of -0 as 0, and drops a time past any video where the length is not known", () => {
    const clips = [
      { id: 1, start: -0, end: 1, label: "" },
      { id: 2, start: 1, end: 1e308, label: "" },
    ];
    const result = check({ ...PROJECT, info: undefined, clips });
    expect(result.ok && Object.is(result.project.clips[0]?.start, 0)).toBe(true);
    expect(result.ok && result.project.clips).toHaveLength(1);
    expect(result.ok && result.repairs).toEqual(["1 clip had a time past any video's length: left out (clip 2: OUT 1e+308 s)"]);
  });

  it("renumbers repeated clip ids, cuts long labels, empties labels that are not text", () => {
    const clips = [
      { id: 3, start: 0, end: 1, label: "x".repeat(10_000_000) },
      { id: 3, start: 1, end: 2, label: { text: "no" } },
    ];
    const result = check({ ...PROJECT, clips });
    expect(result.ok && result.project.clips.map((c) => [c.id, c.label.length])).toEqual([
      [1, MAX_LABEL],
      [2, 0],
    ]);
    expect(result.ok && result.repairs).toEqual([
      "1 label was longer than 1,000 characters: shortened",
      "1 label was not text: emptied",
      "clip numbers repeated or were not whole numbers: renumbered",
    ]);
  });

  it("keeps a known colour, and makes any other none, saying how many, without crashing", () => {
    const hostile = [
      { id: 1, start: 0, end: 1, label: "", colour: "teal" },
      { id: 2, start: 1, end: 2, label: "", colour: "brown" },
      { id: 3, start: 2, end: 3, label: "", colour: "__proto__" },
      { id: 4, start: 3, end: 4, label: "", colour: { red: 255 } },
      { id: 5, start: 4, end: 5, label: "", colour: null },
      { id: 6, start: 5, end: 6, label: "", colour: "Red" },
      { id: 7, start: 6, end: 7, label: "" },
    ];
    const result = check({ ...PROJECT, clips: hostile });
    expect(result.ok && result.project.clips.map((c) => c.colour)).toEqual(["teal", ...Array(6).fill(undefined)]);
    expect(result.ok && result.project.clips.filter((c) => "colour" in c)).toHaveLength(1);
    expect(result.ok && result.repairs).toEqual(["5 clips had colours this page does not know: set to automatic"]);
  });

  it("keeps undo steps whose clips have a colour it does not know, made none as in the list; a step left changing nothing goes", () => {
    // A later version's colour: the clip is "brown" in the list and in the step that made it brown.
    const plain = { id: 1, start: 1, end: 2, label: "a" };
    const brown = { ...plain, colour: "brown" };
    const blue = { ...plain, colour: "blue" };
    const undo = [
      { at: 0, removed: [], inserted: [blue] },
      { at: 0, removed: [blue], inserted: [brown] },
    ];
    const result = check({ ...PROJECT, clips: [brown], undo });
    expect(result.ok && result.project.clips).toEqual(ofTalk([plain]));
    // The second step (blue to brown) is now blue to none; undoing it gives blue, and the first step takes it away.
    expect(result.ok && result.project.undo).toEqual(
      stepsOfTalk([
        { at: 0, removed: [], inserted: [blue] },
        { at: 0, removed: [blue], inserted: [plain] },
      ]),
    );
    expect(result.ok && result.repairs).toEqual([
      "1 clip had a colour this page does not know: set to automatic",
      "in its undo history, 1 clip had a colour this page does not know: set to automatic",
    ]);
    // Brown to grey is none to none: no step at all.
    const grey = check({ ...PROJECT, clips: [brown], undo: [{ at: 0, removed: [{ ...plain, colour: "grey" }], inserted: [brown] }] });
    expect(grey.ok && grey.project.undo).toEqual([]);
  });

  it("reads whole-list undo and redo (as stored before changes were kept) as the changes between them", () => {
    const a = { id: 1, start: 1, end: 2, label: "a" };
    const b = { id: 2, start: 3, end: 4, label: "b" };
    const result = check({ ...PROJECT, clips: [a], undo: [[], [a, b]], redo: [[{ ...a, label: "A" }]] });
    expect(result.ok && [result.project.undo, result.project.redo]).toEqual([
      stepsOfTalk([
        { at: 0, removed: [], inserted: [a, b] },
        { at: 1, removed: [b], inserted: [] },
      ]),
      stepsOfTalk([{ at: 0, removed: [a], inserted: [{ ...a, label: "A" }] }]),
    ]);
    expect(result.ok && result.repairs).toEqual([]);
  });

  it("checks each step's clips as it checks the list, and keeps no step that does not lead to its clips", () => {
    const a = PROJECT.clips[0];
    const bad = { id: 1, start: 0, end: Infinity, label: "" };
    // Newest last: the second step is sound and kept; the first has an unreadable clip, so it goes.
    const undo = [{ at: 0, removed: [bad], inserted: [] }, { at: 0, removed: [], inserted: [a] }];
    const redo = [{ at: 0, removed: [a], inserted: [] }, { at: 5, removed: [a], inserted: [] }, null];
    const result = check({ ...PROJECT, undo, redo });
    expect(result.ok && [result.project.undo, result.project.redo]).toEqual([stepsOfTalk([undo[1]]), stepsOfTalk([redo[0]])]);
    expect(result.ok && result.repairs).toEqual(["in its undo history, steps that did not fit its clips were left out"]);
    // A step that would give two clips one id, or a clip no id, is no step.
    const twin = { at: 1, removed: [], inserted: [{ ...a, start: 5, end: 6 }] };
    const unnumbered = { at: 0, removed: [a], inserted: [{ ...a, id: 0 }] };
    expect(check({ ...PROJECT, redo: [twin] })).toMatchObject({ ok: true, project: { redo: [] } });
    expect(check({ ...PROJECT, redo: [unnumbered] })).toMatchObject({ ok: true, project: { redo: [] } });
    // Whole lists: the bad clip leaves an empty list, a step of its own; `null` is no list.
    expect(check({ ...PROJECT, undo: "no", redo: [[bad], null] })).toMatchObject({
      ok: true,
      project: { undo: [], redo: [{ at: 0, removed: [a], inserted: [] }] },
      repairs: [
        "in its undo history, 1 step was not a list of clips: left out",
        "in its undo history, 1 clip had no readable IN and OUT times: left out (clip 1: OUT Infinity s)",
        "in its undo history, steps that did not fit its clips were left out",
      ],
    });
  });

  it("keeps a step's change to the sources: a removed source comes back with its clips; one that does not fit the sources is dropped", () => {
    const talk = { id: MEDIA.fingerprint, media: MEDIA };
    const other = { id: "b", media: { ...MEDIA, name: "b.mp4", fingerprint: "00bb00bb00bb00bb" }, info: sampleInfo({ duration: 30 }) };
    // Newest last: b was removed with its clip (at 20 s, past talk.mp4's length), then talk.mp4's clip added.
    const removal = { at: 0, removed: [{ id: 2, source: "b", start: 20, end: 25, label: "" }], inserted: [], beside: { at: 1, removed: [other], inserted: [] } };
    const added = { at: 0, removed: [], inserted: ofTalk(PROJECT.clips) };
    const stored = { ...PROJECT, sources: [talk], media: undefined, info: undefined, clips: ofTalk(PROJECT.clips), undo: [removal, added] };
    const read = check(stored);
    expect(read.ok && read.project.undo).toEqual([removal, added]);
    expect(read.ok && read.repairs).toEqual([]);
    // The present list may not name the removed source.
    expect(check({ ...stored, clips: [...ofTalk(PROJECT.clips), removal.removed[0]] })).toMatchObject({ ok: true, project: { clips: ofTalk(PROJECT.clips) } });
    // Undone, this would bring back talk.mp4, which the project has: no step.
    const misplaced = { ...removal, beside: { at: 1, removed: [talk], inserted: [] } };
    expect(check({ ...stored, undo: [misplaced, added] })).toMatchObject({ ok: true, project: { undo: [added] } });
    const unreadable = { ...removal, beside: { at: 1, removed: [{ id: "b" }], inserted: [] } };
    expect(check({ ...stored, undo: [unreadable, added] })).toMatchObject({ ok: true, project: { undo: [added] } });
  });

  it("repairs the name, export mode and dates", () => {
    const result = check({ ...PROJECT, name: "n".repeat(MAX_NAME + 1), exportMode: "__proto__", created: Number.NaN, edited: 1e308 });
    const { name, exportMode, created, edited } = result.ok ? result.project : PROJECT;
    expect([name.length, exportMode, created, edited]).toEqual([MAX_NAME, "lossless", 77, 77]);
    expect(check({ ...PROJECT, name: 5 })).toMatchObject({ ok: true, project: { name: "Untitled" } });
  });

  it("keeps the tracks left out (each once, in order); a project without them keeps every track; garbage keeps every track, said", () => {
    const kept = (value: unknown) => {
      const result = check({ ...PROJECT, droppedTracks: value });
      return result.ok ? [result.project.droppedTracks, result.repairs] : result.error;
    };
    expect(kept([3, 1, 3])).toEqual([[1, 3], []]);
    expect(kept([])).toEqual([[], []]);
    expect(kept(undefined)).toEqual([undefined, []]);
    const unreadable = ["its choice of tracks was unreadable: every track kept"];
    for (const bad of ["1", [1.5], [-1], [1e308], [Number.NaN], [1024], { 0: 1 }, null, [[1]]]) expect(kept(bad), JSON.stringify(bad)).toEqual([undefined, unreadable]);
  });

  it("keeps the audio mix (tracks each once, in order; volumes in range); repairs what it cannot be, naming it", () => {
    const mixed = (value: unknown) => {
      const result = check({ ...PROJECT, audioMix: value });
      return result.ok ? [result.project.audioMix, result.repairs] : result.error;
    };
    expect(mixed({ on: true, tracks: [2, 1, 2], gains: { 2: -6 } })).toEqual([{ on: true, tracks: [1, 2], gains: { 2: -6 } }, []]);
    expect(mixed(undefined)).toEqual([undefined, []]);
    for (const bad of ["1", null, [1, 2], { on: true, tracks: [1.5, 2] }, { on: true, tracks: [-1, 2] }, { on: true, tracks: [1024, 2] }, { on: true }]) {
      expect(mixed(bad), JSON.stringify(bad)).toEqual([undefined, ["its audio mix was unreadable: no tracks mixed"]]);
    }
    expect(mixed({ on: true, tracks: [1] })).toEqual([{ on: false, tracks: [1], gains: {} }, ["its audio mix had fewer than two tracks: turned off"]]);
    expect(mixed({ on: "yes", tracks: [1, 2] })).toEqual([{ on: false, tracks: [1, 2], gains: {} }, ["its audio mix was neither on nor off: turned off"]]);
    const volumes = mixed({ on: true, tracks: [1, 2], gains: { 1: 99, 2: Number.NaN, x: 1, "01": 2, 3: -3 } });
    expect(volumes).toEqual([{ on: true, tracks: [1, 2], gains: { 3: -3 } }, ["its audio mix had 4 volumes not from -60 to 12 dB on a track: set to 0 dB"]]);
    expect(mixed({ on: true, tracks: [1, 2], gains: [0] })).toEqual([{ on: true, tracks: [1, 2], gains: {} }, ["its audio mix's volumes were unreadable: set to 0 dB"]]);
  });

  it("keeps the output container; a project without one is MP4's (absent); garbage is MP4, said", () => {
    const kept = (value: unknown) => {
      const result = check({ ...PROJECT, outputContainer: value });
      return result.ok ? [result.project.outputContainer, result.repairs] : result.error;
    };
    expect(kept("mkv")).toEqual(["mkv", []]);
    expect(kept("webm")).toEqual(["webm", []]);
    expect(kept(undefined)).toEqual([undefined, []]);
    const unreadable = ["its output container was unreadable: MP4"];
    for (const bad of ["avi", "MKV", "__proto__", 1, null, ["mkv"]]) expect(kept(bad), JSON.stringify(bad)).toEqual([undefined, unreadable]);
  });

  it.each([
    ["a duration of Infinity", { duration: Infinity }],
    ["a duration of 0", { duration: 0 }],
    ["a frame rate of 0/0", { streams: [{ ...VIDEO, frameRate: { num: 0, den: 0 } }] }],
    ["a frame rate of 1e308", { streams: [{ ...VIDEO, frameRate: { num: 1e308, den: 1 } }] }],
    ["a stream of another kind", { streams: [{ ...VIDEO, kind: "attachment" }] }],
    ["a subtitle track with a codec that is not text", { streams: [{ kind: "subtitle", index: 2, codec: 7, tags: {} }] }],
    ["a keyframe at NaN", { keyframes: [0, Number.NaN] }],
    ["an origin of Infinity", { origin: Infinity }],
  ])("drops a probe result with %s, and says so", (_, broken) => {
    const result = check({ ...PROJECT, info: { ...sampleInfo(), ...broken }, clips: [{ id: 1, start: 1, end: 1e308, label: "" }] });
    expect(result.ok && result.project.sources[0]?.info).toBeUndefined();
    expect(result.ok && result.project.clips).toEqual([]);
    expect(result.ok && result.repairs[0]).toContain("record of the video's streams was unreadable");
  });

  it("keeps no tag whose key reaches a prototype", () => {
    const info = { ...sampleInfo(), tags: withOwnProto({ title: "t", constructor: "c", n: 5 }) };
    const result = check({ ...PROJECT, info });
    expect(result.ok && result.project.sources[0]?.info?.tags).toEqual({ title: "t" });
    expect(result.ok && Object.keys(result.project.sources[0]?.info?.tags ?? {})).toEqual(["title"]);
  });

  it("gives an unusable id a new one only where it may, and refuses a video it cannot name", () => {
    expect(check({ ...PROJECT, id: "__proto__" })).toMatchObject({ ok: true, project: { id: "fresh" } });
    expect(checkProject({ ...PROJECT, id: "__proto__" }, { now: 0 })).toEqual({ ok: false, error: 'its id "__proto__" cannot be used' });
    expect(checkProject({ ...PROJECT, id: 7 }, { now: 0 })).toEqual({ ok: false, error: "it had no id" });
    for (const id of ["", "constructor", "prototype", "a\nb", "x".repeat(301)]) expect(isPlainId(id)).toBe(false);
    expect(check({ ...PROJECT, media: { ...MEDIA, fingerprint: "__proto__" } }).ok).toBe(false);
    expect(check({ ...PROJECT, clips: "none" })).toEqual({ ok: false, error: "its clip list is unreadable" });
    expect(check(withOwnProto({}, PROJECT)).ok).toBe(false);
  });

  it("keeps none of the object's own keys: only the fields it knows, rebuilt", () => {
    const result = check(withOwnProto({ ...PROJECT, clips: [withOwnProto(PROJECT.clips[0] as object)], extra: 1 }));
    expect(result.ok && result.project).toEqual(withSources(PROJECT));
    expect(result.ok && expectPlainData(result.project)).toBe(undefined);
  });

  describe("several sources", () => {
    const OTHER = { name: "part 2.mp4", size: 2000, lastModified: 6, fingerprint: "11bb11bb11bb11bb" };
    const TWO = {
      ...(withSources(PROJECT) as Project),
      sources: [
        { id: "a", media: MEDIA, info: sampleInfo() },
        { id: "b", media: OTHER, info: sampleInfo({ duration: 30 }) },
      ],
      clips: [
        { id: 1, source: "b", start: 20, end: 25, label: "" },
        { id: 2, source: "a", start: 1, end: 2, label: "" },
      ],
    };

    it("takes a project of several sources as it is, each clip bounded by its own source's length", () => {
      expect(check(TWO)).toEqual({ ok: true, project: TWO, repairs: [] });
      // 25 s is past the end of talk.mp4 (12 s) but not of part 2.mp4 (30 s).
      const moved = check({ ...TWO, clips: [{ id: 1, source: "a", start: 10, end: 25, label: "" }] });
      expect(moved.ok && moved.project.clips).toEqual([{ id: 1, source: "a", start: 10, end: 12, label: "" }]);
      expect(moved.ok && moved.repairs).toEqual(["1 clip ended after the end of the video: OUT moved to 00:00:12.000 (clip 1: OUT 25 s)"]);
    });

    it("leaves out a clip of a source the project does not have, in the list and in its history, saying which", () => {
      const stray = { id: 3, source: "gone", start: 1, end: 2, label: "" };
      const unnamed = { id: 4, start: 1, end: 2, label: "" };
      const undo = [{ at: 2, removed: [stray], inserted: [] }];
      const result = check({ ...TWO, clips: [...TWO.clips, stray, unnamed], undo });
      expect(result.ok && result.project.clips).toEqual(TWO.clips);
      expect(result.ok && result.project.undo).toEqual([]);
      expect(result.ok && result.repairs).toEqual([
        '2 clips were of a video the project does not have: left out (the first: clip 3: video "gone")',
        "in its undo history, steps that did not fit its clips were left out",
      ]);
      expect(check({ ...TWO, clips: [unnamed] })).toMatchObject({
        ok: true,
        repairs: ["1 clip was of a video the project does not have: left out (clip 1: video missing)"],
      });
    });

    it("refuses a project whose sources cannot be told apart or named, saying which", () => {
      const [first, second] = TWO.sources;
      expect(check({ ...TWO, sources: [] })).toEqual({
        ok: false,
        error: "the video it cuts is not described (file name, size and fingerprint)",
      });
      expect(check({ ...TWO, sources: [first, { ...second, media: { name: "x.mp4" } }] })).toEqual({
        ok: false,
        error: "video 2 of the 2 it cuts is not described (file name, size and fingerprint)",
      });
      expect(check({ ...TWO, sources: [first, { ...second, id: "a" }] })).toEqual({
        ok: false,
        error: "video 2 of the 2 it cuts (part 2.mp4) has another video's id",
      });
      expect(check({ ...TWO, sources: [{ ...first, id: "__proto__" }, second] })).toEqual({
        ok: false,
        error: "video 1 of the 2 it cuts (talk.mp4) has no id its clips can name",
      });
    });

    it("drops an unreadable probe of one source, naming its file", () => {
      const [first, second] = TWO.sources;
      const result = check({ ...TWO, sources: [first, { ...second, info: { duration: "long" } }] });
      expect(result.ok && result.project.sources[1]).toEqual({ id: "b", media: OTHER });
      expect(result.ok && result.repairs).toEqual([
        "its record of part 2.mp4's streams was unreadable: dropped (the video is read again when opened)",
      ]);
    });
  });

  it("walks no deeper than the fields it knows", () => {
    let deep: unknown = [];
    for (let i = 0; i < 10_000; i++) deep = [deep];
    for (const field of ["clips", "undo", "info", "media", "name", "id"]) expect(() => check({ ...PROJECT, [field]: deep })).not.toThrow();
    expect(() => check({ ...PROJECT, clips: [{ id: 1, start: 1, end: 2, label: deep }] })).not.toThrow();
  });
});

describe("hostile input (fast-check)", () => {
  const hostileNumber = fc.constantFrom(
    ...[1e308, -1e308, Number.NaN, -0, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53, -1],
  );
  const hostileString = fc.constantFrom("1e308", "NaN", "Infinity", "-Infinity", "-0", ...RESERVED_KEYS, "", "\u0000", "x".repeat(20_000));
  const hostile = fc.oneof(hostileNumber, hostileString, fc.constant(null), fc.constant(undefined), fc.jsonValue({ maxDepth: 3 }));
  /** Mostly plain values, so that most projects come through and their repairs are seen; some hostile. */
  const mostly = <T, U>(plain: fc.Arbitrary<T>, other: fc.Arbitrary<U>) =>
    fc.oneof({ weight: 5, arbitrary: plain }, { weight: 1, arbitrary: other });
  const time = mostly(fc.nat(20), fc.oneof(fc.double(), hostileNumber, hostileString));
  const clip = mostly(
    fc.record(
      { id: mostly(fc.nat(5), hostile), start: time, end: time, label: mostly(fc.string(), hostile), colour: mostly(fc.constantFrom(...CLIP_COLOURS), hostile) },
      { requiredKeys: ["id", "start", "end", "label"] },
    ),
    fc.oneof(hostile, fc.record({ start: time, end: time }, { requiredKeys: [] })),
  );
  const clipList = mostly(fc.array(clip, { maxLength: 6 }), hostile);
  const step = mostly(fc.record({ at: mostly(fc.nat(6), hostile), removed: clipList, inserted: clipList }), hostile);
  const rational = fc.oneof(
    fc.record({ num: fc.oneof(fc.nat(60_000), hostileNumber), den: fc.oneof(fc.nat(1001), hostileNumber) }),
    hostile,
  );
  const info = fc.oneof(
    { weight: 3, arbitrary: fc.constant(sampleInfo()) },
    fc
      .record({ duration: time, frameRate: rational, keyframes: fc.array(time, { maxLength: 3 }) })
      .map(({ duration, frameRate, keyframes }) => ({ ...sampleInfo(), duration, keyframes, streams: [{ ...VIDEO, frameRate }] })),
    hostile,
  );
  const fields = {
    id: mostly(fc.constantFrom("a", "b", "talk.mp4|1|2"), fc.oneof(fc.string(), hostile)),
    name: mostly(fc.string(), hostile),
    media: mostly(fc.constant(MEDIA), hostile),
    info,
    clips: clipList,
    undo: mostly(fc.oneof(fc.array(clipList, { maxLength: 3 }), fc.array(step, { maxLength: 3 })), hostile),
    redo: mostly(fc.oneof(fc.array(clipList, { maxLength: 3 }), fc.array(step, { maxLength: 3 })), hostile),
    exportMode: mostly(fc.constantFrom("lossless", "smart", "reencode"), fc.oneof(fc.constant("fast"), hostile)),
    droppedTracks: mostly(fc.array(fc.nat(2000), { maxLength: 4 }), hostile),
    audioMix: mostly(fc.record({ on: fc.boolean(), tracks: fc.array(fc.nat(2000), { maxLength: 4 }), gains: fc.dictionary(fc.string(), fc.double()) }), hostile),
    outputContainer: mostly(fc.constantFrom("mp4", "mkv", "mov", "webm"), hostile),
    created: time,
    edited: time,
  };
  const project = fc.oneof(
    { weight: 8, arbitrary: fc.record(fields) },
    { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.anything() },
  );
  /** An own `__proto__` key on every object, as a hostile backup's JSON gives. */
  const protoEverywhere = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(protoEverywhere);
    if (typeof value !== "object" || value === null) return value;
    const entries = Object.entries(value).map(([k, v]) => [k, protoEverywhere(v)]);
    return withOwnProto(Object.fromEntries(entries), { polluted: true, toString: "x" });
  };
  const ids = () => {
    let n = 0;
    return { newId: () => `id-${++n}`, now: 5 };
  };

  it("checkProject never throws, and gives a sound project or a message", () => {
    fc.assert(
      fc.property(project, fc.boolean(), (raw, proto) => {
        const checked = checkProject(proto ? protoEverywhere(raw) : raw, ids());
        if (checked.ok) expectSound(checked.project);
        else expect(checked.error).toMatch(/\S/);
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  /** Numbers JSON cannot write, put in as JSON text reads them (1e999 is Infinity) or not at all (NaN). */
  const literals = mostly(
    fc.constantFrom("1e308", "-1e308", "1e999", "-1e999", "-0", '"1e308"', '"Infinity"', '"__proto__"', "{}", "[]", "null"),
    fc.constantFrom("NaN", "Infinity", "-Infinity"),
  );
  const backupText = fc
    .tuple(
      fc.array(project, { maxLength: 4 }),
      fc.boolean(),
      fc.array(fc.tuple(fc.nat(), literals), { maxLength: 2 }),
      fc.constantFrom("", "\uFEFF"),
    )
    .map(([projects, proto, swaps, bom]) => {
      const data = { format: "clipmark-projects", version: 1, projects };
      let text = JSON.stringify(proto ? protoEverywhere(data) : data);
      // Numbers swapped for the literals, wherever they fall.
      for (const [pick, literal] of swaps) {
        const numbers = [...text.matchAll(/-?\d+(\.\d+)?(e[+-]?\d+)?/gi)];
        const chosen = numbers[pick % Math.max(1, numbers.length)];
        const at = chosen?.index;
        if (chosen && at !== undefined) text = text.slice(0, at) + literal + text.slice(at + chosen[0].length);
      }
      return bom + text;
    });
  const deepText = fc
    .nat(20_000)
    .map((depth) => `{"format":"clipmark-projects","version":1,"projects":[${"[".repeat(depth)}${"]".repeat(depth)}]}`);
  const utf16 = backupText.map((text) => Buffer.from(text, "utf16le").toString("utf8"));

  it("parse never throws, and accounts for every project: restored sound, or left out with why", () => {
    fc.assert(
      fc.property(mostly(backupText, fc.oneof(deepText, utf16, fc.string(), fc.json())), (text) => {
        const result = parse(text, ids());
        if (!result.ok) return void expect(result.error).toMatch(/\S/);
        const { projects, notes, total } = result.value;
        projects.forEach(expectSound);
        expect(new Set(projects.map((p) => p.id)).size).toBe(projects.length);
        expect(projects.length + notes.filter((n) => n.leftOut).length).toBe(total);
        for (const n of notes) expect(n.reasons.length > 0 && n.reasons.every((r) => /\S/.test(r))).toBe(true);
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});
