import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { missingLines, previewImport } from "../../src/core/edits-import";
import { parse } from "../../src/core/formats/edl";
import { sampleInfo, VIDEO, oneSource } from "./sample-info";

// EDLs from OpenTimelineIO's and pycmx's test data (see tests/fixtures/real-world/edl/SOURCES.md).
// OTIO reads them at 24 fps unless told otherwise; so do we.
const FILM = { num: 24, den: 1 };
const HOUR = 86400; // 01:00:00:00 at 24 fps, in frames

const read = (name: string) =>
  readFileSync(`tests/fixtures/real-world/edl/${name.startsWith("pycmx-") ? name : `otio-${name}`}.edl`, "utf8");

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
    const result = previewImport("screening.edl", read("screening_example"), oneSource(film("ZZ100_504C.LAY1.02")));
    // Event 004: 01:00:10:01–01:00:14:20 is frames 241 to 356 after 01:00:00:00.
    expect(result.ok && result.value.entries.map((e) => [e.start * 24, e.end * 24])).toEqual([[241, 356]]);
    expect(result.ok && result.value.missing).toHaveLength(8);
  });

  it("dissolve_test_3 into Clip_C.mov: the dissolve's incoming half", () => {
    const result = previewImport("dissolve.edl", read("dissolve_test_3"), oneSource(film("clip_c.MOV")));
    expect(result.ok && result.value.entries.map((e) => [e.start * 24, e.end * 24])).toEqual([[33 * 24 + 22, 34 * 24 + 28]]);
    expect(result.ok && result.value.missing.map((m) => m.name)).toEqual(["Clip_A.mov", "Clip_D.mov"]);
  });
});

describe("real EDLs from pycmx's tests", () => {
  const PAL = { num: 25, den: 1 };
  const FILM_NTSC = { num: 24000, den: 1001 };

  it("Premiere's test_25: black, wipe from a BL reel, a dissolve's from half and a repeated audio event make no clip", () => {
    // By hand from the file (events 001–011): 005's and 007's C halves are zero-length from halves,
    // 007's incoming half is black (BL), 008 is Premiere's "Black Video", 011 (AA) repeats 010 (V).
    expect(clips("pycmx-test_25", PAL)).toEqual([
      [90000, 59 * 25 + 24],
      [0, 90 * 25],
      [0, 30 * 25 + 1],
      [0, 24 * 25 + 17],
      [(59 * 60 + 58) * 25 + 21, 6 * 25 + 18],
      [0, 29 * 25 + 1],
      [90000 + 10 * 25 + 14, 4 * 25 + 11],
      [0, 30 * 25 + 1],
    ]);
    // Its AUD, EFFECTS NAME and REM (licence) lines are read; 010's reverse play is said, once.
    expect(warnings("pycmx-test_25", PAL)).toEqual([
      "line 39: speed change (M2 at -25 fps) dropped: the clip is imported at normal speed",
    ]);
  });

  it("Avid's INS4_R1_010417: 287 clips, its speed changes warned about, its source table read", () => {
    // pycmx's test_event_counts: 287 events, each one cut. 11 M2 lines (none at normal speed).
    expect(clips("pycmx-INS4_R1_010417", FILM_NTSC)).toHaveLength(287);
    const said = warnings("pycmx-INS4_R1_010417", FILM_NTSC);
    expect(said).toHaveLength(11);
    expect(said[0]).toBe("line 13: speed change (M2 at 0 fps) dropped: the clip is imported at normal speed");
  });

  it("Avid's INS4_R1_010417 into one camera file: its three events, timed from the file's start timecode", () => {
    // Events 004–006 (lines 12, 17, 20) cut A192C008_160909_R1BY; the source table's `*SOURCE FILE:`
    // lines after event 287 belong to no event. From 19:26:30:00: frames 68–69, 69–205, 205–1011.
    const info = sampleInfo({
      fileName: "A192C008_160909_R1BY.mov",
      duration: 60,
      streams: [{ ...VIDEO, frameRate: FILM_NTSC, tags: { timecode: "19:26:30:00" } }],
    });
    const result = previewImport("reel1.edl", read("pycmx-INS4_R1_010417"), oneSource(info));
    const frame = (seconds: number) => Math.round((seconds * 24000) / 1001);
    expect(result.ok && result.value.entries.map((e) => [frame(e.start), frame(e.end)])).toEqual([
      [68, 69],
      [69, 205],
      [205, 1011],
    ]);
    const said = result.ok ? result.value.warnings.groups.map((g) => [g.first.message, g.more]) : [];
    expect(said).toHaveLength(1);
    // Only the freeze frame of this file's event 004 is said: other files' speed changes change nothing.
    expect(said[0]).toEqual(["line 13: speed change (M2 at 0 fps) dropped: the clip is imported at normal speed", 0]);
    // Named by their source files, not by Avid's clip names, and counted; the preview shows the first eight.
    const missing = result.ok ? result.value.missing : [];
    expect(missing.reduce((sum, m) => sum + m.clips, 0)).toBe(284);
    expect(missing[0]?.name).toBe("FKI_LEADER_HEAD_1920X1080.MOV");
    expect(missing[3]?.name).toBe("A188C004_160908_R1BY");
    expect(missingLines(missing)).toHaveLength(9);
    expect(missingLines(missing)[8]).toMatch(/^and \d+ clips of \d+ more files$/);
  });

  it("conform_edl_issue_03: 42 clips, event 042 from 18:44:20:12", () => {
    // pycmx's test_issue14: event 42 is one cut of M018C0005_240925_1F4L13 from 18:44:20:12; events
    // run 002–043, so it is the one before last.
    const read42 = clips("pycmx-ISSUE_14_conform_edl_issue_03");
    expect(read42).toHaveLength(42);
    expect(read42.at(-2)?.[0]).toBe(((18 * 60 + 44) * 60 + 20) * 24 + 12);
    expect(warnings("pycmx-ISSUE_14_conform_edl_issue_03")).toEqual([]);
  });
});
