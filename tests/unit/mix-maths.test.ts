import { describe, expect, it } from "vitest";
import { clamp, FrameQueue, type Planes } from "../../src/core/mix-maths";

const planes = (...channels: number[][]): Planes => channels.map((c) => Float32Array.from(c));
const values = (p: Planes) => p.map((c) => [...c].map((v) => Math.round(v * 1e4) / 1e4));

describe("FrameQueue", () => {
  it("adds each track sample for sample, whatever the pieces they came in, scaled by its gain", () => {
    const a = new FrameQueue();
    a.push(planes([0.1, 0.2, 0.3]));
    a.push(planes([0.4, 0.5]));
    const b = new FrameQueue();
    b.push(planes([1], [2]));
    b.push(planes([1, 1, 1, 1], [2, 2, 2, 2]));
    const out = planes([0, 0, 0, 0], [0, 0, 0, 0]);
    expect(a.addInto(out, 4, 1)).toBe(4);
    expect(b.addInto(out, 4, 0.5)).toBe(4);
    // Mono goes to both channels.
    expect(values(out)).toEqual([
      [0.6, 0.7, 0.8, 0.9],
      [1.1, 1.2, 1.3, 1.4],
    ]);
    expect(a.length).toBe(1);
    const rest = planes([0, 0], [0, 0]);
    expect(a.addInto(rest, 2, 2)).toBe(1);
    expect(values(rest)).toEqual([
      [1, 0],
      [1, 0],
    ]);
  });
});

describe("clamp", () => {
  it("keeps a sum within full scale", () => {
    expect(values(clamp(planes([1.5, -2, 0.25])))).toEqual([[1, -1, 0.25]]);
  });
});
