import { For, Show } from "solid-js";
import { acceptAttribute, MEDIA_FILES } from "../../core/file-kinds";
import { formatLine } from "../../core/format-names";
import { plural } from "../../core/plural";
import type { Source } from "../../core/project";
import { formatTimecode } from "../../core/timecode";
import type { Opener } from "../opener";
import type { Session } from "../session";
import { createVirtualWindow } from "../virtual-window";
import { FilePicker } from "./FilePicker";

/** The keys that move the focus through the rows, to the row they lead to (from `at` of `count`). */
const ROW_KEYS: Record<string, (at: number, count: number) => number> = {
  ArrowUp: (at) => at - 1,
  ArrowDown: (at) => at + 1,
  Home: () => 0,
  End: (_, count) => count - 1,
};

/**
 * The project's files in their order (the order Join all follows): each with its length and
 * format, the one on the player marked. Choosing one puts it on the player; a file the page has
 * not read is named as needed, and picked (checked to be that file) to bring it back. Only the
 * rows in view are drawn (a project of 1,000 files draws a few dozen); ↑/↓/Home/End move the
 * focus through all of them, the row it reaches scrolled into view.
 */
export function SourceList(props: { session: Session; opener: Opener }) {
  const session = props.session;
  const view = createVirtualWindow(() => session.sources().length);
  const shown = () => session.sources().slice(view.range().first, view.range().end);
  let list!: HTMLOListElement;
  // The latest move of the focus: an earlier one still settling gives way to it.
  let moving = 0;
  /**
   * The control of row `at` that `pick` chooses, scrolled into view. A row far off is drawn once
   * the box has scrolled, and the rows measured there may move it again: for a few frames it is
   * shown anew and given the focus back, unless the focus has gone elsewhere or another move began.
   */
  const focusIn = (at: number, pick: (row: HTMLElement) => HTMLElement | undefined) => {
    const move = ++moving;
    let target: HTMLElement | undefined;
    const settle = (frames: number) => {
      const focused = document.activeElement;
      if (move !== moving || (target && focused !== target && focused !== document.body)) return;
      view.show(at);
      const row = list.querySelector<HTMLElement>(`:scope > li[data-row="${at}"]`);
      target = (row && pick(row)) ?? target;
      if (target?.isConnected && focused !== target) target.focus({ preventScroll: true });
      if (frames > 0) requestAnimationFrame(() => settle(frames - 1));
    };
    settle(10);
  };
  const controlsOf = (row: Element): HTMLElement[] => [...row.querySelectorAll<HTMLElement>("button, input")];
  /** A moved source keeps the focus on its button, or takes the other one where it reached an end. */
  const move = (source: Source, by: -1 | 1) => {
    const to = session.sources().indexOf(source) + by;
    session.moveFile(source.id, to);
    const atEnd = by < 0 ? to === 0 : to === session.sources().length - 1;
    const label = `${(by < 0) !== atEnd ? "Move up" : "Move down"} ${source.media.name}`;
    focusIn(to, (row) => controlsOf(row).find((b) => b.getAttribute("aria-label") === label));
  };
  /** ↑/↓/Home/End on a row's control: the same control of the row they lead to (its first that can take the focus where that one cannot). */
  const onKeyDown = (event: KeyboardEvent) => {
    const next = ROW_KEYS[event.key];
    const control = event.target instanceof HTMLElement ? event.target : null;
    const row = control?.closest<HTMLElement>("li[data-row]");
    if (!next || !row || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // The page's own ↑/↓ (clips) and Home/End (the playhead) are not for a focused row.
    event.preventDefault();
    event.stopPropagation();
    const count = session.sources().length;
    const to = Math.min(count - 1, Math.max(0, next(Number(row.dataset.row), count)));
    const which = controlsOf(row).indexOf(control as HTMLElement);
    focusIn(to, (target) => {
      const controls = controlsOf(target);
      const same = controls[which];
      return same && !same.matches(":disabled") ? same : controls.find((c) => !c.matches(":disabled"));
    });
  };
  const remove = (source: Source) => {
    const clips = session.clips().filter((c) => c.source === source.id).length;
    const asked = `Remove ${source.media.name} and its ${plural(clips, "clip", "clips")} from the project? Undo brings them back.`;
    if (clips === 0 || confirm(asked)) session.removeFile(source.id);
  };
  return (
    <section class="sources" aria-labelledby="sources-heading">
      <div class="sources-head">
        <h2 id="sources-heading">Sources</h2>
        <button type="button" title="One clip per file, each the whole file, in this order" onClick={() => session.joinAll()}>
          Join all
        </button>
      </div>
      <div class="source-scroll" ref={view.box}>
        <ol
          ref={list}
          aria-label="Sources"
          onKeyDown={onKeyDown}
          style={{ "padding-top": `${view.before()}px`, "padding-bottom": `${view.after()}px` }}
        >
          <For each={shown()}>
            {(source, at) => (
              <SourceRow
                source={source}
                at={view.range().first + at()}
                ref={view.row}
                {...props}
                onMove={(by) => move(source, by)}
                onRemove={() => remove(source)}
              />
            )}
          </For>
        </ol>
      </div>
    </section>
  );
}

function SourceRow(props: {
  source: Source;
  at: number;
  ref: (row: HTMLElement) => void;
  session: Session;
  opener: Opener;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const name = () => props.source.media.name;
  const onPlayer = () => props.session.source()?.id === props.source.id;
  const here = () => props.session.fileOf(props.source.id) !== undefined;
  const clips = () => props.session.clips().filter((c) => c.source === props.source.id).length;
  const facts = () => {
    const info = props.source.info;
    return info ? `${formatTimecode(info.duration)} · ${formatLine(info, name())}` : "never read on this page";
  };
  return (
    <li ref={props.ref} data-row={props.at} aria-label={name()} aria-current={onPlayer() ? "true" : undefined} classList={{ current: onPlayer() }}>
      <Show
        when={here()}
        fallback={
          <FilePicker
            label={`Pick ${name()}`}
            accept={acceptAttribute(MEDIA_FILES)}
            handles={MEDIA_FILES}
            onFile={(file, handle) => void props.opener.relink(props.source.id, { file, handle })}
            onError={props.session.complain}
          />
        }
      >
        <button type="button" class="source-name" onClick={() => props.session.show(props.source.id)}>
          {name()}
        </button>
      </Show>
      <span class="source-facts">
        <Show when={!here()}>
          <strong class="needs">needs {name()}</strong> ·{" "}
        </Show>
        {facts()} · {plural(clips(), "clip", "clips")}
      </span>
      <span class="source-tools">
        <button type="button" aria-label={`Move up ${name()}`} title="Move up" onClick={() => props.onMove(-1)} disabled={props.at === 0}>
          ↑
        </button>
        <button
          type="button"
          aria-label={`Move down ${name()}`}
          title="Move down"
          onClick={() => props.onMove(1)}
          disabled={props.at === props.session.sources().length - 1}
        >
          ↓
        </button>
        <button type="button" aria-label={`Remove source ${name()}`} onClick={props.onRemove}>
          Remove
        </button>
      </span>
    </li>
  );
}
