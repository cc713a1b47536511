import { describe, expect, it } from "vitest";
import { chapterRoom, chapterWrites, chaptersElement } from "../../src/core/matroska-chapters";

const el = (id: number[], content: number[]) => [...id, 0x80 | content.length, ...content];
const TAGS = [0x12, 0x54, 0xc3, 0x67];
const CHAPTERS = [0x10, 0x43, 0xa7, 0x70];
const chapters = [{ start: 0, title: "Intro" }, { start: 2.4, title: "Clip 2" }];

/** A segment header as the muxer writes it: SeekHead (a Seek naming Tags), Info, then a Tags element of `room` bytes of content. */
function header(room: number): Uint8Array {
  const seekHead = el([0x11, 0x4d, 0x9b, 0x74], el([0x4d, 0xbb], [...el([0x53, 0xab], TAGS), ...el([0x53, 0xac], [0, 0, 0, 0, 40])]));
  const info = el([0x15, 0x49, 0xa9, 0x66], [0x2a, 0xd7, 0xb1, 0x83, 0x0f, 0x42, 0x40]);
  // Tags with an 8-byte size, as a long comment gets.
  const tags = [...TAGS, 0x01, 0, 0, 0, 0, 0, 0, room, ...new Array(room).fill(0x20)];
  return Uint8Array.from([0x18, 0x53, 0x80, 0x67, 0x01, 0, 0, 0, 0, 0, 0, 0, ...seekHead, ...info, ...tags]);
}

describe("Matroska chapters over the reserved Tags", () => {
  it("writes the Chapters (and a Void for the rest) exactly over the Tags element, and renames its SeekHead entry", () => {
    const room = chapterRoom(chapters);
    const bytes = header(room);
    const tagsAt = bytes.length - room - 12;
    const writes = chapterWrites(bytes, 1000, chapters, 3.68);
    expect(writes?.map((w) => [w.position, w.data.length])).toEqual([
      [1000 + tagsAt, room + 12],
      [1000 + bytes.indexOf(0x12, 12), 4],
    ]);
    expect(Array.from(writes?.[0]?.data.subarray(0, 4) ?? [])).toEqual(CHAPTERS);
    expect(Array.from(writes?.[1]?.data ?? [])).toEqual(CHAPTERS);
    const written = chaptersElement(chapters, 3.68);
    // The Void after the chapters: its ID, then a size that ends it at the Tags element's end.
    expect(writes?.[0]?.data[written.length]).toBe(0xec);
  });

  it("refuses a header without room for them", () => {
    expect(chapterWrites(header(10), 0, chapters, 3.68)).toBeNull();
    expect(chapterWrites(new Uint8Array(16), 0, chapters, 3.68)).toBeNull();
  });
});
