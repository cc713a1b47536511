import { describe, expect, it } from "vitest";
import {
  addClip,
  checkRange,
  clipAt,
  clipDuration,
  mergeWithNext,
  moveClip,
  moveClipTo,
  removeClip,
  setClipBound,
  setClipColour,
  setClipLabel,
  setClipTime,
  splitClip,
  totalDuration,
  type Clip,
} from "../../src/core/clips";
import { markIn, markOut, toggleMark } from "../../src/core/marking";

const DURATION = 60;
const ON = { source: "s", duration: DURATION };
const list: Clip[] = [
  { id: 1, source: "s", start: 10, end: 20, label: "" },
  { id: 2, source: "s", start: 2, end: 5, label: "intro" },
  { id: 3, source: "s", start: 15, end: 30, label: "" },
];

describe("clip list", () => {
  it("adds clips in order, allowing overlap and going back in time", () => {
    const added = addClip(list, "s", 1, 3, DURATION);
    expect(added.ok && added.value.map((c) => [c.id, c.start])).toEqual([
      [1, 10],
      [2, 2],
      [3, 15],
      [4, 1],
    ]);
  });

  it("refuses OUT not after IN, or outside the source", () => {
    expect(checkRange(5, 5, DURATION).ok).toBe(false);
    expect(checkRange(-1, 5, DURATION).ok).toBe(false);
    expect(checkRange(5, 61, DURATION).ok).toBe(false);
    expect(addClip(list, "s", 8, 4, DURATION)).toEqual({ ok: false, error: "OUT 00:00:04.000 must be after IN 00:00:08.000" });
  });

  it("edits IN and OUT from typed text in any accepted form", () => {
    const edited = setClipTime(list, 1, "start", "0:12.5", DURATION);
    expect(edited.ok && edited.value[0]).toEqual({ id: 1, source: "s", start: 12.5, end: 20, label: "" });
    const out = setClipTime(list, 2, "end", "00:00:09.000", DURATION);
    expect(out.ok && out.value[1]?.end).toBe(9);
  });

  it("refuses a bad edit with a message and leaves the list alone", () => {
    const copy = structuredClone(list);
    expect(setClipTime(list, 1, "end", "9", DURATION)).toMatchObject({ ok: false });
    expect(setClipTime(list, 1, "end", "soon", DURATION)).toMatchObject({ ok: false });
    expect(setClipTime(list, 1, "end", "2:00", DURATION)).toMatchObject({ ok: false });
    expect(setClipTime(list, 9, "end", "12", DURATION)).toMatchObject({ ok: false });
    expect(list).toEqual(copy);
  });

  it("deletes, labels and reorders", () => {
    expect(removeClip(list, 2).map((c) => c.id)).toEqual([1, 3]);
    expect(setClipLabel(list, 3, "end")[2]?.label).toBe("end");
    expect(moveClip(list, 3, -1).map((c) => c.id)).toEqual([1, 3, 2]);
    expect(moveClip(list, 1, 1).map((c) => c.id)).toEqual([2, 1, 3]);
    expect(moveClip(list, 1, -1).map((c) => c.id)).toEqual([1, 2, 3]);
    expect(moveClip(list, 3, 1).map((c) => c.id)).toEqual([1, 2, 3]);
  });

  it("totals the durations", () => {
    expect(totalDuration(list)).toBe(28);
    expect(totalDuration([])).toBe(0);
  });

  it("times a clip of a video by the frames it stands for, of audio by its seconds", () => {
    // Frames 23 to 163 at 25 fps: 141 frames, 5.64 s, not 6.573 - 0.901 = 5.672 s.
    const clip = { start: 0.901, end: 6.573 };
    expect(clipDuration(clip, { num: 25, den: 1 })).toBeCloseTo(5.64, 9);
    expect(clipDuration(clip)).toBeCloseTo(5.672, 9);
    // Frames 27 to 196 at 30000/1001.
    expect(clipDuration(clip, { num: 30000, den: 1001 })).toBeCloseTo((170 * 1001) / 30000, 9);
    expect(totalDuration([clip, { start: 12.579, end: 15.916 }], { num: 25, den: 1 })).toBeCloseTo(9, 9);
  });
});

describe("marking", () => {
  it("I then O adds a clip and clears the pending IN", () => {
    const done = markOut(markIn(3), [], 7, ON);
    expect(done.ok && done.value).toEqual({ marking: { pendingIn: null }, clips: [{ id: 1, source: "s", start: 3, end: 7, label: "" }] });
  });

  it("O without IN, or before it, is refused", () => {
    expect(markOut({ pendingIn: null }, [], 7, ON).ok).toBe(false);
    expect(markOut(markIn(8), [], 7, ON).ok).toBe(false);
  });

  it("M toggles: IN first, then OUT and add", () => {
    const first = toggleMark({ pendingIn: null }, list, 40, ON);
    expect(first.ok && first.value.marking).toEqual({ pendingIn: 40 });
    const second = first.ok ? toggleMark(first.value.marking, first.value.clips, 45, ON) : first;
    expect(second.ok && second.value.clips.at(-1)).toEqual({ id: 4, source: "s", start: 40, end: 45, label: "" });
  });
});

describe("editing at the playhead", () => {
  it("sets a bound to a time, refusing what would leave OUT not after IN", () => {
    const moved = setClipBound(list, 1, "start", 12, DURATION);
    expect(moved.ok && moved.value[0]).toEqual({ id: 1, source: "s", start: 12, end: 20, label: "" });
    expect(setClipBound(list, 1, "end", 9, DURATION)).toEqual({ ok: false, error: "OUT 00:00:09.000 must be after IN 00:00:10.000" });
    expect(setClipBound(list, 9, "end", 9, DURATION).ok).toBe(false);
  });

  it("finds the clip under the playhead, the selected one first where clips overlap", () => {
    expect(clipAt(list, 16)?.id).toBe(1);
    expect(clipAt(list, 16, 3)?.id).toBe(3);
    expect(clipAt(list, 16, 2)?.id).toBe(1);
    // A boundary belongs to neither side: there is nothing there to split.
    expect(clipAt(list, 20, 1)?.id).toBe(3);
    expect(clipAt(list, 40)).toBeUndefined();
  });

  it("splits a clip in two where it stands in the list, the second part with a new id", () => {
    const split = splitClip(list, 2, 3.5);
    expect(split.ok && split.value).toEqual([
      list[0],
      { id: 2, source: "s", start: 2, end: 3.5, label: "intro" },
      { id: 4, source: "s", start: 3.5, end: 5, label: "intro" },
      list[2],
    ]);
    expect(splitClip(list, 2, 5)).toEqual({ ok: false, error: "00:00:05.000 is not inside clip 2 (00:00:02.000–00:00:05.000)" });
  });

  it("merges a clip with the next where they touch or overlap, and undoes a split", () => {
    const split = splitClip(list, 2, 3.5);
    const merged = split.ok ? mergeWithNext(split.value, 2) : split;
    expect(merged.ok && merged.value).toEqual(list);
    const overlapping = mergeWithNext(list.slice(2).concat(list[0] as Clip), 3);
    expect(overlapping.ok && overlapping.value).toEqual([{ id: 3, source: "s", start: 10, end: 30, label: "" }]);
    expect(mergeWithNext(list, 1)).toEqual({
      ok: false,
      error: "clips 1 and 2 do not meet (00:00:05.000 to 00:00:10.000 lies between them): only clips that touch or overlap merge",
    });
    expect(mergeWithNext(list, 3)).toEqual({ ok: false, error: "clip 3 is the last: there is no next clip to merge it with" });
  });
});

describe("moving a clip to a place", () => {
  it("puts it at that place of the list as it will be, and ignores places past the ends", () => {
    expect(moveClipTo(list, 1, 2).map((c) => c.id)).toEqual([2, 3, 1]);
    expect(moveClipTo(list, 3, 0).map((c) => c.id)).toEqual([3, 1, 2]);
    expect(moveClipTo(list, 2, 1)).toEqual(list);
    expect(moveClipTo(list, 2, 3)).toEqual(list);
    expect(moveClipTo(list, 9, 0)).toEqual(list);
  });
});

describe("colours", () => {
  const coloured: Clip[] = [
    { id: 1, source: "s", start: 10, end: 20, label: "", colour: "red" },
    { id: 2, source: "s", start: 20, end: 25, label: "b", colour: "blue" },
    { id: 3, source: "s", start: 15, end: 30, label: "" },
  ];

  it("gives a clip a colour and takes it away, leaving no field behind; the same colour again changes nothing", () => {
    const green = setClipColour(coloured, 3, "green");
    expect(green[2]).toEqual({ id: 3, source: "s", start: 15, end: 30, label: "", colour: "green" });
    expect(green.slice(0, 2)).toEqual(coloured.slice(0, 2));
    const none = setClipColour(coloured, 1, undefined)[0];
    expect(none).toEqual({ id: 1, source: "s", start: 10, end: 20, label: "" });
    expect(none && "colour" in none).toBe(false);
    const same = setClipColour(coloured, 1, "red");
    expect(same.every((clip, i) => clip === coloured[i])).toBe(true);
    expect(setClipColour(coloured, 9, "red")).toEqual(coloured);
  });

  it("splitting keeps the colour on both parts; merging keeps the first clip's", () => {
    const split = splitClip(coloured, 1, 12);
    expect(split.ok && split.value.slice(0, 2).map((c) => c.colour)).toEqual(["red", "red"]);
    const merged = mergeWithNext(coloured, 1);
    expect(merged.ok && merged.value[0]).toEqual({ id: 1, source: "s", start: 10, end: 25, label: "b", colour: "red" });
    // The first has none: the merged clip has none, not the second's.
    const uncolouredFirst = mergeWithNext([coloured[2] as Clip, coloured[1] as Clip], 3);
    expect(uncolouredFirst.ok && uncolouredFirst.value[0]).toEqual({ id: 3, source: "s", start: 15, end: 30, label: "b" });
  });

  it("moving, retiming and relabelling keep every colour", () => {
    expect(moveClip(coloured, 1, 2).map((c) => [c.id, c.colour])).toEqual([
      [2, "blue"],
      [3, undefined],
      [1, "red"],
    ]);
    expect(moveClipTo(coloured, 3, 0)[1]?.colour).toBe("red");
    const bound = setClipBound(coloured, 2, "end", 22, DURATION);
    expect(bound.ok && bound.value[1]?.colour).toBe("blue");
    const typed = setClipTime(coloured, 1, "start", "11", DURATION);
    expect(typed.ok && typed.value[0]?.colour).toBe("red");
    expect(setClipLabel(coloured, 2, "x")[1]?.colour).toBe("blue");
  });
});
