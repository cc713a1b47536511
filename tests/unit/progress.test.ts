import { describe, expect, it } from "vitest";
import type { Clip } from "../../src/core/clips";
import { planLossless, planReencode } from "../../src/core/export-plan";
import { explainFailure, parseProgressTime } from "../../src/core/ffmpeg-log";
import { measureProgress } from "../../src/core/progress";
import { AUDIO, sampleInfo } from "./sample-info";

const INFO = sampleInfo({ duration: 100, streams: [AUDIO], keyframes: [] });
const CLIPS: Clip[] = [
  { id: 1, source: "s", start: 0, end: 10, label: "" },
  { id: 2, source: "s", start: 50, end: 80, label: "" },
];
const request = { input: "/input/a.mp4", workDir: "/work", info: INFO, clips: CLIPS };

describe("parseProgressTime", () => {
  it("reads ffmpeg's status line", () => {
    expect(parseProgressTime("frame=  120 fps= 30 q=28.0 size=     512kB time=00:01:02.50 bitrate= 67.1kbits/s")).toBe(62.5);
    expect(parseProgressTime("size=N/A time=-00:00:00.02 bitrate=N/A")).toBe(0);
    expect(parseProgressTime("Stream mapping:")).toBeNull();
  });
});

describe("measureProgress", () => {
  it("spans the single re-encode step across the clips", () => {
    const plan = planReencode(request);
    expect(measureProgress(plan, 0, 5, 1)).toMatchObject({ fraction: 0.125, clip: 0 });
    expect(measureProgress(plan, 0, 20, 4)).toEqual({ fraction: 0.5, clip: 1, remaining: 4 });
    expect(measureProgress(plan, 0, 999, 8).fraction).toBe(1);
  });

  it("weighs the lossless steps by what they write, the join lightly", () => {
    const plan = planLossless(request);
    expect(measureProgress(plan, 0, 10, 1).fraction).toBeCloseTo(10 / 44, 9);
    expect(measureProgress(plan, 1, 15, 2)).toMatchObject({ clip: 1 });
    expect(measureProgress(plan, 2, 0, 3).fraction).toBeCloseTo(40 / 44, 9);
  });

  it("gives no estimate before there is enough to go on", () => {
    expect(measureProgress(planReencode(request), 0, 0, 0.1).remaining).toBeNull();
  });
});

describe("explainFailure", () => {
  it("picks the telling line, without ffmpeg's prefixes or our paths", () => {
    expect(
      explainFailure([
        "ffprobe version 5.1",
        "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1d2e0] moov atom not found",
        "/input/clip.mp4: Invalid data found when processing input",
      ]),
    ).toBe("moov atom not found");
    expect(explainFailure(["/input/notes.pdf: Invalid data found when processing input"])).toBe(
      "Invalid data found when processing input",
    );
    expect(explainFailure(["[mov @ 0xabc] moov atom not found"])).toBe("moov atom not found");
    expect(explainFailure(["something odd"])).toBe("something odd");
    expect(explainFailure([])).toBe("ffmpeg stopped without saying why");
  });
});
