import { annexBUnits, nalType, nalUnits } from "./avc";

const isSlice = (unit: Uint8Array) => nalType(unit) >= 1 && nalType(unit) <= 5;

/**
 * Whether no other picture refers to this H.264 sample: every slice has nal_ref_idc 0. Such a
 * frame before a smart cut's IN need not be decoded at all. `lengthSize` null: Annex B.
 */
export function unreferenced(sample: Uint8Array, lengthSize: number | null): boolean {
  const slices = (lengthSize === null ? annexBUnits(sample) : nalUnits(sample, lengthSize))?.filter(isSlice) ?? [];
  return slices.length > 0 && slices.every((unit) => (((unit[0] ?? 0) >> 5) & 3) === 0);
}
