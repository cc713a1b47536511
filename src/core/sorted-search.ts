/** How many of `sorted` (ascending) lie below `value`, or at or below it with `inclusive`: a bisection. */
export function countBelow(sorted: ArrayLike<number>, value: number, inclusive: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const item = sorted[mid] as number;
    if (inclusive ? item <= value : item < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
