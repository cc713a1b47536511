import { describe, expect, it } from "vitest";
import { frameIndexAt, frameStart, framesBetween, snapToFrame, stepFrames } from "../../src/core/frames";
import { formatRational, parseRational, rationalValue } from "../../src/core/rational";

const PAL = { num: 25, den: 1 };
const NTSC = { num: 30000, den: 1001 };

describe("frames", () => {
  it("finds the frame on screen, even for times a hair below its start", () => {
    expect(frameIndexAt(0.12, PAL)).toBe(3);
    expect(frameIndexAt(3 / 25, PAL)).toBe(3);
    expect(frameIndexAt(0.1599, PAL)).toBe(3);
    expect(frameIndexAt(frameStart(7, NTSC), NTSC)).toBe(7);
  });

  it("snaps a mark to the start of the frame shown", () => {
    expect(snapToFrame(2.1357, PAL)).toBeCloseTo(2.12, 9);
  });

  it("steps by frames and stops at zero", () => {
    expect(stepFrames(1, 3, PAL)).toBeCloseTo(1.12, 9);
    expect(stepFrames(0.04, -5, PAL)).toBe(0);
    expect(stepFrames(frameStart(10, NTSC), -1, NTSC)).toBeCloseTo(frameStart(9, NTSC), 9);
  });

  it("counts the frames that start in [from, to)", () => {
    expect(framesBetween(4, 6.32, PAL)).toBe(58);
    expect(framesBetween(4.12, 6.32, PAL)).toBe(55);
    expect(framesBetween(1.1, 2.4, PAL)).toBe(32);
    expect(framesBetween(5, 5, PAL)).toBe(0);
    expect(framesBetween(6, 5, PAL)).toBe(0);
  });
});

describe("rational", () => {
  it("reads ffprobe's frame rates", () => {
    expect(parseRational("30000/1001")).toEqual({ ok: true, value: NTSC });
    expect(parseRational("25")).toEqual({ ok: true, value: { num: 25, den: 1 } });
    expect(parseRational("0/0").ok).toBe(false);
    expect(parseRational("fast").ok).toBe(false);
  });

  it("gives the value and writes it back", () => {
    expect(rationalValue(NTSC)).toBeCloseTo(29.97, 2);
    expect(formatRational(NTSC)).toBe("30000/1001");
    expect(formatRational(PAL)).toBe("25");
  });
});
