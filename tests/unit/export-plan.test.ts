import { describe, expect, it } from "vitest";
import type { Clip } from "../../src/core/clips";
import { planExport, planLossless, planLosslessClips, planReencode } from "../../src/core/export-plan";
import type { MediaInfo } from "../../src/core/media-info";
import { sampleInfo } from "./sample-info";

const INFO = sampleInfo();
const CLIPS: Clip[] = [
  { id: 1, start: 4.12, end: 6.32, label: "" },
  { id: 2, start: 1.28, end: 2.68, label: "" },
];
const request = (info: MediaInfo, clips: Clip[] = CLIPS) => ({ input: "/input/talk.mp4", workDir: "/work", info, clips });
const withoutStream = (kind: "audio" | "video"): MediaInfo => ({ ...INFO, streams: INFO.streams.filter((s) => s.kind !== kind) });
const QUIET = ["-hide_banner", "-nostdin", "-y", "-loglevel", "info"];

describe("lossless plan", () => {
  it("starts each clip at its keyframe and says how far IN moves", () => {
    const planned = planLosslessClips(INFO, CLIPS);
    expect(planned.map((c) => ({ ...c, shift: Number(c.shift.toFixed(6)) }))).toEqual([
      { start: 4, end: 6.32, shift: -0.12, frames: 58 },
      { start: 1, end: 2.68, shift: -0.28, frames: 42 },
    ]);
  });

  it("copies each clip into a segment, then joins them with the concat demuxer", () => {
    const plan = planLossless(request(INFO));
    expect(plan.steps.map((s) => s.args)).toEqual([
      [...QUIET, "-ss", "4", "-i", "/input/talk.mp4", "-map", "0:v:0", "-map", "0:a:0", "-c", "copy", "-map_metadata", "-1",
        "-frames:v", "58", "-t", "2.32", "/work/segment-0.mp4"],
      [...QUIET, "-ss", "1", "-i", "/input/talk.mp4", "-map", "0:v:0", "-map", "0:a:0", "-c", "copy", "-map_metadata", "-1",
        "-frames:v", "42", "-t", "1.68", "/work/segment-1.mp4"],
      [...QUIET, "-f", "concat", "-safe", "0", "-i", "/work/segments.txt", "-c", "copy", "-movflags", "+faststart",
        "/work/output.mp4"],
    ]);
    expect(plan.files).toEqual([
      { path: "/work/segments.txt", text: "ffconcat version 1.0\nfile '/work/segment-0.mp4'\nfile '/work/segment-1.mp4'\n" },
    ]);
    expect(plan.output).toBe("/work/output.mp4");
    expect(plan.duration).toBeCloseTo(4, 9);
  });

  it("copies audio alone from an audio-only source, cut at IN exactly", () => {
    const plan = planLossless(request(withoutStream("video")));
    expect(plan.steps[0]?.args).toEqual([
      ...QUIET, "-ss", "4.12", "-i", "/input/talk.mp4", "-map", "0:a:0", "-c", "copy", "-map_metadata", "-1",
      "-t", "2.2", "/work/segment-0.mp4",
    ]);
    expect(plan.clips[0]).toEqual({ start: 4.12, end: 6.32, shift: 0, frames: null });
  });
});

describe("re-encode plan", () => {
  it("seeks each clip as its own input and encodes one concat in one pass", () => {
    const plan = planReencode(request(INFO));
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]?.args).toEqual([
      ...QUIET,
      ...["-ss", "4.12", "-t", "2.2", "-i", "/input/talk.mp4"],
      ...["-ss", "1.28", "-t", "1.4", "-i", "/input/talk.mp4"],
      ...["-filter_complex", "[0:v:0][0:a:0][1:v:0][1:a:0]concat=n=2:v=1:a=1[v][a]"],
      ...["-map", "[v]", "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p"],
      ...["-map", "[a]", "-c:a", "aac", "-b:a", "160k"],
      ...["-movflags", "+faststart", "/work/output.mp4"],
    ]);
    expect(plan.clips.map((c) => c.frames)).toEqual([55, 35]);
    expect(plan.duration).toBeCloseTo(3.6, 9);
  });

  it("leaves out the audio a source does not have", () => {
    const args = planReencode(request(withoutStream("audio"))).steps[0]?.args ?? [];
    expect(args).toContain("[0:v:0][1:v:0]concat=n=2:v=1:a=0[v]");
    expect(args).not.toContain("-c:a");
  });

  it("encodes audio alone from an audio-only source", () => {
    const args = planReencode(request(withoutStream("video"))).steps[0]?.args ?? [];
    expect(args).toContain("[0:a:0][1:a:0]concat=n=2:v=0:a=1[a]");
    expect(args).not.toContain("-c:v");
  });

  it("evens out odd dimensions for 4:2:0 H.264", () => {
    const odd: MediaInfo = {
      ...INFO,
      streams: INFO.streams.map((s) => (s.kind === "video" ? { ...s, width: 321 } : s)),
    };
    const args = planReencode(request(odd)).steps[0]?.args ?? [];
    expect(args).toContain(
      "[0:v:0][0:a:0][1:v:0][1:a:0]concat=n=2:v=1:a=1[vc][a];[vc]scale=trunc(iw/2)*2:trunc(ih/2)*2[v]",
    );
  });
});

describe("planExport", () => {
  it("picks the plan for the mode", () => {
    expect(planExport("lossless", request(INFO)).mode).toBe("lossless");
    expect(planExport("reencode", request(INFO)).mode).toBe("reencode");
  });
});
