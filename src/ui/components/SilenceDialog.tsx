import { createMemo, createSignal, For, Show } from "solid-js";
import { findPauses, soundParts, type Levels } from "../../core/silence";
import { formatTimecode } from "../../core/timecode";
import type { Session, Source } from "../session";

/**
 * Detect silence: the open source's pauses under a threshold, found as the two fields change, and
 * the clip list made from them (Keep the sound) or cut at them (Split at pauses), one undo step each.
 */
export function SilenceDialog(props: { session: Session; soundLevels: (source: Source) => Promise<Levels | null> }) {
  let dialog!: HTMLDialogElement;
  const [levels, setLevels] = createSignal<Levels | null | "reading">(null);
  const [threshold, setThreshold] = createSignal(-40);
  const [minLength, setMinLength] = createSignal(0.5);
  const pauses = createMemo(() => {
    const known = levels();
    return known && known !== "reading" ? findPauses(known, threshold(), minLength(), props.session.duration()) : [];
  });
  const open = async () => {
    const source = props.session.source();
    if (!source) return;
    dialog.showModal();
    setLevels("reading");
    const read = await props.soundLevels(source);
    if (read === null) {
      dialog.close();
      props.session.complain("This file's sound cannot be read here, so its pauses cannot be found");
    }
    setLevels(read);
  };
  const done = (apply: () => void) => {
    apply();
    dialog.close();
  };
  const number = (set: (n: number) => void) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).valueAsNumber;
    if (Number.isFinite(value)) set(value);
  };

  return (
    <>
      <button type="button" onClick={() => void open()} disabled={!props.session.source()}>
        Detect silence
      </button>
      <dialog ref={dialog} class="silence-dialog" aria-labelledby="silence-heading" onClose={() => setLevels(null)}>
        <h2 id="silence-heading">Detect silence</h2>
        <label>
          Threshold (dB) <input type="number" step="1" max="0" value={threshold()} onInput={number(setThreshold)} />
        </label>
        <label>
          Minimum length (s) <input type="number" step="0.1" min="0" value={minLength()} onInput={number(setMinLength)} />
        </label>
        <Show when={levels() !== "reading"} fallback={<p role="status">Reading the sound…</p>}>
          <p role="status">{pauses().length === 1 ? "1 pause found" : `${pauses().length} pauses found`}</p>
        </Show>
        <div class="table-scroll">
          <table aria-label="Pauses">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Start</th>
                <th scope="col">End</th>
              </tr>
            </thead>
            <tbody>
              <For each={pauses()}>
                {(pause, at) => (
                  <tr>
                    <td>{at() + 1}</td>
                    <td>{formatTimecode(pause.start)}</td>
                    <td>{formatTimecode(pause.end)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <div class="dialog-buttons" role="group" aria-label="Keep the sound">
          <For each={["replace", "append"] as const}>
            {(how) => (
              <button
                type="button"
                disabled={pauses().length === 0}
                onClick={() => done(() => props.session.keepSound(soundParts(pauses(), props.session.duration()), how))}
              >
                {how === "replace" ? "Keep the sound: Replace" : "Keep the sound: Append"}
              </button>
            )}
          </For>
          <button type="button" disabled={pauses().length === 0 || props.session.clips().length === 0} onClick={() => done(() => props.session.splitAtPauses(pauses()))}>
            Split at pauses
          </button>
          <button type="button" onClick={() => dialog.close()}>
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
