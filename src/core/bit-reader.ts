/** Reads a byte string most significant bit first, as codec headers are written. */
export class BitReader {
  private at = 0;

  constructor(private readonly bytes: Uint8Array) {}

  /** The next `count` bits (at most 32) as a number; null once they run past the end. */
  bits(count: number): number | null {
    if (this.at + count > this.bytes.length * 8) return null;
    let value = 0;
    for (let i = 0; i < count; i++, this.at++) {
      value = value * 2 + ((((this.bytes[this.at >> 3] as number) >> (7 - (this.at & 7))) & 1));
    }
    return value;
  }

  /** Skips `count` bits; false once they run past the end. */
  skip(count: number): boolean {
    this.at += count;
    return this.at <= this.bytes.length * 8;
  }
}
