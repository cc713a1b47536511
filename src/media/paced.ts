import { EncodedPacketSink, type EncodedPacket, type InputTrack } from "mediabunny";

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

/**
 * Visits a track's packets in decode order, timing only (the container's index, no media data
 * read), pacing the walk. One by one: the sink's `packets()` iterator keeps a second's worth of its
 * own bookkeeping, which at the hundreds of thousands a second an index reads grows quadratic.
 */
export async function walkIndex(track: InputTrack, visit: (packet: EncodedPacket) => void): Promise<void> {
  const sink = new EncodedPacketSink(track);
  const pace = pacer();
  for (let p = await sink.getFirstPacket(METADATA); p; p = await sink.getNextPacket(p, METADATA)) {
    visit(p);
    await pace();
  }
}

export const METADATA = { metadataOnly: true } as const;
