/** What went wrong in a media job, for the page to branch on; `message` is said to the user as is. */
export type MediaErrorKind = "cancelled" | "unsupported" | "too-large" | "fault";

export class MediaError extends Error {
  constructor(
    readonly kind: MediaErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** A job's outcome as it crosses to the page (errors do not keep their class through postMessage). */
export type JobResult<T> = { ok: true; value: T } | { ok: false; kind: MediaErrorKind; error: string };

/**
 * The outcome of a failed job. What the engines say of their own failures is internal: the page
 * gets plain words, the console the details.
 */
export function jobFailed(error: unknown): JobResult<never> {
  if (error instanceof MediaError) return { ok: false, kind: error.kind, error: error.message };
  console.error("export failed:", error);
  return {
    ok: false,
    kind: "fault",
    error: "The export could not be finished: this file holds something the engine does not handle. Another export mode may work.",
  };
}
