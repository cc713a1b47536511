import { ok } from "../result";
import { format as csv } from "./edits-csv";
import type { EditListFormat } from "./edit-format";
import * as edl from "./edl";
import { importFor } from "./edl-source";
import { format as losslessCut } from "./losslesscut-csv";
import { format as mplayerEdl } from "./mplayer-edl";
import { format as osp } from "./osp";
import { format as shotcut } from "./shotcut-mlt";
import { format as log } from "./timestamp-log";
import { format as youtube } from "./youtube-chapters";

// The CMX 3600 module is shared with the EDL import's own work, so its entry is made here.
const cmx3600: EditListFormat = {
  id: "edl",
  name: "CMX 3600 EDL",
  // The open file's events, timed from its start timecode (edl-source).
  reader: { recognizes: edl.recognizes, parse: importFor },
  writer: {
    action: "Export EDL",
    suffix: ".edl",
    mime: "text/plain",
    scope: "project",
    serialize: (clips, { sources }) => ok(edl.serializeProject(clips, sources)),
  },
};

/**
 * The formats read, most particular first: detection takes the first that recognizes a file (an
 * EDL event or a log line could pass for a CSV row; LosslessCut's rows are a narrower CSV than ours).
 */
export const READERS = [osp, shotcut, cmx3600, mplayerEdl, log, losslessCut, csv].flatMap((f) => (f.reader ? [{ ...f, reader: f.reader }] : []));

/** The formats written, in the order the export controls show them. */
export const WRITERS = [csv, osp, cmx3600, losslessCut, youtube, shotcut].flatMap((f) => (f.writer ? [{ ...f, writer: f.writer }] : []));

export type Readable = (typeof READERS)[number];
export type Writable = (typeof WRITERS)[number];

/** Tells the format from the text itself; a file's name is only a hint for the user. */
export function detectFormat(lines: readonly string[]): Readable | null {
  return READERS.find((format) => format.reader.recognizes(lines)) ?? null;
}

