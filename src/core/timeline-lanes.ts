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

/**
 * Rows for clips drawn on one timeline: a clip overlapping one already placed goes on the first
 * row where it overlaps nothing, so overlaps are visible. Returns each span's row, in input order.
 * Each row is searched by bisection and a list in time order only ever appends, so 100,000 clips
 * take milliseconds (the check against every placed span made each edit quadratic).
 */
export function assignLanes(spans: readonly Span[]): number[] {
  // The usual list: in time order, none overlapping the one before, so all on the first row.
  let ordered = true;
  for (let i = 1; i < spans.length && ordered; i++) ordered = (spans[i - 1] as Span).end <= (spans[i] as Span).start;
  if (ordered) return new Array<number>(spans.length).fill(0);
  const rows: Row[] = [];
  const lanes = new Array<number>(spans.length);
  spans.forEach((span, i) => {
    let lane = 0;
    let slot = -1;
    for (; lane < rows.length && slot < 0; lane++) slot = slotIn(rows[lane] as Row, span);
    if (slot >= 0) lane--;
    else if (rows.length < MAX_LANES) rows.push({ starts: [], ends: [] });
    else {
      // Overlapped on every row: drawn over the last, which keeps only the spans that fit it.
      lanes[i] = MAX_LANES - 1;
      return;
    }
    const row = rows[lane] as Row;
    if (slot < 0) slot = 0;
    if (slot === row.starts.length) {
      row.starts.push(span.start);
      row.ends.push(span.end);
    } else {
      row.starts.splice(slot, 0, span.start);
      row.ends.splice(slot, 0, span.end);
    }
    lanes[i] = lane;
  });
  return lanes;
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
