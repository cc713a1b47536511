import { chromium, type BrowserContext, type CDPSession, type Page } from "@playwright/test";
import { expect, test } from "./test";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromiumArgs, chromiumPath } from "../../playwright.config";
import { COUNTER } from "./fixtures";
import { clipRows, markSeconds, press } from "./page";
import { frameCount, streams } from "./oracle";
import { deploy, deployNewVersion } from "./static-host";

// dist/ on Python's plain static server, under a sub-path, with no COOP/COEP or CSP headers.
test.beforeEach(() => deploy());

/** Fails the test on any request that leaves the page's origin, and on any CSP violation. */
function watchOrigin(context: BrowserContext, page: Page, origin: string) {
  const foreign: string[] = [];
  const violations: string[] = [];
  context.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("blob:") && !url.startsWith("data:")) foreign.push(url);
  });
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  return () => {
    expect(foreign).toEqual([]);
    expect(violations).toEqual([]);
  };
}

const offlineReady = (page: Page) =>
  expect(page.getByRole("status", { name: "Offline" })).toHaveText("Offline: ready, works without the network");

test("after one visit it works with the network gone: reload, open, mark, export", async ({ page, context, baseURL }) => {
  const checkOrigin = watchOrigin(context, page, new URL(baseURL as string).origin);
  await page.goto("./");
  // No headers from this host: the first visit is not isolated; the engine needs no isolation.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await expect(page.getByRole("status", { name: "Engine" })).toHaveText("Ready");
  await offlineReady(page);

  await context.setOffline(true);
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/team\/tools\/clipmark\/service-worker\.js$/);
  // The service worker's headers make the page isolated.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByRole("status", { name: "Engine" })).toHaveText("Ready");

  await page.getByRole("button", { name: "Open sample" }).click();
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Opened sample.mp4");
  await page.getByRole("heading", { name: "Clipmark" }).click();
  await press(page, "Shift+ArrowRight", 2);
  await markSeconds(page, 2);
  await expect(clipRows(page)).toHaveCount(1);

  const download = page.waitForEvent("download", { timeout: 170_000 });
  await page.getByRole("button", { name: "Export MP4" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("sample-cut.mp4");
  const path = join(test.info().outputDir, "sample-cut.mp4");
  await file.saveAs(path);
  expect(streams(path).map((s) => s.codec_type)).toEqual(["video", "audio"]);
  // Two seconds at 25 fps, from a keyframe (the sample has one a second).
  expect(frameCount(path)).toBe(50);
  checkOrigin();
});

/** A browser profile of its own: Chromium installs nothing from the incognito-like contexts Playwright makes. */
async function inProfile(baseURL: string, work: (page: Page, cdp: CDPSession) => Promise<void>): Promise<void> {
  const profile = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "clipmark-profile-")), {
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
  try {
    const page = profile.pages()[0] ?? (await profile.newPage());
    await page.goto(baseURL);
    await offlineReady(page);
    await work(page, await profile.newCDPSession(page));
  } finally {
    await profile.close();
  }
}

test("the manifest is complete and Chromium finds the app installable", async ({ baseURL }) => {
  await inProfile(baseURL as string, async (page, cdp) => {
    const manifest = await cdp.send("Page.getAppManifest");
    expect(manifest.url).toBe(`${baseURL}manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const data = JSON.parse(manifest.data ?? "{}") as {
      icons: { src: string; sizes: string; type: string; purpose: string }[];
      file_handlers: { accept: Record<string, string[]> }[];
    };
    expect(data).toMatchObject({ name: "Clipmark", short_name: "Clipmark", display: "standalone", start_url: "./", scope: "./" });
    expect(data).toHaveProperty("theme_color");
    expect(data.file_handlers.flatMap((handler) => Object.keys(handler.accept))).toEqual(
      expect.arrayContaining(["video/*", "audio/*", "text/csv"]),
    );
    expect(data.icons.filter((icon) => icon.purpose === "maskable")).toHaveLength(1);
    for (const icon of data.icons.filter((i) => i.type === "image/png")) {
      const png = await (await page.request.get(new URL(icon.src, manifest.url).href)).body();
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
    // The app is this copy at this path: another copy elsewhere on the host is another app.
    expect((await cdp.send("Page.getAppId")).appId).toBe(baseURL);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);

    // The page's policy is in force: an inline script does not run.
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "document.body.dataset.inline = 'ran'";
      document.head.append(script);
      return document.body.dataset.inline ?? "blocked";
    });
    expect(ran).toBe("blocked");
  });
});

test("installed, the app opens a video and an edit list the system hands it", async ({ baseURL }) => {
  const edits = join(test.info().outputDir, "edits.csv");
  mkdirSync(test.info().outputDir, { recursive: true });
  writeFileSync(edits, "# IN,OUT (seconds)\n1,2\n5,6.5\n");
  await inProfile(baseURL as string, async (page, cdp) => {
    const manifestId = baseURL as string;
    await cdp.send("PWA.install", { manifestId });
    const { fileHandlers } = await cdp.send("PWA.getOsAppState", { manifestId });
    expect(fileHandlers.flatMap((handler) => handler.accepts.map((accept) => accept.mediaType))).toEqual(
      expect.arrayContaining(["video/*", "text/csv"]),
    );
    // As the operating system does on "Open with Clipmark": the files arrive through the Launch Queue.
    await cdp.send("PWA.launchFilesInApp", { manifestId, files: [COUNTER, edits] });
    const apps = () => page.context().pages();
    // The app may open in a window of its own or in the page already open (launch_handler: focus-existing).
    const opened = async () => {
      for (const app of apps()) {
        if (await app.getByRole("dialog", { name: "Import edits.csv" }).isVisible()) return app;
      }
      return undefined;
    };
    await expect.poll(async () => Boolean(await opened()), { timeout: 60_000 }).toBe(true);
    const app = (await opened()) as Page;
    await expect(app.getByRole("region", { name: "Player" })).toContainText("counter.mp4");
    await expect(app.getByRole("table", { name: "Clips in the file" }).getByRole("row")).toHaveCount(3);
  });
});

test("a new version waits for “Reload to update”, which keeps the project", async ({ page, context }) => {
  // The ffmpeg core the service worker fetches for itself (to keep it), not what it serves from its cache.
  const cores: string[] = [];
  context.on("request", (request) => {
    if (request.serviceWorker() && request.url().endsWith(".wasm")) cores.push(request.url());
  });
  await page.goto("./");
  await offlineReady(page);
  // One core: the multi-thread one is not shipped.
  expect(new Set(cores).size).toBe(1);
  cores.length = 0;
  await page.getByRole("button", { name: "Open sample" }).click();
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Opened sample.mp4");
  await page.getByRole("heading", { name: "Clipmark" }).click();
  await markSeconds(page, 1);

  deployNewVersion();
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const update = page.getByRole("region", { name: "Update" });
  await expect(update).toBeVisible();
  // Nothing was interrupted: the project is open and still editable.
  await page.getByRole("heading", { name: "Clipmark" }).click();
  await press(page, "Shift+ArrowRight");
  await markSeconds(page, 1);
  await expect(clipRows(page)).toHaveCount(2);

  // At once, inside the autosave's delay: the second clip is saved before the reload.
  await update.getByRole("button", { name: "Reload to update" }).click();
  await expect(page.getByRole("list", { name: "Projects" }).getByRole("listitem")).toContainText("sample.mp4 · 2 clips");
  await expect(page.getByRole("region", { name: "Update" })).toHaveCount(0);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting)).toBeNull();
  // The core did not change, so the new version did not fetch it again.
  expect(cores).toEqual([]);
});
