import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Span } from "../../src/core/clips";
import { assignLanes, MAX_LANES, sameTimes, type Lanes } from "../../src/core/timeline-lanes";
import { coverageRuns, layoutClips } from "../../src/core/timeline-layout";
import { snapTime } from "../../src/core/snapping";

/** First fit checked against every span already placed: the definition, quadratic. */
function firstFit(spans: readonly Span[]): number[] {
  const rows: Span[][] = [];
  return spans.map((span) => {
    const free = rows.findIndex((row) => row.every((other) => other.end <= span.start || other.start >= span.end));
    const lane = free >= 0 ? free : Math.min(rows.length, MAX_LANES - 1);
    if (free >= 0 || rows.length < MAX_LANES) (rows[lane] ??= []).push(span);
    return lane;
  });
}

// Quarter seconds, so edges often touch; spread wide (few overlaps) or packed (past the last row).
const spanWithin = (last: number) =>
  fc.tuple(fc.integer({ min: 0, max: last }), fc.integer({ min: 1, max: 60 })).map(([start, length]) => ({ start: start / 4, end: (start + length) / 4 }));
const spanLists = fc.oneof(fc.array(spanWithin(400), { maxLength: 80 }), fc.array(spanWithin(40), { maxLength: 80 }));

const rowsOf = (list: readonly Span[]): number[] => [...assignLanes(list).rows];

describe("timeline lanes", () => {
  it("puts overlapping clips on rows of their own and the rest on the first", () => {
    expect(rowsOf([{ start: 0, end: 4 }, { start: 2, end: 6 }, { start: 4, end: 5 }, { start: 3, end: 3.5 }])).toEqual([0, 1, 0, 2]);
    expect(rowsOf([{ start: 5, end: 6 }, { start: 0, end: 1 }, { start: 0.5, end: 5.5 }])).toEqual([0, 0, 1]);
  });

  it("gives what first fit against every placed span gives, for lists in any order, and counts the rows used", () => {
    fc.assert(
      fc.property(spanLists, (list) => {
        const lanes = assignLanes(list);
        const expected = firstFit(list);
        expect([...lanes.rows]).toEqual(expected);
        expect(lanes.count).toBe(Math.max(1, ...expected.map((lane) => lane + 1)));
      }),
    );
  });

  it("stops at the last row: clips overlapping every row are drawn over it", () => {
    const stacked = Array.from({ length: MAX_LANES + 3 }, () => ({ start: 0, end: 1 }));
    expect(rowsOf(stacked)).toEqual([...Array.from({ length: MAX_LANES }, (_, i) => i), MAX_LANES - 1, MAX_LANES - 1, MAX_LANES - 1]);
    // The last row still takes a clip that fits it.
    expect(rowsOf([...stacked, { start: 1, end: 2 }]).at(-1)).toBe(0);
    expect(assignLanes(stacked).count).toBe(MAX_LANES);
  });

  it("places 100,000 clips in time order, all on the first row", () => {
    const spans = Array.from({ length: 100_000 }, (_, i) => ({ start: i * 0.03, end: i * 0.03 + 0.02 }));
    const lanes = assignLanes(spans);
    expect(new Set(lanes.rows)).toEqual(new Set([0]));
    expect(lanes).toMatchObject({ count: 1, ordered: true });
    expect(assignLanes([{ start: 0, end: 2 }, { start: 1, end: 3 }]).ordered).toBe(false);
  });
});

describe("timeline layout", () => {
  const spans = Array.from({ length: 1000 }, (_, i) => ({ start: i, end: i + 0.5 }));

  it("draws every clip in view as a region while there are few", () => {
    const layout = layoutClips(spans, assignLanes(spans), { start: 10, span: 20 });
    expect(layout).toEqual({ regions: Array.from({ length: 20 }, (_, i) => 10 + i), inView: 20, dense: false });
    // A clip reaching into the view from its left counts; one ending at the view's start does not.
    const overlapping = [{ start: 0, end: 10.5 }, { start: 0, end: 10 }];
    expect(layoutClips(overlapping, assignLanes(overlapping), { start: 10, span: 5 }).regions).toEqual([0]);
  });

  it("past the limit draws only the kept clips that are in view", () => {
    const layout = layoutClips(spans, assignLanes(spans), { start: 0, span: 1000 }, [500, 3, 500], 100);
    expect(layout).toEqual({ regions: [3, 500], inView: 1000, dense: true });
    expect(layoutClips(spans, assignLanes(spans), { start: 0, span: 200 }, [500, 3], 100).regions).toEqual([3]);
  });

  it("covers each clip's columns, at least one, merged into runs per lane", () => {
    const list = [{ start: 0, end: 2 }, { start: 2, end: 3 }, { start: 5.01, end: 5.02 }, { start: 1, end: 4 }, { start: 20, end: 30 }];
    const lanes: Lanes = { rows: Uint8Array.from([0, 0, 0, 1, 0]), count: 2, ordered: false };
    const runs = coverageRuns(list, lanes, { start: 0, span: 10 }, 10);
    expect(runs).toEqual([
      { lane: 0, from: 0, to: 3 },
      { lane: 0, from: 5, to: 6 },
      { lane: 1, from: 1, to: 4 },
    ]);
    expect(coverageRuns(spans, assignLanes(spans), { start: 0, span: 1000 }, 0)).toEqual([]);
  });

  // A list in time order: quarter-second gaps and lengths, so edges touch and views cut clips.
  const ordered = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 })), { maxLength: 120 })
    .map((steps) => {
      let at = 0;
      return steps.map(([gap, length]) => {
        const span = { start: (at + gap) / 4, end: (at + gap + length) / 4 };
        at += gap + length;
        return span;
      });
    });
  const view = fc.tuple(fc.integer({ min: -20, max: 400 }), fc.integer({ min: 1, max: 400 })).map(([start, span]) => ({ start: start / 4, span: span / 4 }));
  const walked = (lanes: Lanes): Lanes => ({ ...lanes, ordered: false });

  it("finds the clips in view of a list in time order by bisection, as walking the whole list finds them", () => {
    fc.assert(
      fc.property(ordered, view, fc.integer({ min: 1, max: 30 }), (list, at, most) => {
        const lanes = assignLanes(list);
        expect(lanes.ordered).toBe(true);
        expect(layoutClips(list, lanes, at, [0, 5], most)).toEqual(layoutClips(list, walked(lanes), at, [0, 5], most));
        expect(coverageRuns(list, lanes, at, 37)).toEqual(coverageRuns(list, walked(lanes), at, 37));
      }),
    );
  });

  it("marks no column past a clip's end that falls exactly on a column's edge (0.75 to 22.75 s, 50 columns: 11 s is column 25's start)", () => {
    const list = [{ start: 9.5, end: 11.75 }];
    const runs = coverageRuns(list, assignLanes(list), { start: 0.75, span: 22 }, 50);
    expect(runs.map((r) => [r.from, r.to])).toEqual([[19, 25]]);
  });

  it("covers exactly the columns each clip in view reaches, lane by lane", () => {
    // The definition: a column is covered when a clip on its lane reaches into it (at least its first column).
    function columnsCovered(list: readonly Span[], lanes: Lanes, at: { start: number; span: number }, columns: number): string[] {
      const covered = new Set<string>();
      list.forEach((span, place) => {
        if (span.end <= at.start || span.start >= at.start + at.span) return;
        const from = Math.max(0, Math.floor(((span.start - at.start) * columns) / at.span));
        const to = Math.min(columns, Math.max(from + 1, Math.ceil(((span.end - at.start) * columns) / at.span)));
        for (let x = from; x < to; x++) covered.add(`${lanes.rows[place]}:${x}`);
      });
      return [...covered].sort();
    }
    fc.assert(
      fc.property(spanLists, view, (list, at) => {
        const lanes = assignLanes(list);
        const runs = coverageRuns(list, lanes, at, 50);
        const painted = runs.flatMap((run) => Array.from({ length: run.to - run.from }, (_, i) => `${run.lane}:${run.from + i}`));
        expect(painted.sort()).toEqual(columnsCovered(list, lanes, at, 50));
        // Runs are merged: none touches the next on its lane.
        runs.forEach((run, i) => expect(runs[i + 1]?.lane === run.lane && runs[i + 1]?.from === run.to).toBe(false));
      }),
    );
  });
});

describe("sameTimes", () => {
  it("sees a label or colour change as no change of times, and any moved edge, added or removed span as one", () => {
    const list: Span[] = [{ start: 0, end: 1 }, { start: 2, end: 3 }];
    expect(sameTimes(list, [list[0] as Span, { ...(list[1] as Span), label: "relabelled" } as Span])).toBe(true);
    expect(sameTimes(list, [list[0] as Span, { start: 2, end: 3.04 }])).toBe(false);
    expect(sameTimes(list, [{ start: 0.04, end: 1 }, list[1] as Span])).toBe(false);
    expect(sameTimes(list, [list[1] as Span, list[0] as Span])).toBe(false);
    expect(sameTimes(list, list.slice(1))).toBe(false);
  });
});

describe("snapping", () => {
  it("sticks to the nearest target within the tolerance", () => {
    expect(snapTime(4.98, [2, 5, 5.01], 0.05)).toBe(5);
    expect(snapTime(4.9, [2, 5], 0.05)).toBe(4.9);
    expect(snapTime(4.9, [], 1)).toBe(4.9);
  });
});
