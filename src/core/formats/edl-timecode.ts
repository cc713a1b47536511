import { rationalValue, type Rational } from "../rational";

/** Timecode counts frames at a whole nominal rate (30 for 29.97); drop-frame skips numbers, not frames. */
export const nominal = (rate: Rational): number => Math.round(rationalValue(rate));

/** Only 29.97 and 59.94 have a drop-frame count; at other rates a drop-frame mark means nothing. */
export const isDropRate = (rate: Rational): boolean => rate.den === 1001 && nominal(rate) % 30 === 0;

export function framesToTimecode(frames: number, base: number): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const ff = frames % base;
  const seconds = Math.floor(frames / base);
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}:${pad(ff)}`;
}

/**
 * Frame count of `HH:MM:SS:FF` at `rate`. Drop-frame where `drop` says so (the FCM line in force,
 * whatever the separator); without one, where the separator is `;` (or `,`), as drop-frame writes it.
 */
export function timecodeToFrames(text: string, rate: Rational, drop?: boolean): number | null {
  const match = /^(\d{2}):(\d{2}):(\d{2})([:;.,])(\d{2})$/.exec(text);
  if (!match) return null;
  const [h, m, s, ff] = [match[1], match[2], match[3], match[5]].map(Number) as [number, number, number, number];
  const base = nominal(rate);
  if (m > 59 || s > 59 || ff >= base) return null;
  const frames = ((h * 60 + m) * 60 + s) * base + ff;
  if (!(drop ?? (match[4] === ";" || match[4] === ",")) || !isDropRate(rate)) return frames;
  const dropped = (base / 30) * 2;
  const minutes = h * 60 + m;
  return frames - dropped * (minutes - Math.floor(minutes / 10));
}
