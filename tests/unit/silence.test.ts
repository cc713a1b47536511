import { describe, expect, it } from "vitest";
import { gapsToShow, partsBetween, withoutGaps } from "../../src/core/gaps";
import { addLevels, findPauses, levelsOf } from "../../src/core/silence";

const Q = -60; // quiet
const S = -10; // sound
/** Levels at 10 windows a second. */
const tenths = (...db: number[]) => ({ perSecond: 10, db });

describe("findPauses", () => {
  it("finds a pause between sounds, its start and end on the window edges", () => {
    expect(findPauses(tenths(S, S, Q, Q, Q, Q, Q, Q, S, S), -40, 0.5, 1)).toEqual([{ start: 0.2, end: 0.8 }]);
  });

  it("keeps a pause at the start and one that runs to the end, clamped to the duration", () => {
    expect(findPauses(tenths(Q, Q, Q, Q, Q, S, S, Q, Q, Q, Q, Q, Q), -40, 0.5, 1.25)).toEqual([
      { start: 0, end: 0.5 },
      { start: 0.7, end: 1.25 },
    ]);
  });

  it("leaves out a pause shorter than the minimum length, and keeps one exactly as long", () => {
    expect(findPauses(tenths(S, Q, Q, Q, Q, S, Q, Q, Q, Q, Q, S), -40, 0.5, 1.2)).toEqual([{ start: 0.6, end: 1.1 }]);
  });

  it("counts a window exactly at the threshold as sound", () => {
    expect(findPauses(tenths(Q, Q, -40, Q, Q), -40, 0.2, 0.5)).toEqual([
      { start: 0, end: 0.2 },
      { start: 0.3, end: 0.5 },
    ]);
    expect(findPauses(tenths(Q, Q, -40.01, Q, Q), -40, 0.2, 0.5)).toEqual([{ start: 0, end: 0.5 }]);
  });

  it("finds nothing in sound alone, and the whole source in silence alone (digital zero too)", () => {
    expect(findPauses(tenths(S, S, S), -40, 0, 0.3)).toEqual([]);
    expect(findPauses(tenths(-Infinity, -Infinity), -40, 0.1, 0.2)).toEqual([{ start: 0, end: 0.2 }]);
    expect(findPauses(tenths(), -40, 0.1, 0)).toEqual([]);
  });
});

describe("addLevels and levelsOf", () => {
  it("gives each 5 ms window its loudest sample over all channels in dBFS, from the sound's start", () => {
    // 1 kHz: 5 samples a window; the sound starts 5 ms in, so its samples fill windows 1 and 2.
    const left = new Float32Array([0, 0.5, 0, 0, 0, 0, 0, 0, 0, 0]);
    const right = new Float32Array([0, 0, 0, 0, 0, 0, 0, -1, 0, 0]);
    const peaks = new Float32Array(4);
    addLevels(peaks, [left, right], 1000, 0.005);
    const { perSecond, db } = levelsOf(peaks);
    expect(perSecond).toBe(200);
    expect(db[0]).toBe(-Infinity);
    expect(db[1]).toBeCloseTo(-6.02, 2);
    expect(db[2]).toBe(0);
    expect(db[3]).toBe(-Infinity);
  });
});

describe("partsBetween and withoutGaps", () => {
  const pauses = [
    { start: 0, end: 1 },
    { start: 3, end: 4 },
    { start: 6, end: 8 },
  ];

  it("gives the parts between the pauses", () => {
    expect(partsBetween(pauses, 8)).toEqual([
      { start: 1, end: 3 },
      { start: 4, end: 6 },
    ]);
    expect(partsBetween([], 5)).toEqual([{ start: 0, end: 5 }]);
  });

  it("cuts the pauses out of one clip, keeping its pieces with sound", () => {
    expect(withoutGaps({ start: 2, end: 7 }, pauses)).toEqual([
      { start: 2, end: 3 },
      { start: 4, end: 6 },
    ]);
    expect(withoutGaps({ start: 3.2, end: 3.8 }, pauses)).toEqual([]);
    expect(withoutGaps({ start: 1, end: 3 }, pauses)).toEqual([{ start: 1, end: 3 }]);
  });
});

describe("gapsToShow", () => {
  it("joins gaps closer than a column and keeps the rest as found", () => {
    const gaps = [{ start: 1, end: 2 }, { start: 2.05, end: 3 }, { start: 10, end: 11 }];
    // 100 s on 100 columns: a column is a second; the first two are 0.05 s apart.
    expect(gapsToShow(gaps, 100, 100)).toEqual([{ start: 1, end: 3 }, { start: 10, end: 11 }]);
    expect(gapsToShow(gaps, 100, 10_000)).toEqual(gaps);
  });

  it("draws any number of gaps as at most one mark a column", () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({ start: i * 1.8, end: i * 1.8 + 0.5 }));
    const shown = gapsToShow(many, 36_000, 300);
    expect(shown.length).toBeLessThanOrEqual(300);
    expect(shown[0]?.start).toBe(0);
    expect(shown.at(-1)?.end).toBe(many.at(-1)?.end);
  });
});
