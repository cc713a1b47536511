import { createSignal } from "solid-js";
import { fitView, followTime, scrollView, ZOOM_STEP, zoomView, type TimelineView } from "../core/timeline-view";

/**
 * The timeline's zoom and scroll, shared by the timeline (wheel, buttons) and the page keys (+, −, 0).
 * `duration` and `frameSeconds` belong to the open source.
 */
export function createTimelineZoom(duration: () => number, frameSeconds: () => number) {
  const [view, setView] = createSignal<TimelineView>(fitView(duration()));
  const zoomAround = (factor: number, anchor: number) => setView(zoomView(view(), factor, anchor, duration(), frameSeconds()));
  const middle = () => view().start + view().span / 2;

  return {
    view,
    /** The whole source, as after opening one. */
    fit: () => setView(fitView(duration())),
    /** Zooms one step in or out, around `anchor` (the middle of the view when not given). */
    zoomIn: (anchor = middle()) => zoomAround(ZOOM_STEP, anchor),
    zoomOut: (anchor = middle()) => zoomAround(1 / ZOOM_STEP, anchor),
    scroll: (fraction: number) => setView(scrollView(view(), fraction, duration(), frameSeconds())),
    scrollTo: (start: number) => setView(scrollView({ start, span: view().span }, 0, duration(), frameSeconds())),
    follow: (time: number) => setView(followTime(view(), time, duration(), frameSeconds())),
  };
}

export type TimelineZoom = ReturnType<typeof createTimelineZoom>;
