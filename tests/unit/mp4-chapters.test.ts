import { describe, expect, it } from "vitest";
import { chaptersLeftOut, chaptersSize, chplBox, clipChapters, MAX_CHAPTERS, withChapters } from "../../src/core/mp4-chapters";
import { box, child, children } from "../../src/core/mp4-edit-list";

/** Reads a chpl box back the way ffmpeg's mov_read_chpl does: version, flags, (v1) a reserved word, count, then start (100 ns) and title. */
function readChpl(bytes: Uint8Array): { start: number; title: string }[] {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(String.fromCharCode(...bytes.subarray(4, 8))).toBe("chpl");
  expect(bytes[8]).toBe(1);
  let at = 8 + 4 + 4;
  const count = bytes[at++] as number;
  const out = [];
  for (let i = 0; i < count; i++) {
    const start = Number(data.getBigUint64(at)) / 1e7;
    const length = bytes[at + 8] as number;
    out.push({ start, title: new TextDecoder().decode(bytes.subarray(at + 9, at + 9 + length)) });
    at += 9 + length;
  }
  expect(at, "every byte of the box accounted for").toBe(data.getUint32(0));
  return out;
}

describe("chapters", () => {
  it("puts one a clip at its start in the output, titled by its label or Clip N", () => {
    expect(clipChapters(["Intro", "  ", "Q&A"], [2.4, 1.32, 0.96])).toEqual([
      { start: 0, title: "Intro" },
      { start: 2.4, title: "Clip 2" },
      { start: 2.4 + 1.32, title: "Q&A" },
    ]);
  });

  it("writes ffmpeg's chpl: times in 100 ns, titles in UTF-8 cut to 255 bytes on a character's edge, at most 255 chapters", () => {
    const long = "é".repeat(200);
    const read = readChpl(chplBox([{ start: 0, title: "Intro" }, { start: 3.72, title: long }]));
    expect(read[0]).toEqual({ start: 0, title: "Intro" });
    expect(read[1]?.start).toBeCloseTo(3.72, 7);
    expect(read[1]?.title).toBe("é".repeat(127));
    const many = Array.from({ length: 300 }, (_, i) => ({ start: i, title: `${i}` }));
    expect(readChpl(chplBox(many))).toHaveLength(MAX_CHAPTERS);
  });

  it("adds a udta to a movie box without one, replaces a chpl in one that has it, and grows it by no more than chaptersSize", () => {
    const mvhd = box("mvhd", new Uint8Array(100));
    const bare = box("moov", mvhd);
    const chapters = [{ start: 0, title: "A" }, { start: 1, title: "B" }];
    const once = withChapters(bare, chapters);
    expect(once.length - bare.length).toBeLessThanOrEqual(chaptersSize(chapters));
    const [root] = children(once, 0, once.length);
    const udta = root && child(once, root, "udta");
    expect(udta && children(once, udta.body, udta.start + udta.size).map((b) => b.type)).toEqual(["chpl"]);
    const twice = withChapters(withChapters(box("moov", new Uint8Array([...mvhd, ...box("udta", box("name", new Uint8Array(3)))])), [{ start: 0, title: "old" }]), chapters);
    const [top] = children(twice, 0, twice.length);
    const inner = top && child(twice, top, "udta");
    const kids = inner ? children(twice, inner.body, inner.start + inner.size) : [];
    expect(kids.map((b) => b.type)).toEqual(["name", "chpl"]);
    const chpl = kids[1] as { start: number; size: number };
    expect(readChpl(twice.subarray(chpl.start, chpl.start + chpl.size)).map((c) => c.title)).toEqual(["A", "B"]);
    expect(withChapters(bare, [])).toBe(bare);
  });
});

describe("chaptersLeftOut", () => {
  it("says so when an MP4 or MOV list has more clips than its chapter list holds; Matroska holds them all", () => {
    expect(chaptersLeftOut(255, true)).toBe("");
    expect(chaptersLeftOut(256, true)).toBe("only the first 255 clips have chapters: an MP4 chapter list holds no more");
    expect(chaptersLeftOut(1000, false)).toBe("");
  });
});
