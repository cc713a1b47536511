import { createMemo, For, Show } from "solid-js";
import type { Clip } from "../../core/clips";
import { planLosslessClips, type ExportMode, type PlannedClip } from "../../core/export-plan";
import { firstAudio, firstVideo, type MediaInfo } from "../../core/media-info";
import { tracksLeftOut } from "../../core/dropped-tracks";
import { nothingKept } from "../../core/track-choice";
import { CONTAINER_FORMATS, OUTPUT_CONTAINERS, webmRefusal, type OutputContainer } from "../../core/output-container";
import { plural } from "../../core/plural";
import { formatOffset, formatTimecode } from "../../core/timecode";
import type { ExportEntry, Exporter, ExportState } from "../exporter";
import type { Session } from "../session";
import { createVirtualWindow } from "../virtual-window";
import { WindowedRows } from "./WindowedRows";

const MODES: { mode: ExportMode; label: string }[] = [
  { mode: "lossless", label: "Lossless (fast)" },
  { mode: "smart", label: "Smart cut (frame-accurate, fast)" },
  { mode: "reencode", label: "Re-encode (frame-accurate)" },
];
const MODE_NAMES: Record<ExportMode, string> = { lossless: "lossless", smart: "smart cut", reencode: "re-encoded" };
const STATE_TEXT: Record<ExportState, string> = { running: "exporting…", done: "done", failed: "failed", cancelled: "cancelled" };

/** Bytes as a person reads them: "850 kB", "4.2 MB", "1.35 GB". */
function sizeText(bytes: number): string {
  if (bytes < 1e6) return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

/** Mode choice, what a lossless cut will do to each clip, and the export itself. */
export function ExportPanel(props: { session: Session; exporter: Exporter }) {
  const exporter = props.exporter;
  const info = () => props.session.source()?.info;
  const streamsNote = () => {
    const current = info();
    if (!current) return "";
    if (!firstVideo(current)) return `This source has no video: the ${label()} will hold its audio only.`;
    if (!firstAudio(current)) return `This source has no audio: the ${label()} will hold video only.`;
    return "";
  };

  const dropped = createMemo(() => {
    const current = info();
    return current ? tracksLeftOut(current, exporter.droppedTracks(), exporter.container()) : [];
  });
  const empty = () => {
    const current = info();
    return current ? nothingKept(current, exporter.droppedTracks()) : null;
  };
  // WebM only where the source's codecs already fit one; otherwise offered disabled, saying why.
  const noWebm = () => {
    const current = props.session.sources()[0]?.info ?? info();
    return current ? webmRefusal(current, exporter.droppedTracks()) : null;
  };
  const label = () => CONTAINER_FORMATS[exporter.container()].label;

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
      <label>
        Output container{" "}
        <select
          value={exporter.container()}
          disabled={exporter.progress() !== null}
          onChange={(event) => exporter.setContainer(event.currentTarget.value as OutputContainer)}
        >
          <For each={OUTPUT_CONTAINERS}>
            {(container) => (
              <option value={container} disabled={container === "webm" && noWebm() !== null && exporter.container() !== "webm"}>
                {CONTAINER_FORMATS[container].label}
              </option>
            )}
          </For>
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={exporter.chapters()}
          disabled={exporter.progress() !== null}
          onChange={(event) => exporter.setChapters(event.currentTarget.checked)}
        />
        Chapters
      </label>
      <Show when={exporter.chapters()}>
        <p class="hint">One chapter a clip, named by its label (or Clip N), at its start in the export.</p>
      </Show>
      <Show when={noWebm() && exporter.container() !== "webm"}>
        <p class="hint">WebM is not offered: {noWebm()}.</p>
      </Show>
      <Show when={exporter.containerNote()}>{(why) => <p role="note">{why()}</p>}</Show>
      <Show when={exporter.joinNote()}>
        <p role="note">{exporter.joinNote()}</p>
      </Show>
      <Show when={exporter.mode() === "smart"}>
        <p class="hint">Only the frames from each IN to the next keyframe are re-encoded; the rest is copied untouched.</p>
      </Show>
      <Show when={exporter.mode() === "lossless" && info() && props.session.clips().length > 0}>
        <LosslessTable session={props.session} clips={props.session.clips()} />
        <p class="hint">
          Stream copy starts each clip at the keyframe at or before its first frame;{" "}
          {exporter.container() === "mkv" || exporter.container() === "webm"
            ? `${label()} has no edit lists, so a clip whose last frames need frames past OUT (B-frames) ends before them, and the export says which.`
            : "it ends exactly at OUT's frame."}
        </p>
      </Show>
      <Show when={streamsNote()}>
        <p role="note">{streamsNote()}</p>
      </Show>
      <Show when={empty()}>{(why) => <p role="note">{why()}</p>}</Show>
      <Show when={dropped().length > 0}>
        <ul aria-label="Tracks left out">
          <For each={dropped()}>{(line) => <li>{line}</li>}</For>
        </ul>
      </Show>
      <button
        type="button"
        onClick={() => exporter.run()}
        disabled={exporter.progress() !== null || props.session.clips().length === 0 || empty() !== null || exporter.containerNote() !== null}
      >
        Export {label()}
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
      <Show when={exporter.exports().length > 0}>
        <h3 id="exports-heading">Exports</h3>
        <ul class="exports" aria-labelledby="exports-heading">
          <For each={exporter.exports()}>{(entry) => <ExportItem entry={entry} exporter={exporter} />}</For>
        </ul>
      </Show>
    </section>
  );
}

/**
 * Where each clip's copy starts, on its own file's keyframes: planned for the rows in view only, so
 * a long list costs no more than a short one.
 */
function LosslessTable(props: { session: Session; clips: readonly Clip[] }) {
  const view = createVirtualWindow(() => props.clips.length);
  // A clip not edited keeps its plan, and so its row: an edit redraws one row, not all in view.
  const plans = new WeakMap<Clip, { info: MediaInfo; plan: PlannedClip }>();
  const planOf = (clip: Clip, info: MediaInfo): PlannedClip => {
    const kept = plans.get(clip);
    if (kept?.info === info) return kept.plan;
    const plan = planLosslessClips(info, [clip])[0] as PlannedClip;
    plans.set(clip, { info, plan });
    return plan;
  };
  const shown = createMemo(() => {
    const { first, end } = view.range();
    const infos = new Map(props.session.sources().map((s) => [s.id, s.info]));
    // A file whose details were not kept (stored before they were) is planned on the player's.
    const fallback = props.session.source()?.info as MediaInfo;
    return props.clips.slice(first, end).map((clip) => planOf(clip, infos.get(clip.source) ?? fallback));
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
              <td>{number()}</td>
              <td>{formatTimecode(planned.start)}</td>
              <td>{formatOffset(planned.shift)}</td>
            </>
          )}
        />
      </table>
    </div>
  );
}

/** One export of the session: what it is, how it went, and its download while it is kept. */
function ExportItem(props: { entry: ExportEntry; exporter: Exporter }) {
  const entry = () => props.entry;
  const facts = () =>
    [
      MODE_NAMES[entry().mode],
      plural(entry().clips, "clip", "clips"),
      formatTimecode(entry().duration),
      ...(entry().size === null ? [] : [sizeText(entry().size as number)]),
    ].join(", ");
  return (
    <li aria-label={entry().name}>
      <span class="export-name">{entry().name}</span> <span>{facts()}</span>{" "}
      <span class="export-state">
        {STATE_TEXT[entry().state]}
        {entry().detail ? `: ${entry().detail}` : ""}
      </span>
      <Show when={entry().download}>
        {(saved) => (
          <a href={saved().url} download={saved().name}>
            Download {saved().name}
          </a>
        )}
      </Show>
      <Show when={entry().state !== "running"}>
        <button type="button" aria-label={`Remove ${entry().name} from the list`} onClick={() => props.exporter.remove(entry().id)}>
          Remove
        </button>
      </Show>
    </li>
  );
}
