import { createEffect, For } from "solid-js";
import { KEY_BINDINGS } from "../keys";

/** The key list, opened and closed with `?`. */
export function KeyHelp(props: { open: boolean; onClose: () => void }) {
  let dialog!: HTMLDialogElement;
  createEffect(() => {
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  });
  return (
    <dialog ref={dialog} aria-label="Keyboard shortcuts" onClose={() => props.onClose()}>
      <h2>Keyboard shortcuts</h2>
      <dl>
        <For each={KEY_BINDINGS}>
          {(binding) => (
            <>
              <dt>
                <kbd>{binding.keys}</kbd>
              </dt>
              <dd>{binding.does}</dd>
            </>
          )}
        </For>
      </dl>
      <button type="button" onClick={() => props.onClose()}>
        Close
      </button>
    </dialog>
  );
}
