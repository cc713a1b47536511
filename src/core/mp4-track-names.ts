import { concatBytes } from "./bytes";
import { box, child, children, type Box } from "./mp4-edit-list";

// hdlr's payload: version and flags, pre-defined, handler type, 12 reserved bytes; then the name.
const HANDLER_NAME_AT = 24;

/** `parent` rebuilt with its child of `type` replaced by `make`'s box. */
function replacedChild(bytes: Uint8Array, parent: Box, type: string, make: (found: Box) => Uint8Array): Uint8Array {
  const parts = children(bytes, parent.body, parent.start + parent.size).map((b) =>
    b.type === type ? make(b) : bytes.subarray(b.start, b.start + b.size),
  );
  return box(parent.type, concatBytes(parts));
}

/**
 * The movie box with each track's name (its `udta/name`, as mediabunny writes it) also written as
 * its handler name (`mdia/hdlr`), where ffmpeg and the players built on it read an MP4 track's
 * name. Tracks without a name keep their handler's.
 */
export function withHandlerNames(moov: Uint8Array): Uint8Array {
  const [root] = children(moov, 0, moov.length);
  if (!root || root.type !== "moov") throw new Error("not a movie box");
  const parts = children(moov, root.body, root.start + root.size).map((part) => {
    const whole = moov.subarray(part.start, part.start + part.size);
    const udta = part.type === "trak" ? child(moov, part, "udta") : undefined;
    const name = udta && child(moov, udta, "name");
    const mdia = name && child(moov, part, "mdia");
    if (!name || !mdia || !child(moov, mdia, "hdlr")) return whole;
    const title = moov.subarray(name.body, name.start + name.size);
    return replacedChild(moov, part, "mdia", (m) =>
      replacedChild(moov, m, "hdlr", (h) => box("hdlr", concatBytes([moov.subarray(h.body, h.body + HANDLER_NAME_AT), title, new Uint8Array(1)]))),
    );
  });
  return box("moov", concatBytes(parts));
}
