// Change over time: this run's findings against an earlier run's JSON output (`--format json`). Findings are matched
// by rule, file and JSON pointer, numbered when one key comes more than once (as SARIF's fingerprints are), and not
// by line (an edit above a finding must not make it look new) unless it has no pointer: a file that does not parse.
import { countFindings, type Finding, type Severity } from "../../core/finding.js";
import { areaOf } from "../coverage.js";
import { stableKeys } from "../finding-keys.js";

/** What the report needs of an earlier `--format json` result; read with readPrevious(). */
export interface PreviousResult {
  version: string;
  findings: Finding[];
}

export interface Comparison {
  version: string;
  before: { errors: number; warnings: number; infos: number };
  after: { errors: number; warnings: number; infos: number };
  /** Findings this run has that the earlier one did not. */
  added: Finding[];
  /** Findings of the earlier run that are gone. */
  resolved: Finding[];
  /** Per clause or Annex A area, errors and warnings before and after; only those that changed. */
  areas: { ref: string; before: number; after: number }[];
}

const SEVERITIES = new Set<Severity>(["error", "warning", "info"]);

/** An earlier result, or why it cannot be one (the text of a usage error). */
export function readPrevious(text: string): PreviousResult | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return "it is not JSON; give the output of an earlier `aimslint --format json` run";
  }
  const root = parsed as { tool?: { name?: unknown; version?: unknown }; findings?: unknown };
  if (root?.tool?.name !== "aimslint" || !Array.isArray(root.findings)) return 'it is not the output of `aimslint --format json` (no tool.name "aimslint" and findings list)';
  const findings: Finding[] = [];
  for (const f of root.findings as unknown[]) {
    const x = f as Partial<Finding>;
    if (typeof x?.ruleId !== "string" || typeof x.file !== "string" || !SEVERITIES.has(x.severity as Severity) || typeof x.message !== "string") continue;
    const line = Number(x.range?.start?.line) || 1;
    const column = Number(x.range?.start?.column) || 1;
    findings.push({
      ruleId: x.ruleId,
      severity: x.severity as Severity,
      message: x.message,
      file: x.file,
      range: { start: { line, column }, end: { line, column } },
      iso42001: Array.isArray(x.iso42001) ? x.iso42001.filter((r): r is string => typeof r === "string") : [],
      ...(typeof x.pointer === "string" ? { pointer: x.pointer } : {}),
      ...(x.suppressed ? { suppressed: { reason: "", line: 0 } } : {}),
    });
  }
  return { version: typeof root.tool.version === "string" ? root.tool.version : "unknown", findings };
}

export function compare(previous: PreviousResult, findings: readonly Finding[]): Comparison {
  const before = previous.findings.filter((f) => !f.suppressed);
  const after = findings.filter((f) => !f.suppressed);
  const beforeKeys = keyed(before);
  const afterKeys = keyed(after);
  const added = after.filter((_, i) => !beforeKeys.has(afterKeys.list[i]!));
  const resolved = before.filter((_, i) => !afterKeys.has(beforeKeys.list[i]!));
  const areaCounts = (list: readonly Finding[]) => {
    const counts = new Map<string, number>();
    for (const f of list) {
      if (f.severity === "info") continue;
      for (const ref of new Set(f.iso42001.map(areaOf))) counts.set(ref, (counts.get(ref) ?? 0) + 1);
    }
    return counts;
  };
  const b = areaCounts(before);
  const a = areaCounts(after);
  const areas = [...new Set([...b.keys(), ...a.keys()])]
    .map((ref) => ({ ref, before: b.get(ref) ?? 0, after: a.get(ref) ?? 0 }))
    .filter((x) => x.before !== x.after)
    .sort((x, y) => y.after - y.before - (x.after - x.before) || (x.ref < y.ref ? -1 : 1));
  return { version: previous.version, before: counts(before), after: counts(after), added, resolved, areas };
}

function counts(findings: readonly Finding[]) {
  const t = countFindings(findings);
  return { errors: t.errors, warnings: t.warnings, infos: t.infos };
}

/** Keys in order (SARIF's fingerprints: stableKeys), and as a set; a finding without a pointer is keyed by its line. */
function keyed(findings: readonly Finding[]): { list: string[]; has: (key: string) => boolean } {
  const list = stableKeys(findings.map((f) => (f.pointer === undefined ? { ...f, pointer: `#line ${f.range.start.line}` } : f)));
  const set = new Set(list);
  return { list, has: (key) => set.has(key) };
}
