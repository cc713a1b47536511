/** Undo and redo over immutable states: what the clip list was, is, and was before an undo. */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
}

// Enough for a long session of edits, small enough to save with the project on every change.
const DEPTH = 200;

export const startHistory = <T>(present: T, past: T[] = [], future: T[] = []): History<T> => ({ past, present, future });

/** A new state: the old one becomes undoable, and whatever was undone is gone. */
export function record<T>(history: History<T>, next: T): History<T> {
  return { past: [...history.past, history.present].slice(-DEPTH), present: next, future: [] };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest };
}
