import { MEDIA_COPY_LIMIT } from "../../storage/project-db";
import { acceptAttribute, EDIT_LIST_FILES } from "../file-types";
import { FilePicker } from "./FilePicker";
import { exportEditList, type EditListFormat } from "../edit-list-export";
import type { Session } from "../session";


/** Edit lists in ("Import edits") and out ("Export CSV", "Export .osp", "Export EDL"). */
export function EditListBar(props: { session: Session }) {
  const session = props.session;
  const save = (format: EditListFormat) => {
    const source = session.source();
    if (source) session.say(`Saved ${exportEditList(format, source, session.clips())}`);
  };
  const empty = () => session.clips().length === 0;

  return (
    <div class="edit-list-bar" role="group" aria-label="Edit list">
      <FilePicker label="Import edits" accept={acceptAttribute(EDIT_LIST_FILES)} onFile={(file) => void session.readEdits(file)} />
      <button type="button" disabled={empty()} onClick={() => save("csv")}>
        Export CSV
      </button>
      <button type="button" disabled={empty()} onClick={() => save("osp")}>
        Export .osp
      </button>
      <button type="button" disabled={empty()} onClick={() => save("edl")}>
        Export EDL
      </button>
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
