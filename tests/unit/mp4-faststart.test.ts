import { describe, expect, it } from "vitest";
import { withEditLists } from "../../src/core/mp4-edit-list";
import { inReservedRoom, isFastStart, topLevelBoxes, withChunksMoved, withMoovInFront } from "../../src/core/mp4-faststart";

const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u64 = (n: number) => [...u32(Math.floor(n / 2 ** 32)), ...u32(n >>> 0)];
const text = (s: string) => [...s].map((c) => c.charCodeAt(0));
const box = (type: string, body: number[]) => [...u32(8 + body.length), ...text(type), ...body];
const mvhd = box("mvhd", [0, 0, 0, 0, ...u32(0), ...u32(0), ...u32(1000), ...u32(999), ...Array(80).fill(0)]);
const tkhd = (id: number) => box("tkhd", [0, 0, 0, 3, ...u32(0), ...u32(0), ...u32(id), ...u32(0), ...u32(999), ...Array(60).fill(0)]);
const mdhd = box("mdhd", [0, 0, 0, 0, ...u32(0), ...u32(0), ...u32(12800), ...u32(5000), 0, 0, 0, 0]);
const stco = (offsets: number[]) => box("stco", [0, 0, 0, 0, ...u32(offsets.length), ...offsets.flatMap(u32)]);
const co64 = (offsets: number[]) => box("co64", [0, 0, 0, 0, ...u32(offsets.length), ...offsets.flatMap(u64)]);
/** A track whose chunks start at the table's offsets. */
const trak = (id: number, table: number[]) =>
  box("trak", [...tkhd(id), ...box("mdia", [...mdhd, ...box("minf", [...box("stbl", [...box("stsz", [0, 0, 0, 0]), ...table])])])]);
const moov = (...tables: number[][]) => new Uint8Array(box("moov", [...mvhd, ...tables.flatMap((t, i) => trak(i + 1, stco(t)))]));
const ftyp = box("ftyp", text("isom"));

/** Every chunk offset table in a file: its type and offsets. */
function tables(file: Uint8Array): { type: string; offsets: number[] }[] {
  const data = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const found: { type: string; offsets: number[] }[] = [];
  for (let at = 0; at + 8 <= file.length; at++) {
    const type = String.fromCharCode(...file.subarray(at + 4, at + 8));
    if (type !== "stco" && type !== "co64") continue;
    const count = data.getUint32(at + 12);
    const wide = type === "co64";
    found.push({ type, offsets: Array.from({ length: count }, (_, i) => (wide ? Number(data.getBigUint64(at + 16 + i * 8)) : data.getUint32(at + 16 + i * 4))) });
  }
  return found;
}

// Two chunks of 4 bytes each in the media box, as a muxer without fast start lays them out.
const media = box("mdat", [1, 2, 3, 4, 5, 6, 7, 8]);
const mediaAt = ftyp.length + 8;
const trailing = (header: Uint8Array) => new Uint8Array([...ftyp, ...media, ...header]);
const chunk = (file: Uint8Array, offset: number) => Array.from(file.subarray(offset, offset + 4));

describe("fast start", () => {
  it("moves a trailing movie box before the media, each chunk offset following its bytes", () => {
    const header = moov([mediaAt], [mediaAt + 4]);
    const file = trailing(header);
    const out = withMoovInFront(file) as Uint8Array;
    expect(topLevelBoxes(out)?.map((b) => b.type)).toEqual(["ftyp", "moov", "mdat"]);
    expect(isFastStart(topLevelBoxes(file) ?? [])).toBe(false);
    expect(isFastStart(topLevelBoxes(out) ?? [])).toBe(true);
    const [video, sound] = tables(out);
    expect(video?.offsets).toEqual([mediaAt + header.length]);
    expect(chunk(out, video?.offsets[0] as number)).toEqual([1, 2, 3, 4]);
    expect(chunk(out, sound?.offsets[0] as number)).toEqual([5, 6, 7, 8]);
    expect(out.length).toBe(file.length);
  });

  it("keeps the movie in front when the edit-list rewrite grows it, moving the media on by what it grew", () => {
    const first = moov([0], [0]);
    const shifted = withChunksMoved(first, () => ftyp.length + first.length + 8);
    const front = new Uint8Array([...ftyp, ...shifted, ...media]);
    expect(chunk(front, tables(front)[0]?.offsets[0] as number)).toEqual([1, 2, 3, 4]);
    const out = withMoovInFront(front, (m) => withEditLists(m, new Map([[1, [{ mediaTime: 0.04, duration: 1 }, { mediaTime: 2, duration: 1 }]]]))) as Uint8Array;
    const boxes = topLevelBoxes(out) ?? [];
    expect(boxes.map((b) => b.type)).toEqual(["ftyp", "moov", "mdat"]);
    expect(boxes[1]?.size).toBeGreaterThan(shifted.length);
    expect(String.fromCharCode(...out)).toContain("elst");
    expect(chunk(out, tables(out)[0]?.offsets[0] as number)).toEqual([1, 2, 3, 4]);
    expect(chunk(out, tables(out)[1]?.offsets[0] as number)).toEqual([1, 2, 3, 4]);
  });

  it("shifts 64-bit tables as they are, and gives a 32-bit table pushed past 4 GiB 64-bit entries", () => {
    const header = moov([mediaAt, mediaAt + 4]);
    const wide = withChunksMoved(header, (o) => o + 2 ** 32);
    expect(tables(wide)).toEqual([{ type: "co64", offsets: [mediaAt + 2 ** 32, mediaAt + 4 + 2 ** 32] }]);
    expect(wide.length).toBe(header.length + 8);
    expect(new DataView(wide.buffer).getUint32(0)).toBe(wide.length);

    const big = new Uint8Array(box("moov", [...mvhd, ...trak(1, co64([mediaAt + 4])), ...trak(2, stco([mediaAt]))]));
    const out = withMoovInFront(trailing(big)) as Uint8Array;
    expect(tables(out)).toEqual([
      { type: "co64", offsets: [mediaAt + 4 + big.length] },
      { type: "stco", offsets: [mediaAt + big.length] },
    ]);
    expect(chunk(out, tables(out)[0]?.offsets[0] as number)).toEqual([5, 6, 7, 8]);
  });

  it("leaves what is not a tiled file with a movie and media untouched", () => {
    expect(withMoovInFront(new Uint8Array([...ftyp, ...media]))).toBeNull();
    expect(withMoovInFront(new Uint8Array([...ftyp, ...moov([8])]))).toBeNull();
    expect(withMoovInFront(new Uint8Array([...ftyp, 0, 0, 0, 99, ...text("mdat")]))).toBeNull();
  });

  it("reads 64-bit and to-the-end box sizes", () => {
    const large = [...u32(1), ...text("mdat"), ...u64(20), 9, 9, 9, 9];
    expect(topLevelBoxes(new Uint8Array([...ftyp, ...large]))?.map((b) => [b.type, b.size])).toEqual([["ftyp", 12], ["mdat", 20]]);
    expect(topLevelBoxes(new Uint8Array([...ftyp, ...u32(0), ...text("mdat"), 1, 2]))?.at(-1)).toEqual({ type: "mdat", start: 12, size: 10 });
  });
});

describe("a header in its reserved room", () => {
  const header = moov([100]);

  it("fills the rest of the room with a free box, so no media byte moves", () => {
    const out = inReservedRoom(header, header.length + 20) as Uint8Array;
    expect(out.length).toBe(header.length + 20);
    expect(topLevelBoxes(out)?.map((b) => [b.type, b.size])).toEqual([["moov", header.length], ["free", 20]]);
    expect(inReservedRoom(header, header.length)).toBe(header);
    expect(topLevelBoxes(inReservedRoom(header, header.length + 8) as Uint8Array)?.at(-1)).toMatchObject({ type: "free", size: 8 });
  });

  it("refuses a header that outgrew its room, or leaves less than a free box's 8 bytes", () => {
    expect(inReservedRoom(header, header.length - 1)).toBeNull();
    expect(inReservedRoom(header, header.length + 7)).toBeNull();
  });
});
