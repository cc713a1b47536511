import { defineConfig } from "vitest/config";
import solid from "vite-plugin-solid";

// SharedArrayBuffer (the multi-thread ffmpeg core) needs a cross-origin isolated page.
const isolation = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

export default defineConfig({
  base: "./",
  plugins: [solid()],
  worker: { format: "es" },
  // ffmpeg.wasm spawns its own worker from a URL relative to its module; pre-bundling breaks that.
  optimizeDeps: { exclude: ["@ffmpeg/ffmpeg", "@ffmpeg/util"] },
  server: { headers: isolation },
  preview: { headers: isolation, port: 4173 },
  // Inlined as data: URLs, ffmpeg's worker scripts would lose our origin: keep every asset a file.
  build: { target: "es2022", assetsInlineLimit: 0 },
  // The core is pure: its tests need no DOM.
  test: { include: ["tests/unit/**/*.test.ts"], environment: "node" },
});
