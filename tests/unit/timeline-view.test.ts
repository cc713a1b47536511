import { describe, expect, it } from "vitest";
import {
  clampView,
  fitView,
  followTime,
  fractionAt,
  isZoomed,
  minSpan,
  rulerMarks,
  scrollView,
  timeAt,
  visibleKeyframes,
  zoomView,
} from "../../src/core/timeline-view";

const FRAME = 1 / 25;
const DURATION = 1200;

describe("timeline view", () => {
  it("fits the whole source", () => {
    expect(fitView(DURATION)).toEqual({ start: 0, span: DURATION });
    expect(isZoomed(fitView(DURATION), DURATION)).toBe(false);
  });

  it("zooms in around the anchor, which stays where it was on screen", () => {
    const view = zoomView(fitView(DURATION), 4, 600, DURATION, FRAME);
    expect(view.span).toBe(300);
    expect(fractionAt(view, 600)).toBeCloseTo(0.5, 12);
    const edge = zoomView(fitView(DURATION), 2, 300, DURATION, FRAME);
    expect(fractionAt(edge, 300)).toBeCloseTo(0.25, 12);
  });

  it("zooms in as far as a few frames and out as far as the whole file", () => {
    let view = fitView(DURATION);
    for (let i = 0; i < 100; i++) view = zoomView(view, 1.5, 100, DURATION, FRAME);
    expect(view.span).toBeCloseTo(minSpan(DURATION, FRAME), 12);
    expect(view.span / FRAME).toBeCloseTo(12, 9);
    for (let i = 0; i < 100; i++) view = zoomView(view, 1 / 1.5, 100, DURATION, FRAME);
    expect(view).toEqual(fitView(DURATION));
  });

  it("never shows before the start or after the end", () => {
    expect(clampView({ start: -5, span: 10 }, DURATION, FRAME)).toEqual({ start: 0, span: 10 });
    expect(clampView({ start: 1195, span: 10 }, DURATION, FRAME)).toEqual({ start: 1190, span: 10 });
    expect(scrollView({ start: 0, span: 100 }, 0.5, DURATION, FRAME)).toEqual({ start: 50, span: 100 });
    expect(scrollView({ start: 1100, span: 100 }, 0.5, DURATION, FRAME)).toEqual({ start: 1100, span: 100 });
  });

  it("pages to a playhead out of view and leaves one in view alone", () => {
    const view = { start: 100, span: 50 };
    expect(followTime(view, 120, DURATION, FRAME)).toBe(view);
    expect(followTime(view, 151, DURATION, FRAME)).toEqual({ start: 151, span: 50 });
    expect(followTime(view, 90, DURATION, FRAME)).toEqual({ start: 40, span: 50 });
  });

  it("maps times to fractions and back", () => {
    const view = { start: 10, span: 20 };
    expect(fractionAt(view, 15)).toBe(0.25);
    expect(timeAt(view, 0.25)).toBe(15);
  });

  it("draws keyframe ticks only once they stand apart", () => {
    const keyframes = Array.from({ length: 600 }, (_, i) => i * 2);
    expect(visibleKeyframes(keyframes, fitView(DURATION), 1000)).toEqual([]);
    expect(visibleKeyframes(keyframes, { start: 100, span: 20 }, 1000)).toEqual([100, 102, 104, 106, 108, 110, 112, 114, 116, 118, 120]);
  });

  it("spaces ruler marks on round steps", () => {
    expect(rulerMarks({ start: 0, span: 1200 }, 1200)).toEqual(Array.from({ length: 11 }, (_, i) => i * 120));
    expect(rulerMarks({ start: 0.25, span: 1 }, 1000)).toEqual([0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2].map((n) => expect.closeTo(n, 9)));
  });
});
