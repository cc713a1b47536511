import type { Span } from "./clips";
import { countBelow } from "./sorted-search";

/** More rows than this tell nothing more: clips that overlap every row share the last one. */
export const MAX_LANES = 12;

/** One row's spans, which never overlap one another, so sorted by start they are sorted by end too. */
interface Row {
  starts: number[];
  ends: number[];
}

/** Where `span` would go in `row`, or -1 where it overlaps a span already there (touching is fine). */
function slotIn(row: Row, span: Span): number {
  // A list in time order lands after the row's last span every time: no search.
  const last = row.ends.length - 1;
  if (last < 0 || (row.ends[last] as number) <= span.start) return last + 1;
  const next = countBelow(row.ends, span.start, true);
  return next < row.starts.length && (row.starts[next] as number) < span.end ? -1 : next;
}

/** Each span's row on the timeline, in input order, with what the drawing can lean on. */
export interface Lanes {
  /** Row per span (MAX_LANES fits a byte: a typed array is one allocation, zeroed, for 100,000 spans). */
  rows: Uint8Array;
  /** Rows in use, at least one. */
  count: number;
  /**
   * The spans are in time order, none overlapping the one before: their starts and their ends are
   * both ascending, so what lies in a view is found by bisection.
   */
  ordered: boolean;
}

/**
 * Rows for clips drawn on one timeline: a clip overlapping one already placed goes on the first
 * row where it overlaps nothing, so overlaps are visible. Each row is searched by bisection and a
 * list in time order only ever appends, so 100,000 clips take milliseconds (the check against
 * every placed span made each edit quadratic).
 */
export function assignLanes(spans: readonly Span[]): Lanes {
  const rows = new Uint8Array(spans.length);
  // The usual list: in time order, none overlapping the one before, so all on the first row.
  let ordered = true;
  for (let i = 1; i < spans.length && ordered; i++) ordered = (spans[i - 1] as Span).end <= (spans[i] as Span).start;
  if (ordered) return { rows, count: 1, ordered };
  const placed: Row[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as Span;
    let lane = 0;
    let slot = -1;
    for (; lane < placed.length && slot < 0; lane++) slot = slotIn(placed[lane] as Row, span);
    if (slot >= 0) lane--;
    else if (placed.length < MAX_LANES) {
      placed.push({ starts: [], ends: [] });
      slot = 0;
    } else {
      // Overlapped on every row: drawn over the last, which keeps only the spans that fit it.
      rows[i] = MAX_LANES - 1;
      continue;
    }
    const row = placed[lane] as Row;
    if (slot === row.starts.length) {
      row.starts.push(span.start);
      row.ends.push(span.end);
    } else {
      row.starts.splice(slot, 0, span.start);
      row.ends.splice(slot, 0, span.end);
    }
    rows[i] = lane;
  }
  return { rows, count: Math.max(1, placed.length), ordered };
}

/** Whether two lists hold spans at the same times, place by place (labels and colours aside). */
export function sameTimes(a: readonly Span[], b: readonly Span[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Span;
    const y = b[i] as Span;
    if (x !== y && (x.start !== y.start || x.end !== y.end)) return false;
  }
  return true;
}
