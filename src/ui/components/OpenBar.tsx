import { Show } from "solid-js";
import type { PickedFile } from "../file-handles";
import { acceptAttribute, MEDIA_FILES } from "../../core/file-kinds";
import { FilePicker } from "./FilePicker";

// Bundled in public/; relative, so the page works under any base path.
const SAMPLE_NAME = "sample.mp4";

/**
 * "Open video" (one file: its last project; several: a new project of them), "Add video" (to the
 * open project), "New project" (on a video), "Open sample", and "Close project" back to the list.
 */
export function OpenBar(props: {
  opening: string | null;
  onOpen: (picked: PickedFile[]) => void;
  onAdd?: (picked: PickedFile[]) => void;
  onNewProject: (picked: PickedFile) => void;
  onError: (message: string) => void;
  onClose?: () => void;
}) {
  async function openSample() {
    const response = await fetch(SAMPLE_NAME);
    const blob = await response.blob();
    props.onOpen([{ file: new File([blob], SAMPLE_NAME, { type: "video/mp4" }) }]);
  }

  return (
    <div class="open-bar">
      <FilePicker
        label="Open video"
        accept={acceptAttribute(MEDIA_FILES)}
        handles={MEDIA_FILES}
        onFiles={props.onOpen}
        onError={props.onError}
      />
      <Show when={props.onAdd}>
        {(add) => <FilePicker label="Add video" accept={acceptAttribute(MEDIA_FILES)} handles={MEDIA_FILES} onFiles={add()} onError={props.onError} />}
      </Show>
      <FilePicker
        label="New project"
        accept={acceptAttribute(MEDIA_FILES)}
        handles={MEDIA_FILES}
        onFile={(file, handle) => props.onNewProject({ file, handle })}
        onError={props.onError}
      />
      <button type="button" onClick={openSample}>
        Open sample
      </button>
      <Show when={props.onClose}>
        {(close) => (
          <button type="button" onClick={() => close()()}>
            Close project
          </button>
        )}
      </Show>
      <span role="status" aria-live="polite">
        {props.opening ? `Reading ${props.opening}…` : ""}
      </span>
    </div>
  );
}
