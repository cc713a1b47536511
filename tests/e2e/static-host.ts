import { appendFileSync, cpSync, mkdirSync, rmSync, utimesSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");
/** The web root of the plain static server; the build is deployed inside it under a sub-path. */
export const STATIC_HOST_DIR = join(ROOT, "tests", ".generated", "static-host");
export const STATIC_HOST_PATH = "/team/tools/clipmark/";
const SITE = join(STATIC_HOST_DIR, ...STATIC_HOST_PATH.split("/").filter(Boolean));

/** Copies dist/ to the sub-path, as a person would upload it. */
export function deploy(): void {
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(SITE, { recursive: true });
  cpSync(join(ROOT, "dist"), SITE, { recursive: true });
}

/** A new version: the service worker's script changes, as it does with any change to the build. */
export function deployNewVersion(): void {
  const script = join(SITE, "service-worker.js");
  appendFileSync(script, `\n// deployed ${Date.now()}\n`);
  // Python's server compares modification times to the second: a quick test must move it on.
  const later = new Date(Date.now() + 60_000);
  utimesSync(script, later, later);
}
