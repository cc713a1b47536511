import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beepExpression, calibratePsnr, identifyFrames, JOINED_BASE, SYNC_FPS, SYNC_SIZE, syncLumaExpression, syncOffsets } from "./frame-oracle";

export const FIXTURE_DIR = join(import.meta.dirname, "..", ".generated");
export const COUNTER = join(FIXTURE_DIR, "counter.mp4");
export const SILENT = join(FIXTURE_DIR, "silent.mp4");
/** 8 s of a 440 Hz tone with exact silences between (seconds): the truth for Detect silence. */
export const PAUSES = join(FIXTURE_DIR, "pauses.mp4");
export const PAUSE_TRUTH = [
  { start: 2.0123, end: 3.5071 },
  { start: 5.0037, end: 6.2589 },
];
/** 8 s at 25 fps whose frames BLACK_FRAMES (first, after last) are filled black: the truth for Detect black frames. */
export const BLACK = join(FIXTURE_DIR, "black.mp4");
export const BLACK_FPS = 25;
export const BLACK_FRAMES = [
  [0, 3],
  [53, 78],
  [151, 161],
] as const;
export const NOT_MEDIA = join(FIXTURE_DIR, "notes.pdf");
export const LONG = join(FIXTURE_DIR, "long.mp4");
/** Smooth pictures (ffmpeg's testsrc2) for OpenShot's render check, whose frame match wants little noise. */
export const SMOOTH = join(FIXTURE_DIR, "smooth.mp4");
/** MPEG-2 in an MPEG program stream: ffmpeg reads it, Chromium cannot play it. */
export const NO_PREVIEW = join(FIXTURE_DIR, "archive.mpg");
/** MPEG-PS long enough that ffmpeg.wasm (the only engine that reads it) is still at work when cancelled. */
export const LONG_NO_PREVIEW = join(FIXTURE_DIR, "long-archive.mpg");
/**
 * Flash and beep on every whole second, each frame's index in a code band (frame-oracle.ts):
 * x264 High with its default B-frames and pyramid, keyframes 2-3 s apart and not evenly.
 */
export const SYNC = join(FIXTURE_DIR, "sync.mp4");
/**
 * A second recording of SYNC's format (H.264 High 320×240 25 fps, AAC 48 kHz stereo), 10 s, its
 * frames numbered from JOINED_BASE on, its keyframes elsewhere; x264 keeps two reference frames,
 * not three, so its parameter sets differ from SYNC's and a join must carry them in-band.
 */
export const SYNC_B = join(FIXTURE_DIR, "sync-b.mp4");
export const SYNC_B_KEYFRAMES = [0, 1.72, 4.2, 6.36, 8.6];
/** SYNC_B beeps at 1.5 kHz (SYNC at 1 kHz): a join's sound says which file it came from. */
export const SYNC_B_PITCH = 1500;
/** Another format: 640×360 (16:9) at 50 fps, no sound, 6 s: it joins the others by re-encoding alone. */
export const OTHER_FORMAT = join(FIXTURE_DIR, "other-format.mp4");
export const OTHER_FORMAT_SIZE = { width: 640, height: 360, fps: 50 } as const;
/** SYNC's streams as other recorders write them: copied into Matroska, QuickTime and MPEG-TS (OBS's choices). */
export const SYNC_REMUXED = ["mkv", "mov", "ts"].map((ext) => join(FIXTURE_DIR, `sync.${ext}`));
/**
 * SYNC as a DVD or a capture card writes it: MPEG-2 with B-frames (closed GOPs of 28 frames) and
 * MP2 sound in an MPEG program stream, which only ffmpeg.wasm reads.
 */
export const SYNC_PS = join(FIXTURE_DIR, "sync.mpg");
/** An OBS-style recording: SYNC's picture, its sound as three titled AAC tracks, and an SRT. */
export const TRACKS = join(FIXTURE_DIR, "tracks.mkv");
const TRACKS_SRT = join(FIXTURE_DIR, "tracks.srt");
/**
 * SYNC's picture with three audio tracks as OBS writes them, titled Game, Mic and Music: each
 * beeps at every flash, at 1, 1.5 and 2 kHz so each output track is known for its source's, Music
 * at 44.1 kHz (its own packet length). In MKV (copied from SYNC) and with the picture as MPEG-2,
 * which only ffmpeg.wasm cuts.
 */
export const TRACK_SYNC = ["h264", "mpeg2"].map((kind) => join(FIXTURE_DIR, `tracks-sync-${kind}.mkv`));
export const TRACK_SYNC_TRACKS = [
  { title: "Game", pitch: 1000, rate: 48000 },
  { title: "Mic", pitch: 1500, rate: 48000 },
  { title: "Music", pitch: 2000, rate: 44100 },
] as const;
/** SYNC re-encoded to VP9 and Opus in WebM: what a browser records. */
export const SYNC_WEBM = join(FIXTURE_DIR, "sync.webm");
/**
 * SYNC re-encoded to AV1 by SVT-AV1 (its hierarchical frames, hidden ones inside temporal units, a
 * shown keyframe every 2 s), in MP4 with SYNC's AAC and the same video in WebM with Opus.
 */
export const SYNC_AV1 = ["mp4", "webm"].map((ext) => join(FIXTURE_DIR, `sync-av1.${ext}`));
/** SYNC's first 4 s in 10-bit AV1 (Main profile) and Opus in Matroska: a depth this Chromium cannot encode. */
export const SYNC_AV1_10BIT = join(FIXTURE_DIR, "sync-av1-10bit.mkv");
/** A 2-hour lecture: 30 fps H.264 (a keyframe every 10 s) and 48 kHz mono AAC, 337,500 sound packets. */
export const LECTURE = join(FIXTURE_DIR, "lecture.mp4");
export const LECTURE_SECONDS = 7200;
/** Sound only: AAC in an .m4a. */
export const TONE = join(FIXTURE_DIR, "tone.m4a");
/**
 * A screen recording's variable rate: 2 s at 30 fps, then 2 s at 10 fps (80 frames), a keyframe
 * at least every second. Its nominal rate (ffprobe's average, about 21 fps) counts frames wrongly
 * in both parts. In H.264, and in MPEG-4 Part 2, which only ffmpeg.wasm cuts.
 */
export const TWO_RATES = join(FIXTURE_DIR, "two-rates.mp4");
export const TWO_RATES_MPEG4 = join(FIXTURE_DIR, "two-rates-mpeg4.mp4");
/**
 * An action camera's split recording, named as GoPro numbers the parts: three small MP4s of one
 * format (160×120 25 fps H.264, AAC), each its own picture and length (4, 3 and 2 s).
 */
export const CAMERA_PARTS = [
  { name: "GP010001.MP4", seconds: 4, picture: "testsrc2" },
  { name: "GP020001.MP4", seconds: 3, picture: "smptebars" },
  { name: "GP030001.MP4", seconds: 2, picture: "rgbtestsrc" },
].map((part) => ({ ...part, path: join(FIXTURE_DIR, "camera", part.name) }));
export const SYNC_FRAMES = 500;
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
// SVT_LOG=1: SVT-AV1 prints its settings to stderr whatever ffmpeg's -v says; errors only.
const ffmpeg = (args: string[]) => execFileSync("ffmpeg", ["-v", "error", "-y", ...args], { env: { ...process.env, SVT_LOG: "1" } });

/** Makes the end-to-end test media with native ffmpeg, once. */
export function makeFixtures(): void {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  if (!existsSync(PAUSES)) {
    const loud = "(lt(t\\,2.0123)+gte(t\\,3.5071)*lt(t\\,5.0037)+gte(t\\,6.2589))"; // commas escaped for the filter graph
    const tone = `aevalsrc=0.5*sin(2*PI*440*t)*${loud}:s=48000:d=8`;
    ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=64x64:rate=25:duration=8", "-f", "lavfi", "-i", tone,
      "-c:v", "libx264", "-preset", "veryfast", "-c:a", "aac", "-b:a", "96k", "-shortest", PAUSES]);
  }
  if (!existsSync(COUNTER)) {
    const tone = "sine=frequency=440:sample_rate=48000:duration=12";
    ffmpeg(["-f", "lavfi", "-i", PATTERN, "-f", "lavfi", "-i", tone, ...H264, "-sc_threshold", "0",
      "-c:a", "aac", "-ac", "2", "-b:a", "96k", "-shortest", COUNTER]);
  }
  if (!existsSync(BLACK)) {
    const black = BLACK_FRAMES.map(([first, end]) => `between(n,${first},${end - 1})`).join("+");
    ffmpeg(["-f", "lavfi", "-i", `testsrc2=size=160x120:rate=${BLACK_FPS}:duration=8,drawbox=c=black:t=fill:enable='${black}'`,
      "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=8", ...H264, "-c:a", "aac", "-shortest", BLACK]);
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
  if (!existsSync(LONG_NO_PREVIEW)) {
    ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=30", "-c:v", "mpeg2video", "-q:v", "4", "-f", "mpeg", LONG_NO_PREVIEW]);
  }
  if (!existsSync(SYNC)) makeSync();
  if (!existsSync(SYNC_B)) makeSyncB();
  if (!existsSync(OTHER_FORMAT)) {
    const { width, height, fps } = OTHER_FORMAT_SIZE;
    ffmpeg(["-f", "lavfi", "-i", `testsrc2=size=${width}x${height}:rate=${fps}:duration=6`, ...H264, "-pix_fmt", "yuv420p", OTHER_FORMAT]);
  }
  for (const path of SYNC_REMUXED) if (!existsSync(path)) ffmpeg(["-i", SYNC, "-c", "copy", path]);
  if (!existsSync(TRACKS)) {
    writeFileSync(TRACKS_SRT, "1\n00:00:01,000 --> 00:00:02,000\nHello\n\n");
    const titles = ["Game", "Mic", "Music"].flatMap((title, i) => [`-metadata:s:a:${i}`, `title=${title}`]);
    ffmpeg(["-i", SYNC, "-i", TRACKS_SRT, "-t", "4", "-map", "0:v", "-map", "0:a", "-map", "0:a", "-map", "0:a", "-map", "1",
      "-c", "copy", "-c:s", "srt", ...titles, "-metadata:s:s:0", "title=English", "-metadata:s:s:0", "language=eng", TRACKS]);
  }
  const seconds = SYNC_FRAMES / SYNC_FPS;
  const beeping = TRACK_SYNC_TRACKS.flatMap(({ pitch, rate }) => ["-f", "lavfi", "-i", `aevalsrc='${beepExpression(pitch)}':s=${rate}:c=stereo:d=${seconds}`]);
  const titled = TRACK_SYNC_TRACKS.flatMap(({ title }, i) => ["-map", `${i + 1}:a`, `-metadata:s:a:${i}`, `title=${title}`]);
  const mpeg2 = ["mpeg2video", "-q:v", "2", "-bf", "2", "-g", "30", "-flags", "+cgop", "-sc_threshold", "1000000000"];
  for (const [path, video] of [[TRACK_SYNC[0], ["copy"]], [TRACK_SYNC[1], mpeg2]] as const) {
    if (!existsSync(path as string)) ffmpeg(["-i", SYNC, ...beeping, "-map", "0:v", ...titled, "-c:v", ...video, "-c:a", "aac", "-b:a", "128k", path as string]);
  }
  if (!existsSync(SYNC_PS)) {
    ffmpeg(["-i", SYNC, "-c:v", "mpeg2video", "-q:v", "2", "-bf", "2", "-g", "30", "-flags", "+cgop", "-sc_threshold", "1000000000",
      "-c:a", "mp2", "-b:a", "192k", "-f", "mpeg", SYNC_PS]);
  }
  if (!existsSync(SYNC_WEBM)) {
    ffmpeg(["-i", SYNC, "-c:v", "libvpx-vp9", "-b:v", "1M", "-deadline", "realtime", "-cpu-used", "8", "-g", "60",
      "-c:a", "libopus", SYNC_WEBM]);
  }
  const [av1Mp4, av1Webm] = SYNC_AV1 as [string, string];
  if (!existsSync(av1Mp4)) {
    // Preset 12 (the fastest) keeps the global setup quick.
    ffmpeg(["-i", SYNC, "-c:v", "libsvtav1", "-preset", "12", "-crf", "35", "-g", "50", "-c:a", "copy", av1Mp4]);
  }
  if (!existsSync(av1Webm)) ffmpeg(["-i", av1Mp4, "-c:v", "copy", "-c:a", "libopus", av1Webm]);
  if (!existsSync(SYNC_AV1_10BIT)) {
    ffmpeg(["-i", SYNC, "-t", "4", "-c:v", "libsvtav1", "-preset", "12", "-crf", "35", "-g", "50", "-pix_fmt", "yuv420p10le",
      "-c:a", "libopus", SYNC_AV1_10BIT]);
  }
  if (!existsSync(TONE)) ffmpeg(["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=8", "-c:a", "aac", "-b:a", "96k", TONE]);
  if (!existsSync(LECTURE)) makeLongRecording(LECTURE, LECTURE_SECONDS);
  const codecs = [[TWO_RATES, "-c:v", "libx264", "-preset", "veryfast"], [TWO_RATES_MPEG4, "-c:v", "mpeg4", "-q:v", "5"]] as const;
  for (const [path, ...codec] of codecs) {
    if (existsSync(path)) continue;
    // Times in 1/3000 s: 100 a frame at 30 fps, 300 at 10 fps; passthrough keeps them as given.
    const times = "settb=1/3000,setpts='if(lt(N\\,60)\\,N*100\\,6000+(N-60)*300)'";
    ffmpeg(["-f", "lavfi", "-i", `testsrc2=size=320x240:rate=30,${times}`, "-frames:v", "80", "-fps_mode", "passthrough",
      ...codec, "-force_key_frames", "expr:gte(t,n_forced)", "-video_track_timescale", "3000", path]);
  }
  mkdirSync(join(FIXTURE_DIR, "camera"), { recursive: true });
  for (const { path, seconds, picture } of CAMERA_PARTS) {
    if (existsSync(path)) continue;
    ffmpeg(["-f", "lavfi", "-i", `${picture}=size=160x120:rate=${FPS}:duration=${seconds}`, "-f", "lavfi", "-i",
      `sine=frequency=440:sample_rate=48000:duration=${seconds}`, ...H264, "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", path]);
  }
  writeFileSync(NOT_MEDIA, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
}

/**
 * A recording `seconds` long in a few seconds: a minute of tiny video and a minute of sound, each
 * encoded once and repeated by `-stream_loop` into one MP4 without re-encoding. Looped apart, so
 * that neither stream's joins shift the other's times (the video stays at a constant rate).
 */
export function makeLongRecording(path: string, seconds: number): void {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  const video = join(FIXTURE_DIR, "minute-video.mp4");
  const sound = join(FIXTURE_DIR, "minute-sound.m4a");
  ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=160x90:rate=30:duration=60", "-c:v", "libx264", "-preset", "ultrafast", "-g", "300",
    "-b:v", "20k", video]);
  ffmpeg(["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=60", "-c:a", "aac", "-ac", "1", "-b:a", "16k", sound]);
  const loops = String(Math.ceil(seconds / 60) - 1);
  ffmpeg(["-stream_loop", loops, "-i", video, "-stream_loop", loops, "-i", sound, "-map", "0:v", "-map", "1:a", "-c", "copy",
    "-t", String(seconds), path]);
  rmSync(video);
  rmSync(sound);
}

/** Keyframes of SYNC (s): gaps of 63, 53, 69, 62, 61, 57, 65 and 55 frames. */
const SYNC_KEYFRAMES = "0,2.52,4.64,7.4,9.88,12.32,14.6,17.2,19.4";

/** SYNC's picture and sound for `seconds`, its frames numbered from `base` on, its beeps at `pitch`, as lavfi inputs. */
function syncInputs(seconds: number, base = 0, pitch = 1000): string[] {
  const { width, height } = SYNC_SIZE;
  const picture = `color=c=black:s=${width}x${height}:r=${SYNC_FPS}:d=${seconds},format=yuv420p,` +
    `geq=lum='${syncLumaExpression(base)}':cb=128:cr=128`;
  const sound = `aevalsrc='${beepExpression(pitch)}':s=48000:c=stereo:d=${seconds}`;
  return ["-f", "lavfi", "-i", picture, "-f", "lavfi", "-i", sound];
}

/** SYNC_B, checked as SYNC is: every frame reads back its own number. */
function makeSyncB(): void {
  const draft = join(FIXTURE_DIR, "sync-b-draft.mp4");
  ffmpeg([...syncInputs(10, JOINED_BASE, SYNC_B_PITCH), "-c:v", "libx264", "-profile:v", "high", "-x264-params", "ref=2",
    "-g", "75", "-keyint_min", "50", "-sc_threshold", "0", "-force_key_frames", SYNC_B_KEYFRAMES.join(","),
    "-c:a", "aac", "-b:a", "128k", "-shortest", draft]);
  const wrong = identifyFrames(draft, [SYNC, draft]).flatMap((code, i) => (code === JOINED_BASE + i ? [] : [`frame ${i} reads ${code}`]));
  if (wrong.length > 0) throw new Error(`SYNC_B: ${wrong.slice(0, 5).join(", ")}`);
  renameSync(draft, SYNC_B);
}

/** SYNC, written under another name and moved into place only once the oracle reads it back exactly. */
function makeSync(): void {
  const draft = join(FIXTURE_DIR, "sync-draft.mp4");
  const seconds = SYNC_FRAMES / SYNC_FPS;
  // No -bf and no preset: x264's defaults (3 B-frames, b-pyramid). -g above every forced gap, so
  // the forced list alone places the keyframes; no scene cut at the flashes.
  ffmpeg([...syncInputs(seconds), "-c:v", "libx264", "-profile:v", "high",
    "-g", "75", "-keyint_min", "50", "-sc_threshold", "0", "-force_key_frames", SYNC_KEYFRAMES,
    "-c:a", "aac", "-b:a", "128k", "-shortest", draft]);
  const frames = identifyFrames(draft, draft);
  const wrong = frames.flatMap((code, i) => (code === i ? [] : [`frame ${i} reads ${code}`]));
  if (frames.length !== SYNC_FRAMES || wrong.length > 0) {
    throw new Error(`SYNC: ${frames.length} frames; ${wrong.slice(0, 5).join(", ")}`);
  }
  const offsets = syncOffsets(draft, draft);
  // One sample at 48 kHz is 0.021 ms; allow a few for AAC's smoothing of the onset.
  if (offsets.length !== seconds || offsets.some((ms) => !(Math.abs(ms) <= 0.1))) {
    throw new Error(`SYNC: sync offsets ${offsets.join(", ")} ms`);
  }
  calibratePsnr(draft, join(FIXTURE_DIR, "sync-calibration.mp4"));
  renameSync(draft, SYNC);
  rmSync(join(FIXTURE_DIR, "sync-calibration.mp4"), { force: true });
}
