import { describe, expect, it } from "vitest";
import { bitDepthName, channelsName, codecName, containerName, webCodecName } from "../../src/core/format-names";

describe("containerName", () => {
  it("names ffmpeg's shared demuxers by the file's extension", () => {
    expect(containerName("mov,mp4,m4a,3gp,3g2,mj2", "talk.mp4")).toBe("MP4");
    expect(containerName("mov,mp4,m4a,3gp,3g2,mj2", "Clip.MOV")).toBe("QuickTime (MOV)");
    expect(containerName("mov,mp4,m4a,3gp,3g2,mj2", "no-extension")).toBe("MP4");
    expect(containerName("matroska,webm", "stream.mkv")).toBe("Matroska (MKV)");
    expect(containerName("matroska,webm", "clip.webm")).toBe("WebM");
  });

  it("names the others plainly, and never shows a list of demuxers", () => {
    expect(containerName("mpegts", "obs.ts")).toBe("MPEG-TS");
    expect(containerName("mpeg", "archive.mpg")).toBe("MPEG program stream");
    expect(containerName("avi", "old.avi")).toBe("AVI");
    expect(containerName("nut,other", "x.nut")).toBe("NUT");
    expect(containerName("", "x")).toBe("an unknown format");
  });
});

describe("codec, channel and bit depth names", () => {
  it("says them as people do", () => {
    expect(codecName("h264")).toBe("H.264");
    expect(codecName("pcm_s16le")).toBe("PCM");
    expect(codecName("rawvideo")).toBe("RAWVIDEO");
    expect(channelsName(1)).toBe("mono");
    expect(channelsName(2)).toBe("stereo");
    expect(channelsName(6)).toBe("6 channels");
    expect(bitDepthName("yuv420p")).toBeNull();
    expect(bitDepthName("yuvj420p")).toBeNull();
    expect(bitDepthName("yuv420p10le")).toBe("10-bit");
    expect(bitDepthName("p010le")).toBeNull();
  });

  it("says WebCodecs codec strings as people do, with a bit depth other than 8", () => {
    expect(webCodecName("avc1.640033")).toBe("H.264");
    expect(webCodecName("avc3.42e01f")).toBe("H.264");
    expect(webCodecName("vp09.00.41.08")).toBe("VP9");
    expect(webCodecName("vp09.02.41.10")).toBe("10-bit VP9");
    expect(webCodecName("av01.0.04M.08")).toBe("AV1");
    expect(webCodecName("av01.0.08M.10")).toBe("10-bit AV1");
    expect(webCodecName("av01.2.13H.12.0.110")).toBe("12-bit AV1");
    expect(webCodecName("hvc1.1.6.L93")).toBe("hvc1.1.6.L93");
  });
});
