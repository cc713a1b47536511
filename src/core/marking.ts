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

/** The source being marked: its id among the project's, and how long it lasts. */
export interface MarkedSource {
  source: string;
  duration: number;
}

/** O: the clip marked added, of the source being marked. */
export function markOut(marking: Marking, clips: readonly Clip[], time: number, on: MarkedSource): Result<MarkOutcome> {
  if (marking.pendingIn === null) return fail("Set IN first (I or M), then OUT");
  const added = addClip(clips, on.source, marking.pendingIn, time, on.duration);
  if (!added.ok) return added;
  return ok({ marking: { pendingIn: null }, clips: added.value });
}

/** M: the one-key logging habit. First press sets IN, the second sets OUT and adds the clip. */
export function toggleMark(marking: Marking, clips: readonly Clip[], time: number, on: MarkedSource): Result<MarkOutcome> {
  if (marking.pendingIn === null) return ok({ marking: markIn(time), clips: [...clips] });
  return markOut(marking, clips, time, on);
}
