// One problem, one finding. Several rules may see the same gap: the schema requires `intended_purpose` and
// system/required-fields asks for it with a reason; doc/review-date and policy/review-cycle both want `next_review`.
// The person fixing it needs one finding, from the rule that says most about it, as severe as the most severe.
import type { Finding, Severity } from "../core/finding.js";

/**
 * Rule findings that only repeat a schema finding about the same value (wrong type, enum, format, pattern), and a
 * generic doc/no-placeholders finding where a specific rule reports the same placeholder.
 */
export function withoutEchoes(schemaFindings: readonly Finding[], ruleFindings: Finding[]): Finding[] {
  const key = (f: Finding) => `${f.file}\u0000${f.pointer}`;
  const invalid = new Set<string>();
  for (const f of schemaFindings) if (f.ruleId.startsWith("schema/") && f.ruleId !== "schema/required" && f.pointer !== undefined) invalid.add(key(f));
  const specific = new Set<string>();
  for (const f of ruleFindings) if (f.ruleId !== GENERIC_PLACEHOLDER_RULE && f.pointer !== undefined) specific.add(key(f));
  return ruleFindings.filter((f) => f.pointer === undefined || (!invalid.has(key(f)) && !(f.ruleId === GENERIC_PLACEHOLDER_RULE && specific.has(key(f)))));
}

const GENERIC_PLACEHOLDER_RULE = "doc/no-placeholders";

/** A finding that a field is missing, empty or filler (schema/required, or a rule's `present` check). */
const GAP = /^Missing (?:required property )?"|^"[^"]+"(?: \([^)]*\))? (?:is empty|holds template filler)/;
/** doc/no-placeholders: `"TBD" in "purpose" is template filler`; a list with no filled item: `"x" has 0 items`. */
const FILLER = /^"[^"]*" in "[^"]+" is template filler|^"[^"]+" has 0 items;/;

/** A list item that is filler: `"TBD" in "context.jurisdictions[0]" is template filler`. */
const FILLER_ITEM = /^"[^"]*" in "[^"]+\[\d+\]" is template filler|^"[^"]+\[\d+\]"(?: \([^)]*\))? holds template filler/;

/** A finding that something is still to be filled in: missing, empty, template filler. */
export function isGap(f: Finding): boolean {
  return GAP.test(f.message) || FILLER.test(f.message);
}

/**
 * Findings about the same field at the same place where one says it is missing, empty or filler become that
 * one: the most specific rule's gap finding (a kind's own rule before a generic doc/ rule before the schema), at the
 * highest severity among them. A value that is filler is not also "not one of the allowed roles": it is not there
 * yet. Without a gap, findings about one field are different problems (a date in the past, a cycle too long) and stay.
 */
export function onePerGap(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.pointer === undefined) continue;
    // The position too: the documents of a multi-document file share pointers.
    const key = `${f.file}\u0000${f.pointer}\u0000${f.range.start.line}:${f.range.start.column}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const dropped = new Set<Finding>();
  const raised = new Map<Finding, Severity>();
  for (const group of groups.values()) {
    const gaps = group.length < 2 ? [] : group.filter((f) => GAP.test(f.message));
    if (gaps.length === 0) continue;
    const kept = gaps.reduce((best, f) => (specificity(f) > specificity(best) ? f : best));
    const severity = group.reduce<Severity>((worst, f) => (RANK[f.severity] > RANK[worst] ? f.severity : worst), kept.severity);
    for (const f of group) if (f !== kept) dropped.add(f);
    if (severity !== kept.severity) raised.set(kept, severity);
  }
  // A misspelt key ("titel"; did you mean "title"?) is the reason the right one is missing: one finding, at the
  // misspelling, as severe as the gap it causes.
  const misspelt = new Map<string, Finding>();
  for (const f of findings) {
    const meant = f.ruleId === "schema/unknown-property" && f.pointer !== undefined ? /did you mean "([^"]+)"\?$/.exec(f.message)?.[1] : undefined;
    if (meant) misspelt.set(`${f.file}\u0000${f.pointer!.replace(/[^/]*$/, "")}${meant.replace(/~/g, "~0").replace(/\//g, "~1")}`, f);
  }
  for (const f of findings) {
    const typo = f.pointer !== undefined && !dropped.has(f) && /^Missing /.test(f.message) ? misspelt.get(`${f.file}\u0000${f.pointer}`) : undefined;
    if (!typo) continue;
    dropped.add(f);
    const current = raised.get(typo) ?? typo.severity;
    if (RANK[f.severity] > RANK[current]) raised.set(typo, f.severity);
  }
  // A list "has 0 items" because its items are template filler, each reported where it is typed: those are the
  // problem, as severe as the list's finding.
  const fillerAt = new Map<string, Finding[]>();
  for (const f of findings)
    if (f.pointer !== undefined && !dropped.has(f) && FILLER_ITEM.test(f.message))
      fillerAt.set(`${f.file}\u0000${f.pointer.replace(/\/\d+$/, "")}`, [...(fillerAt.get(`${f.file}\u0000${f.pointer.replace(/\/\d+$/, "")}`) ?? []), f]);
  for (const f of findings) {
    const items = f.pointer !== undefined && / has 0 items;/.test(f.message) ? fillerAt.get(`${f.file}\u0000${f.pointer}`) : undefined;
    if (!items || dropped.has(f)) continue;
    dropped.add(f);
    for (const item of items) if (RANK[f.severity] > RANK[raised.get(item) ?? item.severity]) raised.set(item, f.severity);
  }
  if (dropped.size === 0) return [...findings];
  return findings.filter((f) => !dropped.has(f)).map((f) => (raised.has(f) ? { ...f, severity: raised.get(f)! } : f));
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function specificity(f: Finding): number {
  return f.ruleId.startsWith("schema/") ? 0 : f.ruleId.startsWith("doc/") ? 1 : 2;
}
