import type { ManifestOptions } from "vite-plugin-pwa";
import { EDIT_LIST_FILES, MEDIA_FILES } from "../core/file-kinds";

/**
 * The installed app: its name, icons and colours, and the files the operating system may open
 * with it (they arrive through the Launch Queue). Every URL is relative to the manifest, so that
 * the app installs from any path. No `id`: a relative one resolves against the origin, so two
 * copies on one host would be one app; without it the id is the start URL, path and all.
 */
export const webManifest: Partial<ManifestOptions> = {
  name: "Clipmark",
  short_name: "Clipmark",
  description: "Cut clips out of a video in your browser: nothing is uploaded.",
  start_url: "./",
  scope: "./",
  display: "standalone",
  theme_color: "#2563eb",
  background_color: "#ffffff",
  icons: [
    { src: "icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    { src: "icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
    { src: "icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
    { src: "icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
  ],
  // The same files as "Open video" and "Import edits".
  file_handlers: [
    { action: "./", accept: MEDIA_FILES.accept },
    { action: "./", accept: EDIT_LIST_FILES.accept },
  ],
  launch_handler: { client_mode: "focus-existing" },
};
