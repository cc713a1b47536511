import { describe, expect, it } from "vitest";
import { listFiles } from "../../src/core/edit-list-files";
import { applyImport, missingLines, previewImport } from "../../src/core/edits-import";
import type { ListClip, ListSource } from "../../src/core/formats/edit-format";
import { reelNames } from "../../src/core/formats/edl";
import { WRITERS } from "../../src/core/formats/registry";
import { spanFrames } from "../../src/core/frames";
import { AUDIO, sampleInfo, VIDEO } from "./sample-info";

const NTSC = { num: 30000, den: 1001 };
const PAL = { num: 25, den: 1 };
// Two GoPro chapters at 25 fps, and a phone clip at 29.97 with a start timecode.
const GP1: ListSource = { id: "a", fileName: "GP010001.MP4", info: sampleInfo({ fileName: "GP010001.MP4", duration: 20 }) };
const GP2: ListSource = { id: "b", fileName: "GP020001.MP4", info: sampleInfo({ fileName: "GP020001.MP4", duration: 20 }) };
const PHONE: ListSource = {
  id: "c",
  fileName: "phone.mov",
  info: sampleInfo({ fileName: "phone.mov", duration: 30, streams: [{ ...VIDEO, frameRate: NTSC, tags: { timecode: "01:00:00:00" } }, AUDIO] }),
};
const SOURCES = [GP1, GP2, PHONE];
// Frame-aligned clips on their own sources' rates, in an order that goes back and forth between them.
const CLIPS: ListClip[] = [
  { source: "b", start: 4.12, end: 6.32, label: "jump" },
  { source: "a", start: 1.28, end: 2.68, label: "" },
  { source: "c", start: (27 * 1001) / 30000, end: (197 * 1001) / 30000, label: "phone, wide" },
  { source: "a", start: 8, end: 9.6, label: "" },
];

function ids() {
  let n = 0;
  return () => `ID${String(n++).padStart(8, "0")}`;
}

const writer = (action: string) => {
  const found = WRITERS.find((f) => f.writer.action === action);
  if (!found) throw new Error(action);
  return found.writer;
};

function written(action: string, clips: readonly ListClip[] = CLIPS, sources: readonly ListSource[] = SOURCES) {
  const files = listFiles(writer(action), clips, sources, ids());
  if (!files.ok) throw new Error(files.error);
  return files.value;
}

/** Imports `text` into a project of `sources` with `onPlayer` on the player. */
function imported(text: string, sources: readonly ListSource[] = SOURCES, onPlayer = sources[0] as ListSource) {
  const preview = previewImport("list", text, { sources, onPlayer });
  if (!preview.ok) throw new Error(preview.error);
  return preview.value;
}

/** Each clip as its source and its frames at that source's rate: one frame off fails. */
const framed = (clips: readonly ListClip[]) =>
  clips.map((c) => [c.source, spanFrames(c, c.source === "c" ? NTSC : PAL), c.label]);

describe("a project of several files, out and back in", () => {
  // MLT has one rate, the profile's: the phone's clip lands on its nearest frames (below), so not in this round trip.
  it.each([
    ["Export .osp", SOURCES],
    ["Export EDL", SOURCES],
    ["Export Shotcut project", [GP1, GP2]],
  ] as const)("%s: one file naming every source, imported back onto the same sources", (action, sources) => {
    const clips = CLIPS.filter((c) => sources.some((s) => s.id === c.source));
    const [file, ...more] = written(action, clips, sources);
    expect(more).toEqual([]);
    expect(file?.name).toMatch(/^GP010001\./);
    const back = imported(file?.text ?? "", sources);
    expect(back.missing).toEqual([]);
    expect(back.warnings.groups).toEqual([]);
    expect(framed(back.entries)).toEqual(framed(clips));
  });

  it("the imported clips replace those of the sources they are on, in the list's order", () => {
    const back = imported(written("Export .osp")[0]?.text ?? "");
    const before = [{ id: 7, source: "a", start: 0, end: 1, label: "old" }];
    expect(back.replaces.sort()).toEqual(["a", "b", "c"]);
    expect(applyImport(before, back, "replace").map((c) => c.source)).toEqual(["b", "a", "c", "a"]);
  });

  it(".osp: every file in `files`, each clip with its own file_id and reader, the profile the first file's", () => {
    const project = JSON.parse(written("Export .osp")[0]?.text ?? "");
    const files = project.files as { id: string; path: string; fps: unknown }[];
    expect(files.map((f) => f.path)).toEqual(["GP010001.MP4", "GP020001.MP4", "phone.mov"]);
    const fileOf = (id: string) => files.find((f) => f.id === id)?.path;
    const clips = project.clips as { file_id: string; reader: { path: string }; position: number; title: string }[];
    expect(clips.map((c) => [fileOf(c.file_id), c.reader.path])).toEqual([
      ["GP020001.MP4", "GP020001.MP4"],
      ["GP010001.MP4", "GP010001.MP4"],
      ["phone.mov", "phone.mov"],
      ["GP010001.MP4", "GP010001.MP4"],
    ]);
    expect(files[2]?.fps).toEqual(NTSC);
    expect(project.fps).toEqual(PAL);
    // End to end: 55 frames of GP02, 35 of GP01 (at 25 fps), then 170 frames at 29.97 (5.672 s, on the 25 fps grid).
    expect(clips.map((c) => c.position)).toEqual([0, 2.2, 3.6, 3.6 + 142 / 25]);
    expect(clips[1]?.title).toBe("GP010001.MP4");
  });

  it("EDL: one reel and clip name a source, source timecode at its own rate, record times on the first's", () => {
    const text = written("Export EDL")[0]?.text ?? "";
    expect(text.split("\n").slice(0, 11)).toEqual([
      "TITLE: GP010001",
      "FCM: NON-DROP FRAME",
      "",
      "001  GP020001 AA/V  C        00:00:04:03 00:00:06:08 00:00:00:00 00:00:02:05",
      "* FROM CLIP NAME: GP020001.MP4",
      "* COMMENT: jump",
      "002  GP010001 AA/V  C        00:00:01:07 00:00:02:17 00:00:02:05 00:00:03:15",
      "* FROM CLIP NAME: GP010001.MP4",
      // 27 to 197 at 30 fps timecode from the phone's 01:00:00:00; 170 frames at 29.97 are 5.672 s, 141.8 frames at 25.
      "003  PHONE    AA/V  C        01:00:00:27 01:00:06:17 00:00:03:15 00:00:09:07",
      "* FROM CLIP NAME: phone.mov",
      "* COMMENT: phone, wide",
    ]);
    // Events by reel alone (a list whose names were stripped) still find their sources.
    const byReel = text.replace(/^\* FROM CLIP NAME: .*\n/gm, "");
    expect(framed(imported(byReel).entries)).toEqual(framed(CLIPS));
  });

  it("EDL: an event of the phone, timed from its start timecode at its own rate, whatever is on the player", () => {
    const text = "TITLE: x\n001  AX  V  C  01:00:01:00 01:00:02:28 00:00:00:00 00:00:01:00\n* FROM CLIP NAME: phone.mov\n";
    expect(framed(imported(text, SOURCES, GP1).entries)).toEqual([["c", { first: 30, end: 88 }, ""]]);
  });

  it("a file the project lacks is named with its clips, and the rest comes in", () => {
    const text = written("Export .osp")[0]?.text ?? "";
    const back = imported(text, [GP1, PHONE], PHONE);
    expect(back.missing).toEqual([{ name: "GP020001.MP4", clips: 1 }]);
    expect(missingLines(back.missing)).toEqual(["Add video to bring in 1 clip of GP020001.MP4"]);
    expect(back.entries.map((e) => e.source)).toEqual(["a", "c", "a"]);
    const chapters = CLIPS.filter((c) => c.source !== "c");
    const edl = imported(written("Export EDL", chapters, [GP1, GP2])[0]?.text ?? "", [GP2], GP2);
    expect(edl.missing).toEqual([{ name: "GP010001.MP4", clips: 2 }]);
    expect(edl.entries.map((e) => e.source)).toEqual(["b"]);
  });

  it("six clips of a missing chapter are said as the issue says them", () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ source: "b", start: i, end: i + 0.5, label: "" }));
    const back = imported(written("Export Shotcut project", six, [GP1, GP2])[0]?.text ?? "", [GP1]);
    expect(missingLines(back.missing)).toEqual(["Add video to bring in 6 clips of GP020001.MP4"]);
    expect(back.entries).toEqual([]);
  });

  it("Shotcut: one chain a source with clips, every entry on its own source's chain; another rate on the profile's nearest frames", () => {
    const text = written("Export Shotcut project")[0]?.text ?? "";
    expect(text.match(/<chain /g)).toHaveLength(3);
    expect([...text.matchAll(/<entry producer="(chain\d+)"/g)].map((m) => m[1])).toEqual(["chain1", "chain0", "chain2", "chain0"]);
    // The phone's frames 27 to 196 at 29.97 are 0.901–6.573 s: frames 23 to 164 (exclusive) at 25.
    expect(text).toContain('<entry producer="chain2" in="23" out="163">');
  });

  it.each([
    ["Export CSV", "-edits.csv"],
    ["Export LosslessCut CSV", "-losslesscut.csv"],
  ])("%s names no file: one list a source that has clips, each imported back onto the source on the player", (action, suffix) => {
    const files = written(action);
    expect(files.map((f) => f.name)).toEqual([`GP010001${suffix}`, `GP020001${suffix}`, `phone${suffix}`]);
    for (const [file, source] of files.map((f, i) => [f, SOURCES[i] as ListSource] as const)) {
      const back = imported(file.text, SOURCES, source);
      expect(framed(back.entries)).toEqual(framed(CLIPS.filter((c) => c.source === source.id)));
      expect(back.replaces).toEqual([source.id]);
    }
  });

  it("a project of one source writes its one list as it always did", () => {
    const one = CLIPS.filter((c) => c.source === "a");
    expect(written("Export CSV", one, [GP1])).toEqual([{ name: "GP010001-edits.csv", text: "# IN,OUT (seconds)\n1.28,2.68\n8,9.6\n" }]);
    expect(written("Export EDL", one, [GP1])[0]?.text).toContain("001  AX       AA/V  C        00:00:01:07");
  });

  it("YouTube chapters time the whole cut, each clip on its own source's frames", () => {
    const long = [
      { source: "a", start: 0, end: 11, label: "one" },
      { source: "c", start: 0, end: (330 * 1001) / 30000, label: "two" },
      { source: "b", start: 0, end: 12, label: "three" },
    ];
    expect(written("Export YouTube chapters", long)).toEqual([{ name: "GP010001-chapters.txt", text: "00:00 one\n00:11 two\n00:22 three\n" }]);
  });

  it("a clip of a file never read is refused, saying what to do", () => {
    const files = listFiles(writer("Export .osp"), [{ source: "z", start: 0, end: 1, label: "" }], SOURCES, ids());
    expect(files).toEqual({ ok: false, error: "clip 1's video has not been read yet: choose it in Sources, then export again" });
  });

  it("reels are the files' stems, or numbered where two would be one", () => {
    expect(reelNames(["GP010001.MP4", "talk part 1.mov", "talk part 2.mov", "ä.mp4"])).toEqual(["GP010001", "R002", "R003", "R004"]);
  });
});
