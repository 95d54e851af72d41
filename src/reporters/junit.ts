// JUnit XML, for the test views of CI systems (GitLab's `artifacts:reports:junit`, Jenkins, Azure DevOps): one
// <testsuite> per file reported on, one <testcase> per finding, as ESLint's junit formatter does; a file without
// findings is one passing testcase. A finding is a <failure>, or an <error> when the file could not be read or
// parsed (parse/*, file/*: the file was not checked); a suppressed one is <skipped>, with its reason. Valid against
// the JUnit schema Jenkins' xUnit plugin publishes (junit-10.xsd; test/junit.test.ts). Deterministic: no times.
import type { Finding } from "../core/finding.js";
import type { Reporter } from "./types.js";
import { xmlAttribute, xmlText } from "./xml-text.js";

export const junit: Reporter = (findings, context) => {
  const byFile = new Map<string, Finding[]>();
  for (const file of context.files ?? []) byFile.set(file, []);
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const files = [...byFile.keys()].sort();
  const totals = { tests: 0, failures: 0, errors: 0 };
  const suites = files.map((file) => {
    const mine = byFile.get(file)!;
    const classname = xmlAttribute(file.replace(/\.[^./]*$/, ""));
    if (mine.length === 0) {
      totals.tests++;
      return suite(file, { tests: 1, failures: 0, errors: 0, skipped: 0 }, [`    <testcase name="${xmlAttribute(file)}" classname="${classname}" time="0"/>`]);
    }
    const counts = { tests: mine.length, failures: 0, errors: 0, skipped: 0 };
    const cases = mine.map((f) => {
      const open = `    <testcase name="${xmlAttribute(f.ruleId)}" classname="${classname}" time="0">`;
      if (f.suppressed) {
        counts.skipped++;
        const why = f.suppressed.expires ? `${f.suppressed.reason} (until ${f.suppressed.expires})` : f.suppressed.reason;
        return `${open}<skipped message="${xmlAttribute(`Suppressed: ${why}`)}"/></testcase>`;
      }
      const element = unchecked(f) ? "error" : "failure";
      counts[element === "error" ? "errors" : "failures"]++;
      return `${open}<${element} type="${f.severity}" message="${xmlAttribute(f.message)}">${xmlText(details(f))}</${element}></testcase>`;
    });
    totals.tests += counts.tests;
    totals.failures += counts.failures;
    totals.errors += counts.errors;
    return suite(file, counts, cases);
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="aimslint" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" time="0">`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
};

function suite(file: string, counts: { tests: number; failures: number; errors: number; skipped: number }, cases: string[]): string {
  const head = `  <testsuite name="${xmlAttribute(file)}" package="aimslint" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" time="0">`;
  return [head, ...cases, "  </testsuite>"].join("\n");
}

/** Findings that say the file was not (wholly) checked: it could not be read, or not parsed. */
function unchecked(f: Finding): boolean {
  return f.ruleId.startsWith("parse/") || f.ruleId.startsWith("file/");
}

/** The body of a failure: where, what, the ISO/IEC 42001 references and the fix, as the other reporters give them. */
function details(f: Finding): string {
  const { line, column } = f.range.start;
  const lines = [`${f.file}:${line}:${column}  ${f.severity}  ${f.message}  ${f.ruleId}`];
  if (f.iso42001.length > 0) lines.push(`ISO/IEC 42001: ${f.iso42001.join(", ")}`);
  if (f.help?.trim()) lines.push(`Fix: ${f.help.trim()}`);
  return lines.join("\n");
}
