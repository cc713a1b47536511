import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectFormat, previewImport } from "../../src/core/edits-import";
import * as csv from "../../src/core/formats/edits-csv";
import { READERS, WRITERS } from "../../src/core/formats/registry";
import { sampleInfo, oneSource } from "./sample-info";

const INFO = sampleInfo({ fileName: "counter.mp4" });

describe("the format registry", () => {
  it.each([
    ["# IN,OUT (seconds)\n0.901,6.573\n", "csv"],
    ["# IN,OUT (seconds)\n0.92,2.52,\n4.12,6.32,\"second, with a comma\"\n", "csv"],
    ["start,end,label\n1,2,a\n", "csv"],
    ["1,2\n3,4\n", "csv"],
    [",56.9568,First segment starting at 0\n70,842.33,\"Another quoted label\"\n1234,,Last segment\n", "losslesscut"],
    ["0.3,6.573,\n12,15.25,\"say \"\"hi\"\", then\"\n", "losslesscut"],
    ["5.3   7.1    0\n15    16.7   1\n420   422    0\n", "mplayer-edl"],
    ["12.5 30 3\r\n", "mplayer-edl"],
    ["00:00:01.000\n00:00:02.000,\n", "log"],
    ["TITLE: cut\nFCM: NON-DROP FRAME\n", "edl"],
    ['{"clips": []}', "osp"],
    ['<?xml version="1.0" standalone="no"?>\n<mlt LC_NUMERIC="C" version="7.19.0">\n</mlt>\n', "mlt"],
  ])("tells %j apart as %s", (text, id) => {
    expect(detectFormat(text)).toBe(id);
  });

  it("names each format in the preview", () => {
    const result = previewImport("a.csv", "1,2,x\n3,4,y\n", oneSource(INFO));
    expect(result.ok && result.value.format).toBe("losslesscut");
    expect(READERS.find((f) => f.id === "losslesscut")?.name).toBe("LosslessCut CSV");
  });

  it("lists the export controls in order, each with its own name and file", () => {
    expect(WRITERS.map((f) => [f.writer.action, f.writer.suffix])).toEqual([
      ["Export CSV", "-edits.csv"],
      ["Export .osp", ".osp"],
      ["Export EDL", ".edl"],
      ["Export LosslessCut CSV", "-losslesscut.csv"],
      ["Export YouTube chapters", "-chapters.txt"],
      ["Export Shotcut project", ".mlt"],
    ]);
  });

  it("keeps our own edits.csv ours, byte for byte, even when its rows have three columns", () => {
    const text = '# IN,OUT (seconds)\n0.92,2.52,\n4.12,6.32,"second, with a comma"\n';
    const back = csv.parse(text);
    expect(detectFormat(text)).toBe("csv");
    expect(back.ok && csv.serialize(back.value.entries)).toBe(text);
  });

  describe.each(READERS.map((f) => [f.id, f] as const))("%s never throws", (_, format) => {
    const samples = [
      "1,2,a\n,3,b\n4,,c\n",
      "5.3 7.1 0\n15 16.7 1\n",
      '"a,b",1,2\n"',
      "1 2 3 4\n",
      '<mlt><chain id="c"><property name="resource">counter.mp4</property><property name="mlt_service">avformat</property></chain><playlist id="p"><entry producer="c" in="1" out="00:00:02.000"/></playlist><tractor><track producer="p"/></tractor></mlt>',
    ];
    const mutated = fc
      .tuple(fc.constantFrom(...samples), fc.nat(40), fc.nat(6), fc.string({ maxLength: 6 }))
      .map(([text, at, cut, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice((at % (text.length + 1)) + cut));
    it("on random and mutated text", () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), mutated), (text) => {
          const result = format.reader.parse(text, oneSource(INFO));
          if (!result.ok) expect(result.error).toMatch(/\S/);
          else expect(result.value.entries.every((e) => Number.isFinite(e.start) && e.end > e.start)).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  });
});
