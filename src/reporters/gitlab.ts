// GitLab Code Quality (`artifacts:reports:codequality`): a JSON array of issues, the subset of the Code Climate
// format that GitLab reads (doc/ci/testing/code_quality.md, "Implement a custom tool"): description, check_name,
// fingerprint, severity, location.path and location.lines.begin. The fingerprint is the SARIF key (rule, file,
// JSON pointer, number): the same finding keeps it when lines move, so merge requests show new and fixed
// findings, not moved ones. Suppressed findings are left out (the format has no way to say so). No BOM: GitLab's
// parser refuses one.
import { createHash } from "node:crypto";
import type { Severity } from "../core/finding.js";
import { stableKeys } from "./finding-keys.js";
import { printableJson } from "./json-text.js";
import type { Reporter } from "./types.js";

/** Code Climate's scale is info, minor, major, critical, blocker; an error fails the run, so it ranks above a warning. */
const SEVERITY: Record<Severity, "info" | "minor" | "major"> = { error: "major", warning: "minor", info: "info" };

export const gitlab: Reporter = (findings) => {
  const keys = stableKeys(findings);
  const issues = [];
  for (const [i, f] of findings.entries()) {
    if (f.suppressed) continue;
    const refs = f.iso42001.length > 0 ? ` (ISO/IEC 42001 ${f.iso42001.join(", ")})` : "";
    issues.push({
      description: f.message + refs,
      check_name: f.ruleId,
      fingerprint: createHash("sha256").update(`aimslint\u0000${keys[i]}`).digest("hex"),
      severity: SEVERITY[f.severity],
      location: { path: f.file, lines: { begin: f.range.start.line, end: Math.max(f.range.end.line, f.range.start.line) } },
    });
  }
  return printableJson(issues);
};
