import { fail, ok, type Result } from "./result";

/**
 * Reads a time in seconds from what people type or log: `83.5`, `1:23.5`, `00:01:23.500`.
 * Minutes and seconds after the first field must be below 60.
 */
export function parseTime(text: string): Result<number> {
  const trimmed = text.trim();
  if (trimmed === "") return fail("a time is empty");
  const parts = trimmed.split(":");
  if (parts.length > 3) return fail(`"${trimmed}" has too many ":" fields`);
  const numbers: number[] = [];
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    const pattern = last ? /^\d+(?:\.\d+)?$|^\.\d+$/ : /^\d+$/;
    if (!pattern.test(part)) return fail(`"${trimmed}" is not a time (use 83.5, 1:23.5 or 00:01:23.500)`);
    numbers.push(Number(part));
  }
  if (numbers.slice(1).some((n) => n >= 60)) return fail(`"${trimmed}" has minutes or seconds of 60 or more`);
  const seconds = numbers.reduce((total, n) => total * 60 + n, 0);
  return Number.isFinite(seconds) ? ok(seconds) : fail(`"${trimmed}" is too large`);
}

/** `HH:MM:SS.mmm`, rounded to the millisecond. */
export function formatTimecode(seconds: number): string {
  const totalMs = Math.round(Math.max(0, seconds) * 1000);
  const ms = totalMs % 1000;
  const totalSeconds = (totalMs - ms) / 1000;
  const s = totalSeconds % 60;
  const m = Math.floor(totalSeconds / 60) % 60;
  const h = Math.floor(totalSeconds / 3600);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms, 3)}`;
}

/** Seconds for ffmpeg's command line: microsecond precision, the unit ffmpeg parses to. */
export function formatSeconds(seconds: number): string {
  return (Math.round(seconds * 1e6) / 1e6).toFixed(6).replace(/\.?0+$/, "") || "0";
}

/** A signed duration for people: `+0.120 s`, `−1.000 s`. */
export function formatOffset(seconds: number): string {
  const rounded = Math.round(seconds * 1000) / 1000;
  const sign = rounded > 0 ? "+" : rounded < 0 ? "−" : "±";
  return `${sign}${Math.abs(rounded).toFixed(3)} s`;
}

/** A length for people: `0:30`, `0:01.5`, `1:02:03.25` (tenths or hundredths only when there are any). */
export function formatLength(seconds: number): string {
  const centis = Math.round(Math.max(0, seconds) * 100);
  const whole = Math.floor(centis / 100);
  const fraction = centis % 100 === 0 ? "" : `.${String(centis % 100).padStart(2, "0").replace(/0$/, "")}`;
  const s = String(whole % 60).padStart(2, "0");
  const m = Math.floor(whole / 60) % 60;
  const h = Math.floor(whole / 3600);
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}${fraction}` : `${m}:${s}${fraction}`;
}
