import { createEffect, createSignal, onCleanup, Show } from "solid-js";
import { peakBetween, thumbAt, type Strip } from "../../core/strip";
import { timeAt, type TimelineView } from "../../core/timeline-view";

/** A canvas sized to its box in device pixels, or null before it is laid out. */
function sized(canvas: HTMLCanvasElement, widthCss: number): CanvasRenderingContext2D | null {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(widthCss * ratio);
  canvas.height = Math.round(canvas.clientHeight * ratio);
  return canvas.width > 0 && canvas.height > 0 ? canvas.getContext("2d") : null;
}

/** Thumbnails tiled across the view, each tile showing the picture at its middle. */
function drawThumbs(canvas: HTMLCanvasElement, strip: Strip, pictures: ImageBitmap[], view: TimelineView, width: number): void {
  const context = sized(canvas, width);
  if (!context || pictures.length === 0) return;
  const tile = (canvas.height * strip.thumbWidth) / Math.max(strip.thumbHeight, 1);
  for (let x = 0; x < canvas.width; x += tile) {
    const picture = pictures[thumbAt(strip.thumbTimes, timeAt(view, (x + tile / 2) / canvas.width))];
    if (picture) context.drawImage(picture, x, 0, tile, canvas.height);
  }
}

/** One bar a pixel column, as loud as the loudest sound under it; silence draws nothing, so pauses show. */
function drawWave(canvas: HTMLCanvasElement, peaks: Uint8Array, view: TimelineView, width: number): void {
  const context = sized(canvas, width);
  if (!context) return;
  context.fillStyle = getComputedStyle(canvas).color;
  const middle = canvas.height / 2;
  for (let x = 0; x < canvas.width; x++) {
    const level = peakBetween(peaks, timeAt(view, x / canvas.width), timeAt(view, (x + 1) / canvas.width)) / 255;
    // A square root, so quiet speech still shows beside loud music.
    const half = Math.sqrt(level) * middle;
    if (half > 0) context.fillRect(x, middle - half, 1, Math.max(2 * half, 1));
  }
}

/** The timeline's thumbnails strip and waveform, once the strip worker (or the cache) has them. */
export function TimelineStrips(props: { strip: Strip | null; view: TimelineView; width: number }) {
  const [pictures, setPictures] = createSignal<ImageBitmap[]>([]);
  let thumbs: HTMLCanvasElement | undefined;
  let wave: HTMLCanvasElement | undefined;

  createEffect(() => {
    const strip = props.strip;
    let live = true;
    setPictures([]);
    if (strip) {
      const decoded = Promise.all(strip.thumbs.map((jpeg) => createImageBitmap(new Blob([jpeg], { type: "image/jpeg" }))));
      decoded.then((bitmaps) => (live ? setPictures(bitmaps) : bitmaps.forEach((b) => b.close())), () => undefined);
    }
    onCleanup(() => {
      live = false;
      pictures().forEach((b) => b.close());
    });
  });
  createEffect(() => {
    const strip = props.strip;
    if (thumbs && strip) drawThumbs(thumbs, strip, pictures(), props.view, props.width);
  });
  createEffect(() => {
    const peaks = props.strip?.peaks;
    if (wave && peaks) drawWave(wave, peaks, props.view, props.width);
  });

  return (
    <>
      <Show when={pictures().length > 0}>
        <canvas ref={thumbs} class="tl-strip" role="img" aria-label="Thumbnails" />
      </Show>
      <Show when={props.strip?.peaks}>
        <canvas ref={wave} class="tl-wave" role="img" aria-label="Sound waveform" />
      </Show>
    </>
  );
}
