import { describe, expect, it } from "vitest";
import { MemorySink } from "../../src/media/output-sink";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("memory sink", () => {
  it("appends, patches what it holds in place (across pieces, running on past its end), and gives the whole file", async () => {
    const sink = new MemorySink();
    await sink.write(0, bytes(1, 2, 3));
    await sink.write(3, bytes(4, 5));
    await sink.write(2, bytes(9, 9));
    await sink.write(4, bytes(7, 8, 6));
    const blob = await sink.close();
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 9, 9, 7, 8, 6]);
  });

  it("holds zeros where a write past its end leaves room (the header's, written last)", async () => {
    const sink = new MemorySink();
    await sink.write(0, bytes(1));
    await sink.write(4, bytes(2));
    await sink.write(1, bytes(7, 7, 7));
    const blob = await sink.close();
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 7, 7, 7, 2]);
  });
});
