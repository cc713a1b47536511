import type { PacketInfo } from "./packet-cut";
import { countBelow } from "./sorted-search";

/** Minimum or maximum over any range of a fixed array, in O(log n): an iterative segment tree. */
class RangeExtreme {
  private readonly tree: Float64Array;
  private readonly size: number;

  constructor(
    values: ArrayLike<number>,
    private readonly pick: (a: number, b: number) => number,
    private readonly none: number,
  ) {
    this.size = values.length;
    this.tree = new Float64Array(2 * this.size).fill(none);
    for (let i = 0; i < this.size; i++) this.tree[this.size + i] = values[i] as number;
    for (let i = this.size - 1; i > 0; i--) this.tree[i] = pick(this.tree[2 * i] as number, this.tree[2 * i + 1] as number);
  }

  /** Over positions `from` up to, not including, `to`; `none` for an empty range. */
  over(from: number, to: number): number {
    let result = this.none;
    for (let lo = from + this.size, hi = to + this.size; lo < hi; lo >>= 1, hi >>= 1) {
      if (lo & 1) result = this.pick(result, this.tree[lo++] as number);
      if (hi & 1) result = this.pick(result, this.tree[--hi] as number);
    }
    return result;
  }
}

/** Decode indices ordered by presentation time (ties by decode order), with those times. */
function byTime(packets: readonly PacketInfo[], indices: number[]): { order: Int32Array; times: Float64Array } {
  indices.sort((a, b) => (packets[a] as PacketInfo).pts - (packets[b] as PacketInfo).pts || a - b);
  const order = Int32Array.from(indices);
  return { order, times: Float64Array.from(indices, (i) => (packets[i] as PacketInfo).pts) };
}

/**
 * A track's packets in decode order, indexed once so that every question a cut plan asks of them
 * takes O(log n): a plan of many clips over a long source stays O((clips + packets) · log n).
 * Decode order is not presentation order (B-frames), so answers are by decode index.
 */
export class PacketIndex {
  private readonly all: { order: Int32Array; times: Float64Array };
  private readonly keys: { order: Int32Array; times: Float64Array };
  private readonly lastOfAll: RangeExtreme;
  private readonly lastOfKeys: RangeExtreme;
  private readonly firstOfKeys: RangeExtreme;
  private readonly earliest: RangeExtreme;
  private readonly latestEnd: RangeExtreme;

  constructor(readonly packets: readonly PacketInfo[]) {
    const indices = packets.map((_, i) => i);
    this.all = byTime(packets, indices);
    this.keys = byTime(packets, indices.filter((i) => (packets[i] as PacketInfo).key));
    const max = (a: number, b: number) => Math.max(a, b);
    const min = (a: number, b: number) => Math.min(a, b);
    this.lastOfAll = new RangeExtreme(this.all.order, max, -1);
    this.lastOfKeys = new RangeExtreme(this.keys.order, max, -1);
    this.firstOfKeys = new RangeExtreme(this.keys.order, min, Infinity);
    this.earliest = new RangeExtreme(Float64Array.from(packets, (p) => p.pts), min, Infinity);
    this.latestEnd = new RangeExtreme(Float64Array.from(packets, (p) => p.pts + p.duration), max, -Infinity);
  }

  /** The last keyframe in decode order whose time is at or before `time`; -1 if none. */
  lastKeyAtOrBefore(time: number): number {
    return this.lastOfKeys.over(0, countBelow(this.keys.times, time, true));
  }

  /** The last packet in decode order whose time is before `time`; -1 if none. */
  lastBefore(time: number): number {
    return this.lastOfAll.over(0, countBelow(this.all.times, time, false));
  }

  /** The first keyframe in decode order whose time is in [from, to); -1 if none. */
  firstKeyIn(from: number, to: number): number {
    const first = this.firstOfKeys.over(countBelow(this.keys.times, from, false), countBelow(this.keys.times, to, false));
    return Number.isFinite(first) ? first : -1;
  }

  /** The packet whose time is nearest `time`, the first in decode order on a tie; -1 if none. */
  nearest(time: number): number {
    const { order, times } = this.all;
    if (order.length === 0) return -1;
    const above = countBelow(times, time, false);
    // Ties in time are ordered by decode index: each time's first entry is its earliest packet.
    const firstAt = (at: number) => countBelow(times, times[at] as number, false);
    const candidates = [above - 1, above].filter((at) => at >= 0 && at < order.length).map(firstAt);
    const distance = (at: number) => Math.abs((times[at] as number) - time);
    const best = candidates.reduce((a, b) => {
      const d = distance(a) - distance(b);
      return d < 0 || (d === 0 && (order[a] as number) < (order[b] as number)) ? a : b;
    });
    return order[best] as number;
  }

  /** The earliest presentation time among packets `from` up to `to` (decode order). */
  earliestTime(from: number, to: number): number {
    return this.earliest.over(from, to);
  }

  /** Where the last-ending frame among packets `from` up to `to` ends. */
  latestEndTime(from: number, to: number): number {
    return this.latestEnd.over(from, to);
  }
}
