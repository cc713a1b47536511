import { createMemo, For, Show } from "solid-js";
import type { Clip } from "../../core/clips";
import { planLosslessClips, type ExportMode } from "../../core/export-plan";
import { firstAudio, firstVideo, type MediaInfo } from "../../core/media-info";
import { formatOffset, formatTimecode } from "../../core/timecode";
import type { Exporter } from "../exporter";
import type { Session } from "../session";
import { createVirtualWindow } from "../virtual-window";
import { WindowedRows } from "./WindowedRows";

const MODES: { mode: ExportMode; label: string }[] = [
  { mode: "lossless", label: "Lossless (fast)" },
  { mode: "smart", label: "Smart cut (frame-accurate, fast)" },
  { mode: "reencode", label: "Re-encode (frame-accurate)" },
];

/** Mode choice, what a lossless cut will do to each clip, and the export itself. */
export function ExportPanel(props: { session: Session; exporter: Exporter }) {
  const exporter = props.exporter;
  const info = () => props.session.source()?.info;
  const streamsNote = () => {
    const current = info();
    if (!current) return "";
    if (!firstVideo(current)) return "This source has no video: the MP4 will hold its audio only.";
    if (!firstAudio(current)) return "This source has no audio: the MP4 will hold video only.";
    return "";
  };

  return (
    <section class="export" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <fieldset disabled={exporter.progress() !== null}>
        <legend>Export mode</legend>
        <For each={MODES}>
          {({ mode, label }) => (
            <label>
              <input
                type="radio"
                name="export-mode"
                checked={exporter.mode() === mode}
                onChange={() => exporter.setMode(mode)}
              />
              {label}
            </label>
          )}
        </For>
      </fieldset>
      <label>
        <input
          type="checkbox"
          checked={exporter.perClip()}
          disabled={exporter.progress() !== null}
          onChange={(event) => exporter.setPerClip(event.currentTarget.checked)}
        />
        One file per clip
      </label>
      <Show when={exporter.mode() === "smart"}>
        <p class="hint">Only the frames from each IN to the next keyframe are re-encoded; the rest is copied untouched.</p>
      </Show>
      <Show when={exporter.mode() === "lossless" && info() && props.session.clips().length > 0}>
        <LosslessTable info={info() as MediaInfo} clips={props.session.clips()} />
        <p class="hint">Stream copy starts each clip at the keyframe at or before its first frame; it ends exactly at OUT's frame.</p>
      </Show>
      <Show when={streamsNote()}>
        <p role="note">{streamsNote()}</p>
      </Show>
      <button
        type="button"
        onClick={() => exporter.run()}
        disabled={exporter.progress() !== null || props.session.clips().length === 0}
      >
        Export MP4
      </button>
      <Show when={exporter.progress()}>
        {(progress) => (
          <div class="progress">
            <progress
              aria-label="Export progress"
              max="100"
              value={Math.round(progress().fraction * 100)}
              aria-valuetext={`${Math.round(progress().fraction * 100)}%`}
            />
            <span>
              {Math.round(progress().fraction * 100)}% · clip {progress().clip + 1} of {props.session.clips().length}
              {progress().remaining === null ? "" : ` · about ${Math.ceil(progress().remaining ?? 0)} s left`}
            </span>
            <button type="button" onClick={() => exporter.cancel()}>
              Cancel
            </button>
          </div>
        )}
      </Show>
      <Show when={exporter.download()}>
        {(download) => (
          <p>
            <a href={download().url} download={download().name}>
              Download {download().name}
            </a>
          </p>
        )}
      </Show>
    </section>
  );
}

/** Where each clip's copy starts: planned for the rows in view only, so a long list costs no more than a short one. */
function LosslessTable(props: { info: MediaInfo; clips: readonly Clip[] }) {
  const view = createVirtualWindow(() => props.clips.length);
  const shown = createMemo(() => {
    const { first, end } = view.range();
    return planLosslessClips(props.info, props.clips.slice(first, end));
  });
  return (
    <div class="lossless-rows" ref={view.box}>
      <table aria-label="Where lossless cuts land" aria-rowcount={props.clips.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Clip</th>
            <th scope="col">Starts at keyframe</th>
            <th scope="col">IN moves</th>
          </tr>
        </thead>
        <WindowedRows
          view={view}
          rows={shown()}
          cells={(planned, number) => (
            <>
              <td>{number}</td>
              <td>{formatTimecode(planned.start)}</td>
              <td>{formatOffset(planned.shift)}</td>
            </>
          )}
        />
      </table>
    </div>
  );
}
