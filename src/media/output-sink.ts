import { StreamTarget } from "mediabunny";
import { MediaError } from "./media-error";

/** Where an export's bytes go, written at positions as the muxer hands them (it patches headers). */
export interface OutputSink {
  write(position: number, data: Uint8Array): Promise<void>;
  /** Ends the output; a memory sink answers with the finished file. */
  close(): Promise<Blob | null>;
  abort(): Promise<void>;
}

/** Largest output kept in the page's memory; anything bigger needs a file picked to write to. */
export const MEMORY_LIMIT = 2 * 1024 ** 3;

/** Writes straight into a file the user picked: memory stays flat whatever the output's size. */
export class FileSink implements OutputSink {
  private constructor(private readonly stream: FileSystemWritableFileStream) {}

  static async open(handle: FileSystemFileHandle): Promise<FileSink> {
    return new FileSink(await handle.createWritable({ keepExistingData: false }));
  }

  async write(position: number, data: Uint8Array): Promise<void> {
    await this.stream.write({ type: "write", position, data: data as Uint8Array<ArrayBuffer> });
  }

  async close(): Promise<null> {
    await this.stream.close();
    return null;
  }

  async abort(): Promise<void> {
    await this.stream.abort().catch(() => undefined);
  }
}

/** Keeps the output in memory and gives it as a Blob: for browsers that cannot write to a file. */
export class MemorySink implements OutputSink {
  private parts: Uint8Array[] = [];
  private length = 0;

  async write(position: number, data: Uint8Array): Promise<void> {
    // The muxer goes back only to patch what it wrote already (box sizes): copy into place.
    let at = position;
    let from = 0;
    for (let i = 0, partStart = 0; i < this.parts.length && from < data.length; i++) {
      const part = this.parts[i] as Uint8Array;
      const partEnd = partStart + part.length;
      if (at < partEnd && at >= partStart) {
        const count = Math.min(partEnd - at, data.length - from);
        part.set(data.subarray(from, from + count), at - partStart);
        at += count;
        from += count;
      }
      partStart = partEnd;
    }
    if (from === data.length) return;
    if (at < this.length) throw new MediaError("fault", "The output was written out of order");
    if (at - this.length + data.length - from > MEMORY_LIMIT - this.length) throw tooLargeForMemory();
    // The room reserved for the header ahead of the media is written last: zeros until then.
    if (at > this.length) this.parts.push(new Uint8Array(at - this.length));
    this.length = at;
    this.parts.push(data.slice(from));
    this.length += data.length - from;
  }

  async close(): Promise<Blob> {
    const blob = new Blob(this.parts as Uint8Array<ArrayBuffer>[], { type: "video/mp4" });
    this.parts = [];
    return blob;
  }

  async abort(): Promise<void> {
    this.parts = [];
  }
}

export const tooLargeForMemory = () =>
  new MediaError(
    "too-large",
    `The export would be larger than the ${MEMORY_LIMIT / 1024 ** 3} GB this browser can hold in memory: ` +
      "export fewer or shorter clips, or use a browser that saves straight to a file (Chrome, Edge)",
  );

/** A mediabunny target over a sink; data reaches the sink in 16 MB pieces. */
export const targetFor = (sink: OutputSink): StreamTarget =>
  new StreamTarget(new WritableStream({ write: (chunk) => sink.write(chunk.position, chunk.data) }), {
    chunked: true,
    chunkSize: 16 * 1024 ** 2,
  });
