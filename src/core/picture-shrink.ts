/** An RGBA picture: four bytes a pixel, rows top to bottom. */
export interface RgbaPicture {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

export type Rotation = 0 | 90 | 180 | 270;

/** Points averaged per output pixel along each axis: enough to smooth fine detail in a thumbnail. */
const SAMPLES = 4;

/** The source pixel shown at (u, v) once the picture is turned `rotation` degrees clockwise. */
function sourcePixel(picture: RgbaPicture, rotation: Rotation, u: number, v: number): number {
  const { width, height } = picture;
  const [x, y] =
    rotation === 90 ? [v, height - 1 - u] : rotation === 180 ? [width - 1 - u, height - 1 - v] : rotation === 270 ? [width - 1 - v, u] : [u, v];
  return (y * width + x) * 4;
}

/**
 * The picture turned `rotation` degrees clockwise and shrunk to `width`×`height`, each pixel the
 * mean of a grid of points under it (a box filter, so fine detail does not alias). Done on plain
 * bytes, not by drawing the full frame on a canvas: Chromium keeps every full-size picture drawn
 * on any canvas in a process-wide cache (8 MB a 1080p frame).
 */
export function shrinkPicture(picture: RgbaPicture, rotation: Rotation, width: number, height: number): Uint8ClampedArray<ArrayBuffer> {
  const turned = rotation === 90 || rotation === 270;
  const shownWidth = turned ? picture.height : picture.width;
  const shownHeight = turned ? picture.width : picture.height;
  const out = new Uint8ClampedArray(width * height * 4);
  const sum = [0, 0, 0, 0];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      sum.fill(0);
      for (let j = 0; j < SAMPLES; j++) {
        const v = Math.min(shownHeight - 1, Math.floor(((y + (j + 0.5) / SAMPLES) * shownHeight) / height));
        for (let i = 0; i < SAMPLES; i++) {
          const u = Math.min(shownWidth - 1, Math.floor(((x + (i + 0.5) / SAMPLES) * shownWidth) / width));
          const at = sourcePixel(picture, rotation, u, v);
          for (let c = 0; c < 4; c++) sum[c] = (sum[c] as number) + (picture.data[at + c] as number);
        }
      }
      const to = (y * width + x) * 4;
      for (let c = 0; c < 4; c++) out[to + c] = Math.round((sum[c] as number) / (SAMPLES * SAMPLES));
    }
  }
  return out;
}
