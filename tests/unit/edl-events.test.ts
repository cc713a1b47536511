import { describe, expect, it } from "vitest";
import { parse } from "../../src/core/formats/edl";

const PAL = { num: 25, den: 1 };
const NTSC = { num: 30000, den: 1001 };
const NTSC60 = { num: 60000, den: 1001 };

/** Each clip as [first frame, end frame] at `rate`: one frame off fails. */
function frames(text: string, rate: { num: number; den: number }) {
  const result = parse(text, rate);
  if (!result.ok) throw new Error(result.error);
  return result.value.entries.map((e) => [Math.round((e.start * rate.num) / rate.den), Math.round((e.end * rate.num) / rate.den)]);
}

const warnings = (text: string, rate = PAL) => {
  const result = parse(text, rate);
  return result.ok ? result.value.warnings : [{ line: -1, message: result.error }];
};

describe("EDL frame count mode", () => {
  it("counts drop-frame where FCM says so, whatever the separator, at 29.97", () => {
    const text = [
      "TITLE: avid",
      "FCM: DROP FRAME",
      "001  TAPE1  V  C  00:01:00:02 00:10:00:00 00:00:00:00 00:08:59:28",
    ].join("\n");
    // Drop-frame: 00:01:00:02 is frame 1800 (01:00:00 and :01 are skipped); 00:10:00:00 is 17982.
    expect(frames(text, NTSC)).toEqual([[1800, 17982]]);
  });

  it("follows the FCM line in force when it switches between events", () => {
    const text = [
      "TITLE: mixed",
      "FCM: NON-DROP FRAME",
      "001  TAPE1  V  C  00:10:00:00 00:10:01:00 00:00:00:00 00:00:01:00",
      "FCM: DROP FRAME",
      "002  TAPE1  V  C  00:10:00:00 00:10:01:00 00:00:01:00 00:00:02:00",
      "FCM: NON-DROP FRAME",
      "003  TAPE1  V  C  00:10:00;00 00:10:01;00 00:00:02:00 00:00:03:00",
    ].join("\n");
    // Non-drop 00:10:00:00 is 18000 frames, drop-frame 17982; the FCM line decides, not the `;`.
    expect(frames(text, NTSC)).toEqual([
      [18000, 18030],
      [17982, 18012],
      [18000, 18030],
    ]);
  });

  it("drops four frame numbers a minute at 59.94", () => {
    const text = "TITLE: x\nFCM: DROP FRAME\n001  TAPE1  V  C  00:01:00:04 00:10:00:00 00:00:00:00 00:09:00:00\n";
    // 00:01:00:04 → 3604 − 4 = 3600; 00:10:00:00 → 36000 − 4 × 9 = 35964.
    expect(frames(text, NTSC60)).toEqual([[3600, 35964]]);
  });

  it("reads `;` as drop-frame where no FCM line says, and says drop-frame means nothing at 25 fps", () => {
    expect(frames("TITLE: x\n001  AX  V  C  00:01:00;02 00:01:01;00 00:00:00;00 00:00:00;28\n", NTSC)).toEqual([[1800, 1828]]);
    const text = "TITLE: x\nFCM: DROP FRAME\n001  AX  V  C  00:01:00:02 00:01:01:00 00:00:00:00 00:00:00:23\n";
    expect(frames(text, PAL)).toEqual([[1502, 1525]]);
    expect(warnings(text)).toEqual([{ line: 2, message: "line 2: drop-frame timecode at 25 fps, which has none: read as non-drop" }]);
  });
});

describe("EDL edits on many tracks", () => {
  it("reads one edit repeated on V, A, A2–A10, AA and B as one clip", () => {
    const tracks = ["V", "A", ...Array.from({ length: 9 }, (_, i) => `A${i + 2}`), "AA", "B"];
    const events = tracks.map(
      (track, i) => `${String(i + 1).padStart(3, "0")}  TAPE1  ${track}  C  01:00:00:00 01:48:00:00 01:00:00:00 01:48:00:00`,
    );
    expect(frames(["TITLE: avid", "FCM: NON-DROP FRAME", ...events].join("\n"), PAL)).toEqual([[90000, 162000]]);
  });

  it("reads an audio event that repeats the video event before it as no second clip, a split edit as its own", () => {
    const text = [
      "TITLE: x",
      "001  TAPE1  V   C  00:00:01:00 00:00:03:00 01:00:00:00 01:00:02:00",
      "001  TAPE1  A   C  00:00:01:00 00:00:03:00 01:00:00:00 01:00:02:00",
      "002  TAPE1  V   C  00:00:05:00 00:00:06:00 01:00:02:00 01:00:03:00",
      "003  TAPE1  A   C  00:00:04:12 00:00:06:00 01:00:01:12 01:00:03:00",
      "004  TAPE1  V   C  00:00:01:00 00:00:03:00 01:00:03:00 01:00:05:00",
    ].join("\n");
    // 004 repeats 001's source at another record time: the editor used it twice, so two clips.
    expect(frames(text, PAL)).toEqual([
      [25, 75],
      [125, 150],
      [112, 150],
      [25, 75],
    ]);
  });

  it("keeps the same range of two different sources apart", () => {
    const text = [
      "TITLE: x",
      "001  AX  V  C  00:00:01:00 00:00:02:00 00:00:00:00 00:00:01:00",
      "* FROM CLIP NAME: a.mov",
      "002  AX  A  C  00:00:01:00 00:00:02:00 00:00:00:00 00:00:01:00",
      "* FROM CLIP NAME: b.wav",
    ].join("\n");
    expect(frames(text, PAL)).toEqual([
      [25, 50],
      [25, 50],
    ]);
  });
});

describe("EDL transitions and generators", () => {
  it("makes no clip of black, bars or a dissolve's zero-length from half, and no warning", () => {
    const text = [
      "TITLE: x",
      "FCM: NON-DROP FRAME",
      "001  BL     V  C        00:00:00:00 00:00:00:00 01:00:00:00 01:00:00:00",
      "001  TAPE1  V  W001 030 00:00:05:00 00:00:10:00 01:00:00:00 01:00:05:00",
      "002  BARS   V  C        00:00:00:00 00:00:10:00 01:00:05:00 01:00:15:00",
      "003  BLK    V  C        00:00:00:00 00:00:01:00 01:00:15:00 01:00:16:00",
      "004  BLACK  V  C        00:00:00:00 00:00:01:00 01:00:16:00 01:00:17:00",
      "005  TAPE1  V  C        00:00:20:00 00:00:22:00 01:00:17:00 01:00:19:00",
      "006  TAPE1  V  C        00:00:22:00 00:00:22:00 01:00:19:00 01:00:19:00",
      "006  TAPE1  V  D    012 00:00:30:00 00:00:31:00 01:00:19:00 01:00:20:00",
      "007  TAPE1  V  C        00:00:40:00 00:00:41:00 01:00:20:00 01:00:21:00",
      "007  BL     V  D    025 00:00:00:00 00:00:01:00 01:00:21:00 01:00:22:00",
    ].join("\n");
    // The wipe's and the dissolve's incoming halves are clips; the fade to black's outgoing half is
    // a clip (it has frames), its incoming black is not.
    expect(frames(text, PAL)).toEqual([
      [125, 250],
      [500, 550],
      [750, 775],
      [1000, 1025],
    ]);
    expect(warnings(text)).toEqual([]);
  });

  it("still warns about a cut whose OUT is not after IN", () => {
    const text = "TITLE: x\n001  AX  V  C  00:00:01:00 00:00:02:00 00:00:00:00 00:00:01:00\n002  AX  V  C  00:00:05:00 00:00:05:00 00:00:01:00 00:00:01:00\n";
    expect(warnings(text)).toEqual([{ line: 3, message: "line 3: source OUT is not after IN" }]);
  });
});

describe("EDL marker lists", () => {
  it("refuses a DaVinci Resolve marker list, counting its markers", () => {
    const text = [
      "TITLE: Timeline 1",
      "FCM: NON-DROP FRAME",
      "",
      "001  001      V     C        01:00:18:06 01:00:18:07 01:00:18:06 01:00:18:07  ",
      "Hair on the left |C:ResolveColorYellow |M:Marker 1 |D:1",
      "",
      "002  001      V     C        01:00:20:20 01:00:20:21 01:00:20:20 01:00:20:21  ",
      " |C:ResolveColorGreen |M:Marker 2 |D:1",
      "",
      "003  001      V     C        01:00:42:21 01:00:42:22 01:00:42:21 01:00:42:22  ",
      " |C:ResolveColorBlue |M:Marker 3 |D:1",
    ].join("\r\n");
    expect(parse(text, PAL)).toEqual({ ok: false, error: "a DaVinci Resolve marker list: it holds 3 markers, not clips" });
  });
});

describe("EDL lines that are not events", () => {
  it("reads AUD, effect names, remarks, comments, audio levels and split edits without a word", () => {
    const text = [
      "TITLE: x",
      "FCM: NON-DROP FRAME",
      "SPLIT:    AUDIO DELAY=  00:00:00:05",
      "001  AX       AA/V  C        00:00:01:00 00:00:02:00 01:00:00:00 01:00:01:00",
      "AUD  3    4",
      "EFFECTS NAME IS CROSS DISSOLVE",
      "REM sent to the grade",
      "* AUDIO LEVEL AT 00:00:00:00 IS -3.00 DB  (REEL AX A1)",
      "* FROM CLIP NAME: talk.mp4",
      "* COMMENT: the intro",
    ].join("\n");
    const result = parse(text, PAL);
    expect(result.ok && result.value.warnings).toEqual([]);
    expect(result.ok && result.value.entries.map((e) => [e.start, e.end, e.label])).toEqual([[1, 2, "the intro"]]);
  });

  it("warns that a speed change is dropped, naming its line, and what it cannot read", () => {
    const text = [
      "TITLE: x",
      "001  AX  V  C  00:00:01:00 00:00:03:00 00:00:00:00 00:00:01:00",
      "M2   AX       050.0                00:00:01:00",
      "002  AX  V  C  00:00:05:00",
      "003  AX  V  C  00:00:07:00 00:00:08:00 00:00:01:00 00:00:02:00",
      "M2   AX       025.0                00:00:07:00",
    ].join("\n");
    // 003 plays at the list's own rate: nothing is dropped.
    expect(warnings(text)).toEqual([
      { line: 3, message: "line 3: speed change (M2 at 50 fps) dropped: the clip is imported at normal speed" },
      { line: 4, message: "line 4: not a CMX 3600 event" },
    ]);
  });
});
