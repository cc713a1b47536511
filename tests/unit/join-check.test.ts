import { describe, expect, it } from "vitest";
import { joinProblem } from "../../src/core/join-check";
import type { MediaInfo } from "../../src/core/media-info";
import { AUDIO, sampleInfo, VIDEO } from "./sample-info";

const gopro = (fileName: string, video: Partial<typeof VIDEO> = {}, audio: (typeof AUDIO)[] = [AUDIO]): MediaInfo =>
  sampleInfo({ fileName, streams: [{ ...VIDEO, width: 3840, height: 2160, frameRate: { num: 30, den: 1 }, profile: "High", ...video }, ...audio] });

describe("joinProblem", () => {
  it("joins files of one format, whatever their frame rates and lengths", () => {
    expect(joinProblem([gopro("GOPR0001.MP4"), gopro("GP010001.MP4"), gopro("GP020001.MP4", { frameRate: { num: 60, den: 1 } })])).toBeNull();
    expect(joinProblem([gopro("GOPR0001.MP4")])).toBeNull();
    expect(joinProblem([])).toBeNull();
  });

  it("names the file whose picture differs, with its size and rate beside the others'", () => {
    const odd = gopro("GP020001.MP4", { width: 1920, height: 1080, frameRate: { num: 60, den: 1 } });
    expect(joinProblem([gopro("GOPR0001.MP4"), gopro("GP010001.MP4"), odd])).toBe(
      "GP020001.MP4 is 1920×1080 60 fps; the others are 3840×2160 30 fps",
    );
  });

  it("names the first file when only two are joined", () => {
    const odd = gopro("b.mp4", { width: 1920, height: 1080 });
    expect(joinProblem([gopro("a.mp4"), odd])).toBe("b.mp4 is 1920×1080 30 fps; a.mp4 is 3840×2160 30 fps");
  });

  it("names the codec and profile when they differ", () => {
    expect(joinProblem([gopro("a.mp4"), gopro("b.mp4", { profile: "Main" })])).toBe("b.mp4 is H.264 Main 3840×2160 30 fps; a.mp4 is H.264 High 3840×2160 30 fps");
    expect(joinProblem([gopro("a.mp4"), gopro("b.mp4", { codec: "hevc", profile: "Main" })])).toContain("b.mp4 is H.265 Main");
    // A profile the probe did not read (a project stored before it was) matches any.
    expect(joinProblem([gopro("a.mp4"), gopro("b.mp4", { profile: undefined })])).toBeNull();
  });

  it("names a pixel format of another bit depth", () => {
    expect(joinProblem([gopro("a.mp4"), gopro("b.mp4", { pixelFormat: "yuv420p10le" })])).toBe("b.mp4 is 3840×2160 30 fps 10-bit; a.mp4 is 3840×2160 30 fps");
  });

  it("names sound of another rate, channels or track count, and a file without sound", () => {
    const mono = { ...AUDIO, sampleRate: 44100, channels: 1 };
    expect(joinProblem([gopro("a.mp4"), gopro("b.mp4", {}, [mono])])).toBe("b.mp4 has AAC 44.1 kHz mono; a.mp4 has AAC 48 kHz stereo");
    expect(joinProblem([gopro("a.mp4"), gopro("b.mp4", {}, [])])).toBe("b.mp4 has no sound; a.mp4 has AAC 48 kHz stereo");
    expect(joinProblem([gopro("a.mp4"), gopro("b.mp4", {}, [AUDIO, AUDIO])])).toBe(
      "b.mp4 has AAC 48 kHz stereo and AAC 48 kHz stereo; a.mp4 has AAC 48 kHz stereo",
    );
  });

  it("gives picture and sound together when both differ", () => {
    const small = gopro("GP020001.MP4", { width: 1920, height: 1080, frameRate: { num: 60, den: 1 } }, []);
    expect(joinProblem([gopro("GOPR0001.MP4"), gopro("GP010001.MP4"), small])).toBe(
      "GP020001.MP4 is 1920×1080 60 fps with no sound; the others are 3840×2160 30 fps with AAC 48 kHz stereo",
    );
  });

  it("says the first file is as it is when the others are not all alike", () => {
    const message = joinProblem([gopro("a.mp4"), gopro("b.mp4", { width: 1920, height: 1080 }), gopro("c.mp4", {}, [])]);
    expect(message).toBe("b.mp4 is 1920×1080 30 fps; a.mp4 is 3840×2160 30 fps");
  });
});
