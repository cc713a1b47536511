/**
 * Undo and redo over a list, kept as the changes made to it, not as copies of it: a step is the
 * stretch of the list one edit replaced. A one-clip edit of a 10,000-clip list costs one clip
 * to remember and to store, where a copy would cost 10,000.
 */

/** At index `at`, `removed` gave way to `inserted`; undone by putting `removed` back. */
export interface Step<T> {
  at: number;
  removed: T[];
  inserted: T[];
}

export interface History<T> {
  /** The steps that made `present`, oldest first. */
  past: Step<T>[];
  present: T[];
  /** The steps undone, the next to redo first. */
  future: Step<T>[];
}

// Enough for a long session of edits; the oldest steps go first.
const DEPTH = 200;
/** Items the steps of a history may hold in all: a few imports of a long list, not hundreds. */
export const STEP_BUDGET = 200_000;

export const startHistory = <T>(present: T[], past: Step<T>[] = [], future: Step<T>[] = []): History<T> => ({
  past,
  present,
  future,
});

/**
 * The step from `before` to `after`: what lies between their common start and common end. Items
 * are compared with `same`; within the page an unchanged item is the same object.
 */
export function stepBetween<T>(
  before: readonly T[],
  after: readonly T[],
  same: (a: T, b: T) => boolean = Object.is,
): Step<T> {
  const shorter = Math.min(before.length, after.length);
  let head = 0;
  while (head < shorter && same(before[head] as T, after[head] as T)) head++;
  let tail = 0;
  while (tail < shorter - head && same(before[before.length - 1 - tail] as T, after[after.length - 1 - tail] as T)) tail++;
  return { at: head, removed: before.slice(head, before.length - tail), inserted: after.slice(head, after.length - tail) };
}

const isEmpty = <T>(step: Step<T>): boolean => step.removed.length === 0 && step.inserted.length === 0;
const size = <T>(step: Step<T>): number => step.removed.length + step.inserted.length;

/** `list` with `step` made (forward) or unmade (backward). */
export function apply<T>(list: readonly T[], step: Step<T>, direction: "forward" | "backward"): T[] {
  const [out, into] = direction === "forward" ? [step.removed, step.inserted] : [step.inserted, step.removed];
  // concat sizes the new list once; spreading would grow it item by item.
  return list.slice(0, step.at).concat(into, list.slice(step.at + out.length));
}

/** The newest steps that fit both the depth and the budget. */
function bounded<T>(past: Step<T>[]): Step<T>[] {
  let held = 0;
  let first = past.length;
  while (first > 0 && past.length - first < DEPTH) {
    held += size(past[first - 1] as Step<T>);
    if (held > STEP_BUDGET && first < past.length) break;
    first--;
  }
  return first === 0 ? past : past.slice(first);
}

/** A new state: the change to it becomes undoable, and whatever was undone is gone. No change, no step. */
export function record<T>(history: History<T>, next: T[]): History<T> {
  const step = stepBetween(history.present, next);
  if (isEmpty(step)) return history;
  return { past: bounded([...history.past, step]), present: next, future: [] };
}

/**
 * A run of small edits to one thing (an edge nudged frame by frame) that undoes as one step, as a
 * drag does: `key` names the thing, `at` the time of its last edit, `after` the history it left.
 */
export interface Burst<T> {
  key: string;
  at: number;
  after: History<T>;
}

/** Edits of one thing closer together than this (ms) continue its burst. */
export const BURST_GAP_MS = 1000;

/**
 * `record`, except that an edit continuing `burst` (same key, within BURST_GAP_MS of its last edit,
 * nothing else changed since) is folded into the burst's step. `now` is the clock, in ms.
 */
export function recordBurst<T>(
  history: History<T>,
  next: T[],
  burst: Burst<T> | null,
  key: string,
  now: number,
): { history: History<T>; burst: Burst<T> | null } {
  const last = history.past.at(-1);
  const continues = burst !== null && burst.after === history && burst.key === key && now - burst.at <= BURST_GAP_MS;
  if (!continues || last === undefined) {
    const recorded = record(history, next);
    return { history: recorded, burst: recorded === history ? burst : { key, at: now, after: recorded } };
  }
  const before = apply(history.present, last, "backward");
  const step = stepBetween(before, next);
  const past = isEmpty(step) ? history.past.slice(0, -1) : [...history.past.slice(0, -1), step];
  const merged = { past, present: next, future: [] };
  return { history: merged, burst: { key, at: now, after: merged } };
}

export function undo<T>(history: History<T>): History<T> {
  const step = history.past.at(-1);
  if (step === undefined) return history;
  return { past: history.past.slice(0, -1), present: apply(history.present, step, "backward"), future: [step, ...history.future] };
}

export function redo<T>(history: History<T>): History<T> {
  const [step, ...rest] = history.future;
  if (step === undefined) return history;
  return { past: [...history.past, step], present: apply(history.present, step, "forward"), future: rest };
}

/** Whether `step` can be unmade from `list` (backward) or made on it (forward): what it expects is there. */
export function fits<T>(list: readonly T[], step: Step<T>, direction: "forward" | "backward", same: (a: T, b: T) => boolean): boolean {
  const expected = direction === "forward" ? step.removed : step.inserted;
  if (!Number.isSafeInteger(step.at) || step.at < 0 || step.at + expected.length > list.length) return false;
  return expected.every((item, i) => same(list[step.at + i] as T, item));
}
