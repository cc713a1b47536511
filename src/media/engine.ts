import { FFmpeg } from "@ffmpeg/ffmpeg";
import coreURL from "@ffmpeg/core?url";
import wasmURL from "@ffmpeg/core/wasm?url";
import mtCoreURL from "@ffmpeg/core-mt?url";
import mtWasmURL from "@ffmpeg/core-mt/wasm?url";
import mtWorkerURL from "@ffmpeg/core-mt/worker?url";
import type { EngineInfo } from "./media-api";

export interface Engine {
  ffmpeg: FFmpeg;
  info: EngineInfo;
}

const SELF_TEST_TIMEOUT_MS = 20_000;

/** Encodes a few generated frames with libx264: the multi-thread core must pass this to be used. */
async function selfTest(ffmpeg: FFmpeg): Promise<void> {
  const size = 64;
  const frames = 8;
  const yuv = new Uint8Array(((size * size * 3) / 2) * frames).map((_, i) => (i * 7) % 251);
  await ffmpeg.writeFile("/self-test.yuv", yuv);
  const args = ["-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", `${size}x${size}`, "-r", "8", "-i", "/self-test.yuv"];
  const run = ffmpeg.exec([...args, "-c:v", "libx264", "-preset", "veryfast", "-y", "/self-test.mp4"]);
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error("the test encode hung")), SELF_TEST_TIMEOUT_MS),
  );
  const code = await Promise.race([run, timeout]);
  if (code !== 0) throw new Error(`the test encode exited with ${code}`);
  const out = await ffmpeg.readFile("/self-test.mp4");
  if (out.length === 0) throw new Error("the test encode wrote nothing");
  await ffmpeg.deleteFile("/self-test.yuv");
  await ffmpeg.deleteFile("/self-test.mp4");
}

async function tryMultiThread(): Promise<FFmpeg> {
  const ffmpeg = new FFmpeg();
  try {
    await ffmpeg.load({ coreURL: mtCoreURL, wasmURL: mtWasmURL, workerURL: mtWorkerURL });
    await selfTest(ffmpeg);
    return ffmpeg;
  } catch (error) {
    ffmpeg.terminate();
    throw error;
  }
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Loads ffmpeg.wasm from our own origin. The single-thread core is the dependable default; the
 * multi-thread one is used only on a cross-origin isolated page where it passes a real encode.
 */
export async function startEngine(): Promise<Engine> {
  const began = performance.now();
  const seconds = () => (performance.now() - began) / 1000;
  let note = "multi-thread core needs a cross-origin isolated page";
  if (self.crossOriginIsolated) {
    try {
      const ffmpeg = await tryMultiThread();
      return { ffmpeg, info: { threads: "multi", note: "passed its self-test encode", loadSeconds: seconds() } };
    } catch (error) {
      note = `multi-thread core failed its self-test: ${reason(error)}`;
    }
  }
  const ffmpeg = new FFmpeg();
  await ffmpeg.load({ coreURL, wasmURL });
  return { ffmpeg, info: { threads: "single", note, loadSeconds: seconds() } };
}
