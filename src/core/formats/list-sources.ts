import type { ListClip, ListSource } from "./edit-format";

/**
 * What a writer makes of each source (its reader, its reel, its frame model), found by a clip's
 * source. Writers are given every source their clips name (edit-list-files.ts checks it).
 */
export function perSource<T>(sources: readonly ListSource[], make: (source: ListSource, place: number) => T): (clip: ListClip) => T {
  const made = new Map(sources.map((source, place) => [source.id, make(source, place)]));
  return (clip) => made.get(clip.source) as T;
}
