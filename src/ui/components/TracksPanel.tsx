import { createMemo, createUniqueId, For, Show } from "solid-js";
import { trackRows } from "../../core/track-choice";
import type { Exporter } from "../exporter";
import type { Session } from "../session";

/** Which of the source's tracks the exports keep: one checkbox a track, the ones an MP4 cannot change saying why. */
export function TracksPanel(props: { session: Session; exporter: Exporter }) {
  const id = createUniqueId();
  const rows = createMemo(() => {
    const info = props.session.source()?.info;
    return info ? trackRows(info, props.exporter.droppedTracks()) : [];
  });
  return (
    <section class="tracks" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Tracks</h2>
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
