import { FFmpeg } from "@ffmpeg/ffmpeg";
import coreURL from "@ffmpeg/core?url";
import wasmURL from "@ffmpeg/core/wasm?url";
import mtCoreURL from "@ffmpeg/core-mt?url";
import mtWasmURL from "@ffmpeg/core-mt/wasm?url";
import mtWorkerURL from "@ffmpeg/core-mt/worker?url";
import type { EngineInfo, ThreadChoice } from "./media-api";

/** What to load, and why when it is not the default. */
export interface EngineChoice {
  threads: ThreadChoice;
  note: string;
}

export interface Engine {
  ffmpeg: FFmpeg;
  info: EngineInfo;
}

const SELF_TEST_TIMEOUT_MS = 20_000;

/**
 * Encodes a few generated frames with libx264: the multi-thread core must pass this to be used.
 * A 64×64 test passed where real exports then crashed; at 720×720 the failure shows here.
 */
async function selfTest(ffmpeg: FFmpeg, faulted: Promise<never>): Promise<void> {
  const size = 720;
  const frames = 10;
  const yuv = new Uint8Array(((size * size * 3) / 2) * frames).map((_, i) => (i * 7) % 251);
  await ffmpeg.writeFile("/self-test.yuv", yuv);
  const args = ["-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", `${size}x${size}`, "-r", "8", "-i", "/self-test.yuv"];
  const run = ffmpeg.exec([...args, "-c:v", "libx264", "-preset", "veryfast", "-y", "/self-test.mp4"]);
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error("the test encode hung")), SELF_TEST_TIMEOUT_MS),
  );
  const code = await Promise.race([run, timeout, faulted]);
  if (code !== 0) throw new Error(`the test encode exited with ${code}`);
  const out = await ffmpeg.readFile("/self-test.mp4");
  if (out.length === 0) throw new Error("the test encode wrote nothing");
  await ffmpeg.deleteFile("/self-test.yuv");
  await ffmpeg.deleteFile("/self-test.mp4");
}

async function tryMultiThread(faulted: () => Promise<never>): Promise<FFmpeg> {
  const ffmpeg = new FFmpeg();
  try {
    await Promise.race([ffmpeg.load({ coreURL: mtCoreURL, wasmURL: mtWasmURL, workerURL: mtWorkerURL }), faulted()]);
    await selfTest(ffmpeg, faulted());
    return ffmpeg;
  } catch (error) {
    ffmpeg.terminate();
    throw error;
  }
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Loads ffmpeg.wasm from our own origin. `faulted` rejects when one of the core's threads dies. The single-thread core is the dependable default; the
 * multi-thread one is used only on a cross-origin isolated page where it passes a real encode.
 */
export async function startEngine(choice: EngineChoice, faulted: () => Promise<never>): Promise<Engine> {
  const began = performance.now();
  const seconds = () => (performance.now() - began) / 1000;
  let note = choice.note || "multi-thread core needs a cross-origin isolated page";
  if (choice.threads === "auto" && self.crossOriginIsolated) {
    try {
      const ffmpeg = await tryMultiThread(faulted);
      return { ffmpeg, info: { threads: "multi", note: "passed its self-test encode", loadSeconds: seconds() } };
    } catch (error) {
      note = `multi-thread core failed its self-test: ${reason(error)}`;
    }
  }
  const ffmpeg = new FFmpeg();
  await ffmpeg.load({ coreURL, wasmURL });
  return { ffmpeg, info: { threads: "single", note, loadSeconds: seconds() } };
}
