import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { previewImport } from "../../src/core/edits-import";
import * as backup from "../../src/core/formats/project-backup";
import { READERS } from "../../src/core/formats/registry";
import { parseProbe } from "../../src/core/media-info";
import { applyIndex } from "../../src/core/source-index";
import { sampleInfo, oneSource } from "../unit/sample-info";

// Every way text from outside comes in, held to three rules: it never throws, no time that comes
// out is not finite, and no key that comes out reaches a prototype. (Stored records go through
// checkProject, property-tested in tests/unit/project-validation.test.ts; launch files are read
// by previewImport and the probe, both here.)

const PROTOTYPES = new Set<unknown>([Object.prototype, Array.prototype, null]);
const RESERVED = ["__proto__", "constructor", "prototype"];

/** Every number in `value` finite, every object plain, no own key that names a prototype. */
function sound(value: unknown, path = "result"): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? null : `${path} is ${value}`;
  if (typeof value !== "object" || value === null) return null;
  if (!PROTOTYPES.has(Object.getPrototypeOf(value))) return `${path} has a foreign prototype`;
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === "string" && RESERVED.includes(key)) return `${path} has its own "${key}" key`;
    const found = sound((value as Record<string, unknown>)[key as string], `${path}.${String(key)}`);
    if (found) return found;
  }
  return null;
}

afterEach(() => {
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

const hostileNumber = fc.constantFrom("1e308", "-1e308", "1e309", "-0", "5e-324", "NaN", "Infinity", "0x10", "1_000", "9007199254740993", "-1");
const hostileText = fc.constantFrom(...RESERVED, "", "\u0000", "\uFEFF", "\r", "\u2028", "🎬", "x".repeat(5_000));
const hostileKey = fc.constantFrom(...RESERVED, "clips", "files", "start", "end", "position", "reader", "path", "file_id", "id", "title");
const plainTime = fc.oneof(fc.nat(100).map(String), fc.double({ min: -10, max: 1e4, noNaN: true }).map(String));
const time = fc.oneof({ weight: 3, arbitrary: plainTime }, hostileNumber, fc.constantFrom("00:00:01.500", "1:23.5", "99:99:99.999", "00:00:01:12"));

/** JSON with hostile keys and numbers written as text (so that 1e309 and -0 arrive as JSON.parse reads them). */
const hostileJson: fc.Arbitrary<string> = fc
  .letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      hostileNumber.filter((n) => /^-?\d/.test(n) && !n.includes("x") && !n.includes("_")),
      hostileText.map((t) => JSON.stringify(t)),
      fc.constantFrom("null", "true", "0", "1", "2.5"),
      fc.array(tie("value"), { maxLength: 4 }).map((items) => `[${items.join(",")}]`),
      fc
        .array(fc.tuple(fc.oneof(hostileKey, fc.string({ maxLength: 4 })), tie("value")), { maxLength: 6 })
        .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`),
    ),
  }))
  .value;

/** OpenShot projects: the shape osp.parse reads, with hostile values in every field. */
const ospText = fc
  .record({
    files: fc.array(fc.record({ id: fc.oneof(fc.constantFrom("F1", "F2"), hostileJson), path: fc.oneof(fc.constantFrom('"talk.mp4"', '"/x/talk.mp4"'), hostileJson) }), { maxLength: 3 }),
    clips: fc.array(
      fc.record({
        file_id: fc.oneof(fc.constantFrom('"F1"', '"F2"'), hostileJson),
        position: fc.oneof(time.filter((t) => /^-?[\d.e]+$/.test(t)), hostileJson),
        start: fc.oneof(time.filter((t) => /^-?[\d.e]+$/.test(t)), hostileJson),
        end: fc.oneof(time.filter((t) => /^-?[\d.e]+$/.test(t)), hostileJson),
        title: hostileJson,
      }),
      { maxLength: 5 },
    ),
    extra: fc.array(fc.tuple(hostileKey, hostileJson), { maxLength: 3 }),
  })
  .map(({ files, clips, extra }) => {
    const object = (fields: [string, string][]) => `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`;
    const fileList = files.map((f) => object([["id", f.id.startsWith('"') || f.id.startsWith("{") || f.id.startsWith("[") ? f.id : JSON.stringify(f.id)], ["path", f.path]]));
    const clipList = clips.map((c) => object(Object.entries(c)));
    return object([["files", `[${fileList.join(",")}]`], ["clips", `[${clipList.join(",")}]`], ...extra]);
  });

/** CSV, logs and EDLs: lines of times, labels, separators and garbage. */
const lines = fc
  .array(
    fc.oneof(
      fc.tuple(time, time).map(([a, b]) => `${a},${b}`),
      fc.tuple(time, time, fc.oneof(fc.string(), hostileText)).map(([a, b, l]) => `${a},${b},${l}`),
      time,
      fc.constantFrom("# IN,OUT", "IN,OUT", "start,end", "TITLE: x", "FCM: DROP FRAME", "001  AX  V  C  00:00:01:00 00:00:02:00 00:00:00:00 00:00:01:00"),
      fc.constantFrom('<mlt><playlist id="main"><entry in="', '" out="', '"/></playlist></mlt>', "<producer>", "0:00:01.000", "1.5 2.5 0"),
      fc.tuple(fc.constantFrom("001", "002"), time, time).map(([n, a, b]) => `${n}  AX  V  C  ${a} ${b} 00:00:00:00 00:00:01:00`),
      fc.string(),
      hostileText,
    ),
    { maxLength: 25 },
  )
  .chain((ls) => fc.constantFrom("\n", "\r\n", "\r").map((eol) => ls.join(eol)));

const anyText = fc.oneof(lines, ospText, hostileJson, fc.string({ unit: "binary" }));
const INFO = sampleInfo();

describe("every way in, property-tested", () => {
  const parsers: [string, (text: string) => unknown][] = [
    // Every format the page reads, as the registry lists them: CSV, logs, EDLs, OpenShot, Shotcut…
    ...READERS.map((format): [string, (text: string) => unknown] => [format.name, (t) => format.reader.parse(t, oneSource(INFO))]),
    ["import preview (also what a launch with an edit list reads)", (t) => previewImport("list", t, oneSource(INFO))],
    ["backup", (t) => backup.parse(t, { newId: () => "fresh", now: 1 })],
  ];

  it.each(parsers)("%s: never throws, every time finite, no key reaching a prototype", (_, parse) => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parse(text) as { ok: boolean; error?: string };
        expect(sound(result)).toBeNull();
        if (!result.ok) expect(result.error).toMatch(/\S/);
      }),
      { numRuns: 300 },
    );
  });

  it("import preview: every clip lies in the source, OUT after IN", () => {
    fc.assert(
      fc.property(fc.oneof(lines, ospText), (text) => {
        const result = previewImport("list", text, oneSource(INFO));
        if (!result.ok) return;
        for (const e of result.value.entries) {
          expect(e.start).toBeGreaterThanOrEqual(0);
          expect(e.end).toBeLessThanOrEqual(INFO.duration);
          expect(e.end).toBeGreaterThan(e.start);
        }
      }),
      { numRuns: 300 },
    );
  });

  // A file opened (from the picker, a drop or a launch) is described by ffprobe's JSON.
  const probeJson = fc
    .record({
      streams: fc.array(
        fc.record({
          codec_type: fc.oneof(fc.constantFrom('"video"', '"audio"'), hostileJson),
          avg_frame_rate: fc.oneof(fc.constantFrom('"25/1"', '"0/0"', '"1e308/1"', '"2000/99"'), hostileJson),
          width: fc.oneof(fc.constantFrom("320", "1e308", "-1"), hostileJson),
          height: fc.oneof(fc.constantFrom("240", "0"), hostileJson),
          sample_rate: fc.oneof(fc.constantFrom('"48000"', '"NaN"'), hostileJson),
          time_base: fc.oneof(fc.constantFrom('"1/12800"', '"0/0"'), hostileJson),
          start_time: fc.oneof(fc.constantFrom('"0.000000"', '"1e308"', '"-5"'), hostileJson),
          tags: hostileJson,
        }),
        { maxLength: 3 },
      ),
      duration: fc.oneof(fc.constantFrom('"30.000000"', '"1e308"', '"1e309"', '"NaN"', '"-1"'), hostileJson),
      start: fc.oneof(fc.constantFrom('"0"', '"1e308"'), hostileJson),
      tags: hostileJson,
    })
    .map(({ streams, duration, start, tags }) => {
      const object = (fields: [string, string][]) => `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`;
      const format = object([["format_name", '"mov,mp4"'], ["duration", duration], ["start_time", start], ["tags", tags]]);
      return object([["streams", `[${streams.map((s) => object(Object.entries(s))).join(",")}]`], ["format", format]]);
    });

  it("probe: never throws, every number finite, no key reaching a prototype", () => {
    fc.assert(
      fc.property(probeJson, fc.string(), (json, keyframes) => {
        const result = parseProbe("talk.mp4", json, keyframes);
        expect(sound(result)).toBeNull();
        if (!result.ok) return;
        const indexed = applyIndex(result.value, { keyframes: [0], readable: { end: 1, cut: true }, frameTimes: null });
        expect(sound(indexed)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});
