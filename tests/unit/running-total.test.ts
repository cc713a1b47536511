import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runningTotal } from "../../src/core/running-total";

interface Item {
  n: number;
}

describe("runningTotal", () => {
  it("equals the sum of the list after any run of edits, measuring only what changed", () => {
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 5, maxLength: 40 }), fc.array(edit, { maxLength: 30 }), (start, edits) => {
        let measured = 0;
        const total = runningTotal((item: Item) => {
          measured++;
          return item.n;
        });
        let list = start.map((n) => ({ n }));
        expect(total(list)).toBe(start.reduce((a, b) => a + b, 0));
        for (const [at, removed, inserted] of edits) {
          const place = at % (list.length + 1);
          list = [...list.slice(0, place), ...inserted.map((n) => ({ n })), ...list.slice(place + removed)];
          measured = 0;
          expect(total(list)).toBe(list.reduce((sum, item) => sum + item.n, 0));
          // At most what left and what came: never the whole list again (unless the edit replaced it all).
          expect(measured).toBeLessThanOrEqual(Math.max(removed + inserted.length, list.length === inserted.length ? list.length : 0));
        }
      }),
    );
  });

  it("measures a list handed again not at all", () => {
    let measured = 0;
    const total = runningTotal((item: Item) => (measured++, item.n));
    const list = [{ n: 1 }, { n: 2 }];
    total(list);
    measured = 0;
    expect(total(list)).toBe(3);
    expect(measured).toBe(0);
  });
});
