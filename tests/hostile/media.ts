// The hostile media: broken, odd and unusual files, made with native ffmpeg, each with what the
// page must do when it is opened (tests/e2e/hostile-media.spec.ts opens every one).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const HOSTILE_DIR = join(import.meta.dirname, "..", ".generated", "hostile");

/** What opening a file must give: a refusal that says this, or an open whose facts line says this. */
export type Expected = { refused: string } | { facts: string; cutShort?: { readable: number; claimed: number } };

export interface HostileFile {
  name: string;
  path: string;
  expected: Expected;
}

const ffmpeg = (args: string[]) => execFileSync("ffmpeg", ["-v", "error", "-y", ...args]);
const probe = (args: string[], path: string) => execFileSync("ffprobe", ["-v", "error", ...args, path]).toString();

const SECONDS = 30;
const PICTURE = `testsrc2=size=320x240:rate=25:duration=${SECONDS}`;
const SOUND = `sine=frequency=440:sample_rate=48000:duration=${SECONDS}`;
const SHORT = "testsrc2=size=320x240:rate=25:duration=3";
const H264 = ["-c:v", "libx264", "-preset", "veryfast", "-g", "50", "-pix_fmt", "yuv420p"];
const INDEX_CUT = "its index (the part of an MP4 that says where each frame is) is missing";

function made(name: string, make: (path: string) => void): string {
  const path = join(HOSTILE_DIR, name);
  if (!existsSync(path)) make(path);
  return path;
}

/**
 * Where a file cut after `size` bytes stops being readable, by native ffprobe on the whole file:
 * the earliest frame of any packet whose bytes reach past the cut, from the first video frame.
 */
function readableAfterCut(whole: string, size: number): number {
  const rows = probe(["-show_entries", "packet=stream_index,pts_time,pos,size", "-of", "csv=p=0"], whole)
    .trim()
    .split("\n")
    .map((line) => line.split(",").map(Number) as [number, number, number, number])
    .filter(([, pts]) => Number.isFinite(pts));
  const first = Math.min(...rows.filter(([stream]) => stream === 0).map(([, pts]) => pts));
  const cut = rows.filter(([, , , pos = 0]) => pos > 0).filter(([, , bytes, pos]) => pos + bytes > size);
  return Math.min(...cut.map(([, pts]) => pts)) - first;
}

/** A 30 s H.264/AAC MP4 with its index at the front (`faststart`) or at the end, cut at `percent`. */
function truncated(at: "front" | "end", percent: number): HostileFile {
  const whole = made(`whole-${at}.mp4`, (path) =>
    ffmpeg(["-f", "lavfi", "-i", PICTURE, "-f", "lavfi", "-i", SOUND, ...H264, "-c:a", "aac", ...(at === "front" ? ["-movflags", "+faststart"] : []), path]),
  );
  const bytes = readFileSync(whole);
  const size = Math.floor((bytes.length * percent) / 100);
  const name = `cut-${percent}-index-at-${at}.mp4`;
  const path = made(name, (p) => writeFileSync(p, bytes.subarray(0, size)));
  const expected: Expected =
    at === "end" ? { refused: `${name}: ${INDEX_CUT}` } : { facts: "H.264 320×240 25 fps", cutShort: { readable: readableAfterCut(whole, size), claimed: SECONDS } };
  return { name, path, expected };
}

/** Every hostile file, made once into tests/.generated/hostile/. */
export function makeHostileMedia(): HostileFile[] {
  mkdirSync(HOSTILE_DIR, { recursive: true });
  const file = (name: string, expected: Expected, make: (path: string) => void): HostileFile => ({ name, path: made(name, make), expected });
  return [
    file("empty.mp4", { refused: "empty.mp4: the file is empty" }, (p) => writeFileSync(p, "")),
    truncated("front", 5),
    truncated("front", 50),
    truncated("end", 5),
    truncated("end", 50),
    file("notes.mp4", { refused: "notes.mp4: not a video or sound file this page can read" }, (p) =>
      writeFileSync(p, "Shopping list\nmilk, eggs\n".repeat(200)),
    ),
    file("picture.mp4", { refused: "picture.mp4: has no duration" }, (p) =>
      ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=64x64", "-frames:v", "1", "-f", "image2", "-c:v", "png", p]),
    ),
    // Frames 70 ms and 30 ms apart in turn: 20 fps on average, never for two frames running.
    file("variable-rate.mp4", { facts: "H.264 320×240 variable (about 20 fps)" }, (p) =>
      ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=320x240:rate=20,settb=1/1000,setpts='N*50+mod(N,2)*20'", "-t", "5",
        "-fps_mode", "passthrough", ...H264, "-video_track_timescale", "1000", p]),
    ),
    // Filmed upright on a phone: stored 320×240, shown turned a quarter (ffmpeg 5 sets that on a copy only).
    file("rotated.mp4", { facts: "H.264 320×240 25 fps" }, (p) => {
      ffmpeg(["-f", "lavfi", "-i", SHORT, ...H264, `${p}.upright.mp4`]);
      ffmpeg(["-i", `${p}.upright.mp4`, "-c", "copy", "-metadata:s:v:0", "rotate=90", p]);
      rmSync(`${p}.upright.mp4`);
    }),
    file("ten-bit.mp4", { facts: "H.264 320×240 25 fps 10-bit" }, (p) =>
      ffmpeg(["-f", "lavfi", "-i", SHORT, "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p10le", p]),
    ),
    file("hevc.mp4", { facts: "H.265 320×240 25 fps" }, (p) =>
      ffmpeg(["-f", "lavfi", "-i", SHORT, "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-tag:v", "hvc1", p]),
    ),
    // Two pictures and two sounds: the first of each is what the page cuts.
    file("two-of-each.mkv", { facts: "H.264 320×240 25 fps" }, (p) =>
      ffmpeg(["-f", "lavfi", "-i", SHORT, "-f", "lavfi", "-i", "testsrc=size=160x120:rate=30:duration=3",
        "-f", "lavfi", "-i", "sine=frequency=440:duration=3", "-f", "lavfi", "-i", "sine=frequency=880:duration=3",
        "-map", "0", "-map", "1", "-map", "2", "-map", "3", ...H264, "-c:a", "libopus", p]),
    ),
    file("broadcast.ts", { facts: "H.264 320×240 25 fps" }, (p) =>
      ffmpeg(["-f", "lavfi", "-i", SHORT, "-f", "lavfi", "-i", "sine=frequency=440:duration=3", ...H264, "-c:a", "aac", "-f", "mpegts", p]),
    ),
  ];
}
