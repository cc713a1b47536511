/**
 * RGBA pixels (a canvas's) as I420 in limited range with the BT.709 matrix, the colour space the
 * output is tagged with. The browser's own conversion of a canvas frame for the encoder writes
 * full-range values into a stream tagged limited (black came out 0, not 16): pictures drawn into
 * an export are converted here instead. Chroma is the mean of each 2×2 block.
 */
export function rgbaToI420(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Uint8Array {
  const chromaWidth = Math.ceil(width / 2);
  const chromaHeight = Math.ceil(height / 2);
  const out = new Uint8Array(width * height + 2 * chromaWidth * chromaHeight);
  const uPlane = width * height;
  const vPlane = uPlane + chromaWidth * chromaHeight;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const [r, g, b] = [rgba[i] as number, rgba[i + 1] as number, rgba[i + 2] as number];
      out[y * width + x] = 16 + (219 / 255) * (0.2126 * r + 0.7152 * g + 0.0722 * b) + 0.5;
    }
  }
  for (let cy = 0; cy < chromaHeight; cy++) {
    for (let cx = 0; cx < chromaWidth; cx++) {
      let [r, g, b, n] = [0, 0, 0, 0];
      for (let y = 2 * cy; y < Math.min(height, 2 * cy + 2); y++) {
        for (let x = 2 * cx; x < Math.min(width, 2 * cx + 2); x++, n++) {
          const i = (y * width + x) * 4;
          r += rgba[i] as number;
          g += rgba[i + 1] as number;
          b += rgba[i + 2] as number;
        }
      }
      [r, g, b] = [r / n, g / n, b / n];
      out[uPlane + cy * chromaWidth + cx] = 128 + (224 / 255) * (-0.1146 * r - 0.3854 * g + 0.5 * b) + 0.5;
      out[vPlane + cy * chromaWidth + cx] = 128 + (224 / 255) * (0.5 * r - 0.4542 * g - 0.0458 * b) + 0.5;
    }
  }
  return out;
}
