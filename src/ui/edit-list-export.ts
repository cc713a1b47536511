import type { Clip } from "../core/clips";
import { csvFileName, edlFileName, ospFileName } from "../core/file-names";
import * as csv from "../core/formats/edits-csv";
import * as edl from "../core/formats/edl";
import * as osp from "../core/formats/osp";
import { download } from "./download";
import type { Source } from "./session";

const ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** OpenShot's ids: 10 random characters of A-Z0-9. */
function openShotId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return Array.from(bytes, (b) => ID_CHARACTERS[b % ID_CHARACTERS.length]).join("");
}

export type EditListFormat = "csv" | "osp" | "edl";

/** Writes the clip list in one of the formats other tools read, and downloads it. */
export function exportEditList(format: EditListFormat, source: Source, clips: readonly Clip[]): string {
  const name = source.file.name;
  const info = source.info;
  if (format === "csv") return download(csv.serialize(clips), csvFileName(name), "text/csv").name;
  if (format === "osp") {
    const text = osp.serialize(clips, { info, path: name, makeId: openShotId });
    return download(text, ospFileName(name), "application/json").name;
  }
  const text = edl.serialize(clips, edl.describeSource(name, info));
  return download(text, edlFileName(name), "text/plain").name;
}
