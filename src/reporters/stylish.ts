// Human output: one line per finding, `file:line:col  severity  message  rule-id`, grouped by file.
import { countFindings, type Finding } from "../core/finding.js";
import { safeLineStart, safeText } from "../util/safe-text.js";
import type { Reporter } from "./types.js";
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
  for (const f of shown) {
    if (f.file !== file) {
      if (file !== undefined) lines.push("");
      file = f.file;
    }
    const severity = f.severity === "error" ? red("error  ") : f.severity === "warning" ? yellow("warning") : blue("info   ");
    lines.push(`${bold(safeLineStart(location(f)).padEnd(width))}  ${severity}  ${safeText(f.message)}  ${dim(f.ruleId)}`);
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
  if (context.notes && context.notes.length > 0) lines.push("", ...context.notes);
  return lines.join("\n") + "\n";
};

function location(f: Finding): string {
  return `${f.file}:${f.range.start.line}:${f.range.start.column}`;
}
