import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const FIXTURE_DIR = join(import.meta.dirname, "..", ".generated");
export const COUNTER = join(FIXTURE_DIR, "counter.mp4");
export const SILENT = join(FIXTURE_DIR, "silent.mp4");
export const NOT_MEDIA = join(FIXTURE_DIR, "notes.pdf");
export const LONG = join(FIXTURE_DIR, "long.mp4");
/** Smooth pictures (ffmpeg's testsrc2) for OpenShot's render check, whose frame match wants little noise. */
export const SMOOTH = join(FIXTURE_DIR, "smooth.mp4");
/** MPEG-2 in an MPEG program stream: ffmpeg reads it, Chromium cannot play it. */
export const NO_PREVIEW = join(FIXTURE_DIR, "archive.mpg");
export const FPS = 25;
export const KEYFRAME_EVERY = 1;

/**
 * ffmpeg's test pattern (with its counter) on top, and below it a band that shifts 41 px a frame,
 * so that every frame differs strongly from its neighbours and a boundary off by one shows.
 */
const PATTERN =
  `testsrc=size=320x240:rate=${FPS}:duration=12,format=yuv420p,` +
  "geq=lum='if(lt(Y\\,160)\\,lum(X\\,Y)\\,mod(X*3+N*41\\,256))':cb='cb(X\\,Y)':cr='cr(X\\,Y)'";
const H264 = ["-c:v", "libx264", "-preset", "veryfast", "-g", `${FPS * KEYFRAME_EVERY}`, "-keyint_min", `${FPS}`];
const ffmpeg = (args: string[]) => execFileSync("ffmpeg", ["-v", "error", "-y", ...args]);

/** Makes the end-to-end test media with native ffmpeg, once. */
export function makeFixtures(): void {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  if (!existsSync(COUNTER)) {
    const tone = "sine=frequency=440:sample_rate=48000:duration=12";
    ffmpeg(["-f", "lavfi", "-i", PATTERN, "-f", "lavfi", "-i", tone, ...H264, "-sc_threshold", "0",
      "-c:a", "aac", "-ac", "2", "-b:a", "96k", "-shortest", COUNTER]);
  }
  if (!existsSync(SILENT)) ffmpeg(["-f", "lavfi", "-i", PATTERN, ...H264, "-sc_threshold", "0", "-t", "6", SILENT]);
  // Long enough to re-encode that a cancel lands mid-export.
  if (!existsSync(LONG)) {
    ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30:duration=40", ...H264, "-pix_fmt", "yuv420p", LONG]);
  }
  if (!existsSync(SMOOTH)) {
    const tone = "sine=frequency=440:sample_rate=48000:duration=12";
    ffmpeg(["-f", "lavfi", "-i", `testsrc2=size=320x240:rate=${FPS}:duration=12`, "-f", "lavfi", "-i", tone, ...H264,
      "-pix_fmt", "yuv420p", "-c:a", "aac", "-ac", "2", "-b:a", "96k", "-shortest", SMOOTH]);
  }
  if (!existsSync(NO_PREVIEW)) {
    ffmpeg(["-f", "lavfi", "-i", PATTERN, "-c:v", "mpeg2video", "-q:v", "3", "-t", "4", "-f", "mpeg", NO_PREVIEW]);
  }
  writeFileSync(NOT_MEDIA, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
}
