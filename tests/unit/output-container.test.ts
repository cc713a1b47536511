import { describe, expect, it } from "vitest";
import { asOutputContainer, containerRefusal, hasEditLists, webmRefusal } from "../../src/core/output-container";
import { planJoinCopy, shownWithoutEdits, type CopyPlan, type PacketInfo } from "../../src/core/packet-cut";
import { PacketIndex } from "../../src/core/packet-index";
import { AUDIO, sampleInfo, VIDEO } from "./sample-info";

const VP9_OPUS = sampleInfo({ streams: [{ ...VIDEO, codec: "vp9" }, { ...AUDIO, codec: "opus" }] });
const H264_AAC = sampleInfo();

describe("container choice", () => {
  it("offers WebM only where the video is VP8, VP9 or AV1 and every kept sound Opus or Vorbis, saying why not", () => {
    expect(webmRefusal(VP9_OPUS, [])).toBeNull();
    expect(webmRefusal(H264_AAC, [])).toBe("WebM holds VP8, VP9 or AV1 video, not H264");
    const aacToo = sampleInfo({ streams: [{ ...VIDEO, codec: "av1" }, { ...AUDIO, codec: "opus" }, { ...AUDIO, index: 2, codec: "aac" }] });
    expect(webmRefusal(aacToo, [])).toBe("WebM holds Opus or Vorbis sound, not AAC");
    // The AAC track left out (Tracks), the rest fits.
    expect(webmRefusal(aacToo, [2])).toBeNull();
  });

  it("refuses a re-encode into WebM (it writes H.264 and AAC), and nothing into MP4, MOV or MKV", () => {
    expect(containerRefusal("webm", "reencode", VP9_OPUS, [])).toMatch(/^Re-encode writes H\.264 and AAC, which a WebM cannot hold/);
    expect(containerRefusal("webm", "smart", VP9_OPUS, [])).toBeNull();
    for (const container of ["mp4", "mov", "mkv"] as const) expect(containerRefusal(container, "reencode", H264_AAC, [])).toBeNull();
  });

  it("reads a saved choice back only when it is one of the four; edit lists are ISOBMFF's", () => {
    expect(["mp4", "mkv", "mov", "webm", "avi", 3, null].map(asOutputContainer)).toEqual(["mp4", "mkv", "mov", "webm", null, null, null]);
    expect((["mp4", "mov", "mkv", "webm"] as const).map(hasEditLists)).toEqual([true, true, false, false]);
  });
});

const FPS = 25;
const frame = (pts: number, key = false): PacketInfo => ({ pts: pts / FPS, duration: 1 / FPS, key });
/** Decode order of a B-pyramid GOP: I0 P4 B2 b1 b3 P8 B6 b5 b7, then I9. */
const PYRAMID = [frame(0, true), frame(4), frame(2), frame(1), frame(3), frame(8), frame(6), frame(5), frame(7), frame(9, true)];

describe("a copy without edit lists (Matroska)", () => {
  it("ends where no packet it must copy is shown at or past OUT", () => {
    const index = new PacketIndex(PYRAMID);
    // OUT after frame 5: b5 is decoded after P8 and B6, which would show past OUT; so the copy ends at 4.
    expect(shownWithoutEdits(index, 0, 6 / FPS) * FPS).toBeCloseTo(5);
    // OUT on the anchors: nothing decoded before them is shown later.
    expect(shownWithoutEdits(index, 0, 5 / FPS) * FPS).toBeCloseTo(5);
    expect(shownWithoutEdits(index, 0, 9 / FPS) * FPS).toBeCloseTo(9);
    // OUT after frame 2: B2 and b1 are decoded after P4, so only I0 is kept.
    expect(shownWithoutEdits(index, 0, 3 / FPS) * FPS).toBeCloseTo(1);
  });

  it("plans the shortened clips and says by how much", () => {
    const tables = [{ video: PYRAMID, audio: [], end: 10 / FPS }];
    const plan = planJoinCopy(tables, [{ start: 0, end: 6 / FPS, source: 0 }, { start: 0, end: 5 / FPS, source: 0 }], false) as CopyPlan;
    expect(plan.shortened.map((s) => ({ clip: s.clip, frames: Math.round(s.by * FPS) }))).toEqual([{ clip: 0, frames: 1 }]);
    expect(plan.video.map((c) => [c.from, c.to, Math.round(c.mediaLength * FPS)])).toEqual([[0, 5, 5], [0, 5, 5]]);
    // With edit lists the same clip copies up to b5, the references past OUT hidden.
    const edited = planJoinCopy(tables, [{ start: 0, end: 6 / FPS, source: 0 }]) as CopyPlan;
    expect(edited.shortened).toEqual([]);
    expect(edited.video[0]?.to).toBe(8);
  });

  it("refuses a keyframe with frames shown before it (an open GOP), which only an edit list hides", () => {
    const open = [frame(0, true), frame(3, true), frame(1), frame(2), frame(4)];
    expect(planJoinCopy([{ video: open, audio: [], end: 5 / FPS }], [{ start: 3 / FPS, end: 5 / FPS, source: 0 }], false)).toEqual({ leading: 0 });
  });
});
