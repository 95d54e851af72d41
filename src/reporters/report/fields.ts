// What the report reads from the repository index beyond what the rules keep: each document's approval and review
// dates, and of each AI system record what the evidence matrix needs. A report run keeps these too (cli/report.ts).
import { KINDS } from "../../core/kinds.js";
import { type IndexFields, withIndexFields } from "../../engine/index-entry.js";

const DOCUMENT_FIELDS = ["status", "approved_by", "approved_on", "last_reviewed", "next_review"];
const SYSTEM_FIELDS = ["name", "title", "in_scope", "scope_exclusion_reason", "datasets", "third_party_components[*].supplier", "monitoring"];

/** `fields` with what the report reads added. */
export function withReportFields(fields: IndexFields): IndexFields {
  return withIndexFields(
    fields,
    KINDS.filter((kind) => !kind.foreign).map((kind) => [kind.id, kind.id === "ai-system" ? [...DOCUMENT_FIELDS, ...SYSTEM_FIELDS] : DOCUMENT_FIELDS] as const),
  );
}
