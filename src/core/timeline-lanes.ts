import type { Span } from "./clips";

/**
 * Rows for clips drawn on one timeline: a clip overlapping one already placed goes on the first
 * row where it overlaps nothing, so every overlap is visible. Returns each span's row, in input order.
 */
export function assignLanes(spans: readonly Span[]): number[] {
  // Each row's spans, checked in full: list order is free, so a row's last span says nothing.
  const rows: Span[][] = [];
  return spans.map((span) => {
    const free = rows.findIndex((row) => row.every((other) => other.end <= span.start || other.start >= span.end));
    const lane = free >= 0 ? free : rows.length;
    (rows[lane] ??= []).push(span);
    return lane;
  });
}
