import { createEffect, createSignal, onCleanup, Show } from "solid-js";
import { codecName, containerName, formatLine } from "../../core/format-names";
import { firstAudio, firstVideo } from "../../core/media-info";
import { formatTimecode, parseTime } from "../../core/timecode";
import type { CutPreview } from "../cut-preview";
import type { Player } from "../player";
import type { Session, Source } from "../session";
import { TimeField } from "./TimeField";

/** The preview, the playhead readouts and the transport buttons (the playhead slider is on the Timeline). */
export function PlayerView(props: { source: Source; player: Player; session: Session; preview: CutPreview }) {
  const player = props.player;
  const [url, setUrl] = createSignal("");
  createEffect(() => {
    const objectUrl = URL.createObjectURL(props.source.file);
    setUrl(objectUrl);
    onCleanup(() => URL.revokeObjectURL(objectUrl));
  });
  const video = () => firstVideo(props.source.info);
  const pendingIn = () => props.session.marking().pendingIn;
  const describe = () => {
    const codec = video()?.codec ?? firstAudio(props.source.info)?.codec;
    const container = containerName(props.source.info.container, props.source.file.name);
    return codec ? `${codecName(codec)} in ${container}` : `this ${container} file`;
  };

  return (
    <section class="player" aria-label="Player">
      <Show
        when={!player.previewError()}
        fallback={
          <p class="preview-unavailable" role="note">
            Preview unavailable: {player.previewError()} You can still move the playhead by typing a time or with
            the keys, mark clips and export.
          </p>
        }
      >
        <video
          ref={(element) => player.attach(element)}
          src={url()}
          preload="auto"
          aria-label={`Preview of ${props.source.file.name}`}
          onError={() => player.previewFailed(`this browser cannot play ${describe()}.`)}
          onLoadedMetadata={(event) => {
            // A video codec the browser lacks can still load, as sound over a blank picture.
            if (video() && event.currentTarget.videoWidth === 0) player.previewFailed(`this browser cannot show ${describe()}.`);
          }}
        />
      </Show>
      <div class="readouts">
        <output aria-label="Current time" class="timecode">
          {formatTimecode(player.playhead())}
        </output>
        <Show when={video()}>
          <output aria-label="Current frame">Frame {player.frame()}</output>
        </Show>
        <span>/ {formatTimecode(props.source.info.duration)}</span>
        <Show when={player.direction() !== "paused"}>
          <span>
            {player.direction() === "reverse" ? "◀◀" : "▶"} {player.speed()}×
          </span>
        </Show>
      </div>
      <div class="transport">
        <TimeField
          label="Playhead"
          value={player.playhead()}
          onCommit={(text) => {
            const time = parseTime(text);
            if (!time.ok) return time.error;
            if (time.value > props.source.info.duration) return `${text} is after the end of the source`;
            player.seek(time.value);
            return null;
          }}
        />
        <button type="button" aria-label="Back one frame" title="Back one frame (←)" onClick={() => player.stepFrames(-1)}>
          ◀|
        </button>
        <button type="button" onClick={() => player.togglePlay()} disabled={!!player.previewError()}>
          {player.direction() === "paused" ? "Play" : "Pause"}
        </button>
        <button type="button" aria-label="Forward one frame" title="Forward one frame (→)" onClick={() => player.stepFrames(1)}>
          |▶
        </button>
        <button type="button" onClick={() => props.session.markIn(player.markTime())}>
          Mark IN
        </button>
        <button type="button" onClick={() => props.session.markOut(player.markTime())}>
          Mark OUT
        </button>
        <button
          type="button"
          aria-pressed={props.preview.current() !== null}
          title="Play the clips back to back (P)"
          disabled={!!player.previewError() || props.session.clips().length === 0}
          onClick={() => props.preview.toggle()}
        >
          Preview cut
        </button>
        <button
          type="button"
          title="Play the selected clip alone (Shift+P)"
          disabled={!!player.previewError() || !props.session.selected()}
          onClick={() => {
            const clip = props.session.selected();
            if (clip) props.preview.playClip(clip);
          }}
        >
          Preview clip
        </button>
        <label>
          <input type="checkbox" checked={props.preview.loop()} onChange={(event) => props.preview.setLoop(event.currentTarget.checked)} />
          Loop
        </label>
        <Show when={props.preview.current()}>
          {(now) => (
            <span role="status" aria-label="Preview">
              Playing clip {now().number} of {now().of}
            </span>
          )}
        </Show>
        <Show when={pendingIn() !== null}>
          <span>IN at {formatTimecode(pendingIn() ?? 0)}</span>
        </Show>
      </div>
      <p class="media-facts">
        {props.source.file.name}: {formatLine(props.source.info, props.source.file.name)}
        {` · ${props.source.info.keyframes.length} keyframes`}
      </p>
    </section>
  );
}
