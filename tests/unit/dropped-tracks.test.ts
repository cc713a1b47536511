import { describe, expect, it } from "vitest";
import { droppedTracks } from "../../src/core/dropped-tracks";
import type { MediaInfo } from "../../src/core/media-info";
import { sampleInfo } from "./sample-info";

const audio = (index: number, title: string) => ({
  kind: "audio" as const, index, codec: "aac", sampleRate: 48000, channels: 2, channelLayout: "stereo", timeBase: { num: 1, den: 48000 }, bitRate: 0, tags: { title },
});

describe("droppedTracks", () => {
  it("names every track an MP4 export leaves out, and why, and keeps every audio track", () => {
    const base = sampleInfo();
    const info: MediaInfo = {
      ...base,
      streams: [
        ...base.streams.filter((s) => s.kind === "video"),
        audio(1, "Game"),
        audio(2, "Mic"),
        { kind: "subtitle", index: 3, codec: "subrip", tags: { title: "English" } },
        { kind: "data", index: 4, codec: "tmcd", tags: {} },
      ],
    };
    expect(droppedTracks(info)).toEqual([
      "Subtitles 'English' (SRT) cannot go into an MP4: they are left out.",
      "The data track (timecode) cannot go into an MP4: it is left out.",
    ]);
  });

  it("says nothing of a source whose tracks all go into the MP4", () => {
    expect(droppedTracks(sampleInfo())).toEqual([]);
  });
});
