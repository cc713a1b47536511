import { describe, expect, it } from "vitest";
import { contentHash } from "../../src/core/content-hash";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("contentHash", () => {
  it("is 16 hex digits, the same for the same bytes however they are split", () => {
    const whole = contentHash([bytes(1, 2, 3, 4)]);
    expect(whole).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHash([bytes(1, 2), bytes(3, 4)])).toBe(whole);
  });

  it("differs for different bytes, order and length", () => {
    const seen = new Set([
      contentHash([]),
      contentHash([bytes(0)]),
      contentHash([bytes(1, 2, 3, 4)]),
      contentHash([bytes(4, 3, 2, 1)]),
      contentHash([bytes(1, 2, 3, 4, 0)]),
    ]);
    expect(seen.size).toBe(5);
  });

  it("matches FNV-1a's published value in its first half", () => {
    // FNV-1a 32-bit of "a" is 0xe40c292c.
    expect(contentHash([new TextEncoder().encode("a")]).slice(0, 8)).toBe("e40c292c");
  });
});
