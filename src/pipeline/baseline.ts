// A baseline: the findings a team accepted when it adopted aimslint, counted per file and rule (as ESLint's bulk
// suppressions count them), so that it survives lines moving. A run with a baseline reports what is new; when a
// file holds more findings of a rule than its baseline accepts, all of them are reported, since nothing tells
// the new one from the old. Entries that no longer occur are stale: `aimslint baseline --prune` drops them.
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Finding } from "../core/finding.js";
import { ConfigError } from "../core/errors.js";

export const BASELINE_FILE = "aimslint-baseline.json";
const MAX_BYTES = 16 * 1024 * 1024;

/** file → rule id → how many findings are accepted. */
export type Baseline = Map<string, Map<string, number>>;

export interface StaleEntry {
  file: string;
  ruleId: string;
  accepted: number;
  found: number;
}

export interface BaselineOutcome {
  /** Findings the baseline accepted (now marked suppressed). */
  baselined: number;
  stale: StaleEntry[];
}

/** Reads a baseline file; undefined when there is none. A broken one is a configuration error, with its path. */
export function readBaseline(path: string): Baseline | undefined {
  let text: string;
  let fd: number | undefined;
  try {
    // No links followed and no FIFO waited on: the file comes from the repository.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const info = fstatSync(fd);
    if (!info.isFile()) throw new ConfigError(`${path}: the baseline is not a regular file.`);
    if (info.size > MAX_BYTES) throw new ConfigError(`${path}: the baseline is larger than ${MAX_BYTES} bytes.`);
    text = readFileSync(fd, "utf8");
  } catch (error) {
    // No file, or a project root that is itself a file (a single-file run).
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`${path}: the baseline cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); it must be a regular file, not a link.`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path}: the baseline is not valid JSON (${(error as Error).message}). Write it again with "aimslint baseline".`);
  }
  const files = (data as { files?: unknown })?.files;
  if (data === null || typeof data !== "object" || (data as { version?: unknown }).version !== 1 || files === null || typeof files !== "object" || Array.isArray(files)) {
    throw new ConfigError(`${path}: not an aimslint baseline (expected {"version": 1, "files": {...}}). Write it again with "aimslint baseline".`);
  }
  const baseline: Baseline = new Map();
  for (const [file, rules] of Object.entries(files as Record<string, unknown>)) {
    if (rules === null || typeof rules !== "object" || Array.isArray(rules)) throw new ConfigError(`${path}: "${file}" must map rule ids to counts.`);
    const counts = new Map<string, number>();
    for (const [ruleId, entry] of Object.entries(rules as Record<string, unknown>)) {
      const count = (entry as { count?: unknown })?.count;
      if (!Number.isSafeInteger(count) || (count as number) < 1) throw new ConfigError(`${path}: "${file}" › "${ruleId}" needs a whole "count" of at least 1.`);
      counts.set(ruleId, count as number);
    }
    baseline.set(file, counts);
  }
  return baseline;
}

/** The baseline of these findings (active ones; suppressed findings need no baseline), as the file holds it. */
export function baselineText(baseline: Baseline): string {
  const files: Record<string, Record<string, { count: number }>> = {};
  for (const file of [...baseline.keys()].sort()) {
    const rules = baseline.get(file)!;
    if (rules.size === 0) continue;
    files[file] = Object.fromEntries([...rules.keys()].sort().map((id) => [id, { count: rules.get(id)! }]));
  }
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
}

/** Counts of the active findings per file and rule. `fromRoot` turns a display path into one from the project root. */
export function countsOf(findings: readonly Finding[], fromRoot: (file: string) => string): Baseline {
  const counts: Baseline = new Map();
  for (const f of findings) {
    if (f.suppressed) continue;
    const file = fromRoot(f.file);
    const rules = counts.get(file) ?? new Map<string, number>();
    rules.set(f.ruleId, (rules.get(f.ruleId) ?? 0) + 1);
    counts.set(file, rules);
  }
  return counts;
}

/**
 * Marks the findings the baseline accepts as suppressed (in place of a copy) and lists the stale entries of the
 * files reported on. `fromRoot`: display path → path from the project root, as the baseline keys files.
 */
export function applyBaseline(
  findings: Finding[],
  baseline: Baseline,
  scope: { reported: ReadonlySet<string>; wholeProject: boolean },
  fromRoot: (file: string) => string,
  name: string,
): BaselineOutcome {
  const found = countsOf(findings, fromRoot);
  let baselined = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (f.suppressed) continue;
    const file = fromRoot(f.file);
    const accepted = baseline.get(file)?.get(f.ruleId) ?? 0;
    if (accepted === 0 || (found.get(file)?.get(f.ruleId) ?? 0) > accepted) continue;
    findings[i] = { ...f, suppressed: { reason: `accepted in ${name}`, line: 0, baseline: true } };
    baselined++;
  }
  const stale: StaleEntry[] = [];
  const reportedFromRoot = new Set([...scope.reported].map(fromRoot));
  for (const [file, rules] of baseline) {
    // A file not reported on (a hook's subset) cannot be judged; a whole-project run judges them all, deleted ones too.
    if (!scope.wholeProject && !reportedFromRoot.has(file)) continue;
    for (const [ruleId, accepted] of rules) {
      const count = found.get(file)?.get(ruleId) ?? 0;
      if (count < accepted) stale.push({ file, ruleId, accepted, found: count });
    }
  }
  return { baselined, stale };
}

/** Drops what no longer occurs and lowers counts to what is found; never adds or raises anything. */
export function pruned(baseline: Baseline, found: Baseline): Baseline {
  const out: Baseline = new Map();
  for (const [file, rules] of baseline) {
    const kept = new Map<string, number>();
    for (const [ruleId, accepted] of rules) {
      const count = Math.min(accepted, found.get(file)?.get(ruleId) ?? 0);
      if (count > 0) kept.set(ruleId, count);
    }
    if (kept.size > 0) out.set(file, kept);
  }
  return out;
}

export const baselinePath = (root: string, option?: string): string => option ?? join(root, BASELINE_FILE);
