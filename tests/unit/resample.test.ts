import { describe, expect, it } from "vitest";
import { mapChannels, Resampler, type Planes } from "../../src/core/resample";

const ramp = (from: number, count: number) => Float32Array.from({ length: count }, (_, i) => from + i);

describe("Resampler", () => {
  it("keeps a straight line straight, block after block, with no seam between blocks", () => {
    // 44.1 kHz to 48 kHz: a ramp of input frame numbers comes out as each output frame's input instant.
    const r = new Resampler(44_100, 48_000, 1);
    const out = [r.push([ramp(0, 441)]), r.push([ramp(441, 441)]), r.push([ramp(882, 441)])].flatMap((p) => [...(p[0] as Float32Array)]);
    out.forEach((v, j) => expect(v).toBeCloseTo((j * 44_100) / 48_000, 3));
    expect(out.length).toBeGreaterThanOrEqual(Math.floor((1322 * 48_000) / 44_100));
  });

  it("gives n·to/from frames for n input frames, however the blocks fall", () => {
    const r = new Resampler(48_000, 32_000, 2);
    let total = 0;
    for (const size of [1000, 7, 3333, 1, 2659]) total += (r.push([new Float32Array(size), new Float32Array(size)])[0] as Float32Array).length;
    // 7000 frames at 48 kHz are 4666.7 at 32 kHz: every one whose neighbours have come.
    expect(total).toBe(4666);
  });

  it("sends mono to both channels and averages stereo to mono", () => {
    const [left, right] = new Resampler(8000, 8000, 2).push([Float32Array.of(0.5, 0.25)]);
    expect([...(left as Float32Array)]).toEqual([0.5]);
    expect([...(right as Float32Array)]).toEqual([0.5]);
    const [mono] = new Resampler(8000, 8000, 1).push([Float32Array.of(1, 1), Float32Array.of(0, 0)]);
    expect([...(mono as Float32Array)]).toEqual([0.5]);
  });
});

const planes = (...channels: number[][]): Planes => channels.map((c) => Float32Array.from(c));
const values = (p: Planes) => p.map((c) => [...c].map((v) => Math.round(v * 1e4) / 1e4));

describe("mapChannels", () => {
  it("averages into mono and spreads mono over every channel", () => {
    expect(values(mapChannels(planes([1, 0], [0, 1]), 1))).toEqual([[0.5, 0.5]]);
    expect(values(mapChannels(planes([0.5]), 2))).toEqual([[0.5], [0.5]]);
  });
});

describe("Resampler, in pieces", () => {
  it("keeps a tone's frequency and length across pieces, with no step at their joins", () => {
    const from = 44_100;
    const to = 48_000;
    const tone = (rate: number, n: number, start = 0) => Float32Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * 1000 * (start + i)) / rate));
    const resampler = new Resampler(from, to, 1);
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

  it("gives the input back at the same rate, each block's last frame with the next block", () => {
    const same = new Resampler(48_000, 48_000, 1);
    expect(values(same.push(planes([0.1, 0.2])))).toEqual([[0.1]]);
    expect(values(same.push(planes([0.3])))).toEqual([[0.2]]);
  });
});

describe("Resampler, blocks of any size", () => {
  it("gives a finite frame for every one due, whatever sizes the decoder's blocks come in (1, 2, 3 … frames), and never drifts", () => {
    for (const [from, to] of [
      [44_100, 48_000],
      [48_000, 44_100],
      [32_000, 48_000],
    ] as const) {
      const r = new Resampler(from, to, 2);
      let taken = 0;
      let given = 0;
      for (let k = 0; k < 3000; k++) {
        const n = [1, 2, 3, 1024, 960, 17, 4096][k % 7] as number;
        const out = r.push([Float32Array.from({ length: n }, (_, i) => Math.sin(taken + i))]);
        taken += n;
        given += out[0]?.length ?? 0;
        expect(out.every((plane) => plane.every((v) => Number.isFinite(v))), `block ${k} of ${n} frames, ${from} → ${to}`).toBe(true);
      }
      // Every output frame whose right-hand input neighbour has come, and no more.
      expect(Math.abs(given - ((taken - 1) * to) / from)).toBeLessThanOrEqual(1);
    }
  });
});
