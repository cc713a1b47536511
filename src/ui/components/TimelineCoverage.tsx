import { createEffect, createSignal, onCleanup, onMount } from "solid-js";
import type { Span } from "../../core/clips";
import type { Lanes } from "../../core/timeline-lanes";
import { coverageRuns } from "../../core/timeline-layout";
import type { TimelineView } from "../../core/timeline-view";

interface CoverageProps {
  spans: readonly Span[];
  lanes: Lanes;
  view: TimelineView;
  width: number;
}

/**
 * Where the clips in view lie, painted lane by lane on one canvas: as cheap for 100,000 clips as for 200.
 * An edit only asks for a paint: it is made once in the next frame, before that frame is shown, with
 * the size the page's layout gave the canvas (watched, never asked for, which would force a layout
 * in the middle of the edit); the canvas is only resized when that size changed.
 */
export function TimelineCoverage(props: CoverageProps) {
  let canvas!: HTMLCanvasElement;
  const [height, setHeight] = createSignal(0);
  let frame = 0;
  let latest: (CoverageProps & { height: number }) | null = null;

  function paint(): void {
    frame = 0;
    if (!latest) return;
    const start = performance.now();
    const { spans, lanes, view, width, height: cssHeight } = latest;
    const ratio = window.devicePixelRatio || 1;
    const columns = Math.max(1, Math.round(width * ratio));
    const rows = Math.max(1, Math.round(cssHeight * ratio));
    if (canvas.width !== columns || canvas.height !== rows) {
      canvas.width = columns;
      canvas.height = rows;
    }
    const context = canvas.getContext("2d");
    if (!context) return;
    context.clearRect(0, 0, columns, rows);
    const laneHeight = rows / lanes.count;
    const inset = Math.min(2 * ratio, laneHeight / 4);
    context.fillStyle = getComputedStyle(canvas).color;
    for (const run of coverageRuns(spans, lanes, view, columns)) {
      context.fillRect(run.from, run.lane * laneHeight + inset, run.to - run.from, laneHeight - 2 * inset);
    }
    // Part of what an edit costs before it is seen: the bench's list-scale lines add it in.
    performance.measure("clipmark:paint-coverage", { start });
  }

  createEffect(() => {
    latest = { spans: props.spans, lanes: props.lanes, view: props.view, width: props.width, height: height() };
    if (!frame) frame = requestAnimationFrame(paint);
  });
  onMount(() => {
    const sizes = new ResizeObserver(([entry]) => entry && setHeight(entry.contentRect.height));
    sizes.observe(canvas);
    onCleanup(() => {
      sizes.disconnect();
      cancelAnimationFrame(frame);
    });
  });
  return <canvas ref={canvas} class="tl-coverage" aria-hidden="true" />;
}
