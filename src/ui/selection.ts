import { createSignal } from "solid-js";
import type { Clip } from "../core/clips";

/**
 * The clip being worked on at the playhead (clicked on the timeline, or reached with ↑ / ↓): I and O
 * set its edges instead of marking a new clip. Kept by id, so it follows the clip through moves.
 */
export function createSelection(clips: () => Clip[]) {
  const [id, setId] = createSignal<number | null>(null);
  const selected = (): Clip | undefined => clips().find((c) => c.id === id());

  return {
    selected,
    /** Its place in the list (0-based), or -1. */
    index: () => clips().findIndex((c) => c.id === id()),
    select: (clip: Clip) => setId(clip.id),
    clear: () => setId(null),
    /** The clip `offset` places from the selected one in list order; with none selected, the first (↓) or last (↑). */
    step(offset: number): Clip | undefined {
      const list = clips();
      const from = list.findIndex((c) => c.id === id());
      const to = from < 0 ? (offset > 0 ? 0 : list.length - 1) : from + offset;
      const next = list[Math.min(Math.max(to, 0), list.length - 1)];
      if (next) setId(next.id);
      return next;
    },
  };
}

export type Selection = ReturnType<typeof createSelection>;
