// The presets a configuration's `extends` may name, and which rules each turns on.
import type { RuleDefinition } from "./types.js";

/**
 * `recommended` (the default), `strict` (every rule, warnings raised to errors) and `huggingface` (the recommended
 * rules that check model and dataset cards: for a repository that publishes cards on the Hub rather than an
 * ISO/IEC 42001 management system).
 */
export const PRESETS = ["recommended", "strict", "huggingface"] as const;

/** Whether a preset turns a rule on; a rule is on when any preset named does. */
export function turnsOn(preset: string, rule: RuleDefinition): boolean {
  if (preset === "strict") return true;
  if (preset === "huggingface") return rule.recommended && rule.appliesTo.some((kind) => kind === "model-card" || kind === "data-card");
  return rule.recommended;
}
