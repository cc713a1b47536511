/**
 * FNV-1a, 32 bits, over each part in turn, from two different offsets so that the 64 bits
 * together make accidental equality of different files negligible. Not a cryptographic hash:
 * it tells a re-saved copy of the same video from another video, nothing more.
 */
export function contentHash(parts: readonly Uint8Array[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (const part of parts) {
    for (const byte of part) {
      a = Math.imul(a ^ byte, 0x01000193) >>> 0;
      b = Math.imul(b ^ byte, 0x01000193 + 0x1000) >>> 0;
    }
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}
