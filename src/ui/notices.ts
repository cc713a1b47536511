import { createSignal } from "solid-js";

export type Notice = { kind: "info" | "error"; text: string } | null;

/** The one message the page shows at a time: news ("say") or a complaint, until dismissed or replaced. */
export function createNotices() {
  const [notice, setNotice] = createSignal<Notice>(null);
  return {
    notice,
    say: (text: string): void => void setNotice({ kind: "info", text }),
    complain: (text: string): void => void setNotice({ kind: "error", text }),
    dismiss: (): void => void setNotice(null),
  };
}

export type Notices = ReturnType<typeof createNotices>;
