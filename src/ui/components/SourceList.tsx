import { For, Show } from "solid-js";
import { acceptAttribute, MEDIA_FILES } from "../../core/file-kinds";
import { formatLine } from "../../core/format-names";
import { plural } from "../../core/plural";
import type { Source } from "../../core/project";
import { formatTimecode } from "../../core/timecode";
import type { Opener } from "../opener";
import type { Session } from "../session";
import { FilePicker } from "./FilePicker";

/**
 * The project's files in their order (the order Join all follows): each with its length and
 * format, the one on the player marked. Choosing one puts it on the player; a file the page has
 * not read is named as needed, and picked (checked to be that file) to bring it back.
 */
export function SourceList(props: { session: Session; opener: Opener }) {
  const session = props.session;
  let list!: HTMLOListElement;
  /** A moved source keeps the focus on its button, or takes the other one where it reached an end. */
  const move = (source: Source, by: -1 | 1) => {
    const to = session.sources().indexOf(source) + by;
    session.moveFile(source.id, to);
    const atEnd = by < 0 ? to === 0 : to === session.sources().length - 1;
    const label = `${(by < 0) !== atEnd ? "Move up" : "Move down"} ${source.media.name}`;
    [...list.querySelectorAll("button")].find((b) => b.getAttribute("aria-label") === label)?.focus();
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
      <ol ref={list} aria-label="Sources">
        <For each={session.sources()}>
          {(source, at) => (
            <SourceRow source={source} at={at()} {...props} onMove={(by) => move(source, by)} onRemove={() => remove(source)} />
          )}
        </For>
      </ol>
    </section>
  );
}

function SourceRow(props: {
  source: Source;
  at: number;
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
    <li aria-label={name()} aria-current={onPlayer() ? "true" : undefined} classList={{ current: onPlayer() }}>
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
