import { describe, expect, it } from "vitest";
import { asSample, isCleanStart, obus, parseSequenceHeader, sequenceHeaderObu } from "../../src/core/av1";

/** An OBU of `type` around `payload`, with a LEB128 size field unless told not to. */
const obu = (type: number, payload: number[], { sized = true, extension = false } = {}): number[] => {
  const header = (type << 3) | (extension ? 4 : 0) | (sized ? 2 : 0);
  const size: number[] = [];
  for (let n = payload.length; size.length === 0 || n > 0; n = Math.floor(n / 128)) size.push((n % 128) | (n >= 128 ? 0x80 : 0));
  return [header, ...(extension ? [0x20] : []), ...(sized ? size : []), ...payload];
};

/** Bits written most significant first, as [value, width] pairs, padded to whole bytes. */
const bits = (...fields: [number, number][]): number[] => {
  const all = fields.flatMap(([value, width]) => Array.from({ length: width }, (_, i) => Math.floor(value / 2 ** (width - 1 - i)) % 2));
  while (all.length % 8) all.push(0);
  return Array.from({ length: all.length / 8 }, (_, i) => all.slice(i * 8, i * 8 + 8).reduce((byte, bit) => byte * 2 + bit, 0));
};

/** A sequence header payload as SVT-AV1 wrote it for the 320×240 SYNC fixture (profile 0, level 0, 8 bit). */
const SVT_SEQUENCE = [0x00, 0x00, 0x00, 0x04, 0x3c, 0xff, 0xbc, 0xfb, 0xf9, 0x02, 0x40];
const TD = obu(2, []);
const SEQ = obu(1, SVT_SEQUENCE);
/** Frame OBUs whose header starts show_existing_frame, frame_type (2 bits), show_frame. */
const frame = (showExisting: number, frameType: number, shown: number) => obu(6, bits([showExisting, 1], [frameType, 2], [shown, 1], [0x55, 8]));
const KEY = frame(0, 0, 1);
const u8 = (...parts: number[][]) => new Uint8Array(parts.flat());

describe("AV1 OBUs", () => {
  it("splits a temporal unit, with sizes, extensions and a last OBU without a size field", () => {
    const unit = u8(TD, SEQ, obu(5, [1, 2, 3], { extension: true }), obu(6, [9, 9], { sized: false }));
    const found = obus(unit);
    expect(found?.map((o) => o.type)).toEqual([2, 1, 5, 6]);
    expect([...(found?.[1]?.payload ?? [])]).toEqual(SVT_SEQUENCE);
    expect([...(found?.[2]?.payload ?? [])]).toEqual([1, 2, 3]);
    expect([...(found?.[3]?.payload ?? [])]).toEqual([9, 9]);
  });

  it("reads sizes of more than one LEB128 byte", () => {
    const payload = Array.from({ length: 300 }, (_, i) => i % 256);
    const unit = u8(obu(4, payload), TD);
    expect(unit[1]).toBe(0xac);
    expect(obus(unit)?.map((o) => o.payload.length)).toEqual([300, 0]);
  });

  it("refuses what is not a temporal unit", () => {
    expect(obus(u8([0x80, 0]))).toBeNull(); // forbidden bit
    expect(obus(u8([0x12, 5, 1, 2]))).toBeNull(); // size past the end
    expect(obus(u8([0x12, 0x80]))).toBeNull(); // LEB128 cut short
  });
});

describe("AV1 sequence header", () => {
  it("reads a real encoder's header", () => {
    expect(parseSequenceHeader(new Uint8Array(SVT_SEQUENCE))).toEqual({
      profile: 0, level: 0, tier: 0, bitDepth: 8, monochrome: false, reducedStillPicture: false,
    });
    expect(sequenceHeaderObu(u8(TD, SEQ, KEY))?.type).toBe(1);
    expect(sequenceHeaderObu(u8(TD, KEY))).toBeNull();
  });

  it("reads past timing info, a decoder model and two operating points to a 12-bit profile 2 stream", () => {
    const header = bits(
      [2, 3], [0, 1], [0, 1], // profile 2, not still, not reduced
      [1, 1], [0, 32], [0, 32], [1, 1], [0b00100, 5], // timing info, equal interval, uvlc 3
      [1, 1], [9, 5], [0, 32], [0, 5], [0, 5], // decoder model, buffer delay length 10
      [1, 1], [1, 5], // initial display delay present, two operating points
      [0x101, 12], [13, 5], [1, 1], [1, 1], [0, 10], [0, 10], [0, 1], [1, 1], [3, 4], // level 5.1 high tier, model, delay
      [0x000, 12], [4, 5], [0, 1], [0, 1], // level 3.0, no model, no delay
      [10, 4], [10, 4], [1919, 11], [1079, 11], [0, 1], // sizes, no frame ids
      [0, 3], [0, 4], [1, 1], [0, 2], [0, 1], [1, 1], [0, 1], [1, 1], [7, 3], // tools, order hints, screen content forced on, integer mv
      [0, 3], [1, 1], [1, 1], [0, 1], // superres/cdef/restoration, high bit depth, twelve bit, not mono
    );
    expect(parseSequenceHeader(new Uint8Array(header))).toEqual({
      profile: 2, level: 13, tier: 1, bitDepth: 12, monochrome: false, reducedStillPicture: false,
    });
  });

  it("reads a reduced still picture header (10-bit, monochrome)", () => {
    const still = bits([0, 3], [1, 1], [1, 1], [3, 5], [7, 4], [7, 4], [99, 8], [99, 8], [0, 3], [0, 3], [1, 1], [1, 1]);
    expect(parseSequenceHeader(new Uint8Array(still))).toMatchObject({ level: 3, bitDepth: 10, monochrome: true, reducedStillPicture: true });
  });

  it("says null where the header runs short", () => {
    expect(parseSequenceHeader(new Uint8Array(SVT_SEQUENCE.slice(0, 6)))).toBeNull();
  });
});

describe("AV1 clean random access", () => {
  it("is a shown KEY_FRAME first in the unit", () => {
    expect(isCleanStart(u8(TD, SEQ, KEY), false)).toBe(true);
    expect(isCleanStart(u8(KEY), false)).toBe(true);
    expect(isCleanStart(u8(obu(3, bits([0, 1], [0, 2], [1, 1])), obu(4, [1])), false)).toBe(true);
  });

  it("is not an inter or intra-only frame, a hidden keyframe or a shown existing (forward) keyframe", () => {
    expect(isCleanStart(u8(TD, frame(0, 1, 1)), false)).toBe(false);
    expect(isCleanStart(u8(TD, SEQ, frame(0, 2, 1)), false)).toBe(false);
    expect(isCleanStart(u8(TD, SEQ, frame(0, 0, 0), frame(0, 1, 1)), false)).toBe(false);
    expect(isCleanStart(u8(TD, obu(3, bits([1, 1], [2, 3]))), false)).toBe(false);
    // The first frame decides: a hidden inter frame before a shown keyframe leans on what came before.
    expect(isCleanStart(u8(TD, frame(0, 1, 0), KEY), false)).toBe(false);
    expect(isCleanStart(u8(TD, SEQ), false)).toBe(false);
    expect(isCleanStart(u8([0x80]), false)).toBe(false);
  });

  it("takes every frame of a reduced still picture stream as a shown keyframe", () => {
    const stillSequence = obu(1, bits([0, 3], [1, 1], [1, 1], [3, 5], [7, 4], [7, 4], [99, 8], [99, 8], [0, 3], [0, 3], [0, 1], [0, 1]));
    const bare = obu(6, [0xff]);
    expect(isCleanStart(u8(stillSequence, bare), false)).toBe(true);
    expect(isCleanStart(u8(bare), true)).toBe(true);
    expect(isCleanStart(u8(bare), false)).toBe(false);
  });
});

describe("AV1 samples", () => {
  it("drops temporal delimiters and puts the sequence header first where a unit lacks one", () => {
    const header = sequenceHeaderObu(u8(SEQ));
    expect([...(asSample(u8(TD, KEY), header) ?? [])]).toEqual([...SEQ, ...KEY]);
    expect([...(asSample(u8(TD, SEQ, KEY), header) ?? [])]).toEqual([...SEQ, ...KEY]);
    expect([...(asSample(u8(TD, frame(0, 1, 1)), null) ?? [])]).toEqual(frame(0, 1, 1));
    expect(asSample(u8([0x80]), header)).toBeNull();
  });

  it("gives a sequence header without a size field one when it no longer comes last", () => {
    const bare = sequenceHeaderObu(u8(obu(1, SVT_SEQUENCE, { sized: false })));
    expect([...(asSample(u8(KEY), bare) ?? [])]).toEqual([...SEQ, ...KEY]);
  });
});
