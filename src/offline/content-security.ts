/**
 * The Content Security Policy, for a static host that sends no headers: the page carries its own
 * in a `<meta>` (added at build), and the service worker gives each worker script the worker one.
 * Nothing from another origin and no inline script anywhere; WebAssembly compiles only in the
 * workers, where the ffmpeg core runs.
 */
const policy = (directives: Record<string, string>) =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join("; ");

export const PAGE_POLICY = policy({
  "default-src": "'self'",
  "script-src": "'self'",
  "style-src": "'self'",
  "img-src": "'self' blob:",
  "media-src": "'self' blob:",
  "connect-src": "'self'",
  "worker-src": "'self'",
  "manifest-src": "'self'",
  "object-src": "'none'",
  "base-uri": "'self'",
  "form-action": "'none'",
});

export const WORKER_POLICY = policy({
  "default-src": "'self'",
  "script-src": "'self' 'wasm-unsafe-eval'",
  "connect-src": "'self'",
  "worker-src": "'self'",
});
