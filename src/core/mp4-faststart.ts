import { concatBytes } from "./bytes";
import { box, children, view, type Box } from "./mp4-edit-list";

/**
 * "Fast start": an MP4's movie box (`moov`, the index) ahead of its media (`mdat`), so a player
 * or web server can start on the first bytes instead of fetching the whole file first.
 */

/** A box at the file's top level: its type, first byte and whole size. */
export interface TopBox {
  type: string;
  start: number;
  size: number;
}

/** The file's top-level boxes in order (64-bit sizes read, size 0 running to the end); null where they do not tile it. */
export function topLevelBoxes(file: Uint8Array): TopBox[] | null {
  const data = view(file);
  const boxes: TopBox[] = [];
  for (let at = 0; at < file.length; ) {
    if (at + 8 > file.length) return null;
    const small = data.getUint32(at);
    const size = small === 1 && at + 16 <= file.length ? Number(data.getBigUint64(at + 8)) : small === 0 ? file.length - at : small;
    if (size < 8 || at + size > file.length) return null;
    boxes.push({ type: String.fromCharCode(...file.subarray(at + 4, at + 8)), start: at, size });
    at += size;
  }
  return boxes;
}

/** Whether the movie box comes before the first media box. */
export function isFastStart(boxes: readonly TopBox[]): boolean {
  const moov = boxes.findIndex((b) => b.type === "moov");
  const mdat = boxes.findIndex((b) => b.type === "mdat");
  return moov >= 0 && (mdat < 0 || moov < mdat);
}

// The boxes on the way from `moov` to the chunk offset tables.
const ON_THE_WAY = new Set(["moov", "trak", "mdia", "minf", "stbl"]);
const MAX_U32 = 0xffffffff;

function offsetTable(bytes: Uint8Array, table: Box, moved: (offset: number) => number): Uint8Array {
  const data = view(bytes);
  const wide = table.type === "co64";
  const count = data.getUint32(table.body + 4);
  const offsets: number[] = [];
  for (let i = 0, at = table.body + 8; i < count; i++, at += wide ? 8 : 4) {
    offsets.push(moved(wide ? Number(data.getBigUint64(at)) : data.getUint32(at)));
  }
  // Offsets past 4 GiB need the 64-bit table.
  const wider = wide || offsets.some((o) => o > MAX_U32);
  const payload = new Uint8Array(8 + count * (wider ? 8 : 4));
  const out = view(payload);
  out.setUint32(4, count);
  offsets.forEach((offset, i) => (wider ? out.setBigUint64(8 + i * 8, BigInt(offset)) : out.setUint32(8 + i * 4, offset)));
  return box(wider ? "co64" : "stco", payload);
}

function rebuilt(bytes: Uint8Array, part: Box, moved: (offset: number) => number): Uint8Array {
  if (part.type === "stco" || part.type === "co64") return offsetTable(bytes, part, moved);
  if (!ON_THE_WAY.has(part.type)) return bytes.subarray(part.start, part.start + part.size);
  const inner = children(bytes, part.body, part.start + part.size).map((c) => rebuilt(bytes, c, moved));
  return box(part.type, concatBytes(inner));
}

/** `moov` with every chunk offset (`stco`, `co64`) passed through `moved`; an `stco` it pushes past 32 bits becomes a `co64`. */
export function withChunksMoved(moov: Uint8Array, moved: (offset: number) => number): Uint8Array {
  const [root] = children(moov, 0, moov.length);
  if (!root || root.type !== "moov") throw new Error("not a movie box");
  return rebuilt(moov, root, moved);
}

/**
 * The file with its movie box (as `rewrite` gives it) placed just before the first media box, and
 * its chunk offsets following the media to their new places. Null when the top-level boxes do
 * not tile the file or it has no movie or no media box. A larger `moov` pushes the media on; an
 * offset that no longer fits 32 bits takes a 64-bit table, which grows `moov` again, until it holds.
 */
export function withMoovInFront(file: Uint8Array, rewrite: (moov: Uint8Array) => Uint8Array = (moov) => moov): Uint8Array | null {
  const boxes = topLevelBoxes(file);
  const movie = boxes?.find((b) => b.type === "moov");
  const media = boxes?.find((b) => b.type === "mdat");
  if (!boxes || !movie || !media) return null;
  const edited = rewrite(file.subarray(movie.start, movie.start + movie.size));
  const others = boxes.filter((b) => b !== movie);
  // Where each other box lands with a header of `length` bytes just before the first media box.
  const places = (length: number) => {
    let to = 0;
    return others.map((from) => {
      if (from === media) to += length;
      const place = { from, to };
      to += from.size;
      return place;
    });
  };
  let header = edited;
  for (let length = edited.length; ; length = header.length) {
    const placed = places(length);
    header = withChunksMoved(edited, (offset) => {
      const place = placed.find((p) => offset >= p.from.start && offset < p.from.start + p.from.size);
      return place ? place.to + offset - place.from.start : offset;
    });
    if (header.length === length) break;
  }
  const whole = (b: TopBox) => file.subarray(b.start, b.start + b.size);
  const first = others.indexOf(media);
  return concatBytes([...others.slice(0, first).map(whole), header, ...others.slice(first).map(whole)]);
}

/**
 * `moov` over the room kept for it ahead of the media (the muxer's reserved header and its `free`
 * box), the rest filled by a new `free` box, so no media byte moves. Null when it does not fit:
 * a `free` box takes at least 8 bytes.
 */
export function inReservedRoom(moov: Uint8Array, room: number): Uint8Array | null {
  const slack = room - moov.length;
  if (slack === 0) return moov;
  if (slack < 8) return null;
  return concatBytes([moov, box("free", new Uint8Array(slack - 8))]);
}
