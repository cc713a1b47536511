import { describe, expect, it } from "vitest";
import type { Clip } from "../../src/core/clips";
import { planLossless, planReencode } from "../../src/core/export-plan";
import type { MediaInfo } from "../../src/core/media-info";
import { audioEnd, planJoinCopy, type CopyPlan, type PacketInfo, type SourceTables } from "../../src/core/packet-cut";
import { planJoinSmart, type SmartPlan } from "../../src/core/smart-cut";
import { AUDIO, sampleInfo, VIDEO } from "./sample-info";

/** A 25 fps closed-GOP stream in decode order (I P B B B…), `seconds` long, a keyframe every `gop` frames. */
function video(seconds: number, gop: number, fps = 25): PacketInfo[] {
  const out: PacketInfo[] = [];
  const frames = Math.round(seconds * fps);
  for (let start = 0; start < frames; start += gop) {
    const end = Math.min(start + gop, frames);
    out.push({ pts: start / fps, duration: 1 / fps, key: true });
    if (end - 1 > start) out.push({ pts: (end - 1) / fps, duration: 1 / fps, key: false });
    for (let n = start + 1; n < end - 1; n++) out.push({ pts: n / fps, duration: 1 / fps, key: false });
  }
  return out;
}

/** AAC at 48 kHz from -1024 samples (the priming) on. */
const aac = (seconds: number): PacketInfo[] =>
  Array.from({ length: Math.ceil((seconds * 48000) / 1024) + 1 }, (_, i) => ({ pts: ((i - 1) * 1024) / 48000, duration: 1024 / 48000, key: true }));

const A: SourceTables = { video: video(8, 25), audio: [aac(8)], end: 8 };
const B: SourceTables = { video: video(6, 50), audio: [aac(6)], end: 6 };

describe("a lossless join of several files", () => {
  const clips = [
    { start: 1.2, end: 2.4, source: 0 },
    { start: 2.5, end: 4, source: 1 },
    { start: 0.3, end: 1, source: 0 },
  ];

  it("copies each clip from its own file, from the keyframe at or before IN, end to end in media time", () => {
    const plan = planJoinCopy([A, B], clips) as CopyPlan;
    expect(plan.sources).toEqual([0, 1, 0]);
    expect(plan.video.map((c) => c.shown)).toEqual([
      { start: 1, end: 2.4 },
      { start: 2, end: 4 },
      { start: 0, end: 1 },
    ]);
    // The packets of clip 2 are B's (its GOP of 50 frames starts at 2 s): the first is B's keyframe.
    expect(B.video[plan.video[1]?.from ?? -1]).toEqual({ pts: 2, duration: 0.04, key: true });
    expect(plan.video[1]?.mediaStart).toBeCloseTo(plan.video[0]?.mediaLength ?? NaN, 9);
    expect(plan.video[2]?.mediaStart).toBeCloseTo((plan.video[0]?.mediaLength ?? NaN) + (plan.video[1]?.mediaLength ?? NaN), 9);
    expect(plan.duration).toBeCloseTo(1.4 + 2 + 1, 9);
  });

  it("keeps the sound within half an AAC frame of its picture at every join, across the files", () => {
    const plan = planJoinCopy([A, B], clips) as CopyPlan;
    const half = 1024 / 48000 / 2 + 1e-9;
    // In media time: the track's edit list hides what it holds before the first clip's picture.
    let presented = plan.audioEdits[0]?.[0]?.mediaTime ?? 0;
    for (const [i, sound] of (plan.audio[0] ?? []).entries()) {
      const clip = plan.video[i];
      const packets = ((plan.sources[i] === 0 ? A : B).audio[0] ?? []) as PacketInfo[];
      if (!clip) throw new Error("no clip");
      const first = packets[sound.from] as PacketInfo;
      expect(Math.abs(sound.mediaStart + (clip.shown.start - first.pts) - presented)).toBeLessThanOrEqual(half);
      presented += clip.shown.end - clip.shown.start;
      expect(Math.abs(audioEnd(packets, sound) - presented)).toBeLessThanOrEqual(half);
    }
    expect(plan.audio[0]).toHaveLength(3);
  });

  it("judges each clip on its own file's frames and end", () => {
    // B ends at 6 s: a clip to its end keeps its last frame; the same times in A are A's frames.
    const plan = planJoinCopy([A, B], [{ start: 5.5, end: 6, source: 1 }, { start: 5.5, end: 6, source: 0 }]) as CopyPlan;
    expect(plan.video.map((c) => c.shown)).toEqual([
      { start: 4, end: 6 },
      { start: 5, end: 6 },
    ]);
  });
});

describe("a smart cut of several files", () => {
  it("re-encodes each clip's head up to its own file's next keyframe and copies the rest from that file", () => {
    const plan = planJoinSmart([A, B], [{ start: 1.2, end: 2.4, source: 0 }, { start: 2.52, end: 5, source: 1 }]) as SmartPlan;
    expect(plan.clips.map((c) => [c.source, c.encode, c.copy?.shown])).toEqual([
      [0, { start: 1.2, end: 2 }, { start: 2, end: 2.4 }],
      [1, { start: 2.52, end: 4 }, { start: 4, end: 5 }],
    ]);
    // Clip 1's copy carries its GOP's P-frame at 2.96 s (decoded before the frames to 2.4 s, hidden): B's clip follows it.
    expect(plan.clips[1]?.mediaStart).toBeCloseTo(0.8 + 1, 9);
    expect(plan.duration).toBeCloseTo(1.2 + 2.48, 9);
  });
});

describe("ffmpeg.wasm's plans for several files", () => {
  const clip = (source: string, start: number, end: number): Clip => ({ id: 1, source, start, end, label: "" });
  const first = sampleInfo({ fileName: "a.mp4" });
  const second = sampleInfo({ fileName: "b.mp4", keyframes: [0, 2, 4, 6, 8, 10] });
  const inputs = [
    { input: "/input0/a.mp4", info: first },
    { input: "/input1/b.mp4", info: second },
  ];
  const clips = [clip("a", 1.5, 2.5), clip("b", 3.5, 4.5)];

  it("copies each clip from its own file, from that file's keyframe, and joins the segments", () => {
    const plan = planLossless({ workDir: "/work", inputs, clips, from: [0, 1] });
    expect(plan.steps[0]?.args).toContain("/input0/a.mp4");
    expect(plan.steps[1]?.args).toContain("/input1/b.mp4");
    expect(plan.clips.map((c) => c.start)).toEqual([1, 2]);
    expect(plan.files[0]?.text).toBe("ffconcat version 1.0\nfile '/work/segment-0.mp4'\nfile '/work/segment-1.mp4'\n");
  });

  it("re-encodes another size into the first's with black bars, another rate onto its grid, and silence for a file without sound", () => {
    const small: MediaInfo = sampleInfo({ fileName: "c.mp4", streams: [{ ...VIDEO, width: 160, height: 160, frameRate: { num: 50, den: 1 } }] });
    const mono: MediaInfo = sampleInfo({ fileName: "d.mp4", streams: [VIDEO, { ...AUDIO, sampleRate: 44100, channels: 1, channelLayout: "mono" }] });
    const all = [...inputs, { input: "/input2/c.mp4", info: small }, { input: "/input3/d.mp4", info: mono }];
    const plan = planReencode({ workDir: "/work", inputs: all, clips: [clip("a", 1, 2), clip("c", 1, 2), clip("d", 1, 2)], from: [0, 2, 3] });
    const args = plan.steps[0]?.args ?? [];
    const graph = (args[args.indexOf("-filter_complex") + 1] ?? "").split(";");
    expect(args.filter((a) => a.startsWith("/input"))).toEqual(["/input0/a.mp4", "/input2/c.mp4", "/input3/d.mp4"]);
    expect(graph[0]).toBe("[0:v:0]trim=end_frame=25,setpts=PTS-STARTPTS[v0]");
    // c.mp4's 50 frames of 160×160 fitted into 320×240 and put on 25 fps; its sound is silence as long as its picture.
    expect(graph[2]).toBe(
      "[1:v:0]trim=end_frame=50,setpts=PTS-STARTPTS,scale=320:240:force_original_aspect_ratio=decrease,pad=320:240:(ow-iw)/2:(oh-ih)/2:black,setsar=1,fps=25/1[v1]",
    );
    expect(graph[3]).toBe("anullsrc=r=48000:cl=stereo,atrim=end=1[a1_0]");
    expect(graph[5]).toMatch(/asetpts=PTS-STARTPTS,aformat=sample_rates=48000:channel_layouts=stereo\[a2_0\]$/);
    expect(graph[6]).toBe("[v0][a0_0][v1][a1_0][v2][a2_0]concat=n=3:v=1:a=1[v][a0]");
    expect(plan.duration).toBeCloseTo(3, 9);
  });
});
