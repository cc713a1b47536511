import { describe, expect, it } from "vitest";
import { assignLanes } from "../../src/core/timeline-lanes";
import { snapTime } from "../../src/core/snapping";

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
