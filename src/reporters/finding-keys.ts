// A key per finding that survives edits moving lines (SARIF's partialFingerprints, GitLab's fingerprint): the rule,
// the file and the JSON pointer of the value, numbered when the same key comes again in one run. Never the line:
// code scanning and GitLab would take a finding that moved for a new one (and re-open a dismissed alert).
import { createHash } from "node:crypto";
import type { Finding } from "../core/finding.js";

/** For each finding, in order: the sha-256 of its key, `:`, and its number among findings with that key. */
export function stableKeys(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = `${f.ruleId}\u0000${f.file}\u0000${f.pointer ?? ""}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `${createHash("sha256").update(key).digest("hex")}:${n}`;
  });
}
