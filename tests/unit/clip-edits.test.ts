import { describe, expect, it } from "vitest";
import { clipAt, setClipBound, splitClip } from "../../src/core/clip-edits";
import { assignLanes } from "../../src/core/timeline-lanes";
import { snapTime } from "../../src/core/snapping";

const CLIPS = [
  { id: 1, start: 1, end: 3, label: "a" },
  { id: 4, start: 5, end: 8, label: "" },
];

describe("clip edits", () => {
  it("sets one bound in seconds and keeps the rest", () => {
    const edited = setClipBound(CLIPS, 4, "start", 4.04, 10);
    expect(edited).toEqual({ ok: true, value: [CLIPS[0], { id: 4, start: 4.04, end: 8, label: "" }] });
    expect(setClipBound(CLIPS, 1, "end", 9.5, 10)).toMatchObject({ ok: true, value: [{ id: 1, start: 1, end: 9.5 }, CLIPS[1]] });
  });

  it("refuses an edge past the other one or outside the source", () => {
    expect(setClipBound(CLIPS, 1, "start", 3, 10)).toEqual({ ok: false, error: "OUT 00:00:03.000 must be after IN 00:00:03.000" });
    expect(setClipBound(CLIPS, 1, "end", 11, 10).ok).toBe(false);
    expect(setClipBound(CLIPS, 1, "start", -0.04, 10).ok).toBe(false);
    expect(setClipBound(CLIPS, 1, "start", Number.NaN, 10).ok).toBe(false);
    expect(setClipBound(CLIPS, 9, "start", 0, 10)).toEqual({ ok: false, error: "that clip is gone" });
  });

  it("splits a clip in two at a time inside it", () => {
    expect(splitClip(CLIPS, 1, 2)).toEqual({
      ok: true,
      value: [
        { id: 1, start: 1, end: 2, label: "a" },
        { id: 5, start: 2, end: 3, label: "a" },
        CLIPS[1],
      ],
    });
    expect(splitClip(CLIPS, 1, 3).ok).toBe(false);
    expect(splitClip(CLIPS, 1, 1).ok).toBe(false);
  });

  it("finds the clip under a time, the later one where two overlap", () => {
    const overlapping = [...CLIPS, { id: 6, start: 2, end: 6, label: "" }];
    expect(clipAt(overlapping, 2.5)?.id).toBe(6);
    expect(clipAt(CLIPS, 2)?.id).toBe(1);
    expect(clipAt(CLIPS, 4)).toBeUndefined();
  });
});

describe("timeline lanes", () => {
  it("puts overlapping clips on rows of their own and the rest on the first", () => {
    expect(assignLanes([{ start: 0, end: 4 }, { start: 2, end: 6 }, { start: 4, end: 5 }, { start: 3, end: 3.5 }])).toEqual([0, 1, 0, 2]);
    expect(assignLanes([{ start: 5, end: 6 }, { start: 0, end: 1 }, { start: 0.5, end: 5.5 }])).toEqual([0, 0, 1]);
  });
});

describe("snapping", () => {
  it("sticks to the nearest target within the tolerance", () => {
    expect(snapTime(4.98, [2, 5, 5.01], 0.05)).toBe(5);
    expect(snapTime(4.9, [2, 5], 0.05)).toBe(4.9);
    expect(snapTime(4.9, [], 1)).toBe(4.9);
  });
});
