import { describe, expect, it } from "vitest";
import { parse, serialize } from "../../src/core/formats/edits-csv";

const USER_FILE = "# IN,OUT (seconds)\n0.901,6.573\n8.242,11.912\n6.34,7.207\n";

describe("edits.csv", () => {
  it("reads the user's file, keeping rows that go back in time in file order", () => {
    expect(parse(USER_FILE)).toEqual({
      ok: true,
      value: {
        entries: [
          { start: 0.901, end: 6.573, label: "" },
          { start: 8.242, end: 11.912, label: "" },
          { start: 6.34, end: 7.207, label: "" },
        ],
        warnings: [],
      },
    });
  });

  it("accepts BOM, CRLF, comments, blank lines, a header row, spaces, timecodes and labels", () => {
    const text = '\uFEFFstart,end,label\r\n# pass one\r\n\r\n 1.5 , 00:00:03.250 , "Intro, part 1"\r\n0:10,0:12.5,outro\r\n';
    const result = parse(text);
    expect(result.ok && result.value.entries).toEqual([
      { start: 1.5, end: 3.25, label: "Intro, part 1" },
      { start: 10, end: 12.5, label: "outro" },
    ]);
  });

  it("skips an unreadable row with a warning naming its line", () => {
    const result = parse("# IN,OUT (seconds)\n1,2\nsoon,3\n5,4\n6,7\n");
    expect(result.ok && result.value.entries.map((e) => e.start)).toEqual([1, 6]);
    expect(result.ok && result.value.warnings).toEqual([
      { line: 3, message: expect.stringContaining("line 3: IN") },
      { line: 4, message: "line 4: OUT is not after IN" },
    ]);
  });

  it("fails with a message when nothing is a clip", () => {
    expect(parse("")).toEqual({ ok: false, error: "the file holds no clips" });
    expect(parse("%PDF-1.4\nstream").ok).toBe(false);
  });

  it("writes seconds to the millisecond without trailing zeros, labels only when any", () => {
    const entries = [
      { start: 0.9, end: 6.5731, label: "" },
      { start: 12, end: 15.25, label: "" },
    ];
    expect(serialize(entries)).toBe("# IN,OUT (seconds)\n0.9,6.573\n12,15.25\n");
    expect(serialize([{ start: 1, end: 2, label: 'say "hi", then' }])).toBe('# IN,OUT (seconds)\n1,2,"say ""hi"", then"\n');
  });

  it("round-trips", () => {
    const entries = [
      { start: 0.901, end: 6.573, label: "a" },
      { start: 6.34, end: 7.207, label: "b, c" },
    ];
    const back = parse(serialize(entries));
    expect(back.ok && back.value.entries).toEqual(entries);
  });
});
