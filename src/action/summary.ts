// The job summary ($GITHUB_STEP_SUMMARY): totals, findings by rule with their ISO/IEC 42001 references, the
// coverage table, and every finding. GitHub refuses a step summary over 1 MiB (github/docs workflow-commands.md),
// so the finding list is cut to fit, with a note saying so.
import { countFindings, type Finding } from "../core/finding.js";
import { ruleCatalogue } from "../reporters/sarif.js";
import type { RuleMetadata } from "../reporters/types.js";
import { safeText } from "../util/safe-text.js";
import type { Coverage, CoverageStatus } from "./coverage.js";
import { plural } from "../util/text.js";

/** Under GitHub's 1 MiB (1,048,576 bytes), leaving room for the truncation note. */
export const SUMMARY_LIMIT_BYTES = 1_000_000;

export interface SummaryInput {
  version: string;
  /** Reported findings, suppressed ones included, sorted. */
  findings: readonly Finding[];
  rules: readonly RuleMetadata[];
  coverage: Coverage;
  filesChecked: number;
  artefactsChecked: number;
  /** What was reported on, e.g. "every file" or "the 4 files changed by pull request #7 (GitHub API)". */
  scope: string;
  annotations: { shown: number; omitted: number };
  sarifFile?: string;
  failOn: "error" | "warning" | "never";
  failed: boolean;
  limitBytes?: number;
}

const STATUS: Record<CoverageStatus, string> = {
  fail: "✖ failing",
  warn: "⚠ warnings",
  "no-evidence": "⚠ no evidence",
  partial: "◐ partial",
  pass: "✔ passing",
  "not-checked": "— not checked",
};

export function renderSummary(input: SummaryInput): string {
  const limit = input.limitBytes ?? SUMMARY_LIMIT_BYTES;
  const totals = countFindings(input.findings);
  const head: string[] = [];
  const mark = totals.errors > 0 ? "✖" : totals.warnings > 0 ? "⚠" : "✔";
  head.push(`## ${mark} aimslint: ${plural(totals.errors, "error")}, ${plural(totals.warnings, "warning")}${totals.infos ? `, ${plural(totals.infos, "notice")}` : ""}`, "");
  head.push(
    `Checked ${plural(input.artefactsChecked, "artefact")} in ${plural(input.filesChecked, "file")} (${md(input.scope)})${totals.suppressed ? `; ${totals.suppressed} suppressed with a reason` : ""}. ` +
      `aimslint ${md(input.version)}; fails on: ${input.failOn} — ${input.failed ? "**this check fails**" : "this check passes"}.`,
    "",
  );
  if (input.annotations.omitted > 0) {
    head.push(
      `> [!NOTE]`,
      `> ${input.annotations.shown} findings are annotated on the diff; GitHub shows at most 10 errors, 10 warnings and 10 notices per step, so the other ${input.annotations.omitted} are only listed below${input.sarifFile ? " and in the SARIF file" : ""}.`,
      "",
    );
  }
  if (input.sarifFile) head.push(`SARIF: \`${md(input.sarifFile).replace(/`/g, "")}\``, "");

  const sections: string[] = [];
  const catalogue = new Map(ruleCatalogue(input.findings, input.rules).map((r) => [r.id, r]));
  const byRule = new Map<string, { errors: number; warnings: number; infos: number; suppressed: number }>();
  for (const f of input.findings) {
    const c = byRule.get(f.ruleId) ?? { errors: 0, warnings: 0, infos: 0, suppressed: 0 };
    if (f.suppressed) c.suppressed++;
    else if (f.severity === "error") c.errors++;
    else if (f.severity === "warning") c.warnings++;
    else c.infos++;
    byRule.set(f.ruleId, c);
  }
  if (byRule.size > 0) {
    sections.push("### Findings by rule", "", "| Rule | Errors | Warnings | Notices | Suppressed | ISO/IEC 42001 | Requirement |", "|---|--:|--:|--:|--:|---|---|");
    const ordered = [...byRule].sort(([a, x], [b, y]) => y.errors - x.errors || y.warnings - x.warnings || y.infos - x.infos || (a < b ? -1 : 1));
    for (const [id, c] of ordered) {
      const rule = catalogue.get(id);
      sections.push(`| \`${id}\` | ${c.errors} | ${c.warnings} | ${c.infos} | ${c.suppressed} | ${refList(rule?.iso42001 ?? [])} | ${md(rule?.title ?? "")} |`);
    }
    sections.push("");
  }

  sections.push("### ISO/IEC 42001 coverage", "", "Evidence counts the whole repository; rules ran on the files reported on.", "");
  sections.push("| Clause / Annex A | Evidence in the repository | Rules run | Failing | Status |", "|---|---|--:|---|---|");
  for (const row of input.coverage.rows) {
    const held = row.evidence.filter((e) => e.count > 0);
    const evidence = row.evidence.length === 0 ? "—" : held.length > 0 ? held.map((e) => `${e.count} × ${md(e.title)}`).join("<br>") : `none (${row.evidence.map((e) => md(e.title)).join(", ")})`;
    const failing = row.failed.length === 0 ? "—" : row.failed.map((e) => `\`${e.ruleId}\` (${counts(e)})`).join("<br>");
    const status = row.status === "partial" ? `${STATUS.partial} (no rule ran for ${row.gaps.join(", ")})` : STATUS[row.status];
    sections.push(`| **${md(row.ref)}** ${md(row.title)} | ${evidence} | ${row.ran.length} | ${failing} | ${status} |`);
  }
  const uncheckable = input.coverage.rows.flatMap((row) => row.uncheckable);
  if (uncheckable.length > 0) {
    sections.push("", `Not checkable from files (they do not keep an area from passing): ${uncheckable.map((u) => `${u.control} (${md(u.reason.replace(/\.$/, ""))})`).join("; ")}.`);
  }
  if (input.coverage.unchecked.length > 0) sections.push("", `No rule or artefact kind of this run covers: ${input.coverage.unchecked.join(", ")}.`);
  sections.push("");

  const text = [...head, ...sections].join("\n");
  return text + findingList(input.findings, limit - byteLength(text));
}

/** Every finding, in a collapsed table, cut to the remaining byte budget. */
function findingList(findings: readonly Finding[], budget: number): string {
  if (findings.length === 0) return "";
  const active = findings.filter((f) => !f.suppressed);
  const suppressed = findings.filter((f) => f.suppressed);
  const parts: string[] = [];
  let used = 0;
  let left = 0;
  const reserve = 400;
  const add = (line: string): boolean => {
    const size = byteLength(line) + 1;
    if (used + size > budget - reserve) return false;
    parts.push(line);
    used += size;
    return true;
  };
  const table = (title: string, list: readonly Finding[], last: (f: Finding) => string | undefined, header: string) => {
    if (list.length === 0) return;
    if (!add(`<details${list === active && list.length <= 50 ? " open" : ""}><summary>${title}</summary>\n\n${header}`)) {
      left += list.length;
      return;
    }
    let i = 0;
    for (; i < list.length; i++) {
      const f = list[i]!;
      const extra = last(f);
      if (!add(`| ${md(`${f.file}:${f.range.start.line}:${f.range.start.column}`)} | ${f.severity} | \`${f.ruleId}\` | ${md(f.message)} |${extra === undefined ? "" : ` ${extra} |`}`)) break;
    }
    left += list.length - i;
    parts.push("\n</details>\n");
  };
  table(`All findings (${active.length})`, active, () => undefined, "| Location | Severity | Rule | Message |\n|---|---|---|---|");
  table(
    `Suppressed findings (${suppressed.length})`,
    suppressed,
    (f) => md(f.suppressed!.reason + (f.suppressed!.expires ? ` (until ${f.suppressed!.expires})` : "")),
    "| Location | Severity | Rule | Message | Reason |\n|---|---|---|---|---|",
  );
  if (left > 0) parts.push(`\n> [!WARNING]\n> ${left} more finding${left === 1 ? " is" : "s are"} not listed: a job summary is limited to 1 MiB. The SARIF file and the step's log hold them all.\n`);
  return "\n" + parts.join("\n");
}

/** Untrusted text in a Markdown table cell: one line, no HTML, no Markdown syntax, no cell breaks. */
export function md(text: string): string {
  return safeText(text).replace(/[&<>"'|\\`*_[\]~!@$]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function refList(refs: readonly string[]): string {
  return refs.map(md).join(", ");
}

function counts(c: { errors: number; warnings: number; infos: number }): string {
  return [c.errors ? plural(c.errors, "error") : "", c.warnings ? plural(c.warnings, "warning") : "", c.infos ? plural(c.infos, "notice") : ""].filter(Boolean).join(", ");
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
