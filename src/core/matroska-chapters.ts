import { concatBytes } from "./bytes";
import { titleBytes, type Chapter } from "./mp4-chapters";

/**
 * Matroska chapters written over room the muxer kept for them. Our muxer writes no Chapters, but
 * it writes a Tags element before the first cluster, listed in the SeekHead; a Tags element as
 * large as the chapters need is reserved, then overwritten with the Chapters (and a Void for the
 * rest), and its SeekHead entry renamed, so players find the chapters where they look first.
 */

const ID = {
  segment: [0x18, 0x53, 0x80, 0x67],
  seekHead: [0x11, 0x4d, 0x9b, 0x74],
  tags: [0x12, 0x54, 0xc3, 0x67],
  chapters: [0x10, 0x43, 0xa7, 0x70],
  edition: [0x45, 0xb9],
  atom: [0xb6],
  uid: [0x73, 0xc4],
  start: [0x91],
  end: [0x92],
  display: [0x80],
  string: [0x85],
  void: [0xec],
} as const;

/** An element with an 8-byte size, so its length is known before its content is. */
function element(id: readonly number[], content: Uint8Array): Uint8Array {
  const size = new Uint8Array(8);
  size[0] = 0x01;
  new DataView(size.buffer).setUint32(4, content.length);
  size[3] = Math.floor(content.length / 2 ** 32) & 0xff;
  return concatBytes([Uint8Array.from(id), size, content]);
}

function uint(value: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(Math.round(value)));
  return out;
}

/** The Chapters element: one edition, a chapter each, times in nanoseconds, each ending where the next starts (the last at `end`). */
export function chaptersElement(chapters: readonly Chapter[], end: number): Uint8Array {
  const atoms = chapters.map((c, i) =>
    element(
      ID.atom,
      concatBytes([
        element(ID.uid, uint(i + 1)),
        element(ID.start, uint(c.start * 1e9)),
        element(ID.end, uint((chapters[i + 1]?.start ?? end) * 1e9)),
        element(ID.display, element(ID.string, titleBytes(c.title))),
      ]),
    ),
  );
  return element(ID.chapters, element(ID.edition, concatBytes(atoms)));
}

/** A Void element filling exactly `length` bytes (at least 2). */
function voidOf(length: number): Uint8Array {
  if (length >= 9) return element(ID.void, new Uint8Array(length - 9));
  return concatBytes([Uint8Array.from(ID.void), Uint8Array.of(0x80 | (length - 2)), new Uint8Array(length - 2)]);
}

/** Bytes of room the Tags element must take for `chapters` to be written over it (a Void's least, 2, spare). */
export const chapterRoom = (chapters: readonly Chapter[]): number => chaptersElement(chapters, 0).length + 2;

/** An EBML variable-length number at `at`: its value and length. */
function varint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number } {
  const first = bytes[at] as number;
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length += 1;
  let value = keepMarker ? first : first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + (bytes[at + i] as number);
  return { value, length };
}

const same = (bytes: Uint8Array, at: number, id: readonly number[]) => id.every((b, i) => bytes[at + i] === b);

/**
 * The writes that put `chapters` in a Matroska file whose segment header (from the Segment's ID to
 * its first cluster) is `header`, written at `position`: the Chapters over the Tags element and
 * the SeekHead's Tags entry renamed. Null when the header has no Tags element large enough.
 */
export function chapterWrites(header: Uint8Array, position: number, chapters: readonly Chapter[], end: number): { position: number; data: Uint8Array }[] | null {
  if (!same(header, 0, ID.segment)) return null;
  let at = 4 + varint(header, 4, false).length;
  let tags: { at: number; length: number } | null = null;
  let seekId = -1;
  while (at < header.length) {
    const id = varint(header, at, true);
    const size = varint(header, at + id.length, false);
    const whole = id.length + size.length + size.value;
    if (same(header, at, ID.tags)) tags = { at, length: whole };
    if (same(header, at, ID.seekHead)) {
      for (let i = at; i + 4 <= at + whole; i++) if (same(header, i, ID.tags)) seekId = i;
    }
    at += whole;
  }
  const written = chaptersElement(chapters, end);
  if (!tags || seekId < 0 || tags.length < written.length + 2) return null;
  return [
    { position: position + tags.at, data: concatBytes([written, voidOf(tags.length - written.length)]) },
    { position: position + seekId, data: Uint8Array.from(ID.chapters) },
  ];
}
