import { describe, expect, it } from "vitest";
import { mediaAt, movieTracks, presentationAt, withEditLists } from "../../src/core/mp4-edit-list";

const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const text = (s: string) => [...s].map((c) => c.charCodeAt(0));
const box = (type: string, body: number[]) => [...u32(8 + body.length), ...text(type), ...body];
/** Version-0 headers: mvhd and mdhd (timescale, duration), tkhd (track id, duration). */
const mvhd = (timescale: number) => box("mvhd", [0, 0, 0, 0, ...u32(0), ...u32(0), ...u32(timescale), ...u32(999), ...Array(80).fill(0)]);
const tkhd = (id: number) => box("tkhd", [0, 0, 0, 3, ...u32(0), ...u32(0), ...u32(id), ...u32(0), ...u32(999), ...Array(60).fill(0)]);
const mdhd = (timescale: number) => box("mdhd", [0, 0, 0, 0, ...u32(0), ...u32(0), ...u32(timescale), ...u32(5000), 0, 0, 0, 0]);
const trak = (id: number, timescale: number, extra: number[] = []) =>
  box("trak", [...tkhd(id), ...extra, ...box("mdia", [...mdhd(timescale), ...box("hdlr", [1, 2, 3])])]);

interface Parsed {
  type: string;
  size: number;
  body: Uint8Array;
}
function parse(bytes: Uint8Array): Parsed[] {
  const out: Parsed[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at < bytes.length; ) {
    const size = view.getUint32(at);
    out.push({ type: String.fromCharCode(...bytes.subarray(at + 4, at + 8)), size, body: bytes.subarray(at + 8, at + size) });
    at += size;
  }
  return out;
}
const find = (boxes: Parsed[], type: string) => boxes.find((b) => b.type === type) as Parsed;
const dv = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

describe("edit lists", () => {
  const moov = new Uint8Array(box("moov", [...mvhd(1000), ...trak(1, 12800, box("edts", [9, 9, 9, 9])), ...trak(2, 48000), ...box("udta", [7])]));

  it("replaces each listed track's edit list, in both timescales, and sets the durations shown", () => {
    const out = withEditLists(moov, new Map([
      [1, [{ mediaTime: 0, duration: 3.92 }, { mediaTime: 4.2, duration: 2 }]],
      [2, [{ mediaTime: 0.0213, duration: 3.92 }, { mediaTime: 4.3, duration: 2 }]],
    ]));
    const [root] = parse(out);
    expect(root?.type).toBe("moov");
    expect(root?.size).toBe(out.length);
    const children = parse(root?.body as Uint8Array);
    expect(children.map((c) => c.type)).toEqual(["mvhd", "trak", "trak", "udta"]);
    expect(dv(find(children, "mvhd").body).getUint32(16)).toBe(5920);
    const tracks = children.filter((c) => c.type === "trak").map((t) => parse(t.body));
    for (const [i, track] of tracks.entries()) {
      expect(track.map((c) => c.type)).toEqual(["tkhd", "edts", "mdia"]);
      expect(dv(find(track, "tkhd").body).getUint32(20)).toBe(5920);
      const elst = parse(find(track, "edts").body)[0] as Parsed;
      const entries = dv(elst.body);
      expect(elst.type).toBe("elst");
      expect(entries.getUint8(0)).toBe(1);
      expect(entries.getUint32(4)).toBe(2);
      expect(Number(entries.getBigUint64(8))).toBe(3920);
      expect(Number(entries.getBigInt64(16))).toBe(i === 0 ? 0 : Math.round(0.0213 * 48000));
      expect(Number(entries.getBigInt64(36))).toBe(i === 0 ? Math.round(4.2 * 12800) : 4.3 * 48000);
      expect(entries.getInt16(44)).toBe(1);
    }
  });

  it("writes entries that continue one another in the media as one", () => {
    const out = withEditLists(moov, new Map([
      [1, [{ mediaTime: 0, duration: 2.2 }, { mediaTime: 2.2, duration: 2.4 }, { mediaTime: 5, duration: 0.8 }, { mediaTime: 5.8, duration: 1 }]],
    ]));
    const track = parse(parse(parse(out)[0]?.body as Uint8Array)[1]?.body as Uint8Array);
    const entries = dv((parse(find(track, "edts").body)[0] as Parsed).body);
    expect(entries.getUint32(4)).toBe(2);
    expect([8, 28].map((at) => Number(entries.getBigUint64(at)))).toEqual([4600, 1800]);
    expect([16, 36].map((at) => Number(entries.getBigInt64(at)))).toEqual([0, 5 * 12800]);
  });

  it("leaves tracks it is not given as they were", () => {
    const out = withEditLists(moov, new Map([[2, [{ mediaTime: 0, duration: 1 }]]]));
    const children = parse(parse(out)[0]?.body as Uint8Array);
    const first = parse(children[1]?.body as Uint8Array);
    expect(first.map((c) => c.type)).toEqual(["tkhd", "edts", "mdia"]);
    expect([...find(first, "edts").body]).toEqual([9, 9, 9, 9]);
  });

  it("refuses what is not a movie box", () => {
    expect(() => withEditLists(new Uint8Array(box("free", [1])), new Map())).toThrow("not a movie box");
    expect(() => withEditLists(new Uint8Array([0, 0, 0, 99, ...text("moov")]), new Map())).toThrow();
  });
});

describe("reading a movie's tracks", () => {
  const elst = (entries: [number, number][]) =>
    box("edts", box("elst", [0, 0, 0, 0, ...u32(entries.length), ...entries.flatMap(([d, m]) => [...u32(d), ...u32(m >>> 0), 0, 1, 0, 0])]));
  const handled = (id: number, timescale: number, handler: string, extra: number[] = []) =>
    box("trak", [...tkhd(id), ...extra, ...box("mdia", [...mdhd(timescale), ...box("hdlr", [0, 0, 0, 0, 0, 0, 0, 0, ...text(handler)])])]);
  // The picture shown from 1.5 s on, from media 0.04 s (90 kHz); the sound from 0, plain.
  const moov = new Uint8Array(box("moov", [...mvhd(1000), ...handled(1, 90000, "vide", elst([[1500, -1], [4000, 3600]])), ...handled(2, 48000, "soun")]));

  it("gives each track's kind and the edit list it plays", () => {
    const [video, audio] = movieTracks(moov);
    expect(video).toMatchObject({ id: 1, kind: "video" });
    expect(video?.played).toEqual([{ at: 0, duration: 1.5, media: null }, { at: 1.5, duration: 4, media: 0.04 }]);
    expect(audio).toEqual({ id: 2, kind: "audio", played: [] });
    expect(presentationAt(video?.played ?? [], 1.04)).toBeCloseTo(2.5, 9);
    expect(mediaAt(video?.played ?? [], 2.5)).toBeCloseTo(1.04, 9);
    expect(mediaAt(audio?.played ?? [], 2.5)).toBe(2.5);
  });
});
