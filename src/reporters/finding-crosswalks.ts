// A finding's crosswalks to other frameworks: its configured rule's (derived or the rule's own, core/crosswalks.ts),
// or, for a core check of the pipeline (schema/enum…), those its own ISO/IEC 42001 references map to: a core id's
// findings cite different clauses in different kinds of document.
import { type Crosswalks, crosswalksOf } from "../core/crosswalks.js";
import type { Finding } from "../core/finding.js";
import type { RuleMetadata } from "./types.js";

export function findingCrosswalks(rules: readonly RuleMetadata[] = []): (f: Finding) => Crosswalks {
  const byId = new Map(rules.map((r) => [r.id, crosswalksOf(r)]));
  return (f) => byId.get(f.ruleId) ?? crosswalksOf({ iso42001: f.iso42001 });
}
