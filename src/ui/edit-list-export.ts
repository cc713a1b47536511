import type { Clip } from "../core/clips";
import { editListFileName } from "../core/file-names";
import type { Writable } from "../core/formats/registry";
import { ok, type Result } from "../core/result";
import { download } from "./download";
import type { Source } from "./session";

const ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** OpenShot's ids: 10 random characters of A-Z0-9. */
function openShotId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return Array.from(bytes, (b) => ID_CHARACTERS[b % ID_CHARACTERS.length]).join("");
}

/** Writes the clip list in one of the formats other tools read and downloads it: its name, or why not. */
export function exportEditList({ writer }: Writable, source: Source, clips: readonly Clip[]): Result<string> {
  const name = source.file.name;
  const text = writer.serialize(clips, { fileName: name, info: source.info, makeId: openShotId });
  if (!text.ok) return text;
  return ok(download(text.value, editListFileName(name, writer.suffix), writer.mime).name);
}
