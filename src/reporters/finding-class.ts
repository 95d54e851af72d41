// What kind of problem a finding is. The annotation order (annotations.ts) puts the fundamental ones first; the
// coverage table (coverage.ts) lets only rule findings fail a clause.
import type { Finding } from "../core/finding.js";

/**
 * What kind of problem a finding is, most fundamental first:
 * - `document`: the file cannot be read as an artefact at all (parse/, file/, kind/): nothing else about it is known;
 * - `schema`: the document does not have the shape of its kind (schema/);
 * - `rule`: a rule of the pack or the organisation found a problem;
 * - `placeholder`: a field still holds template filler (TBD, `<owner>`, `[More Information Needed]`): the work is
 *   not done yet, which the author knows, rather than done wrong.
 */
export type FindingClass = "document" | "schema" | "rule" | "placeholder";

export const CLASS_RANK: Record<FindingClass, number> = { document: 0, schema: 1, rule: 2, placeholder: 3 };

/** doc/no-placeholders, and the `present` / `no-placeholders` functions' messages about filler (engine/functions/document.ts). */
const FILLER = /holds template filler |is template filler, not an answer/;

export function classOf(f: Finding): FindingClass {
  if (/^(?:parse|file|kind)\//.test(f.ruleId)) return "document";
  if (f.ruleId === "doc/no-placeholders" || FILLER.test(f.message)) return "placeholder";
  if (f.ruleId.startsWith("schema/")) return "schema";
  return "rule";
}
