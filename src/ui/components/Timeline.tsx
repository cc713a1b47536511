import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show } from "solid-js";
import type { Clip, ClipField } from "../../core/clips";
import { stepFrames } from "../../core/frames";
import { snapTime } from "../../core/snapping";
import { assignLanes, sameTimes } from "../../core/timeline-lanes";
import { layoutClips } from "../../core/timeline-layout";
import { fractionAt, isZoomed, rulerMarks, timeAt, visibleKeyframes } from "../../core/timeline-view";
import { formatTimecode } from "../../core/timecode";
import type { Player } from "../player";
import type { Session } from "../session";
import type { TimelineZoom } from "../timeline-zoom";
import { TimelineCoverage } from "./TimelineCoverage";
import { TimelineStrips } from "./TimelineStrips";
import "./clip-colours.css";
import type { Strip } from "../../core/strip";

// A dragged edge sticks to a target this close on screen.
const SNAP_PX = 8;

/** An edge being dragged: shown where it is, committed (one undo step) on release. */
interface EdgeDrag {
  id: number;
  field: ClipField;
  time: number;
}

const percent = (fraction: number) => `${fraction * 100}%`;

/**
 * The whole source under the video: clips as numbered regions in their colour, or a hue by their
 * place where they have none (overlapping ones on rows of their own), the playhead, a pending IN,
 * keyframe ticks when zoomed in. Click or drag to seek; drag a clip's edge (or use its slider's
 * arrows) to move it.
 */
export function Timeline(props: { session: Session; player: Player; zoom: TimelineZoom; strip: Strip | null }) {
  const session = props.session;
  const zoom = props.zoom;
  const [width, setWidth] = createSignal(0);
  const [drag, setDrag] = createSignal<EdgeDrag | null>(null);
  let track!: HTMLDivElement;

  const info = () => session.source()?.info;
  const duration = () => session.duration();
  const view = zoom.view;
  const pendingIn = () => session.marking().pendingIn;
  const selectedPlace = createMemo(() => {
    const clip = session.selected();
    return clip ? session.clips().indexOf(clip) + 1 : 0;
  });
  const at = (time: number) => percent(fractionAt(view(), time));
  const timeAtPointer = (event: PointerEvent | WheelEvent) => {
    const box = track.getBoundingClientRect();
    return timeAt(view(), (event.clientX - box.left) / Math.max(box.width, 1));
  };
  /** The clips as drawn: the dragged one with its edge where the pointer has it (a copy of the list only then). */
  const spans = createMemo((): Clip[] => {
    const moving = drag();
    const list = session.clips();
    const here = session.source()?.id;
    // Clips of the project's other files keep their places (their numbers are the list's) but lie
    // before this file's start, out of every view; a list of one file is drawn as it is.
    const elsewhere = session.sources().length > 1 && list.some((clip) => clip.source !== here);
    if (!moving && !elsewhere) return list;
    return list.map((clip) =>
      clip.source !== here ? { ...clip, start: -1, end: -1 } : clip.id === moving?.id ? { ...clip, [moving.field]: moving.time } : clip,
    );
  });
  // The same array while only labels or colours change: lanes, layout and coverage are left as they are.
  const times = createMemo(spans, undefined, { equals: sameTimes });
  const lanes = createMemo(() => assignLanes(times()));
  /** The selected and the dragged clip keep their regions however many clips are in view. */
  const kept = () => {
    const dragged = drag();
    const draggedPlace = dragged ? session.clips().findIndex((c) => c.id === dragged.id) : -1;
    return [selectedPlace() - 1, draggedPlace].filter((place) => place >= 0);
  };
  const layout = createMemo(() => layoutClips(times(), lanes(), view(), kept()));
  const ticks = createMemo(() => visibleKeyframes(info()?.keyframes ?? [], view(), width()));

  // The playhead never leaves the view: playing past its edge pages on.
  createEffect(on(props.player.playhead, (time) => zoom.follow(time)));

  /** An edge moved: the clip is selected and its bound set (one undo step). */
  function commit(id: number, field: ClipField, time: number, nudge = false): void {
    session.select(id);
    session.setBound(id, field, time, nudge);
  }

  /** Where a dragged edge lands: on a nearby target unless Alt is held, else on a frame start, never past the other edge. */
  function landing(clip: Clip, field: ClipField, raw: number, free: boolean): number {
    const targets = [
      props.player.playhead(),
      ...(info()?.keyframes ?? []),
      ...session.clips().flatMap((c) => (c.id === clip.id || c.source !== clip.source ? [] : [c.start, c.end])),
    ];
    const tolerance = (SNAP_PX * view().span) / Math.max(width(), 1);
    const snapped = free ? raw : snapTime(raw, targets, tolerance);
    const time = snapped === raw ? props.player.snap(raw) : snapped;
    const frame = stepFrames(0, 1, props.player.stepRate());
    return field === "start" ? Math.min(Math.max(time, 0), clip.end - frame) : Math.max(Math.min(time, duration()), clip.start + frame);
  }

  function dragEdge(event: PointerEvent, clip: Clip, field: ClipField): void {
    event.stopPropagation();
    const handle = event.currentTarget as HTMLElement;
    handle.setPointerCapture(event.pointerId);
    handle.focus();
    setDrag({ id: clip.id, field, time: clip[field] });
    const move = (e: PointerEvent) => setDrag({ id: clip.id, field, time: landing(clip, field, timeAtPointer(e), e.altKey) });
    const end = (e: PointerEvent) => {
      handle.removeEventListener("pointermove", move);
      const moved = drag();
      setDrag(null);
      if (e.type === "pointerup" && moved && moved.time !== clip[field]) commit(clip.id, field, moved.time);
    };
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", end, { once: true });
    handle.addEventListener("pointercancel", end, { once: true });
  }

  /** ← / → move an edge one frame; refused in words where it would pass the other edge. */
  function stepEdge(event: KeyboardEvent, clip: Clip, field: ClipField): void {
    const sign = event.key === "ArrowLeft" ? -1 : event.key === "ArrowRight" ? 1 : 0;
    if (sign === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    event.stopPropagation();
    commit(clip.id, field, props.player.stepFrom(clip[field], sign), true);
  }

  function scrub(event: PointerEvent): void {
    if (event.button !== 0) return;
    track.setPointerCapture(event.pointerId);
    props.player.seek(timeAtPointer(event));
    const move = (e: PointerEvent) => props.player.seek(timeAtPointer(e));
    const end = () => track.removeEventListener("pointermove", move);
    track.addEventListener("pointermove", move);
    track.addEventListener("pointerup", end, { once: true });
    track.addEventListener("pointercancel", end, { once: true });
  }

  onMount(() => {
    const resize = new ResizeObserver(() => setWidth(track.clientWidth));
    resize.observe(track);
    // Ctrl+wheel zooms around the pointer; a plain wheel scrolls a zoomed view. Not passive: it replaces the page's zoom.
    const wheel = (event: WheelEvent) => {
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        if (event.deltaY < 0) zoom.zoomIn(timeAtPointer(event));
        else zoom.zoomOut(timeAtPointer(event));
      } else if (isZoomed(view(), duration())) {
        event.preventDefault();
        zoom.scroll((event.deltaX || event.deltaY) / Math.max(width(), 1));
      }
    };
    track.addEventListener("wheel", wheel, { passive: false });
    onCleanup(() => {
      resize.disconnect();
      track.removeEventListener("wheel", wheel);
    });
  });

  // Each edge reads its clip when used: a committed edit makes a new clip object under the same slider.
  const edge = (clip: () => Clip, place: number, field: ClipField) => (
    <div
      role="slider"
      tabindex="0"
      class={`tl-edge tl-edge-${field}`}
      aria-label={`Clip ${place + 1} ${field === "start" ? "IN" : "OUT"}`}
      aria-valuemin="0"
      aria-valuemax={duration()}
      aria-valuenow={clip()[field]}
      aria-valuetext={formatTimecode(clip()[field])}
      onPointerDown={(event) => dragEdge(event, session.clips()[place] ?? clip(), field)}
      onKeyDown={(event) => stepEdge(event, session.clips()[place] ?? clip(), field)}
    />
  );

  return (
    <section class="timeline" aria-label="Timeline">
      <div class="timeline-tools" role="group" aria-label="Zoom">
        <button type="button" aria-label="Zoom out" title="Zoom out (−)" onClick={() => zoom.zoomOut()}>
          −
        </button>
        <button type="button" aria-label="Zoom in" title="Zoom in (+)" onClick={() => zoom.zoomIn(props.player.playhead())}>
          +
        </button>
        <button type="button" onClick={() => zoom.fit()} title="Fit the whole source (0)">
          Fit
        </button>
        <span class="timeline-span">
          {formatTimecode(view().start)} – {formatTimecode(view().start + view().span)}
        </span>
        <Show when={selectedPlace() > 0}>
          <span class="timeline-selected">Clip {selectedPlace()} selected: I / O set its edges, Escape selects none</span>
        </Show>
        <Show when={layout().dense}>
          <span class="timeline-dense">
            {layout().inView.toLocaleString("en-US")} clips in view: zoom in to drag their edges here, or edit them in the clip list
          </span>
        </Show>
      </div>
      <div class="timeline-track" ref={track} onPointerDown={scrub} style={{ "--lanes": lanes().count }}>
        <div class="tl-ruler" aria-hidden="true">
          <For each={rulerMarks(view(), width())}>
            {(mark) => (
              <span class="tl-mark" style={{ left: at(mark) }}>
                {formatTimecode(mark).replace(/^00:/, "")}
              </span>
            )}
          </For>
        </div>
        <TimelineStrips strip={props.strip} view={view()} width={width()} />
        <div class="tl-clips">
          <Show when={layout().dense}>
            <TimelineCoverage spans={times()} lanes={lanes()} view={view()} width={width()} />
          </Show>
          {/* Keyed by place: a slider stays the same element (and keeps focus) as its clip is edited or the view moves. */}
          <For each={layout().regions}>
            {(place) => {
              const clip = () => spans()[place] as Clip;
              return (
                <Show when={spans()[place]}>
                  <div
                    role="group"
                    aria-label={`Clip ${place + 1}`}
                    class="tl-clip"
                    data-colour={clip().colour}
                    aria-current={session.selected()?.id === clip().id ? "true" : undefined}
                    onPointerDown={() => session.select(clip().id)}
                    style={{
                      left: at(clip().start),
                      width: percent((clip().end - clip().start) / Math.max(view().span, 1e-9)),
                      top: `calc(${lanes().rows[place] ?? 0} * var(--lane))`,
                      "--hue": (place * 67) % 360,
                    }}
                  >
                    {edge(clip, place, "start")}
                    <span class="tl-clip-name">
                      {place + 1}
                      {clip().label ? ` ${clip().label}` : ""}
                    </span>
                    {edge(clip, place, "end")}
                  </div>
                </Show>
              );
            }}
          </For>
        </div>
        <For each={ticks()}>{(keyframe) => <span class="tl-keyframe" aria-hidden="true" style={{ left: at(keyframe) }} />}</For>
        <Show when={pendingIn() !== null}>
          <span class="tl-pending" role="note" aria-label={`IN waiting for its OUT at ${formatTimecode(pendingIn() ?? 0)}`} style={{ left: at(pendingIn() ?? 0) }}>
            IN
          </span>
        </Show>
        <div
          role="slider"
          tabindex="0"
          class="tl-playhead"
          aria-label="Position"
          aria-valuemin="0"
          aria-valuemax={duration()}
          aria-valuenow={props.player.playhead()}
          aria-valuetext={formatTimecode(props.player.playhead())}
          style={{ left: at(props.player.playhead()) }}
        />
      </div>
      <Show when={isZoomed(view(), duration())}>
        <input
          type="range"
          class="timeline-scroll"
          aria-label="Scroll timeline"
          min="0"
          max={duration() - view().span}
          step="any"
          value={view().start}
          onInput={(event) => zoom.scrollTo(Number(event.currentTarget.value))}
        />
      </Show>
    </section>
  );
}
