import { describe, expect, it } from "vitest";
import { parsePacketTimes, planTrimProbes, trimmedEdits } from "../../src/core/lossless-trim";
import type { MovieTrack } from "../../src/core/mp4-edit-list";

// As ffmpeg joins them: the picture shown from 1 s on (an empty edit, then media from 0.04 s,
// the B-frame delay), the sound from 0 on. 25 fps, sound in 24 ms packets.
const TRACKS: MovieTrack[] = [
  { id: 1, kind: "video", played: [{ at: 0, duration: 1, media: null }, { at: 1, duration: 5, media: 0.04 }] },
  { id: 2, kind: "audio", played: [{ at: 0, duration: 6, media: 0 }] },
];
const sound = Array.from({ length: 250 }, (_, i) => i * 0.024);

describe("trimmedEdits", () => {
  it("shows each segment from its first frame for its clip's length, the sound from the packet nearest the same instant", () => {
    // Two segments in decode order: the second starts at media 2.04 (its keyframe), B-frames after their P.
    const videoTimes = [0.04, 0.16, 0.08, 0.12, 0.2, 2.04, 2.16, 2.08, 2.12];
    const edits = trimmedEdits(TRACKS, { counts: [5, 4], videoTimes, audioTimes: [sound], shown: [0.16, 0.12] });
    expect(edits?.get(1)).toEqual([
      { mediaTime: 0.04, duration: 0.16 },
      { mediaTime: 2.04, duration: 0.12 },
    ]);
    // Media 0.04 plays at 1 s and 2.04 at 3 s: the sound packets nearest are 1.008 and 3.0.
    expect(edits?.get(2)?.map((e) => Math.round(e.mediaTime * 1000))).toEqual([1008, 3000]);
    expect(edits?.get(2)?.map((e) => e.duration)).toEqual([0.16, 0.12]);
  });

  it("trims every audio track alike, each to its own packet nearest the picture", () => {
    const three: MovieTrack[] = [...TRACKS, { id: 3, kind: "audio", played: [{ at: 0, duration: 6, media: 0 }] }];
    // The second track's packets sit 10 ms later: its nearest packets are its own.
    const later = sound.map((t) => t + 0.01);
    const edits = trimmedEdits(three, { counts: [5, 4], videoTimes: [0.04, 0.16, 0.08, 0.12, 0.2, 2.04, 2.16, 2.08, 2.12], audioTimes: [sound, later], shown: [0.16, 0.12] });
    expect(edits?.get(2)?.map((e) => Math.round(e.mediaTime * 1000))).toEqual([1008, 3000]);
    expect(edits?.get(3)?.map((e) => Math.round(e.mediaTime * 1000))).toEqual([994, 3010]);
  });

  it("trims nothing when the segments' packets do not add up to the file's", () => {
    expect(trimmedEdits(TRACKS, { counts: [5, 3], videoTimes: [0, 1, 2, 3, 4, 5, 6, 7, 8], audioTimes: [sound], shown: [1, 1] })).toBeNull();
    expect(trimmedEdits(TRACKS, { counts: [1, 1], videoTimes: [0, Number.NaN], audioTimes: [sound], shown: [1, 1] })).toBeNull();
  });
});

describe("parsePacketTimes", () => {
  it("reads one time a line and skips the stream and format lines ffmpeg.wasm's ffprobe adds", () => {
    const csv = "0.040000,\n\n0.160000,\nN/A,\n1,0,0,0,und,VideoHandler\n/work/output.mp4,2,0,\"mov,mp4\",QuickTime\n";
    const times = parsePacketTimes(csv);
    expect(times.slice(0, 2)).toEqual([0.04, 0.16]);
    expect(times).toHaveLength(3);
    expect(Number.isNaN(times[2])).toBe(true);
  });
});

describe("planTrimProbes", () => {
  it("counts a segment's video packets, and reads the joined file's times as stored, into the answer file", () => {
    const probes = planTrimProbes("/work/answer.csv");
    expect(probes.videoPackets("/work/segment-0.mp4")).toEqual([
      ...["-v", "error", "-select_streams", "v:0", "-count_packets", "-show_entries", "stream=nb_read_packets"],
      ...["-of", "csv=p=0", "-o", "/work/answer.csv", "/work/segment-0.mp4"],
    ]);
    expect(probes.packetTimes("/work/output.mp4", "a:0")).toEqual([
      ...["-v", "error", "-ignore_editlist", "1", "-select_streams", "a:0", "-show_entries", "packet=pts_time"],
      ...["-of", "csv=p=0", "-o", "/work/answer.csv", "/work/output.mp4"],
    ]);
  });
});
