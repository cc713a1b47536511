import { describe, expect, it } from "vitest";
import { record, redo, startHistory, undo } from "../../src/core/history";

describe("history", () => {
  it("undoes and redoes in order", () => {
    const h = record(record(startHistory("a"), "b"), "c");
    expect(undo(h).present).toBe("b");
    expect(undo(undo(h)).present).toBe("a");
    expect(redo(undo(undo(h))).present).toBe("b");
    expect(redo(redo(undo(undo(h)))).present).toBe("c");
  });

  it("forgets the undone states when a new one is recorded", () => {
    const h = record(undo(record(startHistory(1), 2)), 3);
    expect(h).toEqual({ past: [1], present: 3, future: [] });
  });

  it("does nothing past either end", () => {
    const h = startHistory("only");
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
  });

  it("keeps a bounded past", () => {
    let h = startHistory(0);
    for (let i = 1; i <= 250; i++) h = record(h, i);
    expect(h.past).toHaveLength(200);
    expect(h.past[0]).toBe(50);
  });
});
