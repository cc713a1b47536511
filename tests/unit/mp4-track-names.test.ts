import { describe, expect, it } from "vitest";
import { concatBytes } from "../../src/core/bytes";
import { box, child, children } from "../../src/core/mp4-edit-list";
import { withHandlerNames } from "../../src/core/mp4-track-names";

const text = (s: string) => new TextEncoder().encode(s);
/** hdlr as mediabunny writes it: version/flags, 'mhlr', the handler type, 12 reserved bytes, a C string. */
const hdlr = (type: string, name: string) => box("hdlr", concatBytes([new Uint8Array(4), text("mhlr"), text(type), new Uint8Array(12), text(name), new Uint8Array(1)]));
const trak = (name: string | null) =>
  box("trak", concatBytes([box("tkhd", new Uint8Array(84)), box("mdia", concatBytes([box("mdhd", new Uint8Array(24)), hdlr("soun", "MediabunnySoundHandler")])), ...(name ? [box("udta", box("name", text(name)))] : [])]));

/** Each track's handler name. */
function handlerNames(moov: Uint8Array): string[] {
  const [root] = children(moov, 0, moov.length);
  if (!root) throw new Error("no moov");
  return children(moov, root.body, root.start + root.size)
    .filter((b) => b.type === "trak")
    .map((t) => {
      const h = child(moov, child(moov, t, "mdia") ?? t, "hdlr");
      if (!h) throw new Error("no hdlr");
      return new TextDecoder().decode(moov.subarray(h.body + 24, h.start + h.size - 1));
    });
}

describe("withHandlerNames", () => {
  it("writes each named track's name as its handler name, and leaves an unnamed track's", () => {
    const moov = box("moov", concatBytes([box("mvhd", new Uint8Array(100)), trak("Game"), trak(null), trak("Micro 'ü'")]));
    const named = withHandlerNames(moov);
    expect(handlerNames(named)).toEqual(["Game", "MediabunnySoundHandler", "Micro 'ü'"]);
    // The rest of the header is as it was.
    expect(named.length - moov.length).toBe(text("Game").length + text("Micro 'ü'").length - 2 * "MediabunnySoundHandler".length);
  });
});
