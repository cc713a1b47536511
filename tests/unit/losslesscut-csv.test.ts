import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, serialize } from "../../src/core/formats/losslesscut-csv";

// LosslessCut's own example (its docs, "Import / export"; tests/fixtures/real-world/SOURCES.md),
// read by hand: the empty start is 0, the row without an end is a marker.
const DOCS_EXAMPLE = readFileSync(join(import.meta.dirname, "..", "fixtures", "real-world", "losslesscut", "import-export-example.csv"), "utf8");

describe("LosslessCut CSV", () => {
  it("reads LosslessCut's own example: an empty start is 0, a row without an end is a marker", () => {
    const result = parse(DOCS_EXAMPLE);
    expect(result.ok && result.value.entries).toEqual([
      { start: 0, end: 56.9568, label: "First segment starting at 0" },
      { start: 70, end: 842.33, label: "Another quoted label" },
    ]);
    expect(result.ok && result.value.warnings).toEqual([
      { line: 3, message: "line 3: a marker at 00:20:34.000 (no end), not a clip: left out" },
    ]);
  });

  it("names the line of a row it cannot read", () => {
    const result = parse("1,2,a\n3,x,b\n5,4,c\n6,7\n8,9,d\n");
    expect(result.ok && result.value.entries.map((e) => e.label)).toEqual(["a", "d"]);
    expect(result.ok && result.value.warnings.map((w) => w.line)).toEqual([2, 3, 4]);
    expect(result.ok && result.value.warnings[2]?.message).toBe("line 4: not start,end,name (three columns)");
  });

  it("writes start,end,name rows as LosslessCut does: no header, full precision, quoted where needed", () => {
    const entries = [
      { start: 0.1 + 0.2, end: 6.573, label: "" },
      { start: 12, end: 15.25, label: 'say "hi", then' },
    ];
    expect(serialize(entries)).toBe('0.30000000000000004,6.573,\n12,15.25,"say ""hi"", then"\n');
  });

  it("round-trips any list unchanged", () => {
    const entry = fc
      .record({
        // Times from a microsecond up: below that String() writes an exponent, which neither
        // LosslessCut nor we read as seconds.
        start: fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e5, noNaN: true })),
        length: fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
        label: fc.string().map((s) => s.replace(/[\r\n]/g, " ").trim()),
      })
      .map(({ start, length, label }) => ({ start, end: start + length, label }))
      .filter((e) => e.end > e.start);
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 20 }), (entries) => {
        const back = parse(serialize(entries));
        expect(back.ok && back.value).toEqual({ entries, warnings: [] });
      }),
    );
  });
});
