import { describe, expect, it } from "vitest";
import { clamp, FrameQueue, mapChannels, Resampler, type Planes } from "../../src/core/mix-maths";

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

describe("mapChannels", () => {
  it("averages into mono and spreads mono over every channel", () => {
    expect(values(mapChannels(planes([1, 0], [0, 1]), 1))).toEqual([[0.5, 0.5]]);
    expect(values(mapChannels(planes([0.5]), 2))).toEqual([[0.5], [0.5]]);
  });
});

describe("Resampler", () => {
  it("keeps a tone's frequency and length across pieces, with no step at their joins", () => {
    const from = 44_100;
    const to = 48_000;
    const tone = (rate: number, n: number, start = 0) => Float32Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * 1000 * (start + i)) / rate));
    const resampler = new Resampler(from, to);
    const out: number[] = [];
    // Pieces of odd sizes, as a decoder gives.
    for (let start = 0, size = 1000; start < from; start += size, size = size === 1000 ? 1024 : 1000) {
      out.push(...(resampler.push([tone(from, Math.min(size, from - start), start)])[0] as Float32Array));
    }
    expect(Math.abs(out.length - to)).toBeLessThanOrEqual(1);
    const want = tone(to, out.length);
    // Linear interpolation of a 1 kHz tone: within 1% of full scale everywhere.
    expect(Math.max(...out.map((v, i) => Math.abs(v - (want[i] as number))))).toBeLessThan(0.01);
  });

  it("gives the input back at the same rate", () => {
    const same = new Resampler(48_000, 48_000);
    expect(values(same.push(planes([0.1, 0.2])))).toEqual([[0.1, 0.2]]);
    expect(values(same.push(planes([0.3])))).toEqual([[0.3]]);
  });
});
