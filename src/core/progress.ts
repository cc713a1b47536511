import type { ExportPlan } from "./export-plan";

export interface ExportProgress {
  /** 0 to 1 over the whole export. */
  fraction: number;
  /** 0-based index of the clip being written. */
  clip: number;
  /** Seconds left, once there is enough to go on. */
  remaining: number | null;
}

/** Which clip sits at `time` seconds into the output. */
function clipAt(plan: ExportPlan, time: number): number {
  let end = 0;
  for (const [index, clip] of plan.clips.entries()) {
    end += clip.end - clip.start;
    if (time < end) return index;
  }
  return Math.max(0, plan.clips.length - 1);
}

/** Where an export stands, given the step running and how far into its output that step is. */
export function measureProgress(plan: ExportPlan, step: number, stepTime: number, elapsed: number): ExportProgress {
  const total = plan.steps.reduce((t, s) => t + s.work, 0);
  const before = plan.steps.slice(0, step).reduce((t, s) => t + s.work, 0);
  const current = plan.steps[step]?.work ?? 0;
  const done = before + Math.min(Math.max(stepTime, 0), current);
  const fraction = total > 0 ? Math.min(done / total, 1) : 1;
  // Lossless runs one step per clip; the re-encode's single step spans them all.
  const clip = plan.steps.length > 1 ? Math.min(step, plan.clips.length - 1) : clipAt(plan, stepTime);
  return { fraction, clip, remaining: timeLeft(fraction, elapsed) };
}

/** Seconds left at this pace, once there is enough done to judge it by. */
export const timeLeft = (fraction: number, elapsed: number): number | null =>
  fraction > 0.02 && elapsed > 0.5 ? (elapsed * (1 - fraction)) / fraction : null;
