import type { Page } from "@playwright/test";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");
const COMLINK = join(ROOT, "node_modules", "comlink", "dist", "umd", "comlink.js");

/** A clip for the driver: its file (an index into the files given) and its IN and OUT. */
export interface JoinClip {
  source: number;
  start: number;
  end: number;
}

export interface Joined {
  engine: string;
  note: string;
  /** From the render call to its answer, in the page. */
  seconds: number;
}

/**
 * Exports clips of several files through the built media worker (dist/assets), as the export
 * panel asks it: the files picked in an input of the test's own, each probed by the worker, one
 * render into memory, the MP4 downloaded to `saveAs`. The bench's lossless join times the engine
 * alone this way, without the page's marking in the measure (the e2e proofs go through the page);
 * the context must bypass the page's CSP for Comlink's script (`bypassCSP`).
 */
export async function exportJoined(page: Page, files: readonly string[], clips: readonly JoinClip[], mode: string, saveAs: string): Promise<Joined> {
  const worker = readdirSync(join(ROOT, "dist", "assets")).find((name) => /^media-worker-.*\.js$/.test(name));
  if (!worker) throw new Error("no media worker in dist/assets: build first");
  await page.addScriptTag({ path: COMLINK });
  await page.evaluate(() => {
    // One input a page: an earlier export's is replaced.
    document.getElementById("join-driver-files")?.remove();
    const input = document.createElement("input");
    input.type = "file";
    input.multiple = true;
    input.id = "join-driver-files";
    input.hidden = true;
    document.body.append(input);
  });
  await page.locator("#join-driver-files").setInputFiles([...files]);
  const download = page.waitForEvent("download", { timeout: 600_000 });
  const result = await page.evaluate(
    async ({ url, clips, mode }) => {
      type Api = {
        start(): Promise<unknown>;
        probe(file: File): Promise<{ ok: boolean; value?: unknown; error?: string }>;
        render(request: unknown, destination: unknown, onProgress: unknown): Promise<{ ok: boolean; value?: { blob: Blob; engine: string; note: string }; error?: string }>;
      };
      const comlink = (globalThis as unknown as { Comlink: { wrap(w: Worker): Api; proxy<T>(f: T): T } }).Comlink;
      const api = comlink.wrap(new Worker(url, { type: "module" }));
      await api.start();
      const picked = [...((document.getElementById("join-driver-files") as HTMLInputElement).files ?? [])];
      const sources = [];
      for (const [i, file] of picked.entries()) {
        const info = await api.probe(file);
        if (!info.ok) return { error: info.error };
        sources.push({ id: `s${i}`, file, info: info.value });
      }
      const request = { sources, clips: clips.map((c, i) => ({ id: i + 1, source: `s${c.source}`, start: c.start, end: c.end, label: "" })), mode, droppedTracks: [] };
      const began = performance.now();
      const done = await api.render(request, { kind: "memory" }, comlink.proxy(() => undefined));
      const seconds = (performance.now() - began) / 1000;
      if (!done.ok || !done.value) return { error: done.error };
      const link = document.createElement("a");
      link.href = URL.createObjectURL(done.value.blob);
      link.download = "joined.mp4";
      link.click();
      return { engine: done.value.engine, note: done.value.note, seconds };
    },
    { url: `./assets/${worker}`, clips, mode },
  );
  if ("error" in result) throw new Error(`the export failed: ${result.error}`);
  await (await download).saveAs(saveAs);
  return result as Joined;
}
