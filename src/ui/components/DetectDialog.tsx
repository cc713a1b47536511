import { createMemo, createSignal, For, Show } from "solid-js";
import type { Span } from "../../core/clips";
import { plural } from "../../core/plural";
import { gapsToShow, partsBetween } from "../../core/gaps";
import { formatTimecode } from "../../core/timecode";
import type { Session, Source } from "../session";

/** What one Detect dialog finds (pauses in the sound, black frames in the picture), in the words it shows. */
export interface Detector<Levels> {
  /** The button and the dialog's heading: "Detect silence". */
  title: string;
  threshold: { label: string; initial: number; min: number; max: number };
  minLength: number;
  /** The measure the search runs on, read once a dialog is opened; null: this file's is unreadable here. */
  read(source: Source, onProgress: (done: number) => void): Promise<Levels | null>;
  /** Tells a running `read` to stop: the dialog was closed. */
  stop(): void;
  find(levels: Levels, threshold: number, minLength: number, duration: number): Span[];
  /** "Reading the sound…". */
  reading: string;
  unreadable: string;
  /** One stretch found, and many: "pause", "pauses"; the table is named by the plural, capitalised. */
  found: [string, string];
  /** The group of buttons that make clips of the rest: "Keep the sound". */
  keep: string;
  /** "Split at pauses". */
  split: string;
}

const PREVIEW_COLUMNS = 400;

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * A Detect dialog: the open source's stretches under a threshold, found as the two fields change,
 * and the clip list made from the rest (Keep … : Replace / Append) or cut at them (Split at …),
 * one undo step each.
 */
export function DetectDialog<Levels>(props: { session: Session; detector: Detector<Levels> }) {
  let dialog!: HTMLDialogElement;
  const d = props.detector;
  const [levels, setLevels] = createSignal<Levels | null>(null);
  const [progress, setProgress] = createSignal<number | null>(null);
  const [threshold, setThreshold] = createSignal(d.threshold.initial);
  const [minLength, setMinLength] = createSignal(d.minLength);
  const found = createMemo(() => {
    const known = levels();
    return known ? d.find(known, threshold(), minLength(), props.session.duration()) : [];
  });
  const open = async () => {
    const source = props.session.source();
    if (!source) return;
    dialog.showModal();
    setProgress(0);
    // Progress comes on its own channel: a last report may land after the answer, and must not undo it.
    let answered = false;
    const read = await d.read(source, (done) => answered || setProgress(done));
    answered = true;
    if (!dialog.open) return;
    setProgress(null);
    if (read === null) {
      dialog.close();
      props.session.complain(d.unreadable);
    }
    setLevels(() => read);
  };
  const closed = () => {
    if (progress() !== null) d.stop();
    setProgress(null);
    setLevels(null);
  };
  const done = (apply: () => void) => {
    apply();
    dialog.close();
  };
  const number = (set: (n: number) => void) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).valueAsNumber;
    if (Number.isFinite(value)) set(value);
  };
  // The strip is a few hundred pixels wide: more marks than that would draw nothing more.
  const shown = createMemo(() => gapsToShow(found(), props.session.duration(), PREVIEW_COLUMNS));
  const percent = (seconds: number) => `${(seconds / Math.max(props.session.duration(), 1e-9)) * 100}%`;
  const headingId = `detect-${d.found[1].replace(/\W+/g, "-")}`;

  return (
    <>
      <button type="button" onClick={() => void open()} disabled={!props.session.source()}>
        {d.title}
      </button>
      <dialog ref={dialog} class="detect-dialog" aria-labelledby={headingId} onClose={closed}>
        <h2 id={headingId}>{d.title}</h2>
        <label>
          {d.threshold.label}{" "}
          <input type="number" step="1" min={d.threshold.min} max={d.threshold.max} value={threshold()} onInput={number(setThreshold)} />
        </label>
        <label>
          Minimum length (s) <input type="number" step="0.1" min="0" value={minLength()} onInput={number(setMinLength)} />
        </label>
        <Show when={progress() === null} fallback={<p role="status">{`${d.reading}${progress() ? ` ${Math.floor((progress() ?? 0) * 100)}%` : ""}`}</p>}>
          <p role="status">{`${plural(found().length, d.found[0], d.found[1])} found`}</p>
        </Show>
        <div
          class="detect-preview"
          role="img"
          aria-label={`Where the ${d.found[1]} lie in the ${formatTimecode(props.session.duration())} of the file: shaded`}
        >
          <For each={shown()}>{(span) => <span style={{ left: percent(span.start), width: percent(span.end - span.start) }} />}</For>
        </div>
        <div class="table-scroll">
          <table aria-label={capital(d.found[1])}>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Start</th>
                <th scope="col">End</th>
              </tr>
            </thead>
            <tbody>
              <For each={found()}>
                {(span, at) => (
                  <tr>
                    <td>{at() + 1}</td>
                    <td>{formatTimecode(span.start)}</td>
                    <td>{formatTimecode(span.end)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <div class="dialog-buttons" role="group" aria-label={d.keep}>
          <For each={["replace", "append"] as const}>
            {(how) => (
              <button
                type="button"
                disabled={found().length === 0}
                onClick={() => done(() => props.session.keepParts(partsBetween(found(), props.session.duration()), how))}
              >
                {`${d.keep}: ${how === "replace" ? "Replace" : "Append"}`}
              </button>
            )}
          </For>
          <button type="button" disabled={found().length === 0 || props.session.clips().length === 0} onClick={() => done(() => props.session.splitAt(found()))}>
            {d.split}
          </button>
          <button type="button" onClick={() => dialog.close()}>
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
