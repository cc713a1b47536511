import { describe, expect, it } from "vitest";
import { gridCount, gridFrames, soundFrames } from "../../src/core/frame-grid";
import { letterbox } from "../../src/core/letterbox";

const at = (fps: number, count: number, from = 0) => Array.from({ length: count }, (_, i) => (from + i) / fps);

describe("letterbox", () => {
  it("fits a wider picture with bars above and below, a taller one with bars beside, never stretched", () => {
    expect(letterbox({ width: 640, height: 360 }, { width: 320, height: 240 })).toEqual({ x: 0, y: 30, width: 320, height: 180 });
    expect(letterbox({ width: 1080, height: 1920 }, { width: 1920, height: 1080 })).toEqual({ x: 656, y: 0, width: 608, height: 1080 });
  });

  it("fills the frame exactly when the aspect ratio is the same, whatever the size", () => {
    expect(letterbox({ width: 3840, height: 2160 }, { width: 1920, height: 1080 })).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    expect(letterbox({ width: 160, height: 120 }, { width: 320, height: 240 })).toEqual({ x: 0, y: 0, width: 320, height: 240 });
  });
});

describe("the output's frame grid", () => {
  it("shows every frame once when the source has the output's rate", () => {
    expect(gridFrames(at(25, 100), 2, 1 / 25, 25)).toEqual(Array.from({ length: 25 }, (_, i) => 50 + i));
  });

  it("takes every other frame of a source twice as fast, and repeats each of one half as fast", () => {
    expect(gridFrames(at(50, 300), 1, 1 / 25, 5)).toEqual([50, 52, 54, 56, 58]);
    expect(gridFrames(at(12.5, 100), 12 / 12.5, 1 / 25, 6)).toEqual([12, 12, 13, 13, 14, 14]);
  });

  it("shows the nearest earlier frame at rates that do not divide, and never goes back", () => {
    // 30 fps on a 25 fps grid: slot k is at k/25 s, frame floor(k·30/25).
    const shown = gridFrames(at(30, 300), 0, 1 / 25, 50);
    expect(shown).toEqual(Array.from({ length: 50 }, (_, k) => Math.floor((k * 30) / 25 + 1e-9)));
    expect(shown.every((f, i) => i === 0 || f > (shown[i - 1] as number))).toBe(true);
  });

  it("holds the last frame where the source's frames end early, and counts a clip's frames on the grid", () => {
    expect(gridFrames(at(25, 3), 0, 1 / 25, 5)).toEqual([0, 1, 2, 2, 2]);
    expect(gridCount({ start: 1, end: 2 }, 1 / 25)).toBe(25);
    expect(gridCount({ start: 2, end: 1 }, 1 / 25)).toBe(0);
  });
});

describe("silence for a clip without sound", () => {
  it("is exactly the clip's length at the output's rate, and clips end to end add up with no drift", () => {
    expect(soundFrames(0, 1, 48_000)).toBe(48_000);
    const bounds = [0, 2.4, 3.44, 4.44, 7.01];
    const pieces = bounds.slice(1).map((end, i) => soundFrames(bounds[i] as number, end, 44_100));
    expect(pieces.reduce((a, b) => a + b, 0)).toBe(Math.round(7.01 * 44_100));
    expect(soundFrames(3, 3, 48_000)).toBe(0);
  });
});
