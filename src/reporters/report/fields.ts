// What the report reads from the repository index beyond what the rules keep: each document's approval and review
// dates, and of each AI system record what the evidence matrix needs. A report run keeps these too (cli/report.ts).
import { KINDS } from "../../core/kinds.js";
import type { IndexFields } from "../../engine/index-entry.js";

const DOCUMENT_FIELDS = ["status", "approved_by", "approved_on", "last_reviewed", "next_review"];
const SYSTEM_FIELDS = ["name", "title", "in_scope", "scope_exclusion_reason", "datasets", "third_party_components[*].supplier", "monitoring"];

/** `fields` with what the report reads added. */
export function withReportFields(fields: IndexFields): IndexFields {
  const out = new Map(fields);
  for (const kind of KINDS) {
    if (kind.foreign) continue;
    const wanted = [...DOCUMENT_FIELDS, ...(kind.id === "ai-system" ? SYSTEM_FIELDS : [])];
    out.set(kind.id, [...new Set([...(out.get(kind.id) ?? []), ...wanted])].sort());
  }
  return out;
}
