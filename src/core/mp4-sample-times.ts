import { child, children, view, type Box } from "./mp4-edit-list";

/**
 * A video track's packet times read straight from an MP4's sample tables (stts, ctts, stss, elst),
 * exactly as the demuxer (mediabunny) gives them packet by packet. A 6-hour recording has 650,000
 * video packets: visiting each through the demuxer takes seconds, the tables take milliseconds.
 */
export interface SampleTimes {
  /** Each sample's presentation time in seconds, decode order: (decode time + composition offset − edit offset) / timescale. */
  times: Float64Array;
  /** The sync samples' times (the first sample counts as one, as the demuxer has it; every sample without stss). */
  keys: number[];
}

// A full box's version byte; its fields start after version and flags.
const version = (bytes: Uint8Array, box: Box) => bytes[box.body] as number;
const fields = (box: Box) => box.body + 4;

/** mvhd's and mdhd's timescale: after version, flags, creation and modification times. */
const timescaleOf = (bytes: Uint8Array, box: Box) => view(bytes).getUint32(fields(box) + (version(bytes, box) === 1 ? 16 : 8));

const trackIdOf = (bytes: Uint8Array, tkhd: Box) => view(bytes).getUint32(fields(tkhd) + (version(bytes, tkhd) === 1 ? 16 : 8));

/**
 * The offset the demuxer takes from every time, in the track's timescale: the first edit's media
 * time, less the empty edits before it (movie timescale, via seconds); 0 where it reads none.
 */
function editOffset(bytes: Uint8Array, elst: Box | undefined, movieTimescale: number, timescale: number): number {
  if (!elst) return 0;
  const data = view(bytes);
  const wide = version(bytes, elst) === 1;
  let at = fields(elst) + 4;
  let empty = 0;
  for (let i = 0; i < data.getUint32(fields(elst)); i++) {
    const segment = wide ? Number(data.getBigUint64(at)) : data.getUint32(at);
    const mediaTime = wide ? Number(data.getBigInt64(at + 8)) : data.getInt32(at + 4);
    const rate = data.getInt32(at + (wide ? 16 : 8)) / 0x10000;
    at += wide ? 20 : 12;
    if (mediaTime === -1) {
      empty += segment;
      continue;
    }
    // The demuxer applies one edit of rate 1 and ignores the list otherwise.
    return rate === 1 ? mediaTime - Math.round((empty / movieTimescale) * timescale) : 0;
  }
  return 0;
}

/** Entries of a table of (count, value) pairs after version, flags and the entry count. */
function runs(bytes: Uint8Array, box: Box, signed: boolean): { count: number; value: number }[] {
  const data = view(bytes);
  const entries = data.getUint32(fields(box));
  const list = [];
  for (let i = 0, at = fields(box) + 4; i < entries; i++, at += 8) {
    list.push({ count: data.getUint32(at), value: signed ? data.getInt32(at + 4) : data.getUint32(at + 4) });
  }
  return list;
}

/** Decode order: each stts run's decode times, plus the ctts run's offset where one covers the sample. */
function presentationTimes(
  timing: readonly { count: number; value: number }[],
  offsets: readonly { count: number; value: number }[],
  editOffset: number,
  timescale: number,
): Float64Array {
  const times = new Float64Array(timing.reduce((n, run) => n + run.count, 0));
  let sample = 0;
  let decode = 0;
  for (const run of timing) {
    for (let i = 0; i < run.count; i++, sample++, decode += run.value) times[sample] = decode;
  }
  sample = 0;
  for (const run of offsets) {
    for (let i = 0; i < run.count && sample < times.length; i++, sample++) times[sample] = (times[sample] as number) + run.value;
  }
  // The demuxer's own expression, so that every time is the same number it gives.
  for (let i = 0; i < times.length; i++) times[i] = ((times[i] as number) - editOffset) / timescale;
  return times;
}

/** The sync samples' places (from 0), the first always among them; every sample without stss. */
function syncSamples(bytes: Uint8Array, stss: Box | undefined, count: number): number[] {
  if (!stss) return Array.from({ length: count }, (_, i) => i);
  const data = view(bytes);
  const places = Array.from({ length: data.getUint32(fields(stss)) }, (_, i) => data.getUint32(fields(stss) + 4 + 4 * i) - 1);
  if (places[0] !== 0) places.unshift(0);
  return places.filter((place) => place < count);
}

/**
 * The times of track `trackId` in a movie box (`moov`, header included), or null where the tables
 * do not tell them all: a fragmented file (its samples are in the fragments), a track it lacks, a
 * box that does not parse.
 */
export function sampleTimes(moov: Uint8Array, trackId: number): SampleTimes | null {
  try {
    const wideHeader = view(moov).getUint32(0) === 1;
    const movie: Box = { type: "moov", start: 0, size: moov.length, body: wideHeader ? 16 : 8 };
    const top = children(moov, movie.body, moov.length);
    const mvhd = top.find((b) => b.type === "mvhd");
    if (!mvhd || top.some((b) => b.type === "mvex")) return null;
    const trak = top.find((b) => {
      const tkhd = b.type === "trak" ? child(moov, b, "tkhd") : undefined;
      return tkhd !== undefined && trackIdOf(moov, tkhd) === trackId;
    });
    const mdia = trak && child(moov, trak, "mdia");
    const mdhd = mdia && child(moov, mdia, "mdhd");
    const minf = mdia && child(moov, mdia, "minf");
    const stbl = minf && child(moov, minf, "stbl");
    const stts = stbl && child(moov, stbl, "stts");
    if (!trak || !mdhd || !stbl || !stts) return null;
    const timescale = timescaleOf(moov, mdhd);
    const edts = child(moov, trak, "edts");
    const offset = editOffset(moov, edts && child(moov, edts, "elst"), timescaleOf(moov, mvhd), timescale);
    const ctts = child(moov, stbl, "ctts");
    const times = presentationTimes(runs(moov, stts, false), ctts ? runs(moov, ctts, true) : [], offset, timescale);
    const stss = child(moov, stbl, "stss");
    return { times, keys: syncSamples(moov, stss, times.length).map((i) => times[i] as number) };
  } catch {
    return null;
  }
}
