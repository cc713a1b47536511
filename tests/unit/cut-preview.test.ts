import { createRoot, createSignal } from "solid-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Clip } from "../../src/core/clips";
import { createCutPreview } from "../../src/ui/cut-preview";
import { createPlayer } from "../../src/ui/player";
import { sampleInfo } from "./sample-info";

const clip = (id: number, start: number, end: number): Clip => ({ id, source: "s", start, end, label: "" });

/**
 * The page's player on a video element that plays when the test moves its clock: `playTo` sets
 * the element's time and runs the animation frame the player follows it with.
 */
function page(clips: Clip[], canPlay = true, shown: string[] = []) {
  let frame: FrameRequestCallback | null = null;
  vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => ((frame = callback), 1));
  vi.stubGlobal("cancelAnimationFrame", () => (frame = null));
  // Only what the player touches of an HTMLVideoElement.
  const video = { currentTime: 0, playbackRate: 1, play: () => Promise.resolve(), pause: () => undefined, addEventListener: () => undefined };
  return createRoot((dispose) => {
    const [list, setList] = createSignal(clips);
    const player = createPlayer(() => sampleInfo());
    if (canPlay) player.attach(video as unknown as HTMLVideoElement);
    const preview = createCutPreview(player, list, {
      onPlayer: () => shown.at(-1) ?? "s",
      // A file the test has not read ("gone") cannot be shown.
      show: (id) => id !== "gone" && shown.push(id) > 0,
    });
    const playTo = (time: number) => {
      video.currentTime = time;
      frame?.(0);
    };
    const playing = () => {
      const now = preview.current();
      return now && { id: now.clip.id, number: now.number, of: now.of };
    };
    return { player, preview, playTo, playing, setList, dispose };
  });
}

describe("cut preview", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("plays the clips back to back in list order, jumping over what is cut out, and stops after the last", () => {
    const { player, preview, playTo, playing, dispose } = page([clip(1, 5, 6), clip(2, 1, 2)]);
    // Started while the video plays: the player's own stop on the jump to the clip is not a pause by the person.
    player.togglePlay();
    preview.toggle();
    expect(playing()).toEqual({ id: 1, number: 1, of: 2 });
    expect(player.direction()).toBe("forward");
    expect(player.playhead()).toBeCloseTo(5, 3);
    playTo(5.96);
    expect(playing()?.id).toBe(1);
    playTo(6);
    expect(playing()).toEqual({ id: 2, number: 2, of: 2 });
    expect(player.playhead()).toBeCloseTo(1, 3);
    expect(player.direction()).toBe("forward");
    playTo(2);
    expect(playing()).toBeNull();
    expect(player.direction()).toBe("paused");
    dispose();
  });

  it("plays across files: the next clip's file is put on the player, and it plays from the clip once that is through", async () => {
    const shown: string[] = [];
    const { player, preview, playTo, playing, dispose } = page([clip(1, 5, 6), { ...clip(2, 1, 2), source: "t" }, { ...clip(3, 3, 4), source: "gone" }], true, shown);
    preview.toggle();
    playTo(6);
    expect(shown).toEqual(["t"]);
    expect(playing()).toEqual({ id: 2, number: 2, of: 3 });
    await Promise.resolve();
    expect(player.playhead()).toBeCloseTo(1, 3);
    expect(player.direction()).toBe("forward");
    // A file the page has not read ends the preview.
    playTo(2);
    expect(playing()).toBeNull();
    dispose();
  });

  it("with Loop starts over after the last clip; a pause by the person ends it", () => {
    const { player, preview, playTo, playing, dispose } = page([clip(1, 1, 2), clip(2, 4, 5)]);
    preview.setLoop(true);
    preview.toggle();
    playTo(2);
    playTo(5);
    expect(playing()).toEqual({ id: 1, number: 1, of: 2 });
    expect(player.playhead()).toBeCloseTo(1, 3);
    player.pause();
    expect(playing()).toBeNull();
    dispose();
  });

  it("plays the clips as they were when it started, and one clip alone when asked", () => {
    const { player, preview, playTo, playing, setList, dispose } = page([clip(1, 1, 2), clip(2, 4, 5)]);
    preview.toggle();
    setList([clip(1, 1, 2), clip(3, 8, 9)]);
    playTo(2);
    expect(playing()?.id).toBe(2);
    preview.stop();

    preview.playClip(clip(3, 8, 9));
    expect(playing()).toEqual({ id: 3, number: 1, of: 1 });
    playTo(9);
    expect(playing()).toBeNull();
    expect(player.direction()).toBe("paused");
    dispose();
  });

  it("previews nothing when the browser cannot play the source", () => {
    const { player, preview, playing, dispose } = page([clip(1, 1, 2)], false);
    preview.toggle();
    expect(playing()).toBeNull();
    expect(player.direction()).toBe("paused");
    dispose();
  });
});
