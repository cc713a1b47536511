import { createEffect, createSignal, on } from "solid-js";
import type { Clip } from "../core/clips";
import type { Player } from "./player";

/**
 * "Preview cut": the clips played back to back in list order in the page's player, skipping what
 * is cut out, as the export will run. Pausing (or Escape) ends it.
 */
export function createCutPreview(player: Player, clips: () => Clip[]) {
  // The clip being played (its place in the list), or null when no preview runs.
  const [current, setCurrent] = createSignal<number | null>(null);
  // A jump to the next clip pauses the player for a moment: that pause is ours, not the person's.
  let jumping = false;

  function playFrom(index: number): void {
    const clip = clips()[index];
    if (!clip) return stop();
    jumping = true;
    setCurrent(index);
    player.seek(clip.start);
    player.forward();
    jumping = false;
    // A source the browser cannot play: there is nothing to preview.
    if (player.direction() !== "forward") setCurrent(null);
  }

  function stop(): void {
    if (current() === null) return;
    setCurrent(null);
    player.pause();
  }

  createEffect(
    on(player.playhead, (time) => {
      const index = current();
      const clip = index === null ? undefined : clips()[index];
      if (index !== null && (!clip || time >= clip.end)) playFrom(index + 1);
    }),
  );
  createEffect(
    on(player.direction, (direction) => {
      if (direction !== "forward" && !jumping) stop();
    }),
  );

  return {
    /** The clip playing (0-based), or null. */
    current,
    toggle: () => (current() === null ? playFrom(0) : stop()),
    stop,
  };
}

export type CutPreview = ReturnType<typeof createCutPreview>;
