import { describe, expect, it } from "vitest";
import { sourceDifferences } from "../../src/core/source-match";

const TALK = { name: "talk.mp4", size: 1000, fingerprint: "aa", duration: 60 };

describe("sourceDifferences", () => {
  it("finds none for the same content, even renamed and re-dated", () => {
    expect(sourceDifferences(TALK, { ...TALK, name: "talk (copy).mp4" })).toEqual([]);
  });

  it("names each way a different file differs", () => {
    expect(sourceDifferences(TALK, { name: "talk.mkv", size: 900, fingerprint: "bb", duration: 61.5 })).toEqual([
      "it is named talk.mkv, not talk.mp4",
      "it has 900 bytes, not 1000",
      "it lasts 00:01:01.500, not 00:01:00.000",
      "its content differs",
    ]);
  });

  it("says only that the content differs for a namesake of the same size and length", () => {
    expect(sourceDifferences(TALK, { ...TALK, fingerprint: "bb" })).toEqual(["its content differs"]);
  });

  it("leaves the length out where the project never probed its source", () => {
    const { duration: _, ...unprobed } = TALK;
    expect(sourceDifferences(unprobed, { ...TALK, fingerprint: "bb", duration: 5 })).toEqual(["its content differs"]);
  });
});
