import { createSignal, onCleanup } from "solid-js";
import { constantFrames, videoFrames, type FrameModel } from "../core/frames";
import { nextKeyframe, previousKeyframe } from "../core/keyframes";
import { firstVideo, type MediaInfo } from "../core/media-info";
import type { Rational } from "../core/rational";

// Lands a seek inside the wanted frame whatever rounding the browser does on the way.
const SEEK_NUDGE = 1e-4;
const REVERSE_TICK_MS = 80;
// Audio-only sources step in hundredths of a second.
const AUDIO_STEP_RATE: Rational = { num: 100, den: 1 };
const AUDIO_STEPS = constantFrames(AUDIO_STEP_RATE);
const MAX_SPEED = 8;

type Direction = "forward" | "reverse" | "paused";

/**
 * The playhead and the transport. The playhead is ours, not the video element's: a source the
 * browser cannot preview is still marked by moving it, and paused seeks land on exact frames.
 */
export function createPlayer(info: () => MediaInfo | undefined) {
  const [playhead, setPlayhead] = createSignal(0);
  const [direction, setDirection] = createSignal<Direction>("paused");
  const [speed, setSpeed] = createSignal(1);
  const [previewError, setPreviewError] = createSignal<string | null>(null);
  let video: HTMLVideoElement | undefined;
  let frameLoop = 0;
  let reverseTimer: ReturnType<typeof setInterval> | undefined;

  const rate = (): Rational => {
    const current = info();
    return (current && firstVideo(current)?.frameRate) || AUDIO_STEP_RATE;
  };
  // The source's frame model: a variable frame rate is stepped by the frames' own times.
  const frames = (): FrameModel => {
    const current = info();
    return (current && videoFrames(current)) ?? AUDIO_STEPS;
  };
  const duration = () => info()?.duration ?? 0;
  // The element counts in the file's own timestamps; the page counts from the first frame.
  const origin = () => info()?.origin ?? 0;
  const canPreview = () => video !== undefined && previewError() === null;
  const clamp = (t: number) => Math.min(Math.max(t, 0), duration());
  /** The start of the frame showing at `time`. */
  const snap = (time: number): number => frames().snap(time);
  /** `count` frames on from `time` (back where negative). */
  const stepFrom = (time: number, count: number): number => frames().step(time, count);

  function seek(time: number): void {
    const t = clamp(time);
    setPlayhead(t);
    if (canPreview() && video) video.currentTime = origin() + Math.min(t + SEEK_NUDGE, duration());
  }

  function follow(): void {
    if (video && direction() === "forward") setPlayhead(video.currentTime - origin());
    frameLoop = requestAnimationFrame(follow);
  }

  function stop(): void {
    clearInterval(reverseTimer);
    cancelAnimationFrame(frameLoop);
    video?.pause();
    if (direction() === "forward" && video) setPlayhead(clamp(video.currentTime - origin()));
    setDirection("paused");
    setSpeed(1);
  }

  function playForward(nextSpeed: number): void {
    if (!canPreview() || !video) return;
    clearInterval(reverseTimer);
    video.playbackRate = nextSpeed;
    setSpeed(nextSpeed);
    if (direction() !== "forward") {
      setDirection("forward");
      // A play() cut short by a pause rejects later: only a failed start of this forward play stops.
      void video.play().catch(() => direction() === "forward" && stop());
      follow();
    }
  }

  /** Browsers cannot play backwards: step back in jumps, so the picture visibly moves back. */
  function playReverse(nextSpeed: number): void {
    if (direction() === "forward") stop();
    setSpeed(nextSpeed);
    setDirection("reverse");
    clearInterval(reverseTimer);
    reverseTimer = setInterval(() => {
      const next = playhead() - (REVERSE_TICK_MS / 1000) * speed();
      seek(next);
      if (next <= 0) stop();
    }, REVERSE_TICK_MS);
  }

  const faster = (wanted: Direction) => (direction() === wanted ? Math.min(speed() * 2, MAX_SPEED) : 1);

  onCleanup(stop);

  return {
    playhead,
    direction,
    speed,
    previewError,
    frame: () => frames().frameAt(playhead()),
    /** The start of the frame on screen: where a mark belongs. */
    markTime: () => snap(playhead()),
    snap,
    stepFrom,
    /** The rate frames are stepped at: the video's, else hundredths of a second for sound alone. */
    stepRate: rate,
    attach(element: HTMLVideoElement) {
      video = element;
      setPreviewError(null);
      element.addEventListener("ended", stop);
    },
    previewFailed(why: string) {
      stop();
      setPreviewError(why);
    },
    reset() {
      stop();
      setPreviewError(null);
      setPlayhead(0);
    },
    seek: (time: number) => {
      if (direction() !== "paused") stop();
      seek(time);
    },
    togglePlay: () => (direction() === "paused" ? playForward(1) : stop()),
    pause: stop,
    forward: () => playForward(faster("forward")),
    reverse: () => playReverse(faster("reverse")),
    stepFrames: (count: number) => {
      stop();
      seek(stepFrom(playhead(), count));
    },
    stepSeconds: (seconds: number) => {
      stop();
      seek(playhead() + seconds);
    },
    keyframe: (towards: "previous" | "next") => {
      stop();
      const keyframes = info()?.keyframes ?? [];
      const target = towards === "next" ? nextKeyframe(keyframes, playhead()) : previousKeyframe(keyframes, playhead());
      if (target !== undefined) seek(target);
    },
  };
}

export type Player = ReturnType<typeof createPlayer>;
