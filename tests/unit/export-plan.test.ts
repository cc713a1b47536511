import { describe, expect, it } from "vitest";
import type { Clip } from "../../src/core/clips";
import { outputDuration, planExport, planLossless, planLosslessClips, planReencode } from "../../src/core/export-plan";
import type { MediaInfo } from "../../src/core/media-info";
import { AUDIO, sampleInfo, VIDEO } from "./sample-info";

const INFO = sampleInfo();
const CLIPS: Clip[] = [
  { id: 1, source: "s", start: 4.12, end: 6.32, label: "" },
  { id: 2, source: "s", start: 1.28, end: 2.68, label: "" },
];
const clip = (start: number, end: number): Clip => ({ id: 1, source: "s", start, end, label: "" });
const request = (info: MediaInfo, clips: Clip[] = CLIPS) => ({ input: "/input/talk.mp4", workDir: "/work", info, clips });
const withoutStream = (kind: "audio" | "video"): MediaInfo => ({ ...INFO, streams: INFO.streams.filter((s) => s.kind !== kind) });
const QUIET = ["-hide_banner", "-nostdin", "-y", "-loglevel", "info"];
const ENCODE = [
  ...["-map", "[v]", "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p"],
  ...["-map", "[a0]", "-c:a", "aac", "-b:a", "160k"],
  ...["-movflags", "+faststart", "/work/output.mp4"],
];
const rounded = (n: number) => Number(n.toFixed(6));

describe("lossless plan", () => {
  it("starts each clip at its keyframe, says how far IN moves, and ends at the frame nearest OUT", () => {
    const planned = planLosslessClips(INFO, CLIPS);
    expect(planned.map((c) => ({ ...c, shift: rounded(c.shift), end: rounded(c.end) }))).toEqual([
      { start: 4, end: 6.32, shift: -0.12, frames: 58, range: { first: 103, end: 158 } },
      { start: 1, end: 2.68, shift: -0.28, frames: 42, range: { first: 32, end: 67 } },
    ]);
  });

  it("takes the keyframe at or before the clip's first frame, not before IN", () => {
    // 3.99 s is frame 99.75: the clip starts on frame 100, the keyframe at 4 s.
    const [planned] = planLosslessClips(INFO, [clip(3.99, 5.001)]);
    expect(planned).toMatchObject({ start: 4, frames: 25, range: { first: 100, end: 125 } });
    expect(planned?.end).toBeCloseTo(5, 9);
  });

  it("copies each clip into a segment by time to its end, then joins them with the concat demuxer", () => {
    const plan = planLossless(request(INFO));
    expect(plan.steps.map((s) => s.args)).toEqual([
      [...QUIET, "-fflags", "+genpts", "-ss", "4", "-i", "/input/talk.mp4", "-map", "0:v:0", "-map", "0:a:0", "-c", "copy",
        "-map_metadata", "-1", "-t", "2.32", "/work/segment-0.mp4"],
      [...QUIET, "-fflags", "+genpts", "-ss", "1", "-i", "/input/talk.mp4", "-map", "0:v:0", "-map", "0:a:0", "-c", "copy",
        "-map_metadata", "-1", "-t", "1.68", "/work/segment-1.mp4"],
      [...QUIET, "-f", "concat", "-safe", "0", "-i", "/work/segments.txt", "-map", "0", "-c", "copy", "-movflags", "+faststart", "/work/output.mp4"],
    ]);
    // What each segment shows past OUT is hidden afterwards: the clips from their keyframes, 2.32 s and 1.68 s.
    expect(plan.trim?.segments).toEqual(["/work/segment-0.mp4", "/work/segment-1.mp4"]);
    expect(plan.trim?.shown.map((s) => Number(s.toFixed(9)))).toEqual([2.32, 1.68]);
    expect(plan.files).toEqual([
      { path: "/work/segments.txt", text: "ffconcat version 1.0\nfile '/work/segment-0.mp4'\nfile '/work/segment-1.mp4'\n" },
    ]);
    expect(plan.output).toBe("/work/output.mp4");
    expect(plan.duration).toBeCloseTo(4, 9);
  });

  it("ends the copy at the frame boundary nearest OUT", () => {
    // 6.573 s is frame 164.325: the copy from the keyframe at 0 runs to frame 164's start, 6.56 s.
    const plan = planLossless(request(INFO, [clip(0.901, 6.573)]));
    expect(plan.steps[0]?.args.slice(-3)).toEqual(["-t", "6.56", "/work/segment-0.mp4"]);
    expect(plan.clips[0]).toMatchObject({ start: 0, frames: 164, range: { first: 23, end: 164 } });
  });

  it("copies audio alone from an audio-only source, cut at its times as given", () => {
    const plan = planLossless(request(withoutStream("video")));
    expect(plan.steps[0]?.args).toEqual([
      ...QUIET, "-fflags", "+genpts", "-ss", "4.12", "-i", "/input/talk.mp4", "-map", "0:a:0", "-c", "copy", "-map_metadata", "-1",
      "-t", "2.2", "/work/segment-0.mp4",
    ]);
    expect(plan.clips[0]).toEqual({ start: 4.12, end: 6.32, shift: 0, frames: null, range: null });
    expect(plan.trim).toBeNull();
  });
});

describe("re-encode plan", () => {
  it("seeks each clip half a frame early, keeps its frames and the same instants of sound, in one pass", () => {
    const plan = planReencode(request(INFO));
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]?.args).toEqual([
      ...QUIET,
      ...["-ss", "4.1", "-t", "2.24", "-i", "/input/talk.mp4"],
      ...["-ss", "1.26", "-t", "1.44", "-i", "/input/talk.mp4"],
      "-filter_complex",
      [
        "[0:v:0]trim=end_frame=55,setpts=PTS-STARTPTS[v0]",
        "[0:a:0]atrim=start=0.02:end=2.22,asetpts=PTS-STARTPTS[a0_0]",
        "[1:v:0]trim=end_frame=35,setpts=PTS-STARTPTS[v1]",
        "[1:a:0]atrim=start=0.02:end=1.42,asetpts=PTS-STARTPTS[a1_0]",
        "[v0][a0_0][v1][a1_0]concat=n=2:v=1:a=1[v][a0]",
      ].join(";"),
      ...ENCODE,
    ]);
    expect(plan.clips.map((c) => [c.frames, c.range])).toEqual([
      [55, { first: 103, end: 158 }],
      [35, { first: 32, end: 67 }],
    ]);
    expect(plan.duration).toBeCloseTo(3.6, 9);
  });

  it("cuts the reported clip to frames 314 to 397 (checked with native ffmpeg)", () => {
    const plan = planReencode(request(sampleInfo({ duration: 20 }), [clip(12.579, 15.916), clip(0.901, 6.573)]));
    const args = plan.steps[0]?.args ?? [];
    expect(args.slice(5, 17)).toEqual(
      ["-ss", "12.54", "-t", "3.4", "-i", "/input/talk.mp4", "-ss", "0.9", "-t", "5.68", "-i", "/input/talk.mp4"],
    );
    expect(args[18]).toContain("[0:v:0]trim=end_frame=84,setpts=PTS-STARTPTS[v0];[0:a:0]atrim=start=0.02:end=3.38,");
    expect(plan.clips.map((c) => [c.range, rounded(c.start), rounded(c.end), rounded(c.shift)])).toEqual([
      [{ first: 314, end: 398 }, 12.56, 15.92, -0.019],
      [{ first: 23, end: 164 }, 0.92, 6.56, 0.019],
    ]);
    expect(plan.duration).toBeCloseTo(9, 9);
  });

  it("works on the grid of 30000/1001", () => {
    const ntsc = sampleInfo({ duration: 20, streams: [{ ...VIDEO, frameRate: { num: 30000, den: 1001 } }, AUDIO] });
    const plan = planReencode(request(ntsc, [clip(12.579, 15.916)]));
    const args = plan.steps[0]?.args ?? [];
    // Frames 377 to 476: seek to frame 376.5, read 101 frames, keep 100 and their sound.
    expect(args.slice(5, 11)).toEqual(["-ss", "12.56255", "-t", "3.370033", "-i", "/input/talk.mp4"]);
    expect(args[12]).toBe(
      "[0:v:0]trim=end_frame=100,setpts=PTS-STARTPTS[v0];[0:a:0]atrim=start=0.016683:end=3.35335,asetpts=PTS-STARTPTS[a0_0];[v0][a0_0]concat=n=1:v=1:a=1[v][a0]",
    );
    expect(plan.duration).toBeCloseTo((100 * 1001) / 30000, 9);
  });

  it("seeks no earlier than the start for a clip from frame 0", () => {
    const args = planReencode(request(INFO, [clip(0.01, 1)])).steps[0]?.args ?? [];
    expect(args.slice(5, 11)).toEqual(["-ss", "0", "-t", "1.02", "-i", "/input/talk.mp4"]);
    expect(args[12]).toContain("[0:v:0]trim=end_frame=25,setpts=PTS-STARTPTS[v0];[0:a:0]atrim=start=0:end=1,");
  });

  it("leaves out the audio a source does not have", () => {
    const args = planReencode(request(withoutStream("audio"))).steps[0]?.args ?? [];
    expect(args).toContain(
      "[0:v:0]trim=end_frame=55,setpts=PTS-STARTPTS[v0];[1:v:0]trim=end_frame=35,setpts=PTS-STARTPTS[v1];[v0][v1]concat=n=2:v=1:a=0[v]",
    );
    expect(args).not.toContain("-c:a");
  });

  it("encodes audio alone from an audio-only source, cut at its times as given", () => {
    const plan = planReencode(request(withoutStream("video")));
    const args = plan.steps[0]?.args ?? [];
    expect(args.slice(5, 17)).toEqual(
      ["-ss", "4.12", "-t", "2.2", "-i", "/input/talk.mp4", "-ss", "1.28", "-t", "1.4", "-i", "/input/talk.mp4"],
    );
    expect(args).toContain(
      "[0:a:0]atrim=start=0:end=2.2,asetpts=PTS-STARTPTS[a0_0];[1:a:0]atrim=start=0:end=1.4,asetpts=PTS-STARTPTS[a1_0];[a0_0][a1_0]concat=n=2:v=0:a=1[a0]",
    );
    expect(args).not.toContain("-c:v");
    expect(plan.clips[1]).toEqual({ start: 1.28, end: 2.68, shift: 0, frames: null, range: null });
  });

  it("evens out odd dimensions for 4:2:0 H.264", () => {
    const odd: MediaInfo = {
      ...INFO,
      streams: INFO.streams.map((s) => (s.kind === "video" ? { ...s, width: 321 } : s)),
    };
    const graph = planReencode(request(odd)).steps[0]?.args[18] ?? "";
    expect(graph).toMatch(/\[v0\]\[a0_0\]\[v1\]\[a1_0\]concat=n=2:v=1:a=1\[vc\]\[a0\];\[vc\]scale=trunc\(iw\/2\)\*2:trunc\(ih\/2\)\*2\[v\]$/);
  });
});

describe("every audio track", () => {
  const titled = (index: number, title: string): MediaInfo["streams"][number] => ({ ...AUDIO, index, tags: { title, language: "eng" } });
  const obs = sampleInfo({ streams: [VIDEO, titled(1, "Game"), titled(2, "Mic"), { ...AUDIO, index: 3, tags: {} }] });

  it("copies every audio track into each lossless segment, joins them all, and keeps their titles and languages", () => {
    const plan = planLossless(request(obs));
    expect(plan.steps[0]?.args.slice(11, 19)).toEqual(["-map", "0:v:0", "-map", "0:a:0", "-map", "0:a:1", "-map", "0:a:2"]);
    expect(plan.steps[2]?.args).toEqual([
      ...QUIET, "-f", "concat", "-safe", "0", "-i", "/work/segments.txt", "-map", "0", "-c", "copy",
      ...["-metadata:s:a:0", "handler_name=Game", "-metadata:s:a:0", "language=eng", "-metadata:s:a:1", "handler_name=Mic", "-metadata:s:a:1", "language=eng"],
      "-movflags", "+faststart", "/work/output.mp4",
    ]);
    expect(plan.trim?.audioTracks).toBe(3);
  });

  it("cuts every audio track at the picture's instants and encodes each, titles kept", () => {
    const args = planReencode(request(obs, [clip(1.28, 2.68)])).steps[0]?.args ?? [];
    expect(args[12]).toBe(
      [
        "[0:v:0]trim=end_frame=35,setpts=PTS-STARTPTS[v0]",
        ...[0, 1, 2].map((t) => `[0:a:${t}]atrim=start=0.02:end=1.42,asetpts=PTS-STARTPTS[a0_${t}]`),
        "[v0][a0_0][a0_1][a0_2]concat=n=1:v=1:a=3[v][a0][a1][a2]",
      ].join(";"),
    );
    expect(args.slice(23)).toEqual([
      ...["-map", "[a0]", "-map", "[a1]", "-map", "[a2]", "-c:a", "aac", "-b:a", "160k"],
      ...["-metadata:s:a:0", "handler_name=Game", "-metadata:s:a:0", "language=eng", "-metadata:s:a:1", "handler_name=Mic", "-metadata:s:a:1", "language=eng"],
      ...["-movflags", "+faststart", "/work/output.mp4"],
    ]);
  });

  it("leaves out the tracks dropped in Tracks: lossless maps only the kept ones, named and trimmed as kept", () => {
    const plan = planLossless({ ...request(obs), droppedTracks: [2] });
    expect(plan.steps[0]?.args.slice(11, 17)).toEqual(["-map", "0:v:0", "-map", "0:a:0", "-map", "0:a:2"]);
    expect(plan.steps[0]?.args[17]).toBe("-c");
    expect(plan.steps[2]?.args).toContain("handler_name=Game");
    expect(plan.steps[2]?.args).not.toContain("handler_name=Mic");
    expect(plan.trim?.audioTracks).toBe(2);
    const silent = planLossless({ ...request(obs), droppedTracks: [1, 2, 3] });
    expect(silent.steps[0]?.args.filter((a) => a.startsWith("0:"))).toEqual(["0:v:0"]);
    expect(silent.trim?.audioTracks).toBe(0);
  });

  it("re-encodes only the kept tracks, each read from its own place in the source", () => {
    const args = planReencode({ ...request(obs, [clip(1.28, 2.68)]), droppedTracks: [2] }).steps[0]?.args ?? [];
    expect(args[12]).toBe(
      [
        "[0:v:0]trim=end_frame=35,setpts=PTS-STARTPTS[v0]",
        "[0:a:0]atrim=start=0.02:end=1.42,asetpts=PTS-STARTPTS[a0_0]",
        "[0:a:2]atrim=start=0.02:end=1.42,asetpts=PTS-STARTPTS[a0_1]",
        "[v0][a0_0][a0_1]concat=n=1:v=1:a=2[v][a0][a1]",
      ].join(";"),
    );
    expect(args.slice(23)).toEqual([
      ...["-map", "[a0]", "-map", "[a1]", "-c:a", "aac", "-b:a", "160k"],
      ...["-metadata:s:a:0", "handler_name=Game", "-metadata:s:a:0", "language=eng"],
      ...["-movflags", "+faststart", "/work/output.mp4"],
    ]);
    const silent = planReencode({ ...request(obs, [clip(1.28, 2.68)]), droppedTracks: [1, 2, 3] }).steps[0]?.args ?? [];
    expect(silent[12]).toBe("[0:v:0]trim=end_frame=35,setpts=PTS-STARTPTS[v0];[v0]concat=n=1:v=1:a=0[v]");
    expect(silent).not.toContain("-c:a");
  });
});

describe("the audio mix", () => {
  const titled = (index: number, title: string): MediaInfo["streams"][number] => ({ ...AUDIO, index, tags: { title } });
  const obs = sampleInfo({ streams: [VIDEO, titled(1, "Game"), titled(2, "Mic"), { ...AUDIO, index: 3, sampleRate: 44_100, channels: 1, channelLayout: "mono", tags: {} }] });

  it("sums the mixed tracks at their volumes without amix's division, in the first one's format, at its place; the others follow", () => {
    const mixed = { ...request(obs, [clip(1.28, 2.68)]), audioMix: { on: true, tracks: [1, 3], gains: { 3: -6 } } };
    const args = planReencode(mixed).steps[0]?.args ?? [];
    const graph = args[12]?.split(";") ?? [];
    expect(graph.slice(-3)).toEqual([
      "[a0]volume=1,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo[mix0_0]",
      `[a2]volume=${10 ** (-6 / 20)},aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo[mix0_1]`,
      "[mix0_0][mix0_1]amix=inputs=2:duration=longest:normalize=0[mix0]",
    ]);
    expect(args.slice(23)).toEqual([
      ...["-map", "[mix0]", "-map", "[a1]", "-c:a", "aac", "-b:a", "160k"],
      ...["-metadata:s:a:0", "handler_name=Game + AAC 44.1 kHz mono", "-metadata:s:a:1", "handler_name=Mic"],
      ...["-movflags", "+faststart", "/work/output.mp4"],
    ]);
  });

  it("mixes nothing in lossless, nor with the mix off", () => {
    const audioMix = { on: true, tracks: [1, 2], gains: {} };
    expect(planLossless({ ...request(obs), audioMix }).steps[0]?.args.filter((a) => a.startsWith("0:a"))).toEqual(["0:a:0", "0:a:1", "0:a:2"]);
    const off = planReencode({ ...request(obs, [clip(1.28, 2.68)]), audioMix: { ...audioMix, on: false } }).steps[0]?.args ?? [];
    expect(off.join(" ")).not.toContain("amix");
  });
});

describe("planExport", () => {
  it("picks the plan for the mode", () => {
    expect(planExport("lossless", request(INFO)).mode).toBe("lossless");
    expect(planExport("reencode", request(INFO)).mode).toBe("reencode");
  });
});

describe("outputDuration", () => {
  it("counts lossless clips from their keyframes, the other modes by their frames exactly", () => {
    // Keyframes at whole seconds, 25 fps: 4.00–6.32 and 1.00–2.68 copied; 103–158 and 32–67 cut exactly.
    expect(rounded(outputDuration(INFO, CLIPS, "lossless"))).toBe(4);
    expect(rounded(outputDuration(INFO, CLIPS, "smart"))).toBe(rounded((55 + 35) / 25));
    expect(rounded(outputDuration(INFO, CLIPS, "reencode"))).toBe(rounded((55 + 35) / 25));
  });
});
