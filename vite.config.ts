import { defineConfig } from "vitest/config";
import solid from "vite-plugin-solid";
import { VitePWA } from "vite-plugin-pwa";
import { webManifest } from "./src/offline/web-manifest";
import { PAGE_POLICY } from "./src/offline/content-security";

// A cross-origin isolated page (precise timers, memory measurement). Where the host cannot send
// these, the service worker adds them (src/offline/service-worker.ts).
const isolation = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

/** The page's policy as a `<meta>`, in the build only: Vite's dev server injects inline code. */
const contentSecurity = {
  name: "content-security-policy",
  apply: "build" as const,
  transformIndexHtml: () => [
    { tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: PAGE_POLICY }, injectTo: "head-prepend" as const },
  ],
};

/**
 * No paint before the page's script has run: it sets the kept theme (src/ui/settings.ts), and the
 * page is empty until then anyway, so a paint before it could only flash the wrong background.
 */
const renderAfterScript = {
  name: "render-after-script",
  apply: "build" as const,
  transformIndexHtml: {
    order: "post" as const,
    handler: (html: string) => html.replace('<script type="module" crossorigin', '<script type="module" blocking="render" crossorigin'),
  },
};

export default defineConfig({
  base: "./",
  plugins: [
    solid(),
    contentSecurity,
    renderAfterScript,
    VitePWA({
      strategies: "injectManifest",
      srcDir: "src/offline",
      filename: "service-worker.ts",
      // Registered by src/offline/updates.ts, which also offers "Reload to update".
      injectRegister: false,
      manifest: webManifest,
      includeAssets: ["sample.mp4"],
      injectManifest: {
        globPatterns: ["**/*.{html,js,css,wasm,mp4,svg,png,webmanifest}"],
        // The ffmpeg core is about 32 MB.
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
      },
    }),
  ],
  worker: { format: "es" },
  // ffmpeg.wasm spawns its own worker from a URL relative to its module; pre-bundling breaks that.
  optimizeDeps: { exclude: ["@ffmpeg/ffmpeg", "@ffmpeg/util"] },
  server: { headers: isolation },
  preview: { headers: isolation, port: 4173 },
  // Inlined as data: URLs, ffmpeg's worker scripts would lose our origin: keep every asset a file.
  build: { target: "es2022", assetsInlineLimit: 0 },
  // The core is pure: its tests need no DOM.
  test: { include: ["tests/unit/**/*.test.ts", "tests/hostile/**/*.test.ts"], environment: "node" },
});
