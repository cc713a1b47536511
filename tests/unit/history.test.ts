import { describe, expect, it } from "vitest";
import { apply, fits, record, recordBurst, redo, startHistory, stepBetween, STEP_BUDGET, undo, type Burst, type History } from "../../src/core/history";

describe("history", () => {
  it("undoes and redoes in order", () => {
    const h = record(record(startHistory(["a"]), ["a", "b"]), ["c", "b"]);
    expect(undo(h).present).toEqual(["a", "b"]);
    expect(undo(undo(h)).present).toEqual(["a"]);
    expect(redo(undo(undo(h))).present).toEqual(["a", "b"]);
    expect(redo(redo(undo(undo(h)))).present).toEqual(["c", "b"]);
  });

  it("forgets the undone steps when a new one is recorded", () => {
    const h = record(undo(record(startHistory([1]), [1, 2])), [3]);
    expect(h).toEqual({ past: [{ at: 0, removed: [1], inserted: [3] }], present: [3], future: [] });
  });

  it("does nothing past either end, and records no step for no change", () => {
    const h = startHistory(["only"]);
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
    expect(record(h, ["only"])).toBe(h);
  });

  it("records a change beside the list as a step, even when the list is unchanged, and carries it through undo and redo", () => {
    const moved = { at: 0, removed: ["x", "y"], inserted: ["y", "x"] };
    const h = record(startHistory<number, string>([1]), [1], moved);
    expect(h.past).toEqual([{ at: 1, removed: [], inserted: [], beside: moved }]);
    expect(undo(h).future[0]?.beside).toBe(moved);
    expect(redo(undo(h)).past[0]?.beside).toBe(moved);
    // Nothing changed beside, nothing in the list: no step.
    expect(record(h, [1], { at: 0, removed: [], inserted: [] })).toBe(h);
  });

  it("keeps a bounded past", () => {
    let h = startHistory([0]);
    for (let i = 1; i <= 250; i++) h = record(h, [i]);
    expect(h.past).toHaveLength(200);
    expect(h.past[0]).toEqual({ at: 0, removed: [50], inserted: [51] });
  });

  it("keeps no more items in its steps than its budget, but always the newest step", () => {
    const big = Array.from({ length: STEP_BUDGET / 4 + 1 }, (_, i) => i);
    let h = startHistory<number>([]);
    for (let i = 0; i < 5; i++) h = record(h, i % 2 === 0 ? big : []);
    // Each step holds over a quarter of the budget: the newest three fit, not a fourth.
    expect(h.past).toHaveLength(3);
    const huge = Array.from({ length: STEP_BUDGET + 1 }, (_, i) => -i);
    expect(record(h, huge).past).toHaveLength(1);
  });

  it("stores an edit of one item of a long list as that item alone", () => {
    const list = Array.from({ length: 10_000 }, (_, i) => ({ n: i }));
    const edited = list.map((item) => (item.n === 5_000 ? { n: -1 } : item));
    const h = record(startHistory(list), edited);
    expect(h.past).toEqual([{ at: 5_000, removed: [{ n: 5_000 }], inserted: [{ n: -1 }] }]);
    expect(undo(h).present).toEqual(list);
  });

  it("finds the one changed stretch between two lists", () => {
    expect(stepBetween([1, 2, 3, 4], [1, 3, 2, 4])).toEqual({ at: 1, removed: [2, 3], inserted: [3, 2] });
    expect(stepBetween([1, 2, 3], [1, 2, 3, 9])).toEqual({ at: 3, removed: [], inserted: [9] });
    expect(stepBetween([1, 1, 1], [1, 1])).toEqual({ at: 2, removed: [1], inserted: [] });
    expect(stepBetween([], [])).toEqual({ at: 0, removed: [], inserted: [] });
  });

  it("makes and unmakes a step, and tells whether it fits a list", () => {
    const step = { at: 1, removed: ["b"], inserted: ["x", "y"] };
    expect(apply(["a", "b", "c"], step, "forward")).toEqual(["a", "x", "y", "c"]);
    expect(apply(["a", "x", "y", "c"], step, "backward")).toEqual(["a", "b", "c"]);
    const same = (a: string, b: string) => a === b;
    expect(fits(["a", "b", "c"], step, "forward", same)).toBe(true);
    expect(fits(["a", "x", "y", "c"], step, "backward", same)).toBe(true);
    expect(fits(["a", "c", "b"], step, "forward", same)).toBe(false);
    expect(fits(["a", "x"], step, "backward", same)).toBe(false);
    expect(fits(["a", "b"], { ...step, at: -1 }, "forward", same)).toBe(false);
  });
});

describe("bursts of edits to one thing", () => {
  /** Edits `values` into the list's only item, the n-th at `times[n]` ms, all under `key`. */
  function nudge(values: number[], times: number[], keys: string[] = values.map(() => "1 end")) {
    let h: History<number> = startHistory([0]);
    let burst: Burst<number> | null = null;
    values.forEach((value, i) => {
      ({ history: h, burst } = recordBurst(h, [value], burst, keys[i] as string, times[i] as number));
    });
    return h;
  }

  it("undoes five nudges within a second of each other as one step", () => {
    const h = nudge([1, 2, 3, 4, 5], [0, 400, 800, 1200, 1600]);
    expect(h.past).toEqual([{ at: 0, removed: [0], inserted: [5] }]);
    expect(undo(h).present).toEqual([0]);
    expect(redo(undo(h)).present).toEqual([5]);
  });

  it("keeps nudges more than a second apart as steps of their own", () => {
    const h = nudge([1, 2, 3], [0, 1001, 2500]);
    expect(h.past).toHaveLength(3);
    expect(undo(h).present).toEqual([2]);
  });

  it("keeps nudges of another thing apart", () => {
    expect(nudge([1, 2], [0, 10], ["1 end", "1 start"]).past).toHaveLength(2);
  });

  it("starts a new step after any other change, an undo included", () => {
    let h: History<number> = startHistory([0]);
    let burst: Burst<number> | null = null;
    ({ history: h, burst } = recordBurst(h, [1], burst, "k", 0));
    h = record(h, [7]);
    ({ history: h, burst } = recordBurst(h, [8], burst, "k", 10));
    expect(h.past).toHaveLength(3);
    h = undo(h);
    ({ history: h } = recordBurst(h, [9], burst, "k", 20));
    expect(h.past).toHaveLength(3);
    expect(undo(h).present).toEqual([7]);
  });

  it("leaves no step when a burst comes back to where it began", () => {
    expect(nudge([1, 0], [0, 10]).past).toEqual([]);
  });
});
