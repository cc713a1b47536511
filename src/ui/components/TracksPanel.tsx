import { createMemo, createUniqueId, For, Show } from "solid-js";
import { MAX_GAIN_DB, MIN_GAIN_DB, mixMembers, mixTitle, trackLabel } from "../../core/audio-mix";
import { audioStreams } from "../../core/media-info";
import { trackRows } from "../../core/track-choice";
import type { Exporter } from "../exporter";
import type { Session } from "../session";

/** What the panel says while lossless is chosen with a mix: before the export, not after. */
const LOSSLESS_UNMIXED = "Lossless copies sound as it is: choose Smart cut or Re-encode to mix";

/**
 * Which tracks the exports keep: one checkbox a track, the ones an MP4 cannot change saying why;
 * and which kept audio tracks are mixed into one, each at its own volume. An export takes the
 * tracks of the first file its clips are cut from (every other file's at the same places), so
 * with several files the choice is made on that one's.
 */
export function TracksPanel(props: { session: Session; exporter: Exporter }) {
  const id = createUniqueId();
  const exporter = props.exporter;
  // The first file the clips are cut from, as the export takes it (the project's first before any clip).
  const first = createMemo(() => {
    const all = props.session.sources();
    // One file (the common case) needs no look through a long list on each edit.
    if (all.length < 2) return all[0];
    const used = new Set(props.session.clips().map((c) => c.source));
    return all.find((s) => used.has(s.id)) ?? all[0];
  });
  const info = () => first()?.info ?? props.session.source()?.info;
  const rows = createMemo(() => {
    const current = info();
    return current ? trackRows(current, exporter.droppedTracks(), exporter.container()) : [];
  });
  const audio = createMemo(() => {
    const current = info();
    return new Map((current ? audioStreams(current) : []).map((s) => [s.index, s]));
  });
  const members = createMemo(() => {
    const current = info();
    return current ? mixMembers(current, exporter.droppedTracks(), exporter.audioMix()).map((m) => m.stream) : [];
  });
  const locked = () => exporter.progress() !== null || props.session.readOnly();
  const gainOf = (index: number) => exporter.audioMix().gains[index] ?? 0;
  return (
    <section class="tracks" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Tracks</h2>
      <Show when={props.session.sources().length > 1 && first()}>
        {(file) => <p class="hint">{`The export takes the tracks of ${file().media.name}, the first file with clips; the others give theirs at the same places.`}</p>}
      </Show>
      <ul>
        <For each={rows()}>
          {(row) => {
            const stream = () => audio().get(row.index);
            const chosen = () => exporter.audioMix().tracks.includes(row.index);
            return (
              <li>
                <label>
                  <input
                    type="checkbox"
                    checked={row.kept}
                    disabled={row.fixed !== null || locked()}
                    aria-describedby={row.fixed ? `${id}-why-${row.index}` : undefined}
                    onChange={(event) => exporter.keepTrack(row.index, event.currentTarget.checked)}
                  />
                  Keep {row.name}
                </label>
                <Show when={row.fixed}>
                  {(why) => (
                    <span id={`${id}-why-${row.index}`} class="hint track-why">
                      {why()}
                    </span>
                  )}
                </Show>
                <Show when={row.kept && stream()}>
                  {(s) => (
                    <span class="track-mix">
                      <label>
                        <input type="checkbox" checked={chosen()} disabled={locked()} onChange={(event) => exporter.mixTrack(row.index, event.currentTarget.checked)} />
                        Include {trackLabel(s())} in the mix
                      </label>
                      <Show when={chosen()}>
                        <label>
                          {`${trackLabel(s())} volume (dB)`}
                          <input
                            type="number"
                            inputmode="decimal"
                            min={MIN_GAIN_DB}
                            max={MAX_GAIN_DB}
                            step="0.5"
                            value={gainOf(row.index)}
                            disabled={locked()}
                            onChange={(event) => {
                              const db = event.currentTarget.valueAsNumber;
                              if (Number.isFinite(db)) exporter.setGain(row.index, db);
                              // What was kept (a number out of range, or none) is shown, not what was typed.
                              event.currentTarget.value = String(gainOf(row.index));
                            }}
                          />
                        </label>
                      </Show>
                    </span>
                  )}
                </Show>
              </li>
            );
          }}
        </For>
      </ul>
      <Show when={members().length >= 2}>
        <label>
          <input type="checkbox" checked={exporter.audioMix().on} disabled={locked()} onChange={(event) => exporter.setMixOn(event.currentTarget.checked)} />
          {`Mix ${mixTitle(members())} into one track`}
        </label>
        <Show when={exporter.mode() === "lossless" && exporter.audioMix().on}>
          <p role="note">{LOSSLESS_UNMIXED}</p>
        </Show>
      </Show>
    </section>
  );
}
