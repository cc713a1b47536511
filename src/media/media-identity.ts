import { contentHash } from "../core/content-hash";
import type { MediaRef } from "../core/project";

const MEGABYTE = 1 << 20;

/**
 * Who a source file is, across reloads and copies: its size and a hash of its first and last
 * megabyte. A re-saved copy (new date) is the same source; another video of the same name is not.
 * Runs in the media worker: hashing 2 MB is a long task for the page (about 20 ms).
 */
export async function identify(file: File): Promise<MediaRef> {
  const head = new Uint8Array(await file.slice(0, MEGABYTE).arrayBuffer());
  const tail = new Uint8Array(await file.slice(Math.max(MEGABYTE, file.size - MEGABYTE)).arrayBuffer());
  const size = new TextEncoder().encode(String(file.size));
  return { name: file.name, size: file.size, lastModified: file.lastModified, fingerprint: contentHash([size, head, tail]) };
}
