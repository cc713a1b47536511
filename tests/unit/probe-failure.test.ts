import { describe, expect, it } from "vitest";
import { explainProbeFailure } from "../../src/core/probe-failure";

const MP4_HEAD = new Uint8Array([0, 0, 0, 32, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]);
const TEXT_HEAD = new TextEncoder().encode("Shopping lis");

describe("explainProbeFailure", () => {
  it("says an MP4 without its index was cut short, without ffmpeg's words", () => {
    const log = ["[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1d2e0] moov atom not found", "/input/a.mp4: Invalid data found when processing input"];
    const said = explainProbeFailure("a.mp4", log, "", MP4_HEAD);
    expect(said).toMatch(/^a\.mp4: its index \(the part of an MP4 that says where each frame is\) is missing/);
    expect(said).not.toMatch(/moov|atom|Invalid data/);
  });

  it("does not call a text file named .mp4 cut short, though ffmpeg looks for an MP4 index in it", () => {
    const log = ["[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1d2e0] moov atom not found"];
    expect(explainProbeFailure("notes.mp4", log, "", TEXT_HEAD)).toBe("notes.mp4: not a video or sound file this page can read");
  });

  it("calls anything else unreadable in plain words", () => {
    expect(explainProbeFailure("notes.mp4", ["/input/notes.mp4: Invalid data found when processing input"], "", TEXT_HEAD)).toBe(
      "notes.mp4: not a video or sound file this page can read",
    );
  });

  it("passes on the parser's reason when ffprobe printed nothing", () => {
    expect(explainProbeFailure("a.mp4", [], "a.mp4: has no audio or video stream", MP4_HEAD)).toBe("a.mp4: has no audio or video stream");
  });
});
