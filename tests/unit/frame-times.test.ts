import { describe, expect, it } from "vitest";
import { frameAtTime, frameRateLabel, stepFrameTimes, variableFrameTimes } from "../../src/core/frame-times";

// 0, 0.04, 0.12, 0.16, 0.30: steps of 40, 80, 40, 140 ms.
const VFR = [0, 0.04, 0.12, 0.16, 0.3];

describe("variableFrameTimes", () => {
  it("keeps the times of a source whose steps vary, sorted", () => {
    expect(variableFrameTimes([0.04, 0, 0.16, 0.12, 0.3])).toEqual(VFR);
  });

  it("calls a constant rate constant, even on a millisecond clock", () => {
    expect(variableFrameTimes(Array.from({ length: 300 }, (_, i) => i / 25))).toBeNull();
    // 29.97 fps in whole milliseconds: 33, 33, 34 ms.
    expect(variableFrameTimes(Array.from({ length: 300 }, (_, i) => Math.round((i * 1001) / 30) / 1000))).toBeNull();
  });
});

describe("frameRateLabel", () => {
  it("says variable, with the average rate", () => {
    const times = Array.from({ length: 200 }, (_, i) => (i * 99) / 2000 + (i % 2) * 0.01);
    expect(frameRateLabel({ num: 2000, den: 99 }, times)).toBe("variable (about 20 fps)");
  });

  it("says a constant rate as people do, never as a fraction", () => {
    expect(frameRateLabel({ num: 30000, den: 1001 }, undefined)).toBe("29.97 fps");
    expect(frameRateLabel({ num: 24000, den: 1001 }, undefined)).toBe("23.976 fps");
    expect(frameRateLabel({ num: 60000, den: 1001 }, undefined)).toBe("59.94 fps");
    expect(frameRateLabel({ num: 25, den: 2 }, undefined)).toBe("12.5 fps");
    expect(frameRateLabel({ num: 25, den: 1 }, undefined)).toBe("25 fps");
  });
});

describe("stepping by real frame times", () => {
  it("finds the frame on screen and steps to its neighbours' starts", () => {
    expect(frameAtTime(VFR, 0.13)).toBe(2);
    expect(frameAtTime(VFR, 0.12)).toBe(2);
    expect(stepFrameTimes(VFR, 0.13, 1)).toBe(0.16);
    expect(stepFrameTimes(VFR, 0.16, 1)).toBe(0.3);
    expect(stepFrameTimes(VFR, 0.16, -1)).toBe(0.12);
    expect(stepFrameTimes(VFR, 0.04, -1)).toBe(0);
  });

  it("stops at the first and last frame", () => {
    expect(stepFrameTimes(VFR, 0, -1)).toBe(0);
    expect(stepFrameTimes(VFR, 0.3, 1)).toBe(0.3);
  });
});
