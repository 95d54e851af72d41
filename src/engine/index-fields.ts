// Which fields of which kinds the cross-document rules read from other artefacts: the repository index keeps
// those and nothing else. Derived from the rules and what each function declares it reads (functions/registry.ts),
// so the organisation's own rules are covered too.
import type { IndexFields } from "./index-entry.js";
import { FUNCTIONS } from "./functions/registry.js";
import { substituteOptions } from "./options.js";
import { KINDS } from "../core/kinds.js";
import type { RuleDefinition } from "./types.js";

/**
 * What applicability (pipeline/applicability.ts) reads whatever the rules: the SoA's exclusions and their scope,
 * and the system each artefact belongs to.
 */
export const APPLICABILITY_FIELDS: ReadonlyMap<string, readonly string[]> = new Map([
  ["statement-of-applicability", ["controls[*].control", "controls[*].applicable", "controls[*].scope"]],
  ["risk", ["system"]],
  ["impact-assessment", ["system"]],
  ["model-card", ["system"]],
  ["nonconformity", ["system"]],
  ["data-card", ["systems"]],
  ["supplier", ["systems"]],
]);

/** What the index keeps whatever the rules: applicability's fields, and whether a document is a draft (pipeline/drafts.ts). */
export const ALWAYS_KEPT: ReadonlyMap<string, readonly string[]> = new Map(
  KINDS.flatMap((k) => {
    const fields = [...(APPLICABILITY_FIELDS.get(k.id) ?? []), ...(k.foreign ? [] : ["status"])];
    return fields.length > 0 ? [[k.id, fields] as const] : [];
  }),
);

/**
 * @param variants every rule with each set of options it may run with (defaults, configuration, overrides):
 * options can name the kind and field a function reads ({ $option: … }).
 */
export function indexFields(variants: Iterable<{ rule: RuleDefinition; options: Record<string, unknown> }>): IndexFields {
  const fields = new Map<string, Set<string>>();
  const keep = (kind: unknown, field: unknown) => {
    // A list of fields (referenced-by's `having`): each is kept.
    if (Array.isArray(field)) {
      for (const f of field) keep(kind, f);
      return;
    }
    if (typeof kind !== "string" || typeof field !== "string") return;
    const set = fields.get(kind) ?? new Set<string>();
    set.add(field);
    fields.set(kind, set);
  };
  for (const [kind, list] of ALWAYS_KEPT) for (const field of list) keep(kind, field);
  for (const { rule, options } of variants) {
    for (const call of [...(rule.check.when ?? []), ...rule.check.then]) {
      const fn = FUNCTIONS.get(call.function);
      if (!fn) continue;
      for (const [kind, list] of Object.entries(fn.keeps ?? {})) for (const field of list) keep(kind, field);
      if (!fn.reads && !fn.readsOwn) continue;
      const o = substituteOptions(call.options ?? {}, options);
      for (const [kind, field] of fn.reads ?? []) keep(o[kind], o[field]);
      for (const field of fn.readsOwn ?? []) for (const kind of rule.appliesTo) keep(kind, o[field]);
    }
  }
  return new Map([...fields].map(([kind, set]) => [kind, [...set].sort()]));
}
