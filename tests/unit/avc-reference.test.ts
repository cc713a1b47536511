import { describe, expect, it } from "vitest";
import { toAnnexB } from "../../src/core/avc";
import { unreferenced } from "../../src/core/avc-reference";

const prefixed = (...units: number[][]) => new Uint8Array(units.flatMap((u) => [0, 0, 0, u.length, ...u]));
// NAL header bytes: nal_ref_idc in bits 5–6, type in bits 0–4.
const nonReferenceB = [0x01, 9, 9];
const referenceB = [0x21, 9, 9];
const idr = [0x65, 9];
const sei = [0x06, 5];

describe("unreferenced H.264 samples", () => {
  it("is true only when every slice has nal_ref_idc 0, whatever other units ride along", () => {
    expect(unreferenced(prefixed(sei, nonReferenceB), 4)).toBe(true);
    expect(unreferenced(prefixed(nonReferenceB, nonReferenceB), 4)).toBe(true);
    expect(unreferenced(prefixed(referenceB), 4)).toBe(false);
    expect(unreferenced(prefixed(nonReferenceB, referenceB), 4)).toBe(false);
    expect(unreferenced(prefixed(idr), 4)).toBe(false);
  });

  it("never calls a sample it cannot read, or one without a slice, unreferenced", () => {
    expect(unreferenced(prefixed(sei), 4)).toBe(false);
    expect(unreferenced(new Uint8Array([0, 0, 0, 9, 1]), 4)).toBe(false);
    expect(unreferenced(new Uint8Array([1, 2, 3]), null)).toBe(false);
  });

  it("reads Annex B samples too", () => {
    expect(unreferenced(toAnnexB([[0x09, 0xf0], nonReferenceB].map((u) => new Uint8Array(u))), null)).toBe(true);
    expect(unreferenced(toAnnexB([[0x09, 0xf0], referenceB].map((u) => new Uint8Array(u))), null)).toBe(false);
  });
});
