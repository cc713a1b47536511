import { stepBetween } from "./history";

/**
 * A sum over a list, kept as the list changes. Each new list is compared with the last by identity
 * (stepBetween: what lies between their common start and end), and only that stretch is measured:
 * an edit of one clip in 100,000 measures two clips instead of all of them. A new measure (another
 * frame model, say) needs a new running total.
 */
export function runningTotal<T>(measure: (item: T) => number): (list: readonly T[]) => number {
  const sum = (items: readonly T[]) => items.reduce((total, item) => total + measure(item), 0);
  let last: readonly T[] = [];
  let total = 0;
  return (list) => {
    if (list === last) return total;
    const step = stepBetween(last, list);
    // A whole new list is added up afresh, so rounding never builds up across replacements.
    total = step.removed.length === last.length ? sum(list) : total + sum(step.inserted) - sum(step.removed);
    last = list;
    return total;
  };
}
