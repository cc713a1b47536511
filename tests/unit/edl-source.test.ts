import { describe, expect, it } from "vitest";
import { previewImport } from "../../src/core/edits-import";
import { describeSource, serialize } from "../../src/core/formats/edl";
import { parseProbe } from "../../src/core/media-info";
import { namesFile } from "../../src/core/source-match";
import { sampleInfo, VIDEO, oneSource } from "./sample-info";

const PAL = { num: 25, den: 1 };
const NTSC = { num: 30000, den: 1001 };

const preview = (text: string, info = sampleInfo()) => {
  const result = previewImport("cut.edl", text, oneSource(info));
  if (!result.ok) throw new Error(result.error);
  return result.value;
};
const messages = (text: string, info = sampleInfo()) =>
  preview(text, info).warnings.groups.map((g) => g.first.message);
/** Clips as frame numbers at `rate`: one frame off fails. */
const frames = (text: string, info = sampleInfo(), rate = PAL) =>
  preview(text, info).entries.map((e) => [Math.round((e.start * rate.num) / rate.den), Math.round((e.end * rate.num) / rate.den)]);

describe("namesFile", () => {
  it("compares without folder and case, with or without the extension", () => {
    expect(namesFile("talk.mp4", "talk.mp4")).toBe(true);
    expect(namesFile("C:\\Media\\TALK.MP4", "talk.mp4")).toBe(true);
    expect(namesFile("/media/Talk", "talk.mp4")).toBe(true);
    expect(namesFile("talk.mov", "talk.mp4")).toBe(true);
    expect(namesFile("talk2.mp4", "talk.mp4")).toBe(false);
    expect(namesFile("", "talk.mp4")).toBe(false);
  });
});

describe("EDL sources", () => {
  const text = [
    "TITLE: two cameras",
    "FCM: NON-DROP FRAME",
    "001  A001C003 V  C  00:00:01:00 00:00:02:00 00:00:00:00 00:00:01:00",
    "* FROM CLIP NAME: A001C003.mov",
    "002  AX       V  C  00:00:03:00 00:00:04:00 00:00:01:00 00:00:02:00",
    "* FROM CLIP NAME: Talk",
    "003  AX       V  C  00:00:05:00 00:00:06:00 00:00:02:00 00:00:03:00",
    "* SOURCE FILE: D:\\Shoot\\day1\\TALK.MP4",
    "004  B002     V  C  00:00:07:00 00:00:08:00 00:00:03:00 00:00:04:00",
    "005  AX       V  C  00:00:09:00 00:00:10:00 00:00:04:00 00:00:05:00",
    "* FROM CLIP NAME: A001C003.mov",
  ].join("\n");

  it("keeps the open file's events by name, and counts and names the others", () => {
    const result = preview(text);
    expect(frames(text)).toEqual([
      [75, 100],
      [125, 150],
    ]);
    expect(result.missing).toEqual([
      { name: "A001C003.mov", clips: 2 },
      { name: "reel B002", clips: 1 },
    ]);
    expect(messages(text)).toEqual([]);
  });

  it("matches by reel where events name no clip: the file's name, or its first 8 characters", () => {
    const reels = [
      "TITLE: reels",
      "001  TALK      V  C  00:00:01:00 00:00:02:00 00:00:00:00 00:00:01:00",
      "002  B002      V  C  00:00:03:00 00:00:04:00 00:00:01:00 00:00:02:00",
      "003  INTERVIE  V  C  00:00:05:00 00:00:06:00 00:00:02:00 00:00:03:00",
    ].join("\n");
    expect(frames(reels)).toEqual([[25, 50]]);
    expect(frames(reels, sampleInfo({ fileName: "interview-take2.mov" }))).toEqual([[125, 150]]);
  });

  it("takes a list of one reel and no names as cuts of the open file", () => {
    const one = "TITLE: x\n001  TAPE7  V  C  00:00:01:00 00:00:02:00 00:00:00:00 00:00:01:00\n002  TAPE7  V  C  00:00:03:00 00:00:04:00 00:00:01:00 00:00:02:00\n";
    expect(frames(one)).toEqual([
      [25, 50],
      [75, 100],
    ]);
  });
});

describe("EDL source timecode origin", () => {
  const list = [
    "TITLE: graded",
    "FCM: NON-DROP FRAME",
    "001  AX  V  C  01:00:01:00 01:00:02:10 00:00:00:00 00:00:01:10",
    "002  AX  V  C  01:00:05:00 01:00:06:00 00:00:01:10 00:00:02:10",
  ].join("\n");

  it("subtracts the video's start timecode (its video stream's `timecode` tag)", () => {
    const info = sampleInfo({ streams: [{ ...VIDEO, tags: { timecode: "01:00:00:00" } }] });
    expect(frames(list, info)).toEqual([
      [25, 60],
      [125, 150],
    ]);
    expect(messages(list, info)).toEqual([]);
  });

  it("reads the file's `TIMECODE` tag (Matroska) and a drop-frame start timecode", () => {
    expect(frames(list, sampleInfo({ tags: { TIMECODE: "00:59:59:00" } }))).toEqual([
      [50, 85],
      [150, 175],
    ]);
    const ntsc = sampleInfo({ duration: 600, streams: [{ ...VIDEO, frameRate: NTSC, tags: { timecode: "00:59:58;00" } }] });
    const dropFrame = "TITLE: x\nFCM: DROP FRAME\n001  AX  V  C  01:00:00;00 01:00:01;00 00:00:00;00 00:00:01;00\n";
    // 00:59:58;00 is frame 107832, 01:00:00;00 frame 107892: 60 frames later.
    expect(frames(dropFrame, ntsc, NTSC)).toEqual([[60, 90]]);
  });

  it("drops or trims what lies before the video's start timecode, saying where", () => {
    const info = sampleInfo({ streams: [{ ...VIDEO, tags: { timecode: "01:00:01:05" } }] });
    expect(frames(list, info)).toEqual([
      [0, 30],
      [95, 120],
    ]);
    expect(messages(list, info)).toEqual(["line 3: starts before the video's start timecode: IN moved to it"]);
    const late = sampleInfo({ streams: [{ ...VIDEO, tags: { timecode: "01:00:03:00" } }] });
    expect(messages(list, late)).toEqual(["line 3: ends before the video's start timecode: dropped"]);
  });

  it("counts from the list's first hour, with a warning, where the video has no timecode and every event lies past its end", () => {
    expect(frames(list)).toEqual([
      [25, 60],
      [125, 150],
    ]);
    expect(messages(list)).toEqual([
      "the video has no start timecode and every event lies past its end: timecode counted from 01:00:00:00, the list's first hour",
    ]);
    // Drop-frame hour 01:00:00;00 is frame 107892, not 3600 s: the first event lands on frame 0.
    const ntsc = sampleInfo({ duration: 600, streams: [{ ...VIDEO, frameRate: NTSC, tags: {} }] });
    const dropFrame = "TITLE: x\nFCM: DROP FRAME\n001  AX  V  C  01:00:00:00 01:00:01:00 00:00:00:00 00:00:01:00\n";
    expect(frames(dropFrame, ntsc, NTSC)).toEqual([[0, 30]]);
  });

  it("keeps times as they are where an event lies in the video", () => {
    const within = "TITLE: x\n001  AX  V  C  00:00:01:00 00:00:02:00 00:00:00:00 00:00:01:00\n002  AX  V  C  01:00:05:00 01:00:06:00 00:00:01:00 00:00:02:00\n";
    expect(frames(within)).toEqual([[25, 50]]);
    expect(messages(within)).toEqual([expect.stringContaining("starts after the end of the source: dropped")]);
  });
});

describe("the probe keeps the start timecode", () => {
  it("holds the `timecode` tag ffprobe reports for a file made with `ffmpeg -timecode`", () => {
    // Native ffprobe 5.1's answer for `ffmpeg -f lavfi -i testsrc=d=2:r=30000/1001:s=64x48
    // -timecode '00:59:58;00' tc.mp4` (only the fields asked for with -show_entries).
    const json = JSON.stringify({
      streams: [
        { index: 0, codec_name: "h264", codec_type: "video", width: 64, height: 48, r_frame_rate: "30000/1001", avg_frame_rate: "30000/1001", time_base: "1/30000", start_time: "0.000000", tags: { timecode: "00:59:58;00" } },
        { index: 1, codec_type: "data", r_frame_rate: "0/0", avg_frame_rate: "30000/1001", time_base: "1/30000", start_time: "0.000000", tags: { timecode: "00:59:58;00" } },
      ],
      format: { format_name: "mov,mp4,m4a,3gp,3g2,mj2", start_time: "0.000000", duration: "2.002000", size: "5807", tags: {} },
    });
    const info = parseProbe("tc.mp4", json, "");
    expect(info.ok && info.value.streams[0]?.tags).toEqual({ timecode: "00:59:58;00" });
    const text = "TITLE: x\nFCM: DROP FRAME\n001  AX  V  C  00:59:58:10 00:59:59:00 00:00:00:00 00:00:00:20\n";
    expect(info.ok && frames(text, info.value, NTSC)).toEqual([[10, 30]]);
  });
});

describe("our own EDL", () => {
  it("imports back into its source unchanged: named by it, timed from zero", () => {
    const info = sampleInfo();
    const clips = [
      { start: 4.12, end: 6.32, label: "" },
      { start: 1.28, end: 2.68, label: "the intro" },
    ];
    const back = preview(serialize(clips, describeSource(info.fileName, info)), info);
    expect(back.entries.map((e) => [e.start, e.end, e.label])).toEqual(
      clips.map((c) => [expect.closeTo(c.start, 9), expect.closeTo(c.end, 9), c.label]),
    );
    expect(back.warnings.groups).toEqual([]);
  });
});
