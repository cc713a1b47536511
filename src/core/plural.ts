/** "1 clip", "2 clips", "10,000 clips": a count with its noun, as every message words it. */
export const plural = (n: number, one: string, many: string): string => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
