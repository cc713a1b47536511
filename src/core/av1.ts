import { BitReader } from "./bit-reader";
import { concatBytes } from "./bytes";

/**
 * Just enough of AV1's low-overhead bitstream to splice two encoders' streams: a temporal unit
 * (one sample) split into OBUs, its sequence header, and whether it is a clean random access point.
 * A smart cut joins our encoder's frames to copied ones; each keyframe carries its own stream's
 * sequence header in-band, so the decoder starts a new coded video sequence at every join.
 *
 * What it does not read: OBUs of enhancement layers are taken like any other (the first frame
 * header in the unit decides), and tile lists (large scale tile decoding) are not looked at.
 */

export const OBU_SEQUENCE_HEADER = 1;
export const OBU_TEMPORAL_DELIMITER = 2;
const OBU_FRAME_HEADER = 3;
const OBU_FRAME = 6;

export interface Obu {
  type: number;
  /** The whole OBU, header included, as it lies in the unit. */
  bytes: Uint8Array;
  /** The OBU after its header (and extension and size field). */
  payload: Uint8Array;
}

/** An unsigned LEB128 number at `at`: its value and the bytes it took; null where it runs out or is too long. */
function leb128(bytes: Uint8Array, at: number): { value: number; length: number } | null {
  let value = 0;
  for (let i = 0; i < 8; i++) {
    const byte = bytes[at + i];
    if (byte === undefined) return null;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if (!(byte & 0x80)) return value < 2 ** 32 ? { value, length: i + 1 } : null;
  }
  return null;
}

function encodeLeb128(value: number): number[] {
  const out: number[] = [];
  do {
    const low = value % 128;
    value = Math.floor(value / 128);
    out.push(value > 0 ? low | 0x80 : low);
  } while (value > 0);
  return out;
}

/**
 * The OBUs of a temporal unit; null where it is not one (the forbidden bit set, sizes that do not
 * add up). An OBU without a size field runs to the end of the unit.
 */
export function obus(unit: Uint8Array): Obu[] | null {
  const found: Obu[] = [];
  for (let at = 0; at < unit.length; ) {
    const header = unit[at] as number;
    if (header & 0x80) return null;
    const extension = (header >> 2) & 1;
    const hasSize = (header >> 1) & 1;
    let start = at + 1 + extension;
    let end = unit.length;
    if (hasSize) {
      const size = leb128(unit, start);
      if (!size) return null;
      start += size.length;
      end = start + size.value;
    }
    if (start > unit.length || end > unit.length) return null;
    found.push({ type: (header >> 3) & 0x0f, bytes: unit.subarray(at, end), payload: unit.subarray(start, end) });
    at = end;
  }
  return found;
}

/** What a sequence header says about the stream's format. */
export interface SequenceHeader {
  profile: number;
  level: number;
  tier: number;
  bitDepth: number;
  monochrome: boolean;
  /** Every frame is a shown keyframe and frame headers are cut short (an AV1 still image). */
  reducedStillPicture: boolean;
}

function uvlc(reader: BitReader): boolean {
  let zeros = 0;
  for (;;) {
    const bit = reader.bits(1);
    if (bit === null) return false;
    if (bit) break;
    zeros++;
  }
  return zeros >= 32 || reader.skip(zeros);
}

/** Reads a sequence header OBU's payload up to its colour depth; null where it runs short. */
export function parseSequenceHeader(payload: Uint8Array): SequenceHeader | null {
  const r = new BitReader(payload);
  const profile = r.bits(3);
  r.skip(1); // still_picture
  const reduced = r.bits(1);
  let level = 0;
  let tier = 0;
  if (reduced) {
    level = r.bits(5) ?? 0;
  } else {
    let bufferDelayLength = 0;
    let decoderModel = 0;
    if (r.bits(1)) {
      // timing_info
      r.skip(64);
      if (r.bits(1) && !uvlc(r)) return null;
      decoderModel = r.bits(1) ?? 0;
      if (decoderModel) {
        bufferDelayLength = (r.bits(5) ?? 0) + 1;
        r.skip(32 + 5 + 5);
      }
    }
    const displayDelay = r.bits(1);
    const points = (r.bits(5) ?? 0) + 1;
    for (let i = 0; i < points; i++) {
      r.skip(12); // operating_point_idc
      const seqLevel = r.bits(5) ?? 0;
      const seqTier = seqLevel > 7 ? (r.bits(1) ?? 0) : 0;
      if (i === 0) [level, tier] = [seqLevel, seqTier];
      if (decoderModel && r.bits(1)) r.skip(2 * bufferDelayLength + 1);
      if (displayDelay && r.bits(1)) r.skip(4);
    }
  }
  const widthBits = (r.bits(4) ?? 0) + 1;
  const heightBits = (r.bits(4) ?? 0) + 1;
  r.skip(widthBits + heightBits);
  if (!reduced && r.bits(1)) r.skip(4 + 3); // frame ids
  r.skip(3); // 128×128 superblocks, filter intra, intra edge filter
  if (!reduced) {
    r.skip(4); // interintra compound, masked compound, warped motion, dual filter
    const orderHint = r.bits(1);
    if (orderHint) r.skip(2);
    const chooseScreenContent = r.bits(1);
    const screenContent = chooseScreenContent ? 2 : r.bits(1);
    if (screenContent && !r.bits(1)) r.skip(1); // integer mv
    if (orderHint) r.skip(3);
  }
  r.skip(3); // superres, cdef, restoration
  const high = r.bits(1);
  const twelve = profile === 2 && high ? r.bits(1) : 0;
  const mono = profile === 1 ? 0 : r.bits(1);
  if (profile === null || reduced === null || high === null || twelve === null || mono === null) return null;
  return { profile, level, tier, bitDepth: twelve ? 12 : high ? 10 : 8, monochrome: mono === 1, reducedStillPicture: reduced === 1 };
}

/** The unit's sequence header OBU (whole, as it lies), or null. */
export function sequenceHeaderObu(unit: Uint8Array): Obu | null {
  return obus(unit)?.find((o) => o.type === OBU_SEQUENCE_HEADER) ?? null;
}

/**
 * Whether decoding may start at this temporal unit with nothing before it: its first frame is a
 * KEY_FRAME shown at once. Not an intra-only frame (it may keep references), not a hidden keyframe
 * nor one shown later by show_existing_frame (a forward keyframe, whose unit leans on frames
 * decoded before it). `reducedStillPicture` is the stream's, for a unit without a sequence header.
 */
export function isCleanStart(unit: Uint8Array, reducedStillPicture: boolean): boolean {
  const units = obus(unit);
  if (!units) return false;
  let reduced = reducedStillPicture;
  for (const obu of units) {
    if (obu.type === OBU_SEQUENCE_HEADER) reduced = parseSequenceHeader(obu.payload)?.reducedStillPicture ?? reduced;
    if (obu.type !== OBU_FRAME_HEADER && obu.type !== OBU_FRAME) continue;
    // A reduced still picture header holds no frame type: every frame is a shown keyframe.
    if (reduced) return true;
    const r = new BitReader(obu.payload);
    const showExisting = r.bits(1);
    const frameType = r.bits(2);
    const shown = r.bits(1);
    return showExisting === 0 && frameType === 0 && shown === 1;
  }
  return false;
}

/** The OBU with a size field (an OBU that is not last in its unit must carry one). */
function withSizeField(obu: Obu): Uint8Array {
  const header = obu.bytes[0] as number;
  if (header & 0x02) return obu.bytes;
  const extension = header & 0x04 ? [obu.bytes[1] as number] : [];
  return new Uint8Array([header | 0x02, ...extension, ...encodeLeb128(obu.payload.length), ...obu.payload]);
}

/**
 * The unit as an MP4 sample wants it: no temporal delimiter (AV1-ISOBMFF: samples carry none) and,
 * where `sequenceHeader` is given and the unit has none, that sequence header first. Null where the
 * unit is not one.
 */
export function asSample(unit: Uint8Array, sequenceHeader: Obu | null): Uint8Array | null {
  const units = obus(unit);
  if (!units) return null;
  const kept = units.filter((o) => o.type !== OBU_TEMPORAL_DELIMITER);
  const header = sequenceHeader && !kept.some((o) => o.type === OBU_SEQUENCE_HEADER) ? [withSizeField(sequenceHeader)] : [];
  if (header.length === 0 && kept.length === units.length) return unit;
  return concatBytes([...header, ...kept.map((o) => o.bytes)]);
}
