// The file a packet-engine cut is muxed into: MP4 or MOV with the cut's edit lists, or Matroska / WebM.
import { MkvOutputFormat, MovOutputFormat, Mp4OutputFormat, Output, WebMOutputFormat } from "mediabunny";
import { chapterRoom, chapterWrites } from "../core/matroska-chapters";
import { chaptersSize, withChapters, type Chapter } from "../core/mp4-chapters";
import { withEditLists } from "../core/mp4-edit-list";
import { inReservedRoom } from "../core/mp4-faststart";
import { withHandlerNames } from "../core/mp4-track-names";
import type { OutputContainer } from "../core/output-container";
import type { EditEntry } from "../core/packet-cut";
import { MediaError } from "./media-error";
import { targetFor, type OutputSink } from "./output-sink";
import { interleave, type CutWork, type Lane, type Timestamped } from "./packet-copy";

/** The codecs each container holds, as mediabunny names them. */
export const CONTAINER_CODECS: Record<OutputContainer, ReadonlySet<string>> = {
  mp4: new Set(new Mp4OutputFormat().getSupportedCodecs()),
  mov: new Set(new MovOutputFormat().getSupportedCodecs()),
  mkv: new Set(new MkvOutputFormat().getSupportedCodecs()),
  webm: new Set(new WebMOutputFormat().getSupportedCodecs()),
};

/**
 * A cut's output: its tracks are added to `output`, then `write` feeds the clips and `finish`
 * ends the file with the tracks' edit lists, where the container has them.
 */
export abstract class CutOutput {
  abstract readonly output: Output;
  /** Whether `finish` writes the edit lists (MP4, MOV); a Matroska file shows every packet it holds. */
  abstract readonly editLists: boolean;
  /** Chapters `finish` writes; set (setChapters) before the tracks are added, so `chapterRoom` counts them. */
  protected chapters: readonly Chapter[] = [];
  /** Where the last chapter ends: the output's length. */
  protected chaptersEnd = 0;

  /** Sets the output's chapters (`end`: where the last one ends); before the output starts. */
  setChapters(chapters: readonly Chapter[], end: number): void {
    this.chapters = chapters;
    this.chaptersEnd = end;
  }

  /** Header room the chapters take, as edit-list entries (headerRoom's 20 bytes each), for the first track to reserve. */
  chapterRoom(): number {
    return this.editLists ? Math.ceil(chaptersSize(this.chapters) / 20) : 0;
  }

  /**
   * Writes the clips in list order, each from the lanes `lanesFor` gives (the clip's packets
   * placed from `mediaStarts[i]` on), then ends the file with `edits` for the first track and
   * `otherEdits` (by track id) for any other; nothing is left half-written.
   */
  async write(
    lanesFor: (clip: number) => Promise<Lane<Timestamped>[]>,
    mediaStarts: readonly number[],
    edits: readonly EditEntry[],
    job: CutWork,
    otherEdits: ReadonlyMap<number, readonly EditEntry[]> = new Map(),
  ): Promise<void> {
    const total = edits.reduce((sum, e) => sum + e.duration, 0) || 1;
    try {
      let shownBefore = 0;
      for (const [index, edit] of edits.entries()) {
        const start = mediaStarts[index] as number;
        await interleave(await lanesFor(index), job.signal, (time) =>
          job.onProgress(Math.min(1, (shownBefore + Math.max(0, time - start)) / total), index),
        );
        shownBefore += edit.duration;
      }
    } catch (error) {
      await this.output.cancel().catch(() => undefined);
      throw error;
    }
    await this.finish(new Map([[1, edits], ...otherEdits]));
  }

  /** Finalizes the file (with these tracks' edit lists where the container has them). */
  abstract finish(edits: ReadonlyMap<number, readonly EditEntry[]>): Promise<void>;

  protected async finalize(): Promise<void> {
    try {
      await this.output.finalize();
    } catch (error) {
      await this.output.cancel().catch(() => undefined);
      throw error;
    }
  }
}

/**
 * The header the muxer wrote into its reserved room, and that room's size: the muxer hands `moov`
 * with the head of the `free` box that fills the rest (its size field says how far).
 */
function reservedHeader(written: Uint8Array): { moov: Uint8Array; room: number } {
  const data = new DataView(written.buffer, written.byteOffset, written.byteLength);
  const size = data.getUint32(0);
  const free = written.length >= size + 8 && String.fromCharCode(...written.subarray(size + 4, size + 8)) === "free";
  return { moov: written.subarray(0, size), room: size + (free ? data.getUint32(size) : 0) };
}

/**
 * A fast-start MP4 (or MOV, the same boxes) written to a sink: the muxer reserves room for the
 * movie header ahead of the media (each track is added with `headerRoom` packets), and once the
 * media is written the header goes there with the edit lists (the muxer writes at most one entry,
 * a cut needs one a clip) and the tracks' names as their handler names.
 */
export class EditedMp4 extends CutOutput {
  readonly output: Output;
  readonly editLists = true;
  private moov: { data: Uint8Array; position: number } | null = null;

  constructor(
    private readonly sink: OutputSink,
    container: "mp4" | "mov" = "mp4",
  ) {
    super();
    const onMoov = (data: Uint8Array, position: number) => (this.moov = { data: data.slice(), position });
    const options = { fastStart: "reserve", onMoov } as const;
    const format = container === "mov" ? new MovOutputFormat(options) : new Mp4OutputFormat(options);
    this.output = new Output({ format, target: targetFor(sink) });
  }

  /** Finalizes the file, then writes its header again with these tracks' edit lists. */
  async finish(edits: ReadonlyMap<number, readonly EditEntry[]>): Promise<void> {
    await this.finalize();
    const moov = this.moov as { data: Uint8Array; position: number } | null;
    if (!moov) throw new MediaError("fault", "The muxer wrote no movie header");
    const reserved = reservedHeader(moov.data);
    const edited = withChapters(withEditLists(reserved.moov, edits), this.chapters);
    // Names may outgrow the handler names they replace: then the tracks keep only their udta names.
    const placed = inReservedRoom(withHandlerNames(edited), reserved.room) ?? inReservedRoom(edited, reserved.room);
    if (!placed) throw new MediaError("fault", "The movie header outgrew the room kept for it at the start of the file");
    await this.sink.write(moov.position, placed);
  }
}

/**
 * A Matroska or WebM file: no edit lists, so a cut writes only what it shows (the plans see to
 * that). Chapters go over a Tags element reserved for them (matroska-chapters.ts).
 */
class MatroskaCut extends CutOutput {
  readonly output: Output;
  readonly editLists = false;
  private header: { data: Uint8Array; position: number } | null = null;

  constructor(
    private readonly sink: OutputSink,
    container: "mkv" | "webm",
  ) {
    super();
    const onSegmentHeader = (data: Uint8Array, position: number) => (this.header = { data: data.slice(), position });
    const format = container === "webm" ? new WebMOutputFormat({ onSegmentHeader }) : new MkvOutputFormat({ onSegmentHeader });
    this.output = new Output({ format, target: targetFor(sink) });
  }

  override setChapters(chapters: readonly Chapter[], end: number): void {
    super.setChapters(chapters, end);
    // The room: a comment as long as the chapters, written over once the file is done.
    if (chapters.length > 0) this.output.setMetadataTags({ comment: " ".repeat(chapterRoom(chapters)) });
  }

  async finish(): Promise<void> {
    await this.finalize();
    if (this.chapters.length === 0) return;
    const writes = this.header && chapterWrites(this.header.data, this.header.position, this.chapters, this.chaptersEnd);
    if (!writes) throw new MediaError("fault", "The muxer kept no room for the chapters");
    for (const { position, data } of writes) await this.sink.write(position, data);
  }
}

/** The output for a cut in `container`. */
export const cutOutput = (sink: OutputSink, container: OutputContainer): CutOutput =>
  container === "mp4" || container === "mov" ? new EditedMp4(sink, container) : new MatroskaCut(sink, container);
