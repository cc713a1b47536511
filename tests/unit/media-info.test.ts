import { describe, expect, it } from "vitest";
import { audioName, otherName } from "../../src/core/format-names";
import { audioStreams, firstAudio, firstVideo, parseKeyframes, parseProbe } from "../../src/core/media-info";
import { planProbe } from "../../src/core/probe-plan";

// Trimmed from real `ffprobe -show_format -show_streams -of json` output.
const PROBE = JSON.stringify({
  streams: [
    {
      index: 0,
      codec_name: "h264",
      codec_type: "video",
      width: 1920,
      height: 1080,
      pix_fmt: "yuv420p",
      time_base: "1/30000",
      sample_aspect_ratio: "1:1",
      display_aspect_ratio: "16:9",
      tags: { language: "und", handler_name: "VideoHandler" },
      r_frame_rate: "30000/1001",
      avg_frame_rate: "30000/1001",
    },
    { index: 1, codec_name: "aac", codec_type: "audio", sample_rate: "48000", channels: 2, bit_rate: "128000" },
    { index: 2, codec_name: "mjpeg", codec_type: "video", disposition: { attached_pic: 1 }, avg_frame_rate: "0/0" },
    { index: 3, codec_name: "mov_text", codec_type: "subtitle" },
  ],
  format: {
    format_name: "mov,mp4,m4a,3gp,3g2,mj2",
    duration: "120.033000",
    size: "83406007",
    bit_rate: "5558791",
    tags: { major_brand: "isom" },
  },
});

// An OBS recording: three AAC tracks with titles, an SRT, and a camera's timecode track.
const TRACKS = JSON.stringify({
  streams: [
    { index: 0, codec_name: "h264", codec_type: "video", width: 320, height: 240, avg_frame_rate: "60/1", time_base: "1/1000" },
    ...["Game", "Mic", "Music"].map((title, i) => ({
      index: i + 1, codec_name: "aac", codec_type: "audio", sample_rate: "48000", channels: 2, tags: { title, language: i === 1 ? "eng" : "und" },
    })),
    { index: 4, codec_name: "subrip", codec_type: "subtitle", tags: { title: "English", language: "eng" } },
    { index: 5, codec_type: "data", codec_tag_string: "tmcd", tags: { handler_name: "TimeCodeHandler" } },
    { index: 6, codec_type: "data", codec_tag_string: "[0][0][0][0]" },
  ],
  format: { format_name: "matroska,webm", duration: "4.0" },
});

describe("every track", () => {
  it("reads every audio, subtitle and data track with its title and language", () => {
    const result = parseProbe("obs.mkv", TRACKS, "");
    if (!result.ok) throw new Error(result.error);
    const audio = audioStreams(result.value);
    expect(audio.map((a) => [a.index, a.tags.title])).toEqual([[1, "Game"], [2, "Mic"], [3, "Music"]]);
    expect(audio.map(audioName)).toEqual(["AAC 48 kHz stereo 'Game'", "AAC 48 kHz stereo 'Mic' (eng)", "AAC 48 kHz stereo 'Music'"]);
    const others = result.value.streams.filter((s) => s.kind === "subtitle" || s.kind === "data");
    expect(others.map((s) => (s.kind === "subtitle" || s.kind === "data" ? otherName(s) : ""))).toEqual([
      "Subtitles SRT 'English' (eng)",
      "Data (timecode)",
      "Data",
    ]);
  });

  it("refuses a file of subtitles alone, as one with nothing to cut", () => {
    const json = JSON.stringify({ streams: [{ index: 0, codec_name: "subrip", codec_type: "subtitle" }], format: { format_name: "srt", duration: "4" } });
    expect(parseProbe("talk.srt", json, "").ok).toBe(false);
  });
});

describe("parseProbe", () => {
  it("reads container, duration and each stream", () => {
    const result = parseProbe("talk.mp4", PROBE, "0.000000,K_\n0.033367,__\n2.002000,K_\n");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const info = result.value;
    expect(info).toMatchObject({
      fileName: "talk.mp4",
      container: "mov,mp4,m4a,3gp,3g2,mj2",
      duration: 120.033,
      size: 83406007,
      bitRate: 5558791,
      tags: { major_brand: "isom" },
    });
    expect(firstVideo(info)).toEqual({
      kind: "video",
      index: 0,
      codec: "h264",
      width: 1920,
      height: 1080,
      frameRate: { num: 30000, den: 1001 },
      pixelFormat: "yuv420p",
      timeBase: { num: 1, den: 30000 },
      pixelAspect: { num: 1, den: 1 },
      displayAspect: { num: 16, den: 9 },
      tags: { language: "und", handler_name: "VideoHandler" },
    });
    expect(firstAudio(info)).toEqual({
      kind: "audio",
      index: 1,
      codec: "aac",
      sampleRate: 48000,
      channels: 2,
      channelLayout: "stereo",
      timeBase: { num: 1, den: 48000 },
      bitRate: 128000,
      tags: {},
    });
    expect(info.streams).toHaveLength(3);
    expect(info.streams[2]).toEqual({ kind: "subtitle", index: 3, codec: "mov_text", tags: {} });
    expect(info.keyframes).toEqual([0, 2.002]);
  });

  it("falls back to r_frame_rate when avg_frame_rate is unusable", () => {
    const json = PROBE.replace('"avg_frame_rate":"30000/1001"', '"avg_frame_rate":"0/0"').replace(
      '"r_frame_rate":"30000/1001"',
      '"r_frame_rate":"25/1"',
    );
    const result = parseProbe("a.mp4", json, "");
    expect(result.ok && firstVideo(result.value)?.frameRate).toEqual({ num: 25, den: 1 });
  });

  it.each([
    ["", "no readable answer"],
    ["{}", "not a media file"],
    [JSON.stringify({ format: { duration: "3" }, streams: [] }), "no audio or video stream"],
    [JSON.stringify({ format: {}, streams: [{ codec_type: "audio" }] }), "no duration"],
  ])("says what is wrong with %j", (json, message) => {
    const result = parseProbe("bad.pdf", json, "");
    expect(result).toEqual({ ok: false, error: expect.stringContaining(message) });
    expect(result.ok || result.error).toMatch(/^bad\.pdf: /);
  });
});

describe("parseKeyframes", () => {
  it("keeps keyframe packets, sorted and unique, and skips junk", () => {
    expect(parseKeyframes("4.000000,K_\n0.000000,K_\nN/A,K_\n1.5,__\n\n4.000000,K_\ngarbage\r\n2,K\r\n")).toEqual([0, 2, 4]);
  });
});

describe("planProbe", () => {
  it("asks ffprobe for JSON streams and packet flags", () => {
    expect(planProbe("/input/a.mp4", "/work")).toEqual({
      formatFile: "/work/probe.json",
      keyframesFile: "/work/keyframes.csv",
      formatArgs: ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-o", "/work/probe.json", "/input/a.mp4"],
      keyframesArgs: [
        ...["-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time,flags"],
        ...["-of", "csv=p=0", "-o", "/work/keyframes.csv", "/input/a.mp4"],
      ],
    });
  });
});

describe("parseProbe defaults", () => {
  it("derives what ffprobe leaves out", () => {
    const json = JSON.stringify({
      format: { duration: "2" },
      streams: [
        { codec_type: "video", width: 1920, height: 1080, avg_frame_rate: "25/1" },
        { codec_type: "audio", sample_rate: "44100", channels: 1 },
      ],
    });
    const result = parseProbe("a.mkv", json, "");
    if (!result.ok) throw new Error(result.error);
    expect(firstVideo(result.value)).toMatchObject({
      timeBase: { num: 1, den: 25 },
      pixelAspect: { num: 1, den: 1 },
      displayAspect: { num: 16, den: 9 },
    });
    expect(firstAudio(result.value)).toMatchObject({ channelLayout: "mono", timeBase: { num: 1, den: 44100 }, bitRate: 0 });
  });
});

describe("parseProbe on hostile answers", () => {
  const answer = (stream: object, format: object = { duration: "30" }) => JSON.stringify({ streams: [stream], format });
  const video = { codec_type: "video", avg_frame_rate: "25/1", width: 320, height: 240 };

  it("takes a size that is not a number as 0, where it used to recurse without end", () => {
    const result = parseProbe("a.mp4", answer({ ...video, width: "__proto__" }), "");
    expect(result.ok && firstVideo(result.value)).toMatchObject({ width: 0, height: 240, displayAspect: { num: 0, den: 1 } });
  });

  it("refuses an infinite duration, and drops tags that name a prototype", () => {
    expect(parseProbe("a.mp4", answer(video, { duration: "1e309" }), "")).toEqual({ ok: false, error: "a.mp4: has no duration (empty or truncated?)" });
    const tagged = parseProbe("a.mp4", answer({ ...video, tags: JSON.parse('{"__proto__":{"x":1},"title":"t"}') as object }), "");
    expect(tagged.ok && Object.keys(firstVideo(tagged.value)?.tags ?? {})).toEqual(["title"]);
  });
});
