import { describe, expect, it } from "vitest";
import { serialize } from "../../src/core/formats/youtube-chapters";

const PAL = { num: 25, den: 1 };
const NTSC = { num: 30000, den: 1001 };

describe("YouTube chapters", () => {
  it("times each chapter on the cut: the clips before it, in whole frames, end to end", () => {
    // Worked by hand at 25 fps: 0.92–12.52 s is frames 23–313 (290 frames, 11.6 s); 100–125.02 s
    // is frames 2500–3126 (626, 25.04 s), so the third starts at 36.64 s, written 00:37.
    const entries = [
      { start: 0.92, end: 12.52, label: "Intro" },
      { start: 100, end: 125.02, label: "" },
      { start: 40, end: 55, label: "Questions\nand answers" },
    ];
    expect(serialize(entries, PAL)).toEqual({ ok: true, value: "00:00 Intro\n00:12 Clip 2\n00:37 Questions and answers\n" });
  });

  it("counts frames, not seconds typed: one frame more moves a chapter past a second", () => {
    // At 30000/1001, 0–10.51 s is frames 0–315 (10.5105 s) and 0–10.48 s frames 0–314 (10.477 s).
    const more = [{ start: 0, end: 10.51, label: "a" }, { start: 0, end: 10, label: "b" }, { start: 20, end: 31, label: "c" }];
    const less = [{ start: 0, end: 10.48, label: "a" }, ...more.slice(1)];
    expect(serialize(more, NTSC)).toEqual({ ok: true, value: "00:00 a\n00:11 b\n00:21 c\n" });
    expect(serialize(less, NTSC)).toEqual({ ok: true, value: "00:00 a\n00:10 b\n00:20 c\n" });
  });

  it("writes hours in a cut of an hour or more", () => {
    const entries = [{ start: 0, end: 1800, label: "a" }, { start: 0, end: 1800, label: "b" }, { start: 0, end: 65, label: "c" }];
    expect(serialize(entries, PAL)).toEqual({ ok: true, value: "0:00:00 a\n0:30:00 b\n1:00:00 c\n" });
  });

  it("says why instead of writing a list YouTube would reject", () => {
    expect(serialize([{ start: 0, end: 30, label: "" }, { start: 40, end: 60, label: "" }], PAL)).toEqual({
      ok: false,
      error: "YouTube needs at least 3 chapters; the list has 2 clips",
    });
    // 40–49.4 s is frames 1000–1235 (9.4 s): the chapters are written at 00:00, 00:30 and 00:39.
    const short = [{ start: 0, end: 30, label: "" }, { start: 40, end: 49.4, label: "" }, { start: 60, end: 69, label: "" }];
    expect(serialize(short, PAL)).toEqual({
      ok: false,
      error: "YouTube needs every chapter to last at least 10 s in the cut; too short: clip 2 (9.0 s), clip 3 (9.4 s)",
    });
  });
});
