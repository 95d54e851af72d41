// A finding's crosswalks to other frameworks: its configured rule's (derived or the rule's own, core/crosswalks.ts),
// or, for a core check of the pipeline (schema/enum…), those its own ISO/IEC 42001 references map to: a core id's
// findings cite different clauses in different kinds of document.
import { type Crosswalks, crosswalksOf } from "../core/crosswalks.js";
import type { Finding } from "../core/finding.js";
import type { RuleMetadata } from "./types.js";

export function findingCrosswalks(rules: readonly RuleMetadata[] = []): (f: Finding) => Crosswalks {
  // Worked out per rule when a finding first needs it: for all 130 rules it was ~4 ms of every run, most of which
  // report a few findings or none.
  const rulesById = new Map(rules.map((r) => [r.id, r]));
  const byId = new Map<string, Crosswalks>();
  return (f) => {
    let crosswalks = byId.get(f.ruleId);
    if (crosswalks === undefined) {
      const rule = rulesById.get(f.ruleId);
      if (rule === undefined) return crosswalksOf({ iso42001: f.iso42001 });
      byId.set(f.ruleId, (crosswalks = crosswalksOf(rule)));
    }
    return crosswalks;
  };
}
