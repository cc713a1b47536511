/**
 * Makes items 0…count−1 one at a time, in order, ahead of whoever takes them: when item i is
 * taken, the items up to i + `ahead` are made (or queued) meanwhile. A smart cut encodes the
 * next clips' heads this way while it writes the current clip; one at a time, because two
 * encoders at once measured no faster on two cores. A failure surfaces when its item is taken.
 */
export class Lookahead<T> {
  private readonly made = new Map<number, Promise<T>>();
  private previous: Promise<unknown> = Promise.resolve();
  private queued = 0;

  constructor(
    private readonly count: number,
    private readonly ahead: number,
    private readonly make: (index: number) => Promise<T>,
  ) {}

  /** Item `index` once made; items are taken in order, each once. */
  take(index: number): Promise<T> {
    for (; this.queued <= Math.min(index + this.ahead, this.count - 1); this.queued++) {
      const at = this.queued;
      const item = this.previous.then(() => this.make(at));
      // Observed when taken; the next item waits for this one to settle either way.
      this.previous = item.catch(() => undefined);
      this.made.set(at, item);
    }
    const item = this.made.get(index);
    if (!item) return Promise.reject(new Error(`item ${index} was taken already or does not exist`));
    this.made.delete(index);
    return item;
  }
}
