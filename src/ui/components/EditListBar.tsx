import { For } from "solid-js";
import { WRITERS, type Writable } from "../../core/formats/registry";
import { MEDIA_COPY_LIMIT } from "../../storage/project-db";
import { acceptAttribute, EDIT_LIST_FILES } from "../../core/file-kinds";
import { FilePicker } from "./FilePicker";
import { exportEditList } from "../edit-list-export";
import type { Session } from "../session";

/** Edit lists in ("Import edits") and out: one "Export …" button a format the registry can write. */
export function EditListBar(props: { session: Session }) {
  const session = props.session;
  const save = (format: Writable) => {
    if (!session.source()) return;
    const saved = exportEditList(format, session.sources(), session.clips());
    if (saved.ok) session.say(`Saved ${saved.value.join(", ")}`);
    else session.complain(`${format.name} not saved: ${saved.error}`);
  };
  const empty = () => session.clips().length === 0;

  return (
    <div class="edit-list-bar" role="group" aria-label="Edit list">
      <FilePicker label="Import edits" accept={acceptAttribute(EDIT_LIST_FILES)} onFile={(file) => void session.readEdits(file)} />
      <For each={WRITERS}>
        {(format) => (
          <button type="button" disabled={empty()} onClick={() => save(format)}>
            {format.writer.action}
          </button>
        )}
      </For>
      <label title={`Up to ${MEDIA_COPY_LIMIT / 1e6} MB`}>
        <input
          type="checkbox"
          checked={session.keptCopy()}
          disabled={(session.source()?.file.size ?? Infinity) > MEDIA_COPY_LIMIT}
          onChange={(event) => void session.keepCopy(event.currentTarget.checked)}
        />
        Keep a copy of the video in this browser
      </label>
    </div>
  );
}
