import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/core/formats/mplayer-edl";

describe("MPlayer EDL", () => {
  it("keeps what MPlayer plays: the manual's example skips 5.3–7.1 and 420–422, and mutes 15–16.7", () => {
    // MPlayer's manual ("Edit Decision Lists"): "skip from second 5.3 to second 7.1 … mute at 15
    // seconds, unmute at 16.7 … skip from second 420 to second 422". Kept parts worked by hand.
    const text = readFileSync(join(import.meta.dirname, "..", "fixtures", "real-world", "mplayer-edl", "mplayer-manual-example.edl"), "utf8");
    const result = parse(text, 600);
    expect(result.ok && result.value.entries).toEqual([
      { start: 0, end: 5.3, label: "" },
      { start: 7.1, end: 420, label: "" },
      { start: 422, end: 600, label: "" },
    ]);
    expect(result.ok && result.value.warnings).toEqual([
      { line: 2, message: "line 2: the sound muted 00:00:15.000–00:00:16.700 is not kept (it plays)" },
    ]);
  });

  it("skips Kodi's commercial breaks (3) too, in time order, overlaps joined, and says a scene marker is left out", () => {
    const result = parse("30 40 3\n10 20 0\n15 25 0\n50 50.5 2\n", 60);
    expect(result.ok && result.value.entries).toEqual([
      { start: 0, end: 10, label: "" },
      { start: 25, end: 30, label: "" },
      { start: 40, end: 60, label: "" },
    ]);
    expect(result.ok && result.value.warnings.map((w) => w.line)).toEqual([4]);
  });

  it("a skip to the end leaves no part after it; a skip of everything is said", () => {
    const result = parse("0 2 0\n8 100 0\n", 10);
    expect(result.ok && result.value.entries).toEqual([{ start: 2, end: 8, label: "" }]);
    expect(parse("0 10 0\n", 10)).toEqual({ ok: false, error: "it skips the whole video" });
  });

  it("names a line it cannot read and one whose end is not after its start", () => {
    const result = parse("1 2 0\nhello\n5 4 0\n", 10);
    expect(result.ok && result.value.warnings).toEqual([
      { line: 2, message: 'line 2: not "start end action"' },
      { line: 3, message: "line 3: end is not after start" },
    ]);
  });
});
