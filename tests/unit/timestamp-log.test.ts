import { describe, expect, it } from "vitest";
import { parse, serialize } from "../../src/core/formats/timestamp-log";

const DURATION = 100;

describe("timestamp log", () => {
  it("pairs non-blank lines by position as IN and OUT", () => {
    const result = parse("00:00:01.500\n00:00:04,\n\n00:01:02.345\n00:01:10\n", DURATION);
    expect(result).toEqual({
      ok: true,
      value: {
        entries: [
          { start: 1.5, end: 4, label: "" },
          { start: 62.345, end: 70, label: "" },
        ],
        warnings: [],
      },
    });
  });

  it("drops only the pair of an unreadable line, keeping later pairs aligned", () => {
    const result = parse("00:00:01\nlunch break\n00:00:05\n00:00:08\n", DURATION);
    expect(result.ok && result.value.entries).toEqual([{ start: 5, end: 8, label: "" }]);
    expect(result.ok && result.value.warnings.map((w) => w.line)).toEqual([2, 2]);
    expect(result.ok && result.value.warnings[1]?.message).toContain("dropped");
  });

  it("runs a last lone IN to the end of the source, or drops it past the end", () => {
    const inside = parse("00:00:01\n00:00:02\n00:01:00\n", DURATION);
    expect(inside.ok && inside.value.entries.at(-1)).toEqual({ start: 60, end: 100, label: "" });
    expect(inside.ok && inside.value.warnings).toEqual([{ line: 3, message: expect.stringContaining("runs to the end") }]);
    const past = parse("00:00:01\n00:00:02\n00:02:00\n", DURATION);
    expect(past.ok && past.value.entries).toHaveLength(1);
    expect(past.ok && past.value.warnings[0]?.message).toContain("dropped");
  });

  it("skips a pair whose OUT is not after its IN", () => {
    const result = parse("00:00:05\n00:00:02\n00:00:06\n00:00:07\r\n", DURATION);
    expect(result.ok && result.value.entries).toEqual([{ start: 6, end: 7, label: "" }]);
    expect(result.ok && result.value.warnings[0]).toEqual({ line: 2, message: "line 2: OUT is not after IN on line 1" });
  });

  it("fails on text with no timestamp at all", () => {
    expect(parse("", DURATION).ok).toBe(false);
    expect(parse("# IN,OUT (seconds)\n1,2\n", DURATION).ok).toBe(false);
  });

  it("round-trips", () => {
    const entries = [
      { start: 1.5, end: 4, label: "" },
      { start: 0.25, end: 1, label: "" },
    ];
    expect(serialize(entries)).toBe("00:00:01.500\n00:00:04.000\n00:00:00.250\n00:00:01.000\n");
    const back = parse(serialize(entries), DURATION);
    expect(back.ok && back.value.entries).toEqual(entries);
  });
});
