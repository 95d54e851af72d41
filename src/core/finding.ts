// The one result type: every stage produces Findings, every reporter consumes them.

export type Severity = "error" | "warning" | "info";

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** 1-based line and column; columns count UTF-16 code units, as editors, ESLint and SARIF do. */
export interface Position {
  line: number;
  column: number;
}

/** `end` is exclusive: the position just after the last character of the offending text. */
export interface Range {
  start: Position;
  end: Position;
}

export interface Suppression {
  reason: string;
  expires?: string;
  /** Where the suppression comment is (0 for the baseline). */
  line: number;
  /** Accepted by the baseline file rather than by a comment in the file. */
  baseline?: true;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** What is wrong, and where in the document, in one sentence. */
  message: string;
  /** Repository-relative path with forward slashes. */
  file: string;
  range: Range;
  /** ISO/IEC 42001 clause and Annex A references, e.g. ["6.1.4", "A.5.2"]. */
  iso42001: string[];
  /** How to fix it. */
  help?: string;
  /** JSON pointer of the offending value inside the document, when there is one. */
  pointer?: string;
  /** Set when an inline directive suppressed the finding; reporters show or count it apart. */
  suppressed?: Suppression;
  /**
   * Only on the finding that stands for those a file had past the per-file limit (aimslint/too-many-findings):
   * how many of each were not listed. Totals count them instead of this finding.
   */
  notListed?: NotListed;
}

/** Findings left out of the list by the per-file limit, by severity; suppressed ones apart. */
export interface NotListed {
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
}

export const FILE_START: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** Every finding of the run, listed or not: errors, warnings and infos are active findings, suppressed ones apart. */
export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
  /** Of the suppressed, those the baseline accepted. */
  baselined: number;
  /** Of the findings counted above, how many the per-file limit left out of the list (errors, warnings, infos). */
  notListed: number;
}

export function countFindings(findings: readonly Finding[]): Totals {
  const totals: Totals = { errors: 0, warnings: 0, infos: 0, suppressed: 0, baselined: 0, notListed: 0 };
  for (const f of findings) {
    if (f.notListed) {
      // It stands for the findings it counts; it is not one more problem.
      const { errors, warnings, infos, suppressed } = f.notListed;
      totals.errors += errors;
      totals.warnings += warnings;
      totals.infos += infos;
      totals.suppressed += suppressed;
      totals.notListed += errors + warnings + infos;
    } else if (f.suppressed) {
      totals.suppressed++;
      if (f.suppressed.baseline) totals.baselined++;
    } else if (f.severity === "error") totals.errors++;
    else if (f.severity === "warning") totals.warnings++;
    else totals.infos++;
  }
  return totals;
}
