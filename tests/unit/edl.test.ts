import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeSource, parse, serialize, timecodeRate } from "../../src/core/formats/edl";
import { spanFrames } from "../../src/core/frames";
import { AUDIO, sampleInfo, VIDEO } from "./sample-info";

const PAL = { num: 25, den: 1 };
const NTSC = { num: 30000, den: 1001 };
const SOURCE = { title: "talk", fileName: "talk.mp4", rate: PAL, tracks: "AA/V" as const };

describe("CMX 3600 EDL", () => {
  it("writes one event a clip, record times end to end", () => {
    const text = serialize(
      [
        { start: 4.12, end: 6.32, label: "" },
        { start: 1.28, end: 2.68, label: "the intro" },
      ],
      SOURCE,
    );
    expect(text).toBe(
      [
        "TITLE: talk",
        "FCM: NON-DROP FRAME",
        "",
        "001  AX       AA/V  C        00:00:04:03 00:00:06:08 00:00:00:00 00:00:02:05",
        "* FROM CLIP NAME: talk.mp4",
        "002  AX       AA/V  C        00:00:01:07 00:00:02:17 00:00:02:05 00:00:03:15",
        "* FROM CLIP NAME: talk.mp4",
        "* COMMENT: the intro",
        "",
      ].join("\n"),
    );
  });

  it("writes the frames a clip stands for: IN and OUT to the nearest frame boundary", () => {
    // 0.901 s is frame 22.525, 6.573 s frame 164.325: frames 23 to 163, OUT 164 exclusive.
    const event = (text: string) => text.split("\n")[3];
    expect(event(serialize([{ start: 0.901, end: 6.573, label: "" }], SOURCE))).toBe(
      "001  AX       AA/V  C        00:00:00:23 00:00:06:14 00:00:00:00 00:00:05:16",
    );
    // At 29.97 non-drop timecode counts 30 a second: frames 377 to 476.
    const ntsc = { ...SOURCE, rate: NTSC };
    expect(event(serialize([{ start: 12.579, end: 15.916, label: "" }], ntsc))).toBe(
      "001  AX       AA/V  C        00:00:12:17 00:00:15:27 00:00:00:00 00:00:03:10",
    );
  });

  it("reads back the frames it wrote, whatever the times", () => {
    const entries = fc.array(
      fc
        .tuple(fc.integer({ min: 0, max: 7_200_000 }), fc.integer({ min: 1, max: 600_000 }))
        .map(([start, length]) => ({ start: start / 1000, end: (start + length) / 1000, label: "" })),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(fc.constantFrom(PAL, NTSC, { num: 24000, den: 1001 }, { num: 50, den: 1 }), entries, (rate, list) => {
        // A clip that stands for no frame cannot be an event (EDL OUT must follow IN).
        const kept = list.filter((e) => spanFrames(e, rate).end > spanFrames(e, rate).first);
        fc.pre(kept.length > 0);
        const back = parse(serialize(kept, { ...SOURCE, rate }), rate);
        expect(back.ok && back.value.entries.map((e) => spanFrames(e, rate))).toEqual(kept.map((e) => spanFrames(e, rate)));
      }),
    );
  });

  it("round-trips frame-aligned clips, labels included", () => {
    const entries = [
      { start: 4.12, end: 6.32, label: "" },
      { start: 1.28, end: 2.68, label: "the intro" },
      { start: 3600, end: 3601.04, label: "" },
    ];
    const back = parse(serialize(entries, SOURCE), PAL);
    expect(back.ok && back.value.entries.map((e) => [e.start, e.end, e.label])).toEqual(
      entries.map((e) => [expect.closeTo(e.start, 9), expect.closeTo(e.end, 9), e.label]),
    );
  });

  it("reads drop-frame timecode at 29.97", () => {
    const text = "TITLE: x\nFCM: DROP FRAME\n001  AX  V  C  00:01:00;02 00:10:00;00 00:00:00;00 00:08:59;28\n";
    const result = parse(text, NTSC);
    // 00:01:00;02 is frame 1800 (frames 1800 and 1801 have no number); 00:10:00;00 is frame 17982.
    expect(result.ok && result.value.entries[0]?.start).toBeCloseTo((1800 * 1001) / 30000, 9);
    expect(result.ok && result.value.entries[0]?.end).toBeCloseTo((17982 * 1001) / 30000, 9);
  });

  it("reads dissolve events and warns about lines it cannot read, not about a speed change of no clip", () => {
    const text = "TITLE: x\n001  AX  V  C  00:00:01:00 00:00:02:00 00:00:00:00 00:00:01:00\n002  AX  V  D  025 00:00:05:00 00:00:06:00 00:00:01:00 00:00:02:00\n003  AX  V  C  00:00:09:00 00:00:08:00 00:00:02:00 00:00:03:00\nM2   AX  050.0  00:00:05:00\n";
    const result = parse(text, PAL);
    expect(result.ok && result.value.entries.map((e) => e.start)).toEqual([1, 5]);
    expect(result.ok && result.value.warnings.map((w) => w.line)).toEqual([4]);
  });

  it("fails on text that is no EDL", () => {
    expect(parse("# IN,OUT (seconds)\n1,2\n", PAL).ok).toBe(false);
    expect(parse("TITLE: empty\n", PAL)).toEqual({ ok: false, error: "the EDL holds no events" });
  });
});

describe("describeSource", () => {
  it("names the file and its tracks, and times in the video's rate", () => {
    expect(describeSource("talk.final.mp4", sampleInfo())).toEqual({
      title: "talk.final",
      fileName: "talk.final.mp4",
      rate: { num: 25, den: 1 },
      tracks: "AA/V",
    });
    expect(describeSource("a.mp4", sampleInfo({ streams: [VIDEO] })).tracks).toBe("V");
    const audioOnly = sampleInfo({ streams: [AUDIO] });
    expect(describeSource("a.m4a", audioOnly).tracks).toBe("AA");
    expect(timecodeRate(audioOnly)).toEqual({ num: 25, den: 1 });
  });
});
