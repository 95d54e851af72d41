// A per-file cap on findings: a 4 MB register of broken entries would otherwise print hundreds of thousands of
// findings (minutes of CI, gigabytes of output) that nobody reads. Past the cap, one finding counts the rest.
import { SEVERITY_RANK, type Finding, type Severity } from "../core/finding.js";
import { CORE_RULES } from "../core/core-rules.js";
import { report } from "../core/report.js";

export const TOO_MANY_FINDINGS = "aimslint/too-many-findings";

/**
 * `sorted` (by file, then position) with at most `max` findings per file: the first by position, so that the same
 * files always give the same output, then one finding that counts the rest. Its severity is the highest of the
 * findings it stands for, so that dropping them never turns a failing run into a passing one, and it sits at the
 * position of the first of them, after the findings listed.
 */
export function capFindingsPerFile(sorted: readonly Finding[], max: number): Finding[] {
  const out: Finding[] = [];
  let start = 0;
  while (start < sorted.length) {
    const file = sorted[start]!.file;
    let end = start;
    while (end < sorted.length && sorted[end]!.file === file) end++;
    for (let i = start; i < Math.min(end, start + max); i++) out.push(sorted[i]!);
    if (end - start > max) out.push(summary(sorted.slice(start + max, end), max));
    start = end;
  }
  return out;
}

function summary(dropped: readonly Finding[], max: number): Finding {
  const counts = { error: 0, warning: 0, info: 0, suppressed: 0 };
  let severity: Severity = "info";
  for (const f of dropped) {
    if (f.suppressed) {
      counts.suppressed++;
      continue;
    }
    counts[f.severity]++;
    if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[severity]) severity = f.severity;
  }
  const parts = [
    part(counts.error, "error"),
    part(counts.warning, "warning"),
    part(counts.info, "info"),
    counts.suppressed > 0 ? `${counts.suppressed.toLocaleString("en-US")} suppressed` : "",
  ].filter((p) => p !== "");
  const first = dropped[0]!;
  const message = `${dropped.length.toLocaleString("en-US")} more findings in this file from here on are not listed (${parts.join(", ")}): only the first ${max.toLocaleString("en-US")} are.`;
  const finding = report(CORE_RULES[TOO_MANY_FINDINGS], first.file, { start: first.range.start, end: first.range.start }, message, {
    severity,
    help: "Fix the problems listed and run again, or raise the limit: `limits: { maxFindingsPerFile: N }` in the configuration, or --max-findings-per-file N.",
  });
  // Totals (countFindings) count what it stands for, so that "✖ N problems" is every problem, listed or not.
  finding.notListed = { errors: counts.error, warnings: counts.warning, infos: counts.info, suppressed: counts.suppressed };
  return finding;
}

/** Unlike util/text plural(): nothing for 0 (a part left out of the list), thousands separated, "info" invariable. */
function part(n: number, word: string): string {
  return n === 0 ? "" : `${n.toLocaleString("en-US")} ${word}${n === 1 || word === "info" ? "" : "s"}`;
}
