import type { Clip } from "../core/clips";
import { listFiles, listSourcesOf } from "../core/edit-list-files";
import type { Writable } from "../core/formats/registry";
import type { Source } from "../core/project";
import { ok, type Result } from "../core/result";
import { download } from "./download";

const ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** OpenShot's ids: 10 random characters of A-Z0-9. */
function openShotId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return Array.from(bytes, (b) => ID_CHARACTERS[b % ID_CHARACTERS.length]).join("");
}

/**
 * Writes the clip list in one of the formats other tools read and downloads it (one file, or one a
 * source where the format names no file): the files' names, or why not.
 */
export function exportEditList({ writer }: Writable, sources: readonly Source[], clips: readonly Clip[]): Result<string[]> {
  const files = listFiles(writer, clips, listSourcesOf(sources), openShotId);
  if (!files.ok) return files;
  return ok(files.value.map((file) => download(file.text, file.name, writer.mime).name));
}
