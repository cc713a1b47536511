import { describe, expect, it } from "vitest";
import { explainProbeFailure } from "../../src/core/probe-failure";

describe("explainProbeFailure", () => {
  it("says an MP4 without its index was cut short, without ffmpeg's words", () => {
    const log = ["[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1d2e0] moov atom not found", "/input/a.mp4: Invalid data found when processing input"];
    const said = explainProbeFailure("a.mp4", log, "");
    expect(said).toMatch(/^a\.mp4: its index \(the part of an MP4 that says where each frame is\) is missing/);
    expect(said).not.toMatch(/moov|atom|Invalid data/);
  });

  it("calls anything else unreadable in plain words", () => {
    expect(explainProbeFailure("notes.mp4", ["/input/notes.mp4: Invalid data found when processing input"], "")).toBe(
      "notes.mp4: not a video or sound file this page can read",
    );
  });

  it("passes on the parser's reason when ffprobe printed nothing", () => {
    expect(explainProbeFailure("a.mp4", [], "a.mp4: has no audio or video stream")).toBe("a.mp4: has no audio or video stream");
  });
});
