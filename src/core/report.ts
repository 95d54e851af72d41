// The one way a finding is made, for core rules (core-rules.ts) and the rule pack alike, as ESLint's
// context.report and stylelint's report() are: the rule gives the id, the default severity and the ISO/IEC 42001
// references, the caller the place and the message. Every finding has the same keys in the same order.
import type { Finding, Range, Severity } from "./finding.js";

/** What a finding takes from its rule: a core rule, or a pack or organisation rule. */
export interface ReportingRule {
  readonly id: string;
  readonly severity: Severity;
  readonly iso42001: readonly string[];
}

export interface ReportDetails {
  /** This finding's severity when it is not the rule's (configured, or chosen by the check). */
  severity?: Severity;
  /** How to fix this finding. */
  help?: string | undefined;
  /** JSON pointer of the offending value. */
  pointer?: string | undefined;
  /** References of this finding when they are not the rule's (a schema finding cites its kind's controls). */
  iso42001?: readonly string[];
}

export function report(rule: ReportingRule, file: string, range: Range, message: string, details: ReportDetails = {}): Finding {
  // Shared, never copied: a 10,000-artefact run makes tens of thousands of findings from a few dozen rules.
  const finding: Finding = { ruleId: rule.id, severity: details.severity ?? rule.severity, message, file, range, iso42001: (details.iso42001 ?? rule.iso42001) as string[] };
  if (details.help !== undefined) finding.help = details.help;
  if (details.pointer !== undefined) finding.pointer = details.pointer;
  return finding;
}
