import { editListFileName } from "./file-names";
import type { ListClip, ListSource, ListWriter } from "./formats/edit-format";
import type { Source } from "./project";
import { fail, ok, type Result } from "./result";

/** A list as it is saved: its file name and its text. */
export interface ListFile {
  name: string;
  text: string;
}

/**
 * The files a project's list is saved as in one format: one named after the first source where the
 * format names its files (or times the whole cut), else one a source that has clips,
 * `<file stem><suffix>`, in the sources' order; so a project of one source gets the one file it
 * always did. `sources`: the project's, each as it was probed.
 */
export function listFiles(writer: ListWriter, clips: readonly ListClip[], sources: readonly ListSource[], makeId: () => string): Result<ListFile[]> {
  const unknown = clips.findIndex((c) => !sources.some((s) => s.id === c.source));
  if (unknown >= 0) return fail(`clip ${unknown + 1}'s video has not been read yet: choose it in Sources, then export again`);
  const first = sources[0];
  if (!first) return fail("the project has no video");
  const lists =
    writer.scope === "project"
      ? [{ named: first, clips, sources }]
      : sources.flatMap((s) => {
          const own = clips.filter((c) => c.source === s.id);
          return own.length > 0 ? [{ named: s, clips: own, sources: [s] }] : [];
        });
  const files: ListFile[] = [];
  for (const list of lists) {
    const text = writer.serialize(list.clips, { sources: list.sources, makeId });
    if (!text.ok) return text;
    files.push({ name: editListFileName(list.named.fileName, writer.suffix), text: text.value });
  }
  return ok(files);
}

/** The project's sources as lists name them: by file name, each with its probe (a source never probed is none yet). */
export const listSourcesOf = (sources: readonly Source[]): ListSource[] =>
  sources.flatMap(({ id, media, info }) => (info ? [{ id, fileName: media.name, info }] : []));
