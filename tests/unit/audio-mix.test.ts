import { describe, expect, it } from "vitest";
import { gainFactor, mixes, mixTitle, NO_MIX, soundLayout, withGain, withTrackMixed, type AudioMix } from "../../src/core/audio-mix";
import type { AudioStream, MediaInfo } from "../../src/core/media-info";
import { AUDIO, sampleInfo, VIDEO } from "./sample-info";

const audio = (index: number, title: string): AudioStream => ({ ...AUDIO, index, tags: title ? { title } : {} });
/** An OBS recording: a video and three titled AAC tracks. */
const OBS: MediaInfo = sampleInfo({ streams: [VIDEO, audio(1, "Game"), audio(2, "Mic"), audio(3, "Music")] });
const mix = (tracks: number[], gains: Record<number, number> = {}): AudioMix => ({ on: true, tracks, gains });

describe("soundLayout", () => {
  it("puts the mixed track where its first track stood, the others after it in source order, each gain as a factor", () => {
    expect(soundLayout(OBS, [], mix([1, 2], { 2: -6 }), "smart")).toEqual([
      { kind: "mix", positions: [0, 1], gains: [1, gainFactor(-6)], title: "Game + Mic" },
      { kind: "copy", position: 2 },
    ]);
    expect(soundLayout(OBS, [], mix([1, 3]), "reencode")).toEqual([
      { kind: "mix", positions: [0, 2], gains: [1, 1], title: "Game + Music" },
      { kind: "copy", position: 1 },
    ]);
  });

  it("mixes nothing in lossless, with the mix off, or with fewer than two kept tracks chosen", () => {
    const asIs = [0, 1, 2].map((position) => ({ kind: "copy", position }));
    expect(soundLayout(OBS, [], mix([1, 2]), "lossless")).toEqual(asIs);
    expect(soundLayout(OBS, [], { ...mix([1, 2]), on: false }, "smart")).toEqual(asIs);
    expect(soundLayout(OBS, [], mix([2]), "smart")).toEqual(asIs);
    // Mic dropped: Game alone is no mix, and Mic is not in the output at all.
    expect(soundLayout(OBS, [2], mix([1, 2]), "smart")).toEqual([0, 1].map((position) => ({ kind: "copy", position })));
    expect(mixes(OBS, [2], mix([1, 2]), "smart")).toBe(false);
    expect(soundLayout(OBS, [], undefined, "smart")).toEqual(asIs);
  });

  it("counts places among the kept tracks, so a dropped track before the mix moves it up", () => {
    expect(soundLayout(OBS, [1], mix([2, 3], { 3: 3 }), "smart")).toEqual([{ kind: "mix", positions: [0, 1], gains: [1, gainFactor(3)], title: "Mic + Music" }]);
  });
});

describe("the mix's choices", () => {
  it("names unnamed tracks as the Tracks panel does", () => {
    expect(mixTitle([audio(1, "Game"), audio(2, "")])).toBe("Game + AAC 48 kHz stereo");
  });

  it("adds and removes tracks in source order, keeping volumes; volumes stay within range", () => {
    const chosen = withTrackMixed(withTrackMixed(NO_MIX, 3, true), 1, true);
    expect(chosen.tracks).toEqual([1, 3]);
    expect(withTrackMixed(withGain(chosen, 3, -6), 3, false)).toEqual({ on: false, tracks: [1], gains: { 3: -6 } });
    expect(withGain(NO_MIX, 1, 40).gains[1]).toBe(12);
    expect(withGain(NO_MIX, 1, -400).gains[1]).toBe(-60);
  });

  it("turns dB into amplitude: −6 dB is about half, +6 dB about double", () => {
    expect(gainFactor(0)).toBe(1);
    expect(gainFactor(-6)).toBeCloseTo(0.501, 3);
    expect(gainFactor(6)).toBeCloseTo(1.995, 3);
  });
});
