import { describe, expect, it } from "vitest";
import { Resampler } from "../../src/core/resample";

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
