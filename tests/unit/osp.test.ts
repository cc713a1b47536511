import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pickProfile } from "../../src/core/formats/openshot-profiles";
import { baseName, parse, serialize } from "../../src/core/formats/osp";
import { spanFrames } from "../../src/core/frames";
import { AUDIO, sampleInfo, VIDEO, oneSource, onSource } from "./sample-info";

const OURS = join(import.meta.dirname, "..", "fixtures", "osp");
const SHARED = join(import.meta.dirname, "..", "..", "..", "shared", "fixtures", "osp");
const read = (dir: string, name: string) => readFileSync(join(dir, name), "utf8");
const OPENSHOT_WROTE = JSON.parse(read(OURS, "openshot-2.6.1-counter.osp")) as Record<string, unknown> & {
  clips: Record<string, unknown>[];
  files: Record<string, unknown>[];
};

function ids() {
  let n = 0;
  return () => `ID${String(n++).padStart(8, "0")}`;
}

const ENTRIES = [
  { start: 4.12, end: 6.32, label: "" },
  { start: 1.28, end: 2.68, label: "the intro" },
];
const ours = () => JSON.parse(serialize(onSource(ENTRIES), { ...oneSource(sampleInfo()), makeId: ids() }));

describe("OpenShot project import", () => {
  it("reads a project OpenShot itself wrote, in timeline order", () => {
    const result = parse(read(OURS, "openshot-2.6.1-counter.osp"));
    expect(result.ok && result.value.entries.map((e) => [e.start, e.end, e.sourceName, e.label])).toEqual([
      [4.12, 6.32, "counter.mp4", ""],
      [1.28, 2.68, "counter.mp4", ""],
      [8.52, 10.52, "counter.mp4", ""],
    ]);
  });

  it("warns, naming the clip, of a time curve or a stream switched off, which the import does not keep", () => {
    const point = (X: number, Y: number, interpolation = 0) => ({ co: { X, Y }, interpolation });
    const clip = (title: string, extra: Record<string, unknown>) => ({ position: 0, start: 1, end: 2, title, reader: { path: "a.mp4" }, ...extra });
    const project = {
      clips: [
        clip("as is", { time: { Points: [point(1, 1)] }, has_video: { Points: [point(1, -1)] } }),
        // OpenShot's 2× speed, its reverse, and a Bézier ease between two points on the diagonal.
        clip("fast", { time: { Points: [point(1, 1, 1), point(51, 101, 1)] } }),
        clip("reversed", { time: { Points: [point(1, 50, 1), point(50, 1, 1)] } }),
        clip("eased", { time: { Points: [point(1, 1), point(50, 50)] } }),
        clip("straight", { time: { Points: [point(1, 1, 1), point(50, 50, 1)] } }),
        clip("a.mp4", { has_video: { Points: [point(1, 0)] } }),
      ],
      files: [],
    };
    const result = parse(JSON.stringify(project));
    expect(result.ok && result.value.entries).toHaveLength(6);
    expect(result.ok && result.value.warnings.map((w) => w.message)).toEqual([
      'clip 2 "fast": its time curve (speed change or reverse): imported at normal speed',
      'clip 3 "reversed": its time curve (speed change or reverse): imported at normal speed',
      'clip 4 "eased": its time curve (speed change or reverse): imported at normal speed',
      'clip 6 "a.mp4": its picture is off (sound only): imported with picture',
    ]);
  });

  it("says nothing of the clips OpenShot itself wrote without effects", () => {
    const result = parse(read(OURS, "openshot-2.6.1-counter.osp"));
    expect(result.ok && result.value.warnings).toEqual([]);
  });

  it("reads real projects of OpenShot 2.5, 3.1 and 3.3, naming each clip's file", () => {
    const old = parse(read(SHARED, "real-2.5.1-three-cuts.osp"));
    expect(old.ok && old.value.entries.map((e) => e.start)).toEqual([0, 2.3, 11.066666666666666]);
    expect(old.ok && old.value.entries[0]?.sourceName).toBe("01.05.2020_11.01.24_REC.mp4");
    const two = parse(read(SHARED, "real-3.1.1-two-files.osp"));
    expect(two.ok && two.value.entries.map((e) => e.sourceName)).toEqual([
      "minetest-2024-04-21_09.42.24.mkv",
      "minetest-2024-04-21_09.47.02.mkv",
    ]);
    // 3.3.0: one clip trimmed to 3.433–96.333 s (../shared/fixtures/osp/README.md).
    const three = parse(read(SHARED, "real-3.3.0-one-clip.osp"));
    expect(three.ok && three.value.entries.map((e) => [e.start.toFixed(3), e.end.toFixed(3)])).toEqual([["3.433", "96.333"]]);
    // None of them changes speed or switches a stream off: nothing to warn of.
    expect([old, two, three].map((r) => r.ok && r.value.warnings)).toEqual([[], [], []]);
  });

  it("skips broken clips with a warning and refuses what is not a project", () => {
    const text = JSON.stringify({ clips: [{ position: 0, start: 1, end: 2, file_id: "A" }, { start: 1 }, 7], files: [{ id: "A", path: "C:\\v\\a.mp4" }] });
    const result = parse(text);
    expect(result.ok && result.value.entries).toEqual([{ start: 1, end: 2, label: "", sourceName: "a.mp4" }]);
    expect(result.ok && result.value.warnings.map((w) => w.message)).toEqual([
      "clip 2 has no position, start or end",
      "clip 3 is not an object",
    ]);
    expect(parse("{").ok).toBe(false);
    expect(parse("[]").ok).toBe(false);
    expect(parse('{"files": []}').ok).toBe(false);
  });
});

describe("OpenShot project export", () => {
  it("has every key OpenShot writes: project, file, clip and reader", () => {
    const project = ours();
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(project)).toEqual(keys(OPENSHOT_WROTE));
    expect(keys(project.files[0])).toEqual(keys(OPENSHOT_WROTE.files[0] as object));
    expect(keys(project.clips[0])).toEqual(keys(OPENSHOT_WROTE.clips[0] as object));
    expect(keys(project.clips[0].reader)).toEqual(keys(OPENSHOT_WROTE.clips[0]?.reader as object));
  });

  it("lays clips end to end on the first track, on the frame grid, titled by label or file", () => {
    const project = ours();
    expect(project.clips.map((c: Record<string, unknown>) => [c.position, c.start, c.end, c.layer, c.title])).toEqual([
      [0, expect.closeTo(4.12, 9), expect.closeTo(6.32, 9), 1000000, "talk.mp4"],
      [expect.closeTo(2.2, 9), expect.closeTo(1.28, 9), expect.closeTo(2.68, 9), 1000000, "the intro"],
    ]);
    expect(project.layers.map((l: { number: number }) => l.number)).toContain(project.clips[0].layer);
    expect(project.clips[0].file_id).toBe(project.files[0].id);
  });

  it("writes the frames each clip stands for, end to end", () => {
    const entries = [
      { start: 0.901, end: 6.573, label: "" },
      { start: 12.579, end: 15.916, label: "" },
    ];
    type Rate = { num: number; den: number };
    /** Each clip's [position, start, end] in frames of `rate`. */
    const inFrames = (rate: Rate) => {
      const info = sampleInfo({ duration: 20, streams: [{ ...VIDEO, frameRate: rate }, AUDIO] });
      const clips: { position: number; start: number; end: number }[] = JSON.parse(
        serialize(onSource(entries), { ...oneSource(info), makeId: ids() }),
      ).clips;
      return clips.map((c) => [c.position, c.start, c.end].map((t) => (t * rate.num) / rate.den));
    };
    const near = (rows: number[][]) => rows.map((row) => row.map((n) => expect.closeTo(n, 6)));
    // 0.901 s is frame 22.525 and 6.573 s frame 164.325: frames 23 to 163, then 314 to 397.
    expect(inFrames({ num: 25, den: 1 })).toEqual(near([[0, 23, 164], [141, 314, 398]]));
    // At 30000/1001: frames 27 to 196, then 377 to 476.
    expect(inFrames({ num: 30000, den: 1001 })).toEqual(near([[0, 27, 197], [170, 377, 477]]));
    const back = parse(serialize(onSource(entries), { ...oneSource(sampleInfo({ duration: 20 })), makeId: ids() }));
    const pal = { num: 25, den: 1 };
    expect(back.ok && back.value.entries.map((e) => spanFrames(e, pal))).toEqual(entries.map((e) => spanFrames(e, pal)));
  });

  it("copies the probe into the reader the way libopenshot reports it", () => {
    const reader = ours().clips[0].reader;
    expect(reader).toMatchObject({
      path: "talk.mp4",
      has_video: true,
      has_audio: true,
      width: 320,
      height: 240,
      fps: { num: 25, den: 1 },
      video_timebase: { num: 1, den: 12800 },
      audio_timebase: { num: 1, den: 48000 },
      video_length: "300",
      file_size: "413977",
      video_bit_rate: 34498,
      audio_bit_rate: 96204,
      channel_layout: 3,
      pixel_format: 0,
    });
    // Everything OpenShot put in its own reader for the same file, we put there too, equal.
    const theirs = OPENSHOT_WROTE.clips[0]?.reader as Record<string, unknown>;
    for (const key of ["fps", "video_timebase", "audio_timebase", "video_length", "channels", "sample_rate", "pixel_ratio", "display_ratio", "has_single_image", "interlaced_frame", "type"]) {
      expect(reader[key], key).toEqual(theirs[key]);
    }
  });

  it("names the version and a profile OpenShot knows", () => {
    const project = ours();
    expect(project.version).toEqual({ "openshot-qt": "2.6.1", libopenshot: "0.2.7" });
    expect(project.profile).toBe("QVGA 240p 25 fps");
    expect([project.width, project.height, project.fps]).toEqual([320, 240, { num: 25, den: 1 }]);
  });

  it("round-trips", () => {
    const text = serialize(onSource(ENTRIES), { ...oneSource(sampleInfo()), makeId: ids() });
    const back = parse(text);
    expect(back.ok && back.value.entries.map((e) => [e.start, e.end, e.label, e.sourceName])).toEqual([
      [expect.closeTo(4.12, 9), expect.closeTo(6.32, 9), "", "talk.mp4"],
      [expect.closeTo(1.28, 9), expect.closeTo(2.68, 9), "the intro", "talk.mp4"],
    ]);
  });
});

describe("profiles", () => {
  it("takes the exact profile, else the nearest size at the same rate and orientation", () => {
    expect(pickProfile(1920, 1080, { num: 30000, den: 1001 }).name).toBe("FHD 1080p 29.97 fps");
    expect(pickProfile(1920, 1080, { num: 25, den: 1 }).name).toBe("FHD PAL 1080p 25 fps");
    expect(pickProfile(1900, 1000, { num: 30, den: 1 }).name).toBe("FHD 1080p 30 fps");
    expect(pickProfile(1080, 1920, { num: 30, den: 1 }).name).toBe("FHD Vertical 1080p 30 fps");
    expect(pickProfile(640, 480, { num: 12, den: 1 }).name).toBe("HD 720p 30 fps");
  });
  it("splits paths of either separator", () => {
    expect(baseName("C:\\a\\b.mp4")).toBe("b.mp4");
    expect(baseName("./b.mp4")).toBe("b.mp4");
    expect(baseName("b.mp4")).toBe("b.mp4");
  });
});
