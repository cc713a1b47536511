import { Show } from "solid-js";
import type { Notice } from "../notices";

/** The latest message: errors are announced at once (alert), the rest politely (status). */
export function NoticeBar(props: { notice: Notice; onDismiss: () => void }) {
  return (
    <div class="notice-bar">
      <div role="alert">
        <Show when={props.notice?.kind === "error" && props.notice}>
          {(notice) => (
            <p class="error">
              {notice().text}{" "}
              <button type="button" onClick={() => props.onDismiss()}>
                Dismiss
              </button>
            </p>
          )}
        </Show>
      </div>
      <div role="status" aria-label="Message">
        <Show when={props.notice?.kind === "info" && props.notice}>{(notice) => <p>{notice().text}</p>}</Show>
      </div>
    </div>
  );
}
