/**
 * Runs one job at a time, in the order asked: an engine never has a probe, an export and a
 * thumbnail run mixed up. A failed job does not stop the ones after it.
 */
export class JobQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
