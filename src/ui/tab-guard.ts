import { createEffect, onCleanup } from "solid-js";
import { newId } from "../storage/project-db";
import type { Session } from "./session";

type Message = { kind: "opened" | "mine" | "took"; project: string; tab: string };

/**
 * One tab edits a project at a time. A tab that opens a project another tab has open is told so
 * and stays read-only until the person chooses to edit there; then the other tab stops editing.
 */
export function guardAcrossTabs(session: Session): { takeOver: () => Promise<void> } {
  if (typeof BroadcastChannel === "undefined") return { takeOver: session.takeOver };
  const channel = new BroadcastChannel("clipmark-projects");
  const tab = newId();
  const current = () => {
    const source = session.source();
    return source ? source.project.id : null;
  };
  const send = (kind: Message["kind"]) => {
    const project = current();
    if (project) channel.postMessage({ kind, project, tab } satisfies Message);
  };

  channel.onmessage = ({ data }: MessageEvent<Message>) => {
    if (data.tab === tab || data.project !== current()) return;
    // Someone else opened our project: tell them it is taken, unless we are only looking.
    if (data.kind === "opened" && !session.readOnly()) send("mine");
    if (data.kind === "mine" || data.kind === "took") session.yieldToOtherTab();
  };
  createEffect(() => {
    if (current()) send("opened");
  });
  onCleanup(() => channel.close());

  return {
    async takeOver() {
      await session.takeOver();
      send("took");
    },
  };
}
