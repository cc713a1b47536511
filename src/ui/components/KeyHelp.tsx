import { createEffect, createSignal, For, Show } from "solid-js";
import { comboOf, comboWords, isModifierOnly } from "../../core/key-combo";
import { actionName, keysWords, SHORTCUT_LINES, type ActionId } from "../../core/shortcuts";
import type { SettingsState } from "../settings";
import "./key-help.css";

/** Keys the page's controls use themselves: listed, not changeable. */
const FIXED = [
  { keys: "← / → on a clip's IN or OUT", does: "Move that edge one frame" },
  { keys: "Enter / Escape in a field", does: "Commit / undo the typing and give the keys back to the page" },
];

/** A key pressed for an action that another action already has. */
interface Clash {
  id: ActionId;
  combo: string;
  holder: ActionId;
}

/**
 * The key list, opened with `?` or "Shortcuts", showing the keys as they are now: each action's
 * "Change" waits for the next key press (Escape cancels) and applies it at once.
 */
export function KeyHelp(props: { open: boolean; onClose: () => void; settings: SettingsState }) {
  let dialog!: HTMLDialogElement;
  const [waiting, setWaiting] = createSignal<ActionId | null>(null);
  const [clash, setClash] = createSignal<Clash | null>(null);
  const [message, setMessage] = createSignal("");
  // Focus comes back to an action's Change button once its clash is settled.
  const changeButtons = new Map<ActionId, HTMLButtonElement>();
  createEffect(() => {
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) {
      dialog.close();
      // Opened by `?` with nothing focused, the dialog has no element to give the focus back to,
      // and a button inside it would keep it, hidden, taking the next keys as its own.
      const left = document.activeElement;
      if (left instanceof HTMLElement && dialog.contains(left)) left.blur();
    }
  });
  const keysOf = (id: ActionId) => keysWords(props.settings.shortcuts(), id);

  const startWaiting = (id: ActionId) => {
    setClash(null);
    setWaiting(id);
    setMessage(`Press the new key for ${actionName(id)} (Escape cancels)`);
  };
  const cancel = (id: ActionId) => {
    setWaiting(null);
    setMessage(`${actionName(id)} keeps ${keysOf(id)}`);
  };

  /** While waiting, the next key press is the new key: it goes no further, so it does nothing else. */
  const onKeyDown = (event: KeyboardEvent) => {
    const id = waiting();
    if (!id) return;
    event.preventDefault();
    event.stopPropagation();
    if (event.key === "Escape") return cancel(id);
    if (isModifierOnly(event)) return;
    const combo = comboOf(event);
    if (!combo) return setMessage("That key cannot be read here: press another, or Escape to cancel");
    const result = props.settings.rebind(id, combo);
    if (!result.ok && "refused" in result) return setMessage(`${comboWords(combo)} cannot be a shortcut: ${result.refused}. Press another, or Escape to cancel`);
    setWaiting(null);
    if (!result.ok) {
      setClash({ id, combo, holder: result.taken });
      setMessage("");
    } else setMessage(`${actionName(id)}: ${comboWords(combo)}`);
  };

  const swap = (found: Clash) => {
    const before = keysOf(found.id);
    props.settings.swap(found.id, found.combo);
    setClash(null);
    changeButtons.get(found.id)?.focus();
    setMessage(`${actionName(found.id)}: ${comboWords(found.combo)}; ${actionName(found.holder)}: ${before}`);
  };
  const keep = (found: Clash) => {
    setClash(null);
    changeButtons.get(found.id)?.focus();
    setMessage(`${actionName(found.id)} keeps ${keysOf(found.id)}`);
  };
  const reset = () => {
    props.settings.resetKeys();
    setClash(null);
    setWaiting(null);
    setMessage("Every key is back to its default");
  };

  // Escape while waiting cancels the wait, not the dialog.
  const onCancel = (event: Event) => {
    const id = waiting();
    if (id) {
      event.preventDefault();
      cancel(id);
    }
  };
  const onClose = () => {
    setWaiting(null);
    setClash(null);
    setMessage("");
    props.onClose();
  };

  return (
    <dialog ref={dialog} class="key-help" aria-label="Keyboard shortcuts" onKeyDown={onKeyDown} onCancel={onCancel} onClose={onClose}>
      <h2>Keyboard shortcuts</h2>
      <p class="hint">
        Change a key: press its Change button, then the new key (Escape cancels). A key another action has is swapped only if you say
        so. Changes apply at once and are kept in this browser.
      </p>
      <p class="key-help-status" role="status" aria-label="Shortcut change">
        {message()}
      </p>
      <Show when={clash()}>
        {(found) => (
          <div class="key-help-clash" role="alert">
            <p>
              You pressed {comboWords(found().combo)} for {actionName(found().id)}, but {comboWords(found().combo)} is already the key for{" "}
              {actionName(found().holder)}. Swap them: {actionName(found().id)} gets {comboWords(found().combo)},{" "}
              {actionName(found().holder)} gets {keysOf(found().id)}?
            </p>
            <button type="button" ref={(button) => queueMicrotask(() => button.focus())} onClick={() => swap(found())}>
              Swap keys
            </button>
            <button type="button" onClick={() => keep(found())}>
              Keep as it was
            </button>
          </div>
        )}
      </Show>
      <table class="key-help-table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Does</th>
          </tr>
        </thead>
        <tbody>
          <For each={SHORTCUT_LINES}>
            {(line) => (
              <tr>
                <td class="key-help-keys">
                  <For each={line.actions}>
                    {(id) => (
                      <span class="key-help-action">
                        <For each={props.settings.shortcuts()[id]} fallback={<span>no key</span>}>
                          {(combo, index) => (
                            <>
                              {index() > 0 && " or "}
                              <kbd>{comboWords(combo)}</kbd>
                            </>
                          )}
                        </For>
                        <button
                          type="button"
                          ref={(button) => changeButtons.set(id, button)}
                          title={`Change key for ${actionName(id)}`}
                          aria-label={`Change key for ${actionName(id)}`}
                          aria-pressed={waiting() === id}
                          onClick={() => startWaiting(id)}
                          onBlur={() => waiting() === id && cancel(id)}
                        >
                          {waiting() === id ? "Press a key…" : "Change"}
                        </button>
                      </span>
                    )}
                  </For>
                </td>
                <td>{line.does}</td>
              </tr>
            )}
          </For>
          <For each={FIXED}>
            {(line) => (
              <tr>
                <td class="key-help-keys">
                  <kbd>{line.keys}</kbd>
                </td>
                <td>{line.does}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <div class="key-help-buttons">
        <button type="button" onClick={reset}>
          Reset all to defaults
        </button>
        <button type="button" onClick={() => props.onClose()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
