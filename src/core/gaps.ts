import type { Clip, Span } from "./clips";

/* Stretches found to leave out of a source (pauses in its sound, black frames in its picture), and the clips made around them. */

/** What is left of `[0, duration]` without the gaps (which are ascending and apart): the parts with sound, or picture. */
export function partsBetween(gaps: readonly Span[], duration: number): Span[] {
  const parts: Span[] = [];
  let from = 0;
  for (const gap of gaps) {
    if (gap.start > from) parts.push({ start: from, end: gap.start });
    from = Math.max(from, gap.end);
  }
  if (duration > from) parts.push({ start: from, end: duration });
  return parts;
}

/** `span` with the gaps cut out: the pieces of it that are kept (for Split at pauses, or black frames). */
export function withoutGaps(span: Span, gaps: readonly Span[]): Span[] {
  const inside = gaps
    .filter((p) => p.end > span.start && p.start < span.end)
    .map((p) => ({ start: Math.max(p.start, span.start) - span.start, end: Math.min(p.end, span.end) - span.start }));
  return partsBetween(inside, span.end - span.start).map((p) => ({ start: p.start + span.start, end: p.end + span.start }));
}

/**
 * Split at pauses (or black frames): every clip of `source` (where the gaps were found) cut at the
 * gaps, their parts in them gone; a piece keeps its clip's label and colour.
 */
export function splitAtGaps(clips: readonly Clip[], gaps: readonly Span[], source: string): Clip[] {
  let nextId = clips.reduce((max, c) => Math.max(max, c.id), 0) + 1;
  return clips.flatMap((clip) =>
    clip.source !== source ? [clip] : withoutGaps(clip, gaps).map((part, i) => ({ ...clip, id: i === 0 ? clip.id : nextId++, ...part })),
  );
}

/**
 * Gaps as a strip of `columns` can show them: gaps closer than a column joined into one, so that a
 * long recording's thousands of pauses draw as at most `columns` marks.
 */
export function gapsToShow(gaps: readonly Span[], duration: number, columns: number): Span[] {
  const closest = duration / Math.max(columns, 1);
  const shown: Span[] = [];
  for (const gap of gaps) {
    const last = shown.at(-1);
    if (last && gap.start - last.end < closest) shown[shown.length - 1] = { start: last.start, end: Math.max(last.end, gap.end) };
    else shown.push({ start: gap.start, end: gap.end });
  }
  return shown;
}
