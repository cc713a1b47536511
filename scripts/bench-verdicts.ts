/**
 * Every PASS or MISS the bench prints, kept so that the run ends with them: `npm run bench` exits
 * non-zero on any MISS but those the README names as out of reach on this machine, which are said.
 */
export type Verdict = "PASS" | "MISS";

/** Targets the README says this machine cannot reach, and why; a MISS of one of them does not fail the run. */
const OUT_OF_REACH: Record<string, string> = {
  "smart cut ≤ 2× browser lossless": "software decoding and OpenH264 on 2 cores (README: What limits smart cut)",
  "lossless over 4 GiB → file: memory < 500 MB": "an empty headless Chromium here already holds about 510 MiB PSS (README: Memory)",
};

const seen: { target: string; verdict: Verdict }[] = [];

/** Records a verdict under its target's name, and returns the word to print. */
export function judge(target: string, pass: boolean | null): Verdict | "—" {
  if (pass === null) {
    seen.push({ target, verdict: "MISS" });
    return "—";
  }
  const verdict: Verdict = pass ? "PASS" : "MISS";
  seen.push({ target, verdict });
  return verdict;
}

/** Says what was missed and sets the exit code: 1 when a target in reach was missed. */
export function settle(): void {
  const missed = seen.filter((s) => s.verdict === "MISS");
  const known = missed.filter((s) => s.target in OUT_OF_REACH);
  const failing = missed.filter((s) => !(s.target in OUT_OF_REACH));
  const passed = seen.length - missed.length;
  console.log(`\nverdicts: ${passed} PASS, ${missed.length} MISS (${known.length} of them out of reach here)`);
  for (const s of known) console.log(`  MISS, out of reach: ${s.target}: ${OUT_OF_REACH[s.target]}`);
  for (const s of failing) console.log(`  MISS: ${s.target}`);
  if (failing.length > 0) process.exitCode = 1;
}
