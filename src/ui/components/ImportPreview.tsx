import { createEffect, createMemo, For, Show } from "solid-js";
import { FORMAT_NAMES, missingLines, warningLines } from "../../core/edits-import";
import { plural } from "../../core/plural";
import { formatTimecode } from "../../core/timecode";
import type { Session } from "../session";
import { createVirtualWindow } from "../virtual-window";
import { WindowedRows } from "./WindowedRows";

/** What an import will do, shown before anything changes: the user replaces, appends or cancels. */
export function ImportPreview(props: { session: Session }) {
  let dialog!: HTMLDialogElement;
  const pending = () => props.session.pendingImport();
  // Grouped: a file of a million bad rows lists each kind of warning once, with a count.
  const warnings = createMemo(() => {
    const current = pending();
    return current ? warningLines(current.preview.warnings) : [];
  });
  const listed = () => pending()?.preview.listed ?? [];
  const missing = createMemo(() => missingLines(pending()?.preview.missing ?? []));
  // A list that names its files (a project, an EDL) shows each clip's.
  const namesFiles = createMemo(() => listed().some((e) => e.sourceName !== undefined));
  // A file of 100,000 clips draws the rows in view, not 100,000 rows.
  const view = createVirtualWindow(() => listed().length);
  const shown = () => listed().slice(view.range().first, view.range().end);
  createEffect(() => {
    if (pending() && !dialog.open) dialog.showModal();
    if (!pending() && dialog.open) dialog.close();
  });

  return (
    <dialog ref={dialog} aria-labelledby="import-heading" onClose={() => props.session.cancelImport()}>
      <Show when={pending()}>
        {(current) => (
          <>
            <h2 id="import-heading">Import {current().fileName}</h2>
            <p>
              {FORMAT_NAMES[current().preview.format]}: {plural(current().preview.entries.length, "clip", "clips")}, total{" "}
              {formatTimecode(current().preview.duration)}
            </p>
            <Show when={missing().length > 0}>
              <ul role="note" aria-label="Files not in the project">
                <For each={missing()}>{(line) => <li>{line}</li>}</For>
              </ul>
            </Show>
            <Show when={warnings().length > 0}>
              <ul aria-label="Import warnings">
                <For each={warnings()}>{(line) => <li>{line}</li>}</For>
              </ul>
            </Show>
            <div class="import-rows" ref={view.box}>
              <table aria-label="Clips in the file" aria-rowcount={listed().length + 1}>
                <thead>
                  <tr aria-rowindex={1}>
                    <th scope="col">#</th>
                    <th scope="col">IN</th>
                    <th scope="col">OUT</th>
                    <th scope="col" class="label-cell">
                      Label
                    </th>
                    <Show when={namesFiles()}>
                      <th scope="col" class="file-cell">
                        File
                      </th>
                    </Show>
                  </tr>
                </thead>
                <WindowedRows
                  view={view}
                  rows={shown()}
                  cells={(entry, number) => (
                    <>
                      <td>{number()}</td>
                      <td>{formatTimecode(entry.start)}</td>
                      <td>{formatTimecode(entry.end)}</td>
                      <td class="label-cell" title={entry.label}>
                        {entry.label}
                      </td>
                      <Show when={namesFiles()}>
                        <td class="file-cell" title={entry.sourceName}>
                          {entry.sourceName}
                        </td>
                      </Show>
                    </>
                  )}
                />
              </table>
            </div>
            <div class="dialog-buttons">
              <button type="button" disabled={current().preview.entries.length === 0} onClick={() => props.session.applyPendingImport("replace")}>
                Replace
              </button>
              <button type="button" disabled={current().preview.entries.length === 0} onClick={() => props.session.applyPendingImport("append")}>
                Append
              </button>
              <button type="button" onClick={() => props.session.cancelImport()}>
                Cancel
              </button>
            </div>
          </>
        )}
      </Show>
    </dialog>
  );
}
