import type { Span } from "./clips";
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

/** Which clips get regions in `view`; `kept` (the selected, the dragged) get one whenever in view. */
export function layoutClips(spans: readonly Span[], view: TimelineView, kept: readonly number[] = [], maxRegions = MAX_REGIONS): ClipLayout {
  // Places are listed only while they may still be drawn: a list of 100,000 in view is only counted.
  const inView: number[] = [];
  let count = 0;
  for (let place = 0; place < spans.length; place++) {
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
 */
export function coverageRuns(spans: readonly Span[], lanes: readonly number[], view: TimelineView, columns: number): CoverageRun[] {
  if (columns <= 0 || view.span <= 0) return [];
  const laneCount = Math.max(0, ...lanes) + 1;
  const covered = new Uint8Array(laneCount * columns);
  const column = (time: number) => ((time - view.start) / view.span) * columns;
  spans.forEach((span, place) => {
    if (!overlapsView(span, view)) return;
    const from = Math.max(0, Math.floor(column(span.start)));
    const to = Math.min(columns, Math.max(from + 1, Math.ceil(column(span.end))));
    covered.fill(1, (lanes[place] ?? 0) * columns + from, (lanes[place] ?? 0) * columns + to);
  });
  const runs: CoverageRun[] = [];
  for (let lane = 0; lane < laneCount; lane++) {
    for (let x = 0; x < columns; x++) {
      if (!covered[lane * columns + x]) continue;
      const from = x;
      while (x < columns && covered[lane * columns + x]) x++;
      runs.push({ lane, from, to: x });
    }
  }
  return runs;
}
