import { defineConfig } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { STATIC_HOST_DIR, STATIC_HOST_PATH } from "./tests/e2e/static-host";

// Playwright's own browser download does not work here: use Debian's Chromium (or CHROMIUM_PATH).
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const port = Number(process.env.PORT ?? 4173);
const staticPort = port + 7;
mkdirSync(STATIC_HOST_DIR, { recursive: true });

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  timeout: 180_000,
  expect: { timeout: 60_000 },
  workers: 1,
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    acceptDownloads: true,
  },
  projects: [
    {
      // The app as `npm start` serves it (with isolation headers); no service worker in the way.
      name: "app",
      testIgnore: /(static-host|streamed-download)\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${port}/`, serviceWorkers: "block" },
    },
    {
      // dist/ from a plain static server that sends no special headers, under a sub-path.
      name: "static-host",
      testMatch: /(static-host|streamed-download)\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${staticPort}${STATIC_HOST_PATH}`, serviceWorkers: "allow" },
    },
  ],
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // Python's own static server, as a person serving dist/ from a USB stick would run it.
      command: `python3 -m http.server ${staticPort} --bind 127.0.0.1 --directory ${STATIC_HOST_DIR}`,
      url: `http://127.0.0.1:${staticPort}/`,
      // It logs every request.
      stderr: "ignore",
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
