/**
 * Undo and redo over a list, kept as the changes made to it, not as copies of it: a step is the
 * stretch of the list one edit replaced. A one-clip edit of a 10,000-clip list costs one clip
 * to remember and to store, where a copy would cost 10,000.
 */

/**
 * At index `at`, `removed` gave way to `inserted`; undone by putting `removed` back. `beside`: a
 * list kept beside this one changed in the same step (a project's sources, beside its clips).
 */
export interface Step<T, B = never> {
  at: number;
  removed: T[];
  inserted: T[];
  beside?: Step<B>;
}

export interface History<T, B = never> {
  /** The steps that made `present`, oldest first. */
  past: Step<T, B>[];
  present: T[];
  /** The steps undone, the next to redo first. */
  future: Step<T, B>[];
}

// Enough for a long session of edits; the oldest steps go first.
const DEPTH = 200;
/** Items the steps of a history may hold in all: a few imports of a long list, not hundreds. */
export const STEP_BUDGET = 200_000;

export const startHistory = <T, B = never>(present: T[], past: Step<T, B>[] = [], future: Step<T, B>[] = []): History<T, B> => ({
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

const isEmpty = <T, B>(step: Step<T, B>): boolean =>
  step.removed.length === 0 && step.inserted.length === 0 && (step.beside === undefined || isEmpty(step.beside));
const size = <T, B>(step: Step<T, B>): number => step.removed.length + step.inserted.length + (step.beside ? size(step.beside) : 0);

/** `list` with `step` made (forward) or unmade (backward). */
export function apply<T, B>(list: readonly T[], step: Step<T, B>, direction: "forward" | "backward"): T[] {
  const [out, into] = direction === "forward" ? [step.removed, step.inserted] : [step.inserted, step.removed];
  // concat sizes the new list once; spreading would grow it item by item.
  return list.slice(0, step.at).concat(into, list.slice(step.at + out.length));
}

/** The newest steps that fit both the depth and the budget. */
function bounded<T, B>(past: Step<T, B>[]): Step<T, B>[] {
  let held = 0;
  let first = past.length;
  while (first > 0 && past.length - first < DEPTH) {
    held += size(past[first - 1] as Step<T, B>);
    if (held > STEP_BUDGET && first < past.length) break;
    first--;
  }
  return first === 0 ? past : past.slice(first);
}

/**
 * A new state: the change to it becomes undoable, and whatever was undone is gone. No change, no
 * step. `beside`: the change made at once to the list kept beside (see Step), undone with it.
 */
export function record<T, B = never>(history: History<T, B>, next: T[], beside?: Step<B>): History<T, B> {
  const step: Step<T, B> = { ...stepBetween(history.present, next), ...(beside && !isEmpty(beside) && { beside }) };
  if (isEmpty(step)) return history;
  return { past: bounded([...history.past, step]), present: next, future: [] };
}

/**
 * A run of small edits to one thing (an edge nudged frame by frame) that undoes as one step, as a
 * drag does: `key` names the thing, `at` the time of its last edit, `after` the history it left.
 */
export interface Burst<T, B = never> {
  key: string;
  at: number;
  after: History<T, B>;
}

/** Edits of one thing closer together than this (ms) continue its burst. */
export const BURST_GAP_MS = 1000;

/**
 * `record`, except that an edit continuing `burst` (same key, within BURST_GAP_MS of its last edit,
 * nothing else changed since) is folded into the burst's step. `now` is the clock, in ms.
 */
export function recordBurst<T, B = never>(
  history: History<T, B>,
  next: T[],
  burst: Burst<T, B> | null,
  key: string,
  now: number,
): { history: History<T, B>; burst: Burst<T, B> | null } {
  const last = history.past.at(-1);
  const continues = burst !== null && burst.after === history && burst.key === key && now - burst.at <= BURST_GAP_MS;
  if (!continues || last === undefined) {
    const recorded = record(history, next);
    return { history: recorded, burst: recorded === history ? burst : { key, at: now, after: recorded } };
  }
  // The burst's step was recorded with nothing beside, so nothing beside is lost here.
  const before = apply(history.present, last, "backward");
  const step: Step<T, B> = stepBetween(before, next);
  const past = isEmpty(step) ? history.past.slice(0, -1) : [...history.past.slice(0, -1), step];
  const merged = { past, present: next, future: [] };
  return { history: merged, burst: { key, at: now, after: merged } };
}

export function undo<T, B>(history: History<T, B>): History<T, B> {
  const step = history.past.at(-1);
  if (step === undefined) return history;
  return { past: history.past.slice(0, -1), present: apply(history.present, step, "backward"), future: [step, ...history.future] };
}

export function redo<T, B>(history: History<T, B>): History<T, B> {
  const [step, ...rest] = history.future;
  if (step === undefined) return history;
  return { past: [...history.past, step], present: apply(history.present, step, "forward"), future: rest };
}

/** Whether `step` can be unmade from `list` (backward) or made on it (forward): what it expects is there. */
export function fits<T, B>(list: readonly T[], step: Step<T, B>, direction: "forward" | "backward", same: (a: T, b: T) => boolean): boolean {
  const expected = direction === "forward" ? step.removed : step.inserted;
  if (!Number.isSafeInteger(step.at) || step.at < 0 || step.at + expected.length > list.length) return false;
  return expected.every((item, i) => same(list[step.at + i] as T, item));
}
