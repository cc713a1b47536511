import { execFileSync } from "node:child_process";
import { mkdtempSync, openAsBlob, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ALL_FORMATS, BlobSource, EncodedPacketSink, Input } from "mediabunny";
import { afterAll, describe, expect, it } from "vitest";
import { sampleTimes } from "../../src/core/mp4-sample-times";
import { topLevelBoxes } from "../../src/core/mp4-faststart";

const dir = mkdtempSync(join(tmpdir(), "clipmark-sample-times-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A short picture made by native ffmpeg: `args` say how it is encoded and muxed. */
function make(name: string, args: string[], picture = "testsrc=size=64x48:rate=25:duration=3"): string {
  const path = join(dir, name);
  execFileSync("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", picture, ...args, path]);
  return path;
}

/** What the demuxer gives packet by packet: the oracle the tables must match number for number. */
async function walked(path: string): Promise<{ id: number; times: number[]; keys: number[] }> {
  const input = new Input({ source: new BlobSource(await openAsBlob(path)), formats: ALL_FORMATS });
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new Error(`${path} has no video`);
  const sink = new EncodedPacketSink(track);
  const times: number[] = [];
  const keys: number[] = [];
  for (let p = await sink.getFirstPacket({ metadataOnly: true }); p; p = await sink.getNextPacket(p, { metadataOnly: true })) {
    times.push(p.timestamp);
    if (p.type === "key") keys.push(p.timestamp);
  }
  input.dispose();
  return { id: track.id, times, keys };
}

function moovOf(path: string): Uint8Array {
  const file = new Uint8Array(readFileSync(path));
  const moov = topLevelBoxes(file)?.find((b) => b.type === "moov");
  if (!moov) throw new Error(`${path} has no moov`);
  return file.subarray(moov.start, moov.start + moov.size);
}

const X264 = ["-c:v", "libx264", "-pix_fmt", "yuv420p"];
const cases: [string, () => string][] = [
  // Three B-frames with pyramid: composition offsets (ctts) and an edit list shifting them back.
  ["B-frames with an edit list", () => make("bframes.mp4", [...X264, "-g", "12"])],
  // Frame times that change pace: 30 fps, then 10 fps.
  ["variable frame rate", () => make("vfr.mp4", [...X264, "-vf", "setpts='if(lt(N,30),N/30,1+(N-30)/10)/TB'", "-fps_mode", "passthrough", "-video_track_timescale", "90000"])],
  // Every frame a keyframe: no sync sample table at all.
  ["no stss, every frame a keyframe", () => make("intra.mp4", [...X264, "-g", "1"])],
  // A start one second late: an empty edit before the media.
  ["an empty edit before the media", () => make("late.mp4", [...X264, "-bf", "0", "-output_ts_offset", "1"])],
  ["QuickTime", () => make("clip.mov", [...X264, "-g", "30", "-f", "mov"])],
  ["29.97 fps", () => make("ntsc.mp4", [...X264], "testsrc=size=64x48:rate=30000/1001:duration=3")],
];

describe("an MP4's sample tables", () => {
  it.each(cases)("give every time the demuxer gives, packet by packet: %s", async (_, file) => {
    const path = file();
    const oracle = await walked(path);
    const tables = sampleTimes(moovOf(path), oracle.id);
    expect(tables).not.toBeNull();
    expect(Array.from(tables?.times ?? [])).toEqual(oracle.times);
    expect(tables?.keys).toEqual(oracle.keys);
  });

  it("tell nothing of a fragmented file or a track the movie lacks", async () => {
    const fragmented = make("fragmented.mp4", [...X264, "-g", "25", "-movflags", "frag_keyframe+empty_moov"]);
    expect(sampleTimes(moovOf(fragmented), 1)).toBeNull();
    const whole = make("whole.mp4", [...X264]);
    expect(sampleTimes(moovOf(whole), 7)).toBeNull();
    expect(sampleTimes(moovOf(whole).subarray(0, 40), 1)).toBeNull();
  });
});
