import { For, Show } from "solid-js";
import { clipDuration, totalDuration, type Clip, type ClipField } from "../../core/clips";
import { frameStart, rangeLength, spanFrames, type FrameRange } from "../../core/frames";
import { firstVideo } from "../../core/media-info";
import type { Rational } from "../../core/rational";
import { formatTimecode } from "../../core/timecode";
import type { Player } from "../player";
import type { Session } from "../session";
import { TimeField } from "./TimeField";

/** The source frames a clip stands for, as the list names them. */
function framesText(range: FrameRange): string {
  const count = rangeLength(range);
  if (count === 0) return "no frame";
  return count === 1 ? `frame ${range.first}` : `frames ${range.first}–${range.end - 1} (${count})`;
}

/**
 * The clips in output order, each editable in place. IN and OUT show the times as given; with
 * video, durations and the total count the frames the clips stand for, as every export does.
 */
export function ClipList(props: { session: Session; player: Player }) {
  const session = props.session;
  const rate = (): Rational | undefined => {
    const info = session.source()?.info;
    return info && firstVideo(info)?.frameRate;
  };
  const totalFrames = (r: Rational) => session.clips().reduce((n, clip) => n + rangeLength(spanFrames(clip, r)), 0);
  // The clip's first frame, not the one on screen at IN (which may be the frame before it).
  const seekTo = (clip: Clip) => {
    const r = rate();
    props.player.seek(r ? frameStart(spanFrames(clip, r).first, r) : clip.start);
  };
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
        {formatTimecode(totalDuration(session.clips(), rate()))}
        <Show when={rate()}>{(r) => <>, {totalFrames(r())} frames</>}</Show>
      </p>
      <ol aria-label="Clips">
        <For each={session.clips()}>
          {(clip, index) => (
            <li
              aria-label={`Clip ${index() + 1}`}
              onClick={(event) => {
                if (event.target === event.currentTarget) seekTo(clip);
              }}
            >
              <button
                type="button"
                class="seek"
                aria-label={`Go to clip ${index() + 1}`}
                onClick={() => seekTo(clip)}
              >
                {index() + 1}
              </button>
              <TimeField label="IN" value={clip.start} onCommit={commit(clip, "start")} />
              <TimeField label="OUT" value={clip.end} onCommit={commit(clip, "end")} />
              <span class="duration" aria-label="Duration">
                {formatTimecode(clipDuration(clip, rate()))}
              </span>
              <Show when={rate()}>
                {(r) => (
                  <span class="frames" aria-label="Frames">
                    {framesText(spanFrames(clip, r()))}
                  </span>
                )}
              </Show>
              <input
                type="text"
                aria-label="Label"
                placeholder="Label"
                value={clip.label}
                onInput={(event) => session.typeLabel(clip.id, event.currentTarget.value)}
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
