import { createSignal, createUniqueId, Show } from "solid-js";
import { formatTimecode } from "../../core/timecode";

/**
 * A time typed as `83.5`, `1:23.5` or `00:01:23.500`, committed on Enter or leaving the field.
 * `onCommit` answers with a message to refuse the edit: the message shows at the field and the
 * old value comes back.
 */
export function TimeField(props: { label: string; value: number; onCommit: (text: string) => string | null }) {
  const [error, setError] = createSignal<string | null>(null);
  const errorId = createUniqueId();
  let input!: HTMLInputElement;

  function commit() {
    const text = input.value;
    if (text === formatTimecode(props.value)) return;
    const refused = props.onCommit(text);
    setError(refused);
    if (refused) input.value = formatTimecode(props.value);
  }

  return (
    <span class="time-field">
      <input
        ref={input}
        type="text"
        inputmode="decimal"
        size="12"
        aria-label={props.label}
        aria-invalid={error() !== null}
        aria-describedby={error() ? errorId : undefined}
        value={formatTimecode(props.value)}
        onChange={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit();
          if (event.key === "Escape") input.value = formatTimecode(props.value);
        }}
      />
      <Show when={error()}>
        <span id={errorId} class="field-error" role="alert">
          {error()}
        </span>
      </Show>
    </span>
  );
}
