import { describe, expect, it } from "vitest";
import {
  annexBUnits,
  annexBWithParameterSets,
  configFromUnits,
  nalType,
  nalUnits,
  parseAvcConfig,
  toAnnexB,
  withLengthSize,
  withParameterSets,
} from "../../src/core/avc";

const sps = [0x67, 0x64, 0x00, 0x1f, 0xac];
const pps = [0x68, 0xeb, 0xe3];
const record = new Uint8Array([1, 0x64, 0, 0x1f, 0xff, 0xe1, 0, sps.length, ...sps, 1, 0, pps.length, ...pps]);
const prefixed = (size: number, ...units: number[][]) =>
  new Uint8Array(units.flatMap((u) => [...Array.from({ length: size }, (_, i) => (u.length >> (8 * (size - 1 - i))) & 255), ...u]));

describe("H.264 packaging", () => {
  it("reads an avcC record and refuses what is not one", () => {
    const config = parseAvcConfig(record);
    expect(config?.lengthSize).toBe(4);
    expect(config?.sps.map((u) => [...u])).toEqual([sps]);
    expect(config?.pps.map((u) => [...u])).toEqual([pps]);
    expect(parseAvcConfig(record.subarray(0, 9))).toBeNull();
    expect(parseAvcConfig(new Uint8Array([0, 1, 2, 3, 4, 5, 6]))).toBeNull();
  });

  it("puts parameter sets in-band after the delimiter, replacing old ones, in the asked prefix size", () => {
    const config = parseAvcConfig(record);
    if (!config) throw new Error("no config");
    const sample = prefixed(2, [0x09, 0xf0], [0x67, 1], [0x65, 7, 7, 7]);
    const out = withParameterSets(sample, 2, config, 4);
    expect(nalUnits(out, 4)?.map(nalType)).toEqual([9, 7, 8, 5]);
    expect([...(nalUnits(out, 4)?.[3] ?? [])]).toEqual([0x65, 7, 7, 7]);
    expect(nalUnits(withLengthSize(sample, 2, 4), 4)?.map(nalType)).toEqual([9, 7, 5]);
    expect(nalUnits(new Uint8Array([0, 0, 0, 9, 1]), 4)).toBeNull();
  });

  it("reads Annex B samples (3- and 4-byte start codes, trailing zeros) and writes them back", () => {
    const sample = new Uint8Array([0, 0, 0, 1, 0x09, 0xf0, 0, 0, 1, 0x67, 1, 2, 0, 0, 0, 0, 1, 0x65, 0, 3, 1, 7]);
    const units = annexBUnits(sample);
    expect(units?.map((u) => [...u])).toEqual([[0x09, 0xf0], [0x67, 1, 2], [0x65, 0, 3, 1, 7]]);
    expect(annexBUnits(toAnnexB(units ?? []))?.map((u) => [...u])).toEqual(units?.map((u) => [...u]));
    // Length-prefixed data is no Annex B sample.
    expect(annexBUnits(prefixed(4, [0x65, 1, 2]))).toBeNull();
  });

  it("finds a keyframe's in-band parameter sets, and puts others in their place", () => {
    const units = [new Uint8Array([0x09, 0xf0]), new Uint8Array([0x67, 9]), new Uint8Array([0x68, 9]), new Uint8Array([0x65, 7])];
    expect(configFromUnits(units)?.sps.map((u) => [...u])).toEqual([[0x67, 9]]);
    expect(configFromUnits([units[0] as Uint8Array, units[3] as Uint8Array])).toBeNull();
    const config = parseAvcConfig(record);
    if (!config) throw new Error("no config");
    const out = annexBUnits(annexBWithParameterSets(units, config));
    expect(out?.map((u) => [...u])).toEqual([[0x09, 0xf0], sps, pps, [0x65, 7]]);
  });
});
