// Inline suppressions: a comment that names the rule, gives a reason, and may expire.
//   # aimslint-disable-next-line risk/treatment-complete until 2027-03-31 -- accepted by the CRO in MR-2026-4
//   <!-- aimslint-disable-file modelcard/human-oversight -- research model, never deployed -->
// A directive without a reason, an expired one, one naming an unknown rule, or one that suppresses nothing
// is itself a finding: a governance exception must be explained and must not outlive its review.
import { FILE_START, type Finding } from "../core/finding.js";
import type { SourceFile } from "../source/load.js";
import { isDate } from "./dates.js";
import { CORE_RULES, type CoreRuleId } from "../core/core-rules.js";
import { report } from "../core/report.js";

type SuppressionRuleId = Extract<CoreRuleId, `suppression/${string}`>;

export interface Directive {
  scope: "line" | "next-line" | "file";
  rules: string[];
  until?: string;
  reason?: string;
  line: number;
  column: number;
  endColumn: number;
  /** Set on the directive past MAX_DIRECTIVES: how many were left out from it on (it is not honoured itself). */
  leftOut?: number;
}

/** Directives read per file: 10,000 `aimslint-disable-next-line` comments made one file cost 31 s instead of 3.4 s. */
export const MAX_DIRECTIVES = 1000;

// [ \t]*, not \s*: a `#` ending one line (a Markdown heading "## Uses #") must not turn plain text on a later line
// into a directive (found by the property tests).
const DIRECTIVE = /(#|<!--)[ \t]*aimslint-disable(-next-line|-line|-file)\b([^\r\n]*)/g;

export function readDirectives(source: SourceFile): Directive[] {
  // A plain substring search first: almost no file has a directive.
  if (source.format === "json" || !source.text.includes("aimslint-disable")) return [];
  const directives: Directive[] = [];
  for (const m of source.text.matchAll(DIRECTIVE)) {
    let body = (m[3] ?? "").trim();
    if (m[1] === "<!--") body = body.replace(/-->.*$/, "").trim();
    const [head = "", ...reasonParts] = body.split(/\s--\s|\s--$|^--\s/);
    const reason = reasonParts.join(" -- ").trim();
    const until = /\buntil\s+(\S+)/.exec(head)?.[1];
    const rules = head
      .replace(/\buntil\s+\S+/, "")
      .split(/[\s,]+/)
      .filter(Boolean);
    const start = source.lines.position(m.index ?? 0);
    if (directives.length === MAX_DIRECTIVES) {
      // One marker at the first directive left out; the rest are counted, not parsed.
      let leftOut = 1;
      for (const _ of source.text.slice((m.index ?? 0) + m[0].length).matchAll(DIRECTIVE)) leftOut++;
      directives.push({ scope: "file", rules: [], line: start.line, column: start.column, endColumn: start.column + m[0].replace(/\s+$/, "").length, leftOut });
      break;
    }
    const scope = (m[2] ?? "-line").slice(1) as Directive["scope"];
    const endColumn = start.column + m[0].replace(/\s+$/, "").length;
    directives.push({ scope, rules, ...(until ? { until } : {}), ...(reason ? { reason } : {}), line: start.line, column: start.column, endColumn });
  }
  return directives;
}

export interface SuppressionInput {
  findings: Finding[];
  /** The directives of each reported file that has any (readDirectives). */
  directives: ReadonlyMap<string, readonly Directive[]>;
  knownRules: ReadonlySet<string>;
  today: string;
  enabled: boolean;
}

/** Marks suppressed findings (they stay in the list, for SARIF) and adds findings about the directives themselves. */
export function applySuppressions(input: SuppressionInput): Finding[] {
  const byFile = new Map<string, Finding[]>();
  for (const f of input.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const out: Finding[] = [...input.findings];
  for (const [path, directives] of input.directives) {
    const inFile = byFile.get(path) ?? [];
    // A line directive looks at the findings of its line only, not at every finding of the file.
    let byLine: Map<number, Finding[]> | undefined;
    const onLine = (line: number): readonly Finding[] => {
      if (!byLine) {
        byLine = new Map();
        for (const f of inFile) {
          const list = byLine.get(f.range.start.line);
          if (list) list.push(f);
          else byLine.set(f.range.start.line, [f]);
        }
      }
      return byLine.get(line) ?? [];
    };
    for (const d of directives) {
      const at = { start: { line: d.line, column: d.column }, end: { line: d.line, column: d.endColumn } };
      const problem = (ruleId: SuppressionRuleId, severity: Finding["severity"], message: string, help: string) => out.push(report(CORE_RULES[ruleId], path, at, message, { severity, help }));
      if (d.leftOut !== undefined) {
        out.push(
          report(
            CORE_RULES["parse/resource-limit"],
            path,
            // At the top of the file, where the findings cap (the first findings by position) cannot hide it.
            FILE_START,
            `More than ${MAX_DIRECTIVES} suppression directives in this file: the ${d.leftOut} from line ${d.line} on are ignored.`,
            { severity: "error", help: "Suppress in the configuration's overrides instead of comment by comment." },
          ),
        );
        continue;
      }
      if (!input.enabled) {
        problem(
          "suppression/disabled",
          "warning",
          "Inline suppressions are turned off for this run; this directive has no effect.",
          "Fix the finding, or ask for the exception in the configuration's overrides.",
        );
        continue;
      }
      if (d.rules.length === 0) {
        problem("suppression/invalid", "error", "Suppression names no rule.", "Name the rule ids to suppress: aimslint-disable-next-line <rule-id> -- <reason>.");
        continue;
      }
      const unknown = d.rules.filter((r) => !input.knownRules.has(r) && !r.endsWith("/*"));
      if (unknown.length > 0) {
        problem(
          "suppression/invalid",
          "error",
          `Suppression names unknown rule${unknown.length > 1 ? "s" : ""} ${unknown.map((r) => `"${r}"`).join(", ")}.`,
          'Check the rule id with "aimslint rules".',
        );
        continue;
      }
      if (!d.reason) {
        problem(
          "suppression/missing-reason",
          "error",
          "Suppression has no reason; it is ignored.",
          "Add the reason after two dashes: aimslint-disable-next-line <rule-id> -- <why this exception is acceptable>.",
        );
        continue;
      }
      if (d.until !== undefined && !isDate(d.until)) {
        problem("suppression/invalid", "error", `Suppression expiry "${d.until}" is not a date (YYYY-MM-DD).`, "Write the expiry as until YYYY-MM-DD.");
        continue;
      }
      if (d.until !== undefined && d.until < input.today) {
        problem(
          "suppression/expired",
          "error",
          `Suppression expired on ${d.until}; the finding it hid is reported again.`,
          "Review the exception: fix the finding, or renew the suppression with a new date and reason.",
        );
        continue;
      }
      let used = false;
      const line = d.scope === "line" ? d.line : d.scope === "next-line" ? d.line + 1 : undefined;
      for (const f of line === undefined ? inFile : onLine(line)) {
        if (f.suppressed || f.ruleId.startsWith("suppression/") || f.ruleId.startsWith("file/")) continue;
        if (!d.rules.some((r) => r === f.ruleId || (r.endsWith("/*") && f.ruleId.startsWith(r.slice(0, -1))))) continue;
        f.suppressed = { reason: d.reason, ...(d.until ? { expires: d.until } : {}), line: d.line };
        used = true;
      }
      if (!used) problem("suppression/unused", "warning", `Suppression of ${d.rules.join(", ")} matches no finding.`, "Remove the directive: the problem it excused is gone.");
    }
  }
  return out;
}
