import { describe, expect, it } from "vitest";
import { Lookahead } from "../../src/core/lookahead";

/** A maker whose items finish only when the test says so, recording what ran when. */
function maker() {
  const started: number[] = [];
  const finish = new Map<number, (value: string) => void>();
  const fail = new Map<number, (error: Error) => void>();
  let running = 0;
  let most = 0;
  const make = (index: number) =>
    new Promise<string>((resolve, reject) => {
      started.push(index);
      most = Math.max(most, ++running);
      finish.set(index, (value) => (running--, resolve(value)));
      fail.set(index, (error) => (running--, reject(error)));
    });
  return { make, started, finish, fail, most: () => most };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("lookahead", () => {
  it("makes items one at a time, in order, at most `ahead` beyond the one taken", async () => {
    const m = maker();
    const queue = new Lookahead(5, 2, m.make);
    const first = queue.take(0);
    await settle();
    expect(m.started).toEqual([0]);
    m.finish.get(0)?.("a");
    expect(await first).toBe("a");
    await settle();
    expect(m.started).toEqual([0, 1]);
    m.finish.get(1)?.("b");
    await settle();
    // Item 2 is made while item 0 is still being used; item 3 waits for the next take.
    expect(m.started).toEqual([0, 1, 2]);
    m.finish.get(2)?.("c");
    await settle();
    expect(m.started).toEqual([0, 1, 2]);
    expect(await queue.take(1)).toBe("b");
    await settle();
    expect(m.started).toEqual([0, 1, 2, 3]);
    expect(await queue.take(2)).toBe("c");
    m.finish.get(3)?.("d");
    await settle();
    expect(m.started).toEqual([0, 1, 2, 3, 4]);
    m.finish.get(4)?.("e");
    expect(await queue.take(3)).toBe("d");
    expect(await queue.take(4)).toBe("e");
    expect(m.most()).toBe(1);
  });

  it("reports a failure when its item is taken, and refuses an item taken twice", async () => {
    const m = maker();
    const queue = new Lookahead(3, 1, m.make);
    const first = queue.take(0);
    await settle();
    m.fail.get(0)?.(new Error("encoder broke"));
    await expect(first).rejects.toThrow("encoder broke");
    await settle();
    // The next item is still made (the caller stops it by its own signal).
    expect(m.started).toEqual([0, 1]);
    await expect(queue.take(0)).rejects.toThrow("taken already");
  });
});
