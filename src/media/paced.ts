/**
 * Long loops in a worker without starving its messages. Awaiting a demuxer that answers from memory
 * only queues microtasks, so a loop over every packet of a long source never lets the page's ping
 * in, and the worker looks dead. A pacer hands the event loop a turn at least every `sliceMs`.
 */
const SLICE_MS = 20;

/** One turn of the event loop: a message round trip, which (unlike setTimeout) is never clamped to 4 ms. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A function for a long loop to await at each step: it gives a turn once `sliceMs` of work has passed. */
export function pacer(sliceMs = SLICE_MS): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await nextTurn();
    since = performance.now();
  };
}
