import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, serialize } from "../../src/core/formats/shotcut-mlt";
import { spanFrames } from "../../src/core/frames";
import { AUDIO, sampleInfo, VIDEO, oneSource, onSource } from "./sample-info";

const REAL = join(import.meta.dirname, "..", "fixtures", "real-world", "shotcut");
const INFO = sampleInfo({ fileName: "talk.mp4" });
const NTSC = { num: 30000, den: 1001 };

describe("Shotcut project (MLT XML)", () => {
  it("reads a project Shotcut 23.09 saved: the first track's clip, the others counted", () => {
    const result = parse(readFileSync(join(REAL, "shotcut-23.09.29-example-3-images.mlt"), "utf8"), oneSource(INFO));
    // By hand from the file: at 1000/33 fps, V1's entry runs from 00:00:00.000 to the frame at
    // 00:00:11.418 (frame 346) inclusive, so it ends at frame 347, 11.451 s: the black
    // background's own length in the file. V2 holds four pictures; V3 only text on colour.
    expect(result.ok && result.value.entries).toEqual([
      { start: 0, end: expect.closeTo(11.451, 9), label: "", sourceName: "Cielito lindo_2.mp3" },
    ]);
    expect(result.ok && result.value.warnings.map((w) => w.message)).toEqual(["4 clips on track V2 left out"]);
  });

  it("writes each clip's frames at the source's rate, out inclusive, and reads them back", () => {
    const info = sampleInfo({ fileName: "talk.mp4", duration: 20, streams: [{ ...VIDEO, frameRate: NTSC }, AUDIO] });
    const entries = [
      { start: 0.901, end: 6.573, label: "a <b> & \"c\"" },
      { start: 12.579, end: 15.916, label: "" },
    ];
    const text = serialize(onSource(entries), oneSource({ ...info, fileName: "talk & more.mp4" }));
    // At 30000/1001: frames 27 to 196 (0.901 s is frame 27.0, 6.573 s frame 197.0), then 377 to 476.
    expect(text).toContain('<entry producer="chain0" in="27" out="196">');
    expect(text).toContain('<entry producer="chain0" in="377" out="476"/>');
    expect(text).toContain('frame_rate_num="30000" frame_rate_den="1001"');
    expect(text).toContain("<property name=\"resource\">talk &amp; more.mp4</property>");
    const back = parse(text, oneSource(info));
    expect(back.ok && back.value.entries.map((e) => [spanFrames(e, NTSC), e.label, e.sourceName])).toEqual([
      [{ first: 27, end: 197 }, 'a <b> & "c"', "talk & more.mp4"],
      [{ first: 377, end: 477 }, "", "talk & more.mp4"],
    ]);
  });

  it("reads clock and SMPTE times, and says a speed change is not kept", () => {
    const text = `<?xml version="1.0"?>
<mlt><profile frame_rate_num="25" frame_rate_den="1"/>
  <producer id="p0"><property name="resource">1.5:talk.mp4</property><property name="mlt_service">timewarp</property></producer>
  <chain id="c1"><property name="resource">/home/me/talk.mp4</property><property name="mlt_service">avformat</property>
    <filter><property name="mlt_service">brightness</property></filter></chain>
  <playlist id="playlist0"><entry producer="c1" in="00:00:01.000" out="00:00:01:24"/><blank length="10"/><entry producer="p0" in="50" out="74"/></playlist>
  <tractor><track producer="playlist0"/></tractor>
</mlt>`;
    const result = parse(text, oneSource(INFO));
    expect(result.ok && result.value.entries).toEqual([
      { start: 1, end: 2, label: "", sourceName: "talk.mp4" },
      { start: 2, end: 3, label: "", sourceName: "talk.mp4" },
    ]);
    expect(result.ok && result.value.warnings.map((w) => w.message)).toEqual([
      'clip 2 "talk.mp4": its speed (1.5×) is not kept: imported at normal speed',
    ]);
  });

  it("fails with a message for XML that holds no clip", () => {
    expect(parse("<mlt><playlist id='a'/></mlt>", oneSource(INFO))).toEqual({ ok: false, error: "the project has no clip of a media file on any track" });
    expect(parse("<html></html>", oneSource(INFO)).ok).toBe(false);
  });
});
