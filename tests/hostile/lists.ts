// The garbage lists: edit lists and backups as a careless program or a hostile person writes
// them, made into tests/.generated/hostile/lists/ (garbage-lists.test.ts reads every one).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { HOSTILE_DIR } from "./media";

export const LISTS_DIR = join(HOSTILE_DIR, "lists");

const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth);

const project = (id: string, clips: unknown) => ({
  id,
  name: "Talk",
  media: { name: "talk.mp4", size: 1000, lastModified: 5, fingerprint: "00aa00aa00aa00aa" },
  clips,
  undo: [],
  redo: [],
  exportMode: "lossless",
  created: 1,
  edited: 2,
});
const backup = (projects: unknown[]) => ({ format: "clipmark-projects", version: 1, projects });

/** Every list, by file name: the bytes a file of that name holds. */
export const LISTS: Record<string, string | Buffer> = {
  "lines-100k.csv": "# IN,OUT\n" + Array.from({ length: 100_000 }, (_, i) => `${i / 10},${i / 10 + 0.05}`).join("\n"),
  "nul-bytes.csv": "1,2\n\u0000\u0000\u0000\n3\u0000,4\n5,6\n",
  "huge-numbers.csv": "1e308,1e308\n0,1e308\n1,2\n2,1e309\n",
  "not-numbers.csv": "NaN,NaN\nInfinity,-Infinity\n1,2\n-0,0x10\n",
  "line-ends.csv": "1,2\r\n3,4\r5,6\n7,8\r\n\r9,10",
  "utf16-bom.csv": utf16("# IN,OUT\r\n1,2\r\n3,4\r\n"),
  "deep.osp": deepObject(100_000),
  "deep-backup.json": `{"format":"clipmark-projects","version":1,"projects":[${deepObject(100_000)}]}`,
  "proto.osp": JSON.stringify({
    files: [{ id: "F1", path: "talk.mp4" }],
    clips: [{ file_id: "F1", position: 0, start: 1, end: 2, title: "__proto__" }],
  }).replace('"files"', '"__proto__":{"polluted":"osp"},"constructor":{"prototype":{"polluted":"osp"}},"files"'),
  "proto-backup.json": JSON.stringify(
    backup([project("__proto__", [{ id: 1, start: 1, end: 2, label: "__proto__" }]), project("constructor", [{ id: 1, start: 3, end: 4, label: "b" }])]),
  ).replace('"projects"', '"__proto__":{"polluted":"backup"},"projects"'),
  // Colours of a later version, or none at all: each clip is restored, its colour made none.
  "colours-backup.json": JSON.stringify(
    backup([
      project("talk", [
        { id: 1, start: 1, end: 2, label: "", colour: "red" },
        { id: 2, start: 2, end: 3, label: "", colour: "ultraviolet" },
        { id: 3, start: 3, end: 4, label: "", colour: "COLOUR" },
        { id: 4, start: 4, end: 5, label: "", colour: [255, 0, 0] },
        { id: 5, start: 5, end: 6, label: "", colour: "x".repeat(100_000) },
      ]),
    ]),
  )
    .replace('"COLOUR"', '{"__proto__":{"polluted":"colour"}}')
    .replace("[255,0,0]", "1e999"),
  "infinite-backup.json": JSON.stringify(backup([project("talk", [{ id: 1, start: 1, end: 2, label: "a" }])])).replace('"end":2', '"end":1e308'),
};

/** Writes every list into tests/.generated/hostile/lists/ and gives their paths by name. */
export function makeGarbageLists(): Record<string, string> {
  mkdirSync(LISTS_DIR, { recursive: true });
  return Object.fromEntries(
    Object.entries(LISTS).map(([name, bytes]) => {
      const path = join(LISTS_DIR, name);
      writeFileSync(path, bytes);
      return [name, path];
    }),
  );
}
