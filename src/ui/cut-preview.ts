import { createEffect, createSignal, on } from "solid-js";
import type { Clip } from "../core/clips";
import type { Player } from "./player";

/** What a preview plays: the clips as they were when it started, and where it is among them. */
interface Playing {
  clips: Clip[];
  index: number;
}

/**
 * "Preview cut": the clips played back to back in list order in the page's player, skipping what
 * is cut out, as the export will run; or one clip alone. With `loop` on it starts over at the end.
 * Pausing (or Escape) ends it.
 */
/** The project's files as a preview across them needs them. */
export interface PreviewFiles {
  /** The id of the file on the player. */
  onPlayer(): string | undefined;
  /** Puts a file on the player; false where the page has not read it. */
  show(id: string): boolean;
}

export function createCutPreview(player: Player, clips: () => Clip[], files: PreviewFiles) {
  const [playing, setPlaying] = createSignal<Playing | null>(null);
  const [loop, setLoop] = createSignal(false);
  // A jump to the next clip pauses the player for a moment: that pause is ours, not the person's.
  let jumping = false;
  // A clip's file being put on the player.
  let switching = false;

  function playAt(list: Clip[], index: number): void {
    const at = index < list.length ? index : loop() ? 0 : -1;
    const clip = list[at];
    if (!clip) return stop();
    setPlaying({ clips: list, index: at });
    if (clip.source === files.onPlayer()) return start(clip);
    // The file put on the player takes its place (and stops the player) once this update is
    // through: that stop is ours too, and the clip starts after it.
    switching = true;
    if (!files.show(clip.source)) {
      switching = false;
      return void setPlaying(null);
    }
    queueMicrotask(() => {
      switching = false;
      if (playing()?.clips[at] === clip) start(clip);
    });
  }

  function start(clip: Clip): void {
    jumping = true;
    player.seek(clip.start);
    player.forward();
    jumping = false;
    // A source the browser cannot play: there is nothing to preview.
    if (player.direction() !== "forward") setPlaying(null);
  }

  function stop(): void {
    if (playing() === null) return;
    setPlaying(null);
    player.pause();
  }

  createEffect(
    on(player.playhead, (time) => {
      const now = playing();
      const clip = now?.clips[now.index];
      if (now && (!clip || time >= clip.end)) playAt(now.clips, now.index + 1);
    }),
  );
  createEffect(
    on(player.direction, (direction) => {
      if (direction !== "forward" && !jumping && !switching) stop();
    }),
  );

  return {
    /** The clip playing, as "clip N of M" counts it (1-based, of the list played), or null. */
    current: () => {
      const now = playing();
      const clip = now?.clips[now.index];
      return now && clip ? { clip, number: now.index + 1, of: now.clips.length } : null;
    },
    loop,
    setLoop,
    /** Starts the whole cut, or stops what plays. */
    toggle: () => (playing() === null ? playAt(clips(), 0) : stop()),
    /** Plays one clip alone (again and again with `loop`). */
    playClip: (clip: Clip) => playAt([clip], 0),
    stop,
  };
}

export type CutPreview = ReturnType<typeof createCutPreview>;
