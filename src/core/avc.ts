/**
 * Just enough of H.264's packaging to splice two encoders' streams: the decoder configuration
 * record (avcC), length-prefixed NAL units (MP4, MKV) and start-code delimited ones (Annex B, as
 * MPEG-TS carries them). A smart cut joins our encoder's frames to copied ones; each keyframe then
 * carries its own parameter sets in-band, so the decoder switches between the two streams'
 * settings at every join.
 */

export interface AvcConfig {
  /** Bytes of each NAL unit's length prefix in a sample (1, 2 or 4). */
  lengthSize: number;
  sps: Uint8Array[];
  pps: Uint8Array[];
}

export const NAL_IDR = 5;
const NAL_SPS = 7;
const NAL_PPS = 8;
const NAL_AUD = 9;

/** Reads an avcC record; null when it is not one. */
export function parseAvcConfig(record: Uint8Array): AvcConfig | null {
  if (record.length < 7 || record[0] !== 1) return null;
  const lengthSize = ((record[4] as number) & 3) + 1;
  let at = 5;
  const read = (count: number): Uint8Array[] | null => {
    const units: Uint8Array[] = [];
    for (let i = 0; i < count; i++) {
      if (at + 2 > record.length) return null;
      const size = ((record[at] as number) << 8) | (record[at + 1] as number);
      if (at + 2 + size > record.length) return null;
      units.push(record.slice(at + 2, at + 2 + size));
      at += 2 + size;
    }
    return units;
  };
  const sps = read((record[at++] as number) & 0x1f);
  if (!sps || at >= record.length) return null;
  const pps = read(record[at++] as number);
  if (!pps || sps.length === 0 || pps.length === 0 || lengthSize === 3) return null;
  return { lengthSize, sps, pps };
}

/** The NAL units of a length-prefixed sample; null when the lengths do not add up. */
export function nalUnits(sample: Uint8Array, lengthSize: number): Uint8Array[] | null {
  const units: Uint8Array[] = [];
  for (let at = 0; at < sample.length; ) {
    if (at + lengthSize > sample.length) return null;
    let size = 0;
    for (let i = 0; i < lengthSize; i++) size = size * 256 + (sample[at + i] as number);
    at += lengthSize;
    if (at + size > sample.length) return null;
    units.push(sample.subarray(at, at + size));
    at += size;
  }
  return units;
}

export const nalType = (unit: Uint8Array): number => (unit[0] ?? 0) & 0x1f;

function joinUnits(units: readonly Uint8Array[], lengthSize: number): Uint8Array {
  const out = new Uint8Array(units.reduce((n, u) => n + lengthSize + u.length, 0));
  let at = 0;
  for (const unit of units) {
    for (let i = lengthSize - 1; i >= 0; i--) out[at + (lengthSize - 1 - i)] = (unit.length / 256 ** i) & 0xff;
    out.set(unit, at + lengthSize);
    at += lengthSize + unit.length;
  }
  return out;
}

/**
 * A keyframe's units with `config`'s parameter sets in-band (after an access unit delimiter, as
 * H.264 orders them), replacing any it carried.
 */
function unitsWithParameterSets(units: readonly Uint8Array[], config: AvcConfig): Uint8Array[] {
  const kept = units.filter((u) => nalType(u) !== NAL_SPS && nalType(u) !== NAL_PPS);
  const delimiter = kept[0] && nalType(kept[0]) === NAL_AUD ? [kept.shift() as Uint8Array] : [];
  return [...delimiter, ...config.sps, ...config.pps, ...kept];
}

/** A keyframe sample with `config`'s parameter sets in-band, written with `lengthSize` prefixes throughout. */
export function withParameterSets(sample: Uint8Array, from: number, config: AvcConfig, lengthSize: number): Uint8Array {
  const units = nalUnits(sample, from);
  if (!units) throw new Error("a sample's NAL units do not add up");
  return joinUnits(unitsWithParameterSets(units, config), lengthSize);
}

/**
 * The NAL units of an Annex B sample: each after a start code (0 0 1, or 0 0 0 1); null when the
 * sample does not begin with one. Trailing zero bytes belong to the next start code, not a unit.
 */
export function annexBUnits(sample: Uint8Array): Uint8Array[] | null {
  const starts: { code: number; unit: number }[] = [];
  for (let i = 0; i + 2 < sample.length; i++) {
    if (sample[i] === 0 && sample[i + 1] === 0 && sample[i + 2] === 1) {
      starts.push({ code: i > 0 && sample[i - 1] === 0 ? i - 1 : i, unit: i + 3 });
      i += 2;
    }
  }
  if (starts[0]?.code !== 0) return null;
  return starts.map(({ unit }, k) => {
    let end = starts[k + 1]?.code ?? sample.length;
    while (end > unit && sample[end - 1] === 0) end--;
    return sample.subarray(unit, end);
  });
}

/** An Annex B sample of `units`, each after a 4-byte start code. */
export function toAnnexB(units: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(units.reduce((n, u) => n + 4 + u.length, 0));
  let at = 0;
  for (const unit of units) {
    out.set([0, 0, 0, 1], at);
    out.set(unit, at + 4);
    at += 4 + unit.length;
  }
  return out;
}

/** An Annex B keyframe with `config`'s parameter sets in-band, replacing any it carried. */
export function annexBWithParameterSets(units: readonly Uint8Array[], config: AvcConfig): Uint8Array {
  return toAnnexB(unitsWithParameterSets(units, config));
}

/** The parameter sets a keyframe's units carry in-band (as an MPEG-TS stream repeats them); null unless both. */
export function configFromUnits(units: readonly Uint8Array[]): AvcConfig | null {
  const sps = units.filter((u) => nalType(u) === NAL_SPS);
  const pps = units.filter((u) => nalType(u) === NAL_PPS);
  return sps.length > 0 && pps.length > 0 ? { lengthSize: 4, sps, pps } : null;
}

/** Rewrites a sample's length prefixes to `lengthSize` bytes (the two encoders may differ). */
export function withLengthSize(sample: Uint8Array, from: number, lengthSize: number): Uint8Array {
  if (from === lengthSize) return sample;
  const units = nalUnits(sample, from);
  if (!units) throw new Error("a sample's NAL units do not add up");
  return joinUnits(units, lengthSize);
}
