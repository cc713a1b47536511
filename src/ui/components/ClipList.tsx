import { For } from "solid-js";
import { clipDuration, totalDuration, type Clip, type ClipField } from "../../core/clips";
import { formatTimecode } from "../../core/timecode";
import type { Player } from "../player";
import type { Session } from "../session";
import { TimeField } from "./TimeField";

/** The clips in output order, each editable in place. */
export function ClipList(props: { session: Session; player: Player }) {
  const session = props.session;
  const commit = (clip: Clip, field: ClipField) => (text: string) => {
    const edited = session.editTime(clip.id, field, text);
    return edited.ok ? null : edited.error;
  };

  return (
    <section class="clips" aria-labelledby="clips-heading">
      <h2 id="clips-heading">Clips</h2>
      <div role="group" aria-label="History">
        <button type="button" onClick={() => session.undo()} disabled={!session.canUndo()}>
          Undo
        </button>
        <button type="button" onClick={() => session.redo()} disabled={!session.canRedo()}>
          Redo
        </button>
      </div>
      <p aria-live="polite">
        {session.clips().length} {session.clips().length === 1 ? "clip" : "clips"}, total{" "}
        {formatTimecode(totalDuration(session.clips()))}
      </p>
      <ol aria-label="Clips">
        <For each={session.clips()}>
          {(clip, index) => (
            <li
              aria-label={`Clip ${index() + 1}`}
              onClick={(event) => {
                if (event.target === event.currentTarget) props.player.seek(clip.start);
              }}
            >
              <button
                type="button"
                class="seek"
                aria-label={`Go to clip ${index() + 1}`}
                onClick={() => props.player.seek(clip.start)}
              >
                {index() + 1}
              </button>
              <TimeField label="IN" value={clip.start} onCommit={commit(clip, "start")} />
              <TimeField label="OUT" value={clip.end} onCommit={commit(clip, "end")} />
              <span class="duration" aria-label="Duration">
                {formatTimecode(clipDuration(clip))}
              </span>
              <input
                type="text"
                aria-label="Label"
                placeholder="Label"
                value={clip.label}
                onChange={(event) => session.editLabel(clip.id, event.currentTarget.value)}
              />
              <button type="button" onClick={() => session.move(clip.id, -1)} disabled={index() === 0}>
                Move up
              </button>
              <button
                type="button"
                onClick={() => session.move(clip.id, 1)}
                disabled={index() === session.clips().length - 1}
              >
                Move down
              </button>
              <button type="button" onClick={() => session.remove(clip.id)}>
                Delete clip
              </button>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
