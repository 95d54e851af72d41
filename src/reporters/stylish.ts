// Human output: one line per finding, `file:line:col  severity  message  rule-id`, grouped by file, or with
// `--framework`, grouped by the references of ISO/IEC 42001 or of a framework it is crosswalked to.
import { compareCrosswalkRefs, type CrosswalkFramework, crosswalkTitle, FRAMEWORK_INFO } from "../core/crosswalks.js";
import { countFindings, type Finding } from "../core/finding.js";
import { compareRefs, titleOf } from "../core/iso42001.js";
import { safeLineStart, safeText } from "../util/safe-text.js";
import type { ReportFramework } from "./formats.js";
import { findingCrosswalks } from "./finding-crosswalks.js";
import type { ReportContext, Reporter } from "./types.js";
import { plural } from "../util/text.js";

const paint = (on: boolean, code: string) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

export const stylish: Reporter = (findings, context) => {
  const red = paint(context.color, "31");
  const yellow = paint(context.color, "33");
  const blue = paint(context.color, "34");
  const dim = paint(context.color, "2");
  const bold = paint(context.color, "1");
  const shown = findings.filter((f) => !f.suppressed);
  const lines: string[] = [];
  let file: string | undefined;
  // A loop, not Math.max(...): spreading 200,000 findings as arguments overflows the stack.
  let width = 0;
  for (const f of shown) width = Math.max(width, location(f).length);
  const line = (f: Finding, indent = "") => {
    const severity = f.severity === "error" ? red("error  ") : f.severity === "warning" ? yellow("warning") : blue("info   ");
    return `${indent}${bold(safeLineStart(location(f)).padEnd(width))}  ${severity}  ${safeText(f.message)}  ${dim(f.ruleId)}`;
  };
  const groups = context.framework ? byReference(shown, context, context.framework) : undefined;
  if (groups) {
    for (const group of groups.list) {
      if (lines.length > 0) lines.push("");
      lines.push(bold(group.heading));
      for (const f of group.findings) lines.push(line(f, "  "));
    }
  } else {
    for (const f of shown) {
      if (f.file !== file) {
        if (file !== undefined) lines.push("");
        file = f.file;
      }
      lines.push(line(f));
    }
  }
  const totals = countFindings(findings);
  const problems = totals.errors + totals.warnings + totals.infos;
  const scanned = `${context.artefactsChecked} artefact${context.artefactsChecked === 1 ? "" : "s"} in ${context.filesChecked} file${context.filesChecked === 1 ? "" : "s"}`;
  const suppressed = totals.suppressed === 0 ? "" : totals.baselined === 0 ? `, ${totals.suppressed} suppressed` : `, ${totals.suppressed} suppressed (${totals.baselined} by the baseline)`;
  if (lines.length > 0) lines.push("");
  if (problems === 0) lines.push(`✔ No problems (${scanned}${suppressed}).`);
  else {
    const mark = totals.errors > 0 ? red("✖") : yellow("⚠");
    const parts = [plural(totals.errors, "error"), plural(totals.warnings, "warning"), ...(totals.infos ? [plural(totals.infos, "info")] : [])];
    // The limit per file lists some problems only; the count is of all of them (aimslint/too-many-findings).
    const unlisted = totals.notListed > 0 ? `; ${totals.notListed.toLocaleString("en-US")} of them not listed (the per-file limit)` : "";
    lines.push(`${mark} ${plural(problems, "problem")} (${parts.join(", ")}) in ${scanned}${suppressed}${unlisted}.`);
  }
  if (groups && shown.length > 0) lines.push(groups.summary);
  if (context.notes && context.notes.length > 0) lines.push("", ...context.notes);
  return lines.join("\n") + "\n";
};

function location(f: Finding): string {
  return `${f.file}:${f.range.start.line}:${f.range.start.column}`;
}

const FRAMEWORK_KEYS: Record<Exclude<ReportFramework, "iso42001">, CrosswalkFramework> = {
  "eu-ai-act": "euAiAct",
  "nist-ai-rmf": "nistAiRmf",
  iso23894: "iso23894",
  iso42005: "iso42005",
};

interface Group {
  heading: string;
  findings: Finding[];
}

/**
 * The findings under each reference of the framework their rules map to, references in order, then those that map
 * to none. A finding whose rule has several references is listed under each; the summary line says so.
 */
function byReference(findings: readonly Finding[], context: ReportContext, framework: ReportFramework): { list: Group[]; summary: string } {
  const key = framework === "iso42001" ? undefined : FRAMEWORK_KEYS[framework];
  const name = key ? FRAMEWORK_INFO[key].name : "ISO/IEC 42001";
  const crosswalksOf = findingCrosswalks(context.rules);
  const refsOf = (f: Finding): readonly string[] => (key ? (crosswalksOf(f)[key] ?? []) : f.iso42001);
  const byRef = new Map<string, Finding[]>();
  const unmapped: Finding[] = [];
  for (const f of findings) {
    const refs = refsOf(f);
    if (refs.length === 0) unmapped.push(f);
    for (const ref of refs) byRef.set(ref, [...(byRef.get(ref) ?? []), f]);
  }
  const order = [...byRef.keys()].sort((a, b) => (key ? compareCrosswalkRefs(key, a, b) : compareRefs(a, b)));
  const list = order.map((ref) => {
    const title = key ? crosswalkTitle(key, ref) : titleOf(ref);
    const n = byRef.get(ref)!.length;
    return { heading: `${name} ${safeText(ref)}${title ? `: ${title}` : ""} (${plural(n, "finding")})`, findings: byRef.get(ref)! };
  });
  if (unmapped.length > 0) list.push({ heading: `Not mapped to ${name} (${plural(unmapped.length, "finding")})`, findings: unmapped });
  const mapped = findings.length - unmapped.length;
  const summary = `${mapped} of ${plural(findings.length, "finding")} map to ${plural(order.length, `${name} reference`)}; a finding is listed under each reference of its rule (docs/crosswalks.md).`;
  return { list, summary };
}
