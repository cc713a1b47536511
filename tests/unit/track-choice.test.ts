import { describe, expect, it } from "vitest";
import { tracksLeftOut } from "../../src/core/dropped-tracks";
import type { MediaInfo } from "../../src/core/media-info";
import { droppedAudio, keptAudio, nothingKept, trackRows, withTrackKept } from "../../src/core/track-choice";
import { AUDIO, sampleInfo, VIDEO } from "./sample-info";

const audio = (index: number, title: string) => ({ ...AUDIO, index, tags: { title } });
/** An OBS recording: a video, three titled AAC tracks, subtitles and a timecode track. */
const OBS: MediaInfo = sampleInfo({
  streams: [
    VIDEO,
    audio(1, "Game"),
    audio(2, "Mic"),
    audio(3, "Music"),
    { kind: "subtitle", index: 4, codec: "subrip", tags: { title: "English", language: "eng" } },
    { kind: "data", index: 5, codec: "tmcd", tags: {} },
  ],
});

describe("trackRows", () => {
  it("lists every track in the media line's words, each kept until dropped; those an MP4 cannot change say why", () => {
    expect(trackRows(OBS, [2])).toEqual([
      { index: 0, name: "H.264 320×240 25 fps", kept: true, fixed: "the cut is made on its frames: it is always kept" },
      { index: 1, name: "AAC 48 kHz stereo 'Game'", kept: true, fixed: null },
      { index: 2, name: "AAC 48 kHz stereo 'Mic'", kept: false, fixed: null },
      { index: 3, name: "AAC 48 kHz stereo 'Music'", kept: true, fixed: null },
      { index: 4, name: "Subtitles SRT 'English' (eng)", kept: false, fixed: "an MP4 cannot hold subtitles" },
      { index: 5, name: "Data (timecode)", kept: false, fixed: "an MP4 cannot hold a data track" },
    ]);
  });

  it("keeps only the first of two video tracks, saying so", () => {
    const two = sampleInfo({ streams: [VIDEO, { ...VIDEO, index: 1, width: 640, height: 480 }] });
    expect(trackRows(two, []).map((r) => [r.kept, r.fixed])).toEqual([
      [true, "the cut is made on its frames: it is always kept"],
      [false, "only the first video track goes into an MP4"],
    ]);
  });
});

describe("the request's choice", () => {
  it("keeps the audio tracks not dropped, each with its place among the source's (ffmpeg's a:N)", () => {
    expect(keptAudio(OBS, [2]).map((a) => [a.stream.index, a.ordinal])).toEqual([[1, 0], [3, 2]]);
    expect(droppedAudio(OBS, [2])).toEqual([1]);
    expect(droppedAudio(OBS, [])).toEqual([]);
    // The video or a subtitle named as dropped changes no audio.
    expect(keptAudio(OBS, [0, 4]).map((a) => a.ordinal)).toEqual([0, 1, 2]);
  });

  it("toggles one track, ascending and each once", () => {
    expect(withTrackKept([], 3, false)).toEqual([3]);
    expect(withTrackKept([3], 1, false)).toEqual([1, 3]);
    expect(withTrackKept([1, 3], 1, false)).toEqual([1, 3]);
    expect(withTrackKept([1, 3], 3, true)).toEqual([1]);
  });

  it("refuses only a sound-only export with every track left out", () => {
    expect(nothingKept(OBS, [1, 2, 3])).toBeNull();
    const sound = sampleInfo({ streams: [AUDIO] });
    expect(nothingKept(sound, [])).toBeNull();
    expect(nothingKept(sound, [1])).toBe("Every track is left out (Tracks): keep at least one audio track to export");
  });
});

describe("the words follow the Output container", () => {
  it("names the container chosen, and says an MKV does not get the subtitles yet rather than that it cannot hold them", () => {
    expect(trackRows(OBS, [], "mov").slice(4).map((r) => r.fixed)).toEqual(["a MOV cannot hold subtitles", "a MOV cannot hold a data track"]);
    expect(trackRows(OBS, [], "mkv").slice(4).map((r) => r.fixed)).toEqual(["subtitles are not copied into MKV exports yet", "an MKV cannot hold a data track"]);
    expect(tracksLeftOut(OBS, [], "mkv")).toEqual([
      "Subtitles 'English' (eng) (SRT) are not copied into MKV exports yet: they are left out.",
      "The data track (timecode) cannot go into an MKV: it is left out.",
    ]);
  });
});

describe("tracksLeftOut", () => {
  it("names every track an MP4 export leaves out, and why: the user's choice, subtitles, data", () => {
    expect(tracksLeftOut(OBS, [2])).toEqual([
      "AAC 48 kHz stereo 'Mic' is left out: you chose not to keep it (Tracks).",
      "Subtitles 'English' (eng) (SRT) cannot go into an MP4: they are left out.",
      "The data track (timecode) cannot go into an MP4: it is left out.",
    ]);
  });

  it("says nothing of a source whose tracks all go into the MP4", () => {
    expect(tracksLeftOut(sampleInfo(), [])).toEqual([]);
  });
});
