/** A new version is waiting; it takes over only when the person says so, and never during an export. */
export function UpdateBar(props: { exporting: boolean; onReload: () => void }) {
  return (
    <div class="update" role="region" aria-label="Update">
      <p>
        A new version of Clipmark is ready. Your project is saved before the page reloads
        {props.exporting ? "; wait for the export to finish" : ""}.
      </p>
      <button type="button" disabled={props.exporting} onClick={() => props.onReload()}>
        Reload to update
      </button>
    </div>
  );
}
