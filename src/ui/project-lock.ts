import { createSignal } from "solid-js";
import type { Notices } from "./notices";

/**
 * Whether this tab may change the open project: another tab that has it open takes it, and this
 * one shows it read-only (it must not write over the other) until the user takes it back.
 */
export function createProjectLock(notices: Notices) {
  const [readOnly, setReadOnly] = createSignal(false);
  return {
    readOnly,
    /** Whether a change may be made here; if not, the user is told why. */
    editable(): boolean {
      if (readOnly()) notices.complain("This project is open in another tab: choose “Edit here” to change it in this one");
      return !readOnly();
    },
    /** Another tab took the project: stop editing here. */
    yieldToOtherTab: (): void => void setReadOnly(true),
    /** This tab edits it (again). */
    hold: (): void => void setReadOnly(false),
  };
}

export type ProjectLock = ReturnType<typeof createProjectLock>;
