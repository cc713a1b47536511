import { createMemo, createSignal, onCleanup } from "solid-js";

/** Rows drawn beyond each edge of the box, so that a quick scroll or a Tab finds them drawn. */
const OVERSCAN = 8;
/** Until a row has been measured: about one line of controls. */
const GUESSED_ROW_PX = 40;

/**
 * Which rows of a long list a scrolled box shows: a list of 10,000 clips draws the few dozen in
 * view (and some either side), with the space of the others kept above and below, so the
 * scrollbar and the scroll position are those of the whole list. Rows are taken to be of one
 * height: the first drawn row's, measured.
 */
export type VirtualWindow = ReturnType<typeof createVirtualWindow>;

export function createVirtualWindow(count: () => number) {
  const [scrollTop, setScrollTop] = createSignal(0);
  const [viewport, setViewport] = createSignal(800);
  const [rowHeight, setRowHeight] = createSignal(GUESSED_ROW_PX);
  let box: HTMLElement | undefined;

  const range = createMemo(() => {
    const h = rowHeight();
    const first = Math.max(0, Math.floor(scrollTop() / h) - OVERSCAN);
    const end = Math.min(count(), Math.ceil((scrollTop() + viewport()) / h) + OVERSCAN);
    return { first: Math.min(first, end), end };
  });

  const sizes = new ResizeObserver(([entry]) => entry && setViewport(entry.contentRect.height || viewport()));
  const rows = new ResizeObserver(([entry]) => {
    const height = entry?.borderBoxSize[0]?.blockSize;
    if (height) setRowHeight(height);
  });
  onCleanup(() => {
    sizes.disconnect();
    rows.disconnect();
  });

  return {
    /** The rows to draw: `first` up to, not including, `end`. */
    range,
    /** The space of the rows not drawn, above and below those that are. */
    before: () => range().first * rowHeight(),
    after: () => (count() - range().end) * rowHeight(),
    /** The scrolled box. */
    box(element: HTMLElement): void {
      box = element;
      setScrollTop(element.scrollTop);
      sizes.observe(element);
      element.addEventListener("scroll", () => setScrollTop(element.scrollTop), { passive: true });
    },
    /** A drawn row: the first one met sets the height of all. */
    row(element: HTMLElement): void {
      rows.disconnect();
      rows.observe(element);
    },
    /**
     * Scrolls the box just enough to show row `index` (a clip just added, say). Judged on the kept
     * scroll position and height, not the box's: reading those forced a layout in the middle of each
     * edit of a long list, which the frame lays out anyway.
     */
    show(index: number): void {
      if (!box) return;
      const top = index * rowHeight();
      const bottom = top + rowHeight();
      const now = scrollTop();
      const to = top < now ? top : bottom > now + viewport() ? bottom - viewport() : now;
      if (to === now) return;
      box.scrollTop = to;
      // As the box took it (clamped to its end): no scroll event follows a position it already had.
      setScrollTop(box.scrollTop);
    },
  };
}
