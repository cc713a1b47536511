import { fail, ok, type Result } from "./result";

/** An exact fraction, as ffprobe reports frame rates ("30000/1001"). */
export interface Rational {
  num: number;
  den: number;
}

export function parseRational(text: string): Result<Rational> {
  const match = /^\s*(\d+)(?:\/(\d+))?\s*$/.exec(text);
  if (!match) return fail(`"${text}" is not a fraction`);
  const num = Number(match[1]);
  const den = match[2] === undefined ? 1 : Number(match[2]);
  if (num === 0 || den === 0) return fail(`"${text}" is not a usable rate`);
  return ok({ num, den });
}

export const rationalValue = (r: Rational): number => r.num / r.den;
