import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import { clipDuration, clipEntry, type Clip, type ClipField } from "../../core/clips";
import { rangeLength, spanFrames, type FrameModel, type FrameRange } from "../../core/frames";
import { runningTotal } from "../../core/running-total";
import { formatTimecode } from "../../core/timecode";
import type { Player } from "../player";
import type { Session } from "../session";
import { createVirtualWindow } from "../virtual-window";
import { ClipColourPicker, type ColourFocus } from "./ClipColourPicker";
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
 * Only the rows in view are drawn, so a list of 10,000 clips edits as fast as one of ten.
 */
/** What the page's keys ask of the list. */
export interface ClipListControls {
  /** Delete (or Backspace): the selected clip deleted as its Delete clip button does, the next one selected. */
  removeSelected(): void;
}

export function ClipList(props: { session: Session; player: Player; controls?: (controls: ClipListControls) => void }) {
  const session = props.session;
  const frames = session.frames;
  // Each clip counts on its own file's frames. Kept as the list changes, not added up again on each
  // edit of a long list; afresh when the files (their frame models) change.
  const totals = createMemo(() => {
    const models = new Map(session.sources().map((s) => [s.id, session.framesOf(s.id)]));
    const own = (clip: Clip) => models.get(clip.source);
    const frameCount = (clip: Clip) => {
      const model = own(clip);
      return model ? rangeLength(spanFrames(clip, model)) : 0;
    };
    return { seconds: runningTotal((clip: Clip) => clipDuration(clip, own(clip))), frames: runningTotal(frameCount) };
  });
  // With more than one file, each row names its own.
  const sourceNames = () =>
    session.sources().length > 1 ? new Map(session.sources().map((s) => [s.id, s.media.name])) : null;
  // Selected (a clip of another file puts that file on the player), and the playhead to its first
  // frame (not the one on screen at IN, which may be the frame before it).
  const seekTo = (clip: Clip) => {
    session.select(clip.id);
    props.player.seek(clipEntry(clip, session.framesOf(clip.source)));
  };
  const commit = (clip: Clip, field: ClipField) => (text: string) => {
    const edited = session.editTime(clip.id, field, text);
    return edited.ok ? null : edited.error;
  };
  // A row is drawn anew when its clip changes: the clip whose colour control had the focus, until
  // the new row's control has taken it (the same update draws it; after that, a row scrolled back
  // into view or an undone delete must not take the focus).
  let refocus: number | null = null;
  const colourFocus = (clip: Clip): ColourFocus => ({
    gone(focused: boolean) {
      if (!focused) return;
      refocus = clip.id;
      queueMicrotask(() => (refocus = null));
    },
    take: () => refocus === clip.id,
  });
  const count = () => session.clips().length;
  const view = createVirtualWindow(count);

  // A move or a delete draws the rows anew: the focus goes where the next key press expects it.
  let list!: HTMLOListElement;
  let undo!: HTMLButtonElement;
  const findButton = (id: number, name: string) =>
    [...(list.querySelector(`[data-clip="${id}"]`)?.querySelectorAll("button") ?? [])].find((b) => b.textContent?.trim() === name);
  const focusButton = (id: number, name: string) => {
    // The row was scrolled into view by `view.show`; one drawn only now is there on the next frame.
    const button = findButton(id, name);
    if (button) button.focus({ preventScroll: true });
    else requestAnimationFrame(() => findButton(id, name)?.focus({ preventScroll: true }));
  };
  /** The moved clip keeps its button, or takes the other where it reached the end of the list. */
  const move = (clip: Clip, by: -1 | 1) => {
    // The focus leaves the rows that move first: a focused element taken out of the page (as a
    // moved row is) costs a style and layout pass of its own; it comes back below.
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && list.contains(focused)) focused.blur();
    session.move(clip.id, by);
    const at = session.clips().findIndex((c) => c.id === clip.id);
    view.show(at);
    const atEnd = by < 0 ? at === 0 : at === count() - 1;
    focusButton(clip.id, (by < 0) !== atEnd ? "Move up" : "Move down");
  };
  /**
   * The next clip's Delete takes the focus, or the previous one's at the end, or Undo once none is
   * left; returns the clip that took it.
   */
  const remove = (clip: Clip): Clip | undefined => {
    const before = session.clips();
    const at = before.indexOf(clip);
    const next = before[at + 1] ?? before[at - 1];
    // The focus moves before the row goes where it can: a row removed with the focus in it cost the
    // page a style and layout pass of its own (2 ms of a 10,000-clip list's delete).
    const had = document.activeElement;
    const drawn = next && findButton(next.id, "Delete clip");
    drawn?.focus({ preventScroll: true });
    session.remove(clip.id);
    if (session.clips().includes(clip)) return void (had instanceof HTMLElement && had.focus());
    if (!next) return void undo.focus();
    view.show(session.clips().indexOf(next));
    if (!drawn) focusButton(next.id, "Delete clip");
    return next;
  };
  props.controls?.({
    removeSelected() {
      const clip = session.selected();
      const next = clip && remove(clip);
      if (next) session.select(next.id);
    },
  });
  const shown = () => session.clips().slice(view.range().first, view.range().end);
  // A clip just added (by the keys, away from the list, or back by Undo) is scrolled into view where
  // it now is, as is one selected by ↑/↓.
  createEffect(
    on(session.clips, (now, before) => {
      if (!before || now.length !== before.length + 1) return;
      const at = now.findIndex((clip, i) => clip.id !== before[i]?.id);
      view.show(at < 0 ? now.length - 1 : at);
    }),
  );
  createEffect(
    on(session.selected, (clip) => {
      if (clip) view.show(session.clips().indexOf(clip));
    }),
  );

  return (
    <section class="clips" aria-labelledby="clips-heading">
      <h2 id="clips-heading">Clips</h2>
      <div class="clip-tools">
        <div role="group" aria-label="History">
          <button type="button" ref={undo} onClick={() => session.undo()} disabled={!session.canUndo()}>
            Undo
          </button>
          <button type="button" onClick={() => session.redo()} disabled={!session.canRedo()}>
            Redo
          </button>
        </div>
        <div role="group" aria-label="Clip tools">
          <button type="button" aria-keyshortcuts="S" onClick={() => session.split(props.player.markTime())} disabled={count() === 0}>
            Split
          </button>
          <button type="button" onClick={() => session.mergeSelected()} disabled={!session.selected()}>
            Merge with next
          </button>
        </div>
      </div>
      <p aria-live="polite">
        {session.clips().length} {session.clips().length === 1 ? "clip" : "clips"}, total{" "}
        {formatTimecode(totals().seconds(session.clips()))}
        <Show when={frames()}>, {totals().frames(session.clips())} frames</Show>
      </p>
      <div class="clip-scroll" ref={view.box}>
        <ol ref={list} aria-label="Clips" style={{ "padding-top": `${view.before()}px`, "padding-bottom": `${view.after()}px` }}>
          <For each={shown()}>
            {(clip, at) => (
              <ClipRow
                clip={clip}
                selected={clip === session.selected()}
                index={view.range().first + at()}
                count={count()}
                frames={session.framesOf(clip.source)}
                sourceName={sourceNames()?.get(clip.source)}
                ref={view.row}
                session={session}
                seekTo={seekTo}
                commit={commit}
                colourFocus={colourFocus(clip)}
                move={move}
                remove={remove}
              />
            )}
          </For>
        </ol>
      </div>
    </section>
  );
}

interface RowProps {
  clip: Clip;
  /** The clip I, O and merging act on. */
  selected: boolean;
  /** Its place in the whole list, from 0. */
  index: number;
  count: number;
  frames: FrameModel | undefined;
  /** The file it is cut from, where the project has more than one. */
  sourceName: string | undefined;
  ref: (row: HTMLElement) => void;
  session: Session;
  seekTo: (clip: Clip) => void;
  commit: (clip: Clip, field: ClipField) => (text: string) => string | null;
  colourFocus: ColourFocus;
  move: (clip: Clip, by: -1 | 1) => void;
  remove: (clip: Clip) => void;
}

/** What a dragged row carries: its clip's id. */
const DRAGGED_CLIP = "application/x-clipmark-clip";

/**
 * One clip of the list: its number, times, frames, label, colour and the buttons that move or delete it.
 * Its number is also a handle to drag the row to another place (Move up/down do it by keyboard).
 */
function ClipRow(props: RowProps) {
  const clip = props.clip;
  const session = props.session;
  const [dropHere, setDropHere] = createSignal(false);
  const carriesClip = (event: DragEvent) => event.dataTransfer?.types.includes(DRAGGED_CLIP) ?? false;
  return (
    <li
      ref={props.ref}
      classList={{ selected: props.selected, "drop-target": dropHere() }}
      onDragOver={(event) => {
        if (!carriesClip(event)) return;
        event.preventDefault();
        setDropHere(true);
      }}
      onDragLeave={() => setDropHere(false)}
      onDrop={(event) => {
        setDropHere(false);
        const id = Number(event.dataTransfer?.getData(DRAGGED_CLIP));
        if (!carriesClip(event) || !Number.isSafeInteger(id)) return;
        event.preventDefault();
        session.moveTo(id, props.index);
      }}
      aria-label={`Clip ${props.index + 1}`}
      data-clip={clip.id}
      aria-posinset={props.index + 1}
      aria-setsize={props.count}
      aria-current={props.selected ? "true" : undefined}
      onClick={(event) => {
        if (event.target === event.currentTarget) props.seekTo(clip);
      }}
    >
      <button
        type="button"
        class="seek"
        aria-label={`Go to clip ${props.index + 1}`}
        title="Drag to move the clip in the list"
        draggable="true"
        onDragStart={(event) => {
          event.dataTransfer?.setData(DRAGGED_CLIP, String(clip.id));
          if (event.dataTransfer) event.dataTransfer.effectAllowed = "move";
        }}
        onClick={() => props.seekTo(clip)}
      >
        {props.index + 1}
      </button>
      <TimeField label="IN" value={clip.start} onCommit={props.commit(clip, "start")} />
      <TimeField label="OUT" value={clip.end} onCommit={props.commit(clip, "end")} />
      <span class="duration" aria-label="Duration">
        {formatTimecode(clipDuration(clip, props.frames))}
      </span>
      <Show when={props.frames}>
        {(model) => (
          <span class="frames" aria-label="Frames">
            {framesText(spanFrames(clip, model()))}
          </span>
        )}
      </Show>
      {/* Label and colour start the row's second line together (clip-colours.css). */}
      <span class="clip-naming" classList={{ "with-source": Boolean(props.sourceName) }}>
        <Show when={props.sourceName}>
          {(name) => (
            <span class="clip-source" aria-label="Source" title={name()}>
              {name()}
            </span>
          )}
        </Show>
        <input
          type="text"
          class="clip-label"
          aria-label="Label"
          placeholder="Label"
          value={clip.label}
          onInput={(event) => session.typeLabel(clip.id, event.currentTarget.value)}
          onChange={(event) => session.editLabel(clip.id, event.currentTarget.value)}
        />
        <ClipColourPicker
          place={props.index + 1}
          colour={clip.colour}
          focus={props.colourFocus}
          onPick={(colour) => session.setColour(clip.id, colour)}
        />
      </span>
      <button type="button" onClick={() => props.move(clip, -1)} disabled={props.index === 0}>
        Move up
      </button>
      <button type="button" onClick={() => props.move(clip, 1)} disabled={props.index === props.count - 1}>
        Move down
      </button>
      <button type="button" onClick={() => props.remove(clip)}>
        Delete clip
      </button>
    </li>
  );
}
