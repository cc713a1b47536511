import { createSignal } from "solid-js";
import { levelsOf, type Levels } from "../core/silence";
import { thumbTimes, type Strip } from "../core/strip";
import type { PictureLevels } from "../core/black-frames";
import type { StripClient } from "../media/strip-client";
import type { StoredStrip, StripCache } from "../storage/strip-cache";
import type { Source } from "./session";

/** The strip worker as the timeline needs it. */
export type StripMaker = Pick<StripClient, "thumbnails" | "waveform" | "soundLevels" | "pictureLevels" | "stopLevels" | "stop">;
/** Where strips are kept between visits. */
export type StripStore = Pick<StripCache, "get" | "put">;

/** Thumbnails are made this many pixels high (the strip's height on a sharp screen). */
const THUMB_HEIGHT = 72;

/**
 * The open source's thumbnails and waveform: read from the cache, or computed in the strip worker
 * (thumbnails first, then the sound) and cached once the project is stored (a file never opened
 * for a project leaves nothing behind, and the cache never takes the room of a project's first
 * save). Opening another file stops the work for the last.
 */
export function createStrips(cache: StripStore, client: StripMaker, projectSaved: () => boolean) {
  const [strip, setStrip] = createSignal<Strip | null>(null);
  let request = 0;
  // The open source's strip, computed but not yet kept.
  let unstored: StoredStrip | null = null;

  async function compute(source: Source, current: () => boolean): Promise<void> {
    const { file, info } = source;
    const times = thumbTimes(info.duration, info.keyframes);
    const thumbs = await client.thumbnails(file, times, THUMB_HEIGHT);
    if (!current()) return;
    const pictures: Strip = {
      thumbTimes: thumbs ? times : [],
      thumbs: thumbs?.thumbs ?? [],
      thumbWidth: thumbs?.width ?? 0,
      thumbHeight: thumbs?.height ?? 0,
      peaks: null,
    };
    setStrip(pictures);
    const peaks = await client.waveform(file, info.duration);
    if (!current()) return;
    const whole = { ...pictures, peaks };
    setStrip(whole);
    unstored = { ...whole, fingerprint: source.media.fingerprint, computedAt: Date.now() };
    await keep();
  }

  /** Stores the computed strip once its project is stored: the project's own save comes first. */
  async function keep(): Promise<void> {
    const waiting = unstored;
    if (!waiting || !projectSaved()) return;
    unstored = null;
    await cache.put(waiting).catch(() => undefined);
  }

  /** Shows `source`'s strip (none for null); the last call wins. */
  async function show(source: Source | null): Promise<void> {
    const mine = ++request;
    const current = () => mine === request;
    setStrip(null);
    unstored = null;
    try {
      await client.stop();
      if (!source) return;
      const stored = await cache.get(source.media.fingerprint).catch(() => undefined);
      if (!current()) return;
      if (stored) setStrip(stored);
      else await compute(source, current);
    } catch {
      // The worker crashed: the timeline goes on without pictures, and nothing wrong is cached.
    }
  }

  return {
    strip,
    show,
    /** The open project was stored: its strip, if one waits, is kept now. */
    projectStored: () => void keep(),
    /** The sound's levels for Detect silence (core/silence.ts), made in the strip worker; null: no readable sound. */
    soundLevels: async (source: Source): Promise<Levels | null> => {
      const peaks = await client.soundLevels(source.file, source.info.duration).catch(() => null);
      return peaks && levelsOf(peaks);
    },
    /** How dark each frame is, for Detect black frames (core/black-frames.ts); null: the picture cannot be decoded here. */
    pictureLevels: (source: Source, onProgress: (done: number) => void): Promise<PictureLevels | null> =>
      client.pictureLevels(source.file, source.info.duration, onProgress).catch(() => null),
    stopLevels: () => void client.stopLevels().catch(() => undefined),
  };
}

export type Strips = ReturnType<typeof createStrips>;
