import type { Span } from "./clips";
import type { Lanes } from "./timeline-lanes";
import type { TimelineView } from "./timeline-view";

/**
 * How the timeline draws a list of any length. Clips in view are drawn as regions with their two
 * edge sliders while there are few enough to aim at; past that the view shows where clips lie as
 * one painted coverage band, and only the selected (or dragged) clip keeps its region. Either way
 * the page holds a bounded number of elements, so 100,000 clips cost what 100 do; every edge stays
 * reachable from the keyboard through the clip list, and on the timeline by zooming in.
 */
export const MAX_REGIONS = 120;

export interface ClipLayout {
  /** List places (0-based) drawn as regions, in list order. */
  regions: number[];
  /** How many clips lie at least partly in view. */
  inView: number;
  /** Too many in view to draw each: the coverage band shows them. */
  dense: boolean;
}

const overlapsView = (span: Span, view: TimelineView): boolean => span.end > view.start && span.start < view.start + view.span;

/** The first place from which `below` no longer holds, for a `below` true of a prefix of the list: a bisection. */
function firstNotBelow(spans: readonly Span[], below: (span: Span) => boolean): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (below(spans[mid] as Span)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The places worth looking at for `view`, `from` to `to` exclusive. In a list in time order the
 * clips in view are one stretch, found by bisection (an edit of 100,000 clips looks at those in
 * view only); in any other order, the whole list.
 */
function placesToLook(spans: readonly Span[], ordered: boolean, view: TimelineView): { from: number; to: number } {
  if (!ordered) return { from: 0, to: spans.length };
  const from = firstNotBelow(spans, (span) => span.end <= view.start);
  return { from, to: Math.max(from, firstNotBelow(spans, (span) => span.start < view.start + view.span)) };
}

/** Which clips get regions in `view`; `kept` (the selected, the dragged) get one whenever in view. */
export function layoutClips(
  spans: readonly Span[],
  lanes: Pick<Lanes, "ordered">,
  view: TimelineView,
  kept: readonly number[] = [],
  maxRegions = MAX_REGIONS,
): ClipLayout {
  // Places are listed only while they may still be drawn: a list of 100,000 in view is only counted.
  const inView: number[] = [];
  let count = 0;
  const { from, to } = placesToLook(spans, lanes.ordered, view);
  for (let place = from; place < to; place++) {
    if (!overlapsView(spans[place] as Span, view)) continue;
    if (count++ < maxRegions) inView.push(place);
  }
  if (count <= maxRegions) return { regions: inView, inView: count, dense: false };
  const regions = kept.filter((place) => spans[place] !== undefined && overlapsView(spans[place] as Span, view));
  return { regions: [...new Set(regions)].sort((a, b) => a - b), inView: count, dense: true };
}

/** A stretch of covered pixel columns on one lane, `from` to `to` exclusive. */
export interface CoverageRun {
  lane: number;
  from: number;
  to: number;
}

/**
 * Where clips lie across `columns` pixel columns of `view`, lane by lane, merged into runs: at most
 * one run per two columns whatever the number of clips. Every clip covers at least its column.
 * Each clip only marks where its columns begin and end (filling them clip by clip cost 100,000
 * calls); one pass per lane then adds the marks up.
 */
export function coverageRuns(spans: readonly Span[], lanes: Lanes, view: TimelineView, columns: number): CoverageRun[] {
  if (columns <= 0 || view.span <= 0) return [];
  const stride = columns + 1;
  const edges = new Int32Array(lanes.count * stride);
  // Times to columns as (t · columns) / span: a product then one division lands on a whole column
  // exactly where it should, where multiplying by columns / span first overshot it (25.000000000000004).
  const column = (t: number) => ((t - view.start) * columns) / view.span;
  const { from: first, to: last } = placesToLook(spans, lanes.ordered, view);
  for (let place = first; place < last; place++) {
    const span = spans[place] as Span;
    if (!overlapsView(span, view)) continue;
    const from = Math.max(0, Math.floor(column(span.start)));
    const to = Math.min(columns, Math.max(from + 1, Math.ceil(column(span.end))));
    const row = (lanes.rows[place] ?? 0) * stride;
    edges[row + from] = (edges[row + from] as number) + 1;
    edges[row + to] = (edges[row + to] as number) - 1;
  }
  const runs: CoverageRun[] = [];
  for (let lane = 0; lane < lanes.count; lane++) {
    let depth = 0;
    let start = -1;
    for (let x = 0; x <= columns; x++) {
      depth += edges[lane * stride + x] as number;
      if (depth > 0 && start < 0) start = x;
      else if (depth <= 0 && start >= 0) {
        runs.push({ lane, from: start, to: x });
        start = -1;
      }
    }
  }
  return runs;
}
