import { createMemo, createUniqueId, For, Show } from "solid-js";
import { trackRows } from "../../core/track-choice";
import type { Exporter } from "../exporter";
import type { Session } from "../session";

/**
 * Which tracks the exports keep: one checkbox a track, the ones an MP4 cannot change saying why.
 * An export takes the tracks of the first file its clips are cut from (every other file's at the
 * same places), so with several files the choice is made on that one's.
 */
export function TracksPanel(props: { session: Session; exporter: Exporter }) {
  const id = createUniqueId();
  // The first file the clips are cut from, as the export takes it (the project's first before any clip).
  const first = createMemo(() => {
    const all = props.session.sources();
    // One file (the common case) needs no look through a long list on each edit.
    if (all.length < 2) return all[0];
    const used = new Set(props.session.clips().map((c) => c.source));
    return all.find((s) => used.has(s.id)) ?? all[0];
  });
  const rows = createMemo(() => {
    const info = first()?.info ?? props.session.source()?.info;
    return info ? trackRows(info, props.exporter.droppedTracks(), props.exporter.container()) : [];
  });
  return (
    <section class="tracks" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Tracks</h2>
      <Show when={props.session.sources().length > 1 && first()}>
        {(file) => <p class="hint">{`The export takes the tracks of ${file().media.name}, the first file with clips; the others give theirs at the same places.`}</p>}
      </Show>
      <ul>
        <For each={rows()}>
          {(row) => (
            <li>
              <label>
                <input
                  type="checkbox"
                  checked={row.kept}
                  disabled={row.fixed !== null || props.exporter.progress() !== null || props.session.readOnly()}
                  aria-describedby={row.fixed ? `${id}-why-${row.index}` : undefined}
                  onChange={(event) => props.exporter.keepTrack(row.index, event.currentTarget.checked)}
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
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
