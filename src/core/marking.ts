import { addClip, type Clip } from "./clips";
import { fail, ok, type Result } from "./result";

/** The IN waiting for its OUT, as the I / O / M keys build clips. */
export interface Marking {
  pendingIn: number | null;
}

export interface MarkOutcome {
  marking: Marking;
  clips: Clip[];
}

export const markIn = (time: number): Marking => ({ pendingIn: time });

export function markOut(marking: Marking, clips: readonly Clip[], time: number, duration: number): Result<MarkOutcome> {
  if (marking.pendingIn === null) return fail("Set IN first (I or M), then OUT");
  const added = addClip(clips, marking.pendingIn, time, duration);
  if (!added.ok) return added;
  return ok({ marking: { pendingIn: null }, clips: added.value });
}

/** M: the one-key logging habit. First press sets IN, the second sets OUT and adds the clip. */
export function toggleMark(marking: Marking, clips: readonly Clip[], time: number, duration: number): Result<MarkOutcome> {
  if (marking.pendingIn === null) return ok({ marking: markIn(time), clips: [...clips] });
  return markOut(marking, clips, time, duration);
}
