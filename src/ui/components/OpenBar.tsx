import { FilePicker } from "./FilePicker";

const MEDIA_TYPES = "video/*,audio/*,.mkv,.mov,.ts,.m2ts,.avi,.flv,.webm";

// Bundled in public/; relative, so the page works under any base path.
const SAMPLE_NAME = "sample.mp4";

/** "Open video" and "Open sample". */
export function OpenBar(props: { opening: string | null; onOpen: (file: File) => void }) {
  async function openSample() {
    const response = await fetch(SAMPLE_NAME);
    const blob = await response.blob();
    props.onOpen(new File([blob], SAMPLE_NAME, { type: "video/mp4" }));
  }

  return (
    <div class="open-bar">
      <FilePicker label="Open video" accept={MEDIA_TYPES} onFile={(file) => props.onOpen(file)} />
      <button type="button" onClick={openSample}>
        Open sample
      </button>
      <span role="status" aria-live="polite">
        {props.opening ? `Reading ${props.opening}…` : ""}
      </span>
    </div>
  );
}
