import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { previewImport } from "../../src/core/edits-import";
import { parse } from "../../src/core/formats/edl";
import { sampleInfo, VIDEO } from "./sample-info";

// EDLs from OpenTimelineIO's test data (see tests/fixtures/real-world/edl/SOURCES.md). OTIO reads
// them at 24 fps unless told otherwise; so do we.
const FILM = { num: 24, den: 1 };
const HOUR = 86400; // 01:00:00:00 at 24 fps, in frames

const read = (name: string) => readFileSync(`tests/fixtures/real-world/edl/otio-${name}.edl`, "utf8");

/** Each clip as [first frame, length in frames]: one frame off fails. */
function clips(name: string, rate = FILM) {
  const result = parse(read(name), rate);
  if (!result.ok) throw new Error(result.error);
  const frame = (seconds: number) => Math.round((seconds * rate.num) / rate.den);
  return result.value.entries.map((e) => [frame(e.start), frame(e.end) - frame(e.start)]);
}
const lengths = (name: string, rate = FILM) => clips(name, rate).map(([, length]) => length);
const warnings = (name: string, rate = FILM) => {
  const result = parse(read(name), rate);
  return result.ok ? result.value.warnings.map((w) => w.message) : [result.error];
};

describe("real EDLs: clip counts and ranges as OpenTimelineIO's tests read them", () => {
  it("screening_example (and no_spaces_test, the same list with `*FROM`): 9 clips", () => {
    // test_edl_read: 9 clips, the first four lasting 00:00:01:07, 00:00:02:02, 00:00:01:04, 00:00:04:19.
    for (const name of ["screening_example", "no_spaces_test"]) {
      expect(lengths(name).slice(0, 4)).toEqual([31, 50, 28, 115]);
      expect(clips(name)).toHaveLength(9);
      expect(warnings(name)).toEqual([]);
    }
  });

  it("25fps: four clips of 161, 200, 86 and 49 frames from 01:00:00:00 at 25 fps", () => {
    // test_edl_25fps; each starts at 01:00:00:00 (the file's source IN), 90000 frames at 25 fps.
    expect(clips("25fps", { num: 25, den: 1 })).toEqual([
      [90000, 161],
      [90000, 200],
      [90000, 86],
      [90000, 49],
    ]);
  });

  it("dissolve_test and wipe_test: the incoming half is the clip, the zero-length from half none", () => {
    // test_dissolve_parse / test_wipe_parse: clip_A 9 frames, clip_B 10 (the transition's source,
    // 01:00:08:08), then clip_B 1 frame; OTIO's fourth item is the transition itself.
    for (const name of ["dissolve_test", "wipe_test"]) {
      expect(clips(name)).toEqual([
        [HOUR + 4 * 24 + 5, 9],
        [HOUR + 8 * 24 + 8, 10],
        [HOUR + 8 * 24 + 18, 1],
      ]);
      expect(warnings(name)).toEqual([]);
    }
  });

  it("dissolve_test_2: clip_B starts at 01:00:08:04 and lasts 10 frames", () => {
    // test_dissolve_parse_middle.
    expect(clips("dissolve_test_2")).toEqual([
      [HOUR + 4 * 24 + 5, 5],
      [HOUR + 8 * 24 + 4, 10],
      [HOUR + 8 * 24 + 14, 5],
    ]);
  });

  it("dissolve_test_3: Clip_A 61 frames, Clip_C 30 from 01:00:33:22, Clip_D 46 from 01:00:00:00", () => {
    // test_dissolve_parse_full_clip_dissolve (its FCM line between the halves is read, not warned).
    expect(clips("dissolve_test_3")).toEqual([
      [HOUR + 3 * 24 + 23, 61],
      [HOUR + 33 * 24 + 22, 30],
      [HOUR, 46],
    ]);
    expect(warnings("dissolve_test_3")).toEqual([]);
  });

  it("dissolve_test_4: six clips of 30, 51, 81, 84, 96 and 135 frames", () => {
    // test_three_part_transition (OTIO's items 0, 1, 3, 5, 6, 7; 2 and 4 are transitions).
    expect(lengths("dissolve_test_4")).toEqual([30, 51, 81, 84, 96, 135]);
  });

  it("transition_duration: four clips, the dissolve's zero-length from half none", () => {
    // test_transition_duration gives 5 items, one a transition; lengths counted by hand from the
    // source timecodes (01:00:12:15–01:00:17:01 is 4 s 10 f = 106 frames, and so on).
    expect(lengths("transition_duration")).toEqual([106, 74, 73, 155]);
  });

  it("gap_test: three clips of 24 frames (FROM CLIP NAME without `*`)", () => {
    // test_record_gaps.
    expect(clips("gap_test")).toEqual([
      [10 * 60 * 24, 24],
      [23 * HOUR, 24],
      [10 * HOUR, 24],
    ]);
    expect(warnings("gap_test")).toEqual([]);
  });

  it("multi_audio: one clip of 00:56:55:22 from 0, its AUD line read", () => {
    // test_read_edl_with_multiple_target_audio_tracks: the same range on two audio tracks.
    expect(clips("multi_audio")).toEqual([[0, (56 * 60 + 55) * 24 + 22]]);
    expect(warnings("multi_audio")).toEqual([]);
  });

  it("avid, nucoda and premiere examples: two clips of 31 and 50 frames", () => {
    // test_style_edl_read: two clips; lengths by hand (01:00:04:05–01:00:05:12, 01:00:06:13–01:00:08:15).
    for (const name of ["avid_example", "nucoda_example", "premiere_example"]) {
      expect(clips(name)).toEqual([
        [HOUR + 4 * 24 + 5, 31],
        [HOUR + 6 * 24 + 13, 50],
      ]);
    }
  });

  it("speed_effects_small: five clips, each speed change warned about on its M2 line", () => {
    // By hand: the freeze frames (M2 000.0) hold one source frame each; 005 runs at 47.6 fps.
    expect(lengths("speed_effects_small")).toEqual([126, 1, 1, 18, 70]);
    expect(warnings("speed_effects_small")).toEqual([
      "line 6: speed change (M2 at 0 fps) dropped: the clip is imported at normal speed",
      "line 10: speed change (M2 at 0 fps) dropped: the clip is imported at normal speed",
      "line 16: speed change (M2 at 47.6 fps) dropped: the clip is imported at normal speed",
    ]);
  });
});

describe("real EDLs imported into one of their sources", () => {
  const film = (fileName: string, duration = 3600) =>
    sampleInfo({ fileName, duration, streams: [{ ...VIDEO, frameRate: FILM, tags: { timecode: "01:00:00:00" } }] });

  it("screening_example into ZZ100_504C.LAY1.02: its one clip, timed from the start timecode", () => {
    const result = previewImport("screening.edl", read("screening_example"), film("ZZ100_504C.LAY1.02"));
    // Event 004: 01:00:10:01–01:00:14:20 is frames 241 to 356 after 01:00:00:00.
    expect(result.ok && result.value.entries.map((e) => [e.start * 24, e.end * 24])).toEqual([[241, 356]]);
    expect(result.ok && result.value.otherFiles).toHaveLength(8);
  });

  it("dissolve_test_3 into Clip_C.mov: the dissolve's incoming half", () => {
    const result = previewImport("dissolve.edl", read("dissolve_test_3"), film("clip_c.MOV"));
    expect(result.ok && result.value.entries.map((e) => [e.start * 24, e.end * 24])).toEqual([[33 * 24 + 22, 34 * 24 + 28]]);
    expect(result.ok && result.value.otherFiles).toEqual(["Clip_A.mov", "Clip_D.mov"]);
  });
});
