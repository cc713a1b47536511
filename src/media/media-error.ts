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

export const jobFailed = (error: unknown): JobResult<never> =>
  error instanceof MediaError
    ? { ok: false, kind: error.kind, error: error.message }
    : { ok: false, kind: "fault", error: `The export failed (${error instanceof Error ? error.message : String(error)})` };
