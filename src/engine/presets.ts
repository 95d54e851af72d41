// The presets a configuration's `extends` may name, and which rules each turns on.
import type { RuleDefinition } from "./types.js";

/**
 * `recommended` (the default), `strict` (every rule of the ISO/IEC 42001 pack, warnings raised to errors),
 * `huggingface` (the recommended rules that check model and dataset cards: for a repository that publishes cards on
 * the Hub rather than an ISO/IEC 42001 management system) and `eu-ai-act` (the opt-in rules that check the evidence
 * the EU AI Act asks of high-risk systems, docs/eu-ai-act.md; combined with the others, e.g. `[recommended, eu-ai-act]`).
 */
export const PRESETS = ["recommended", "strict", "huggingface", "eu-ai-act"] as const;

/**
 * Whether a preset turns a rule on; a rule is on when any preset named does. A rule of an opt-in preset (its
 * `preset:`) is on only under that preset: `strict` means every rule of the ISO/IEC 42001 pack, not every law's.
 */
export function turnsOn(preset: string, rule: RuleDefinition): boolean {
  if (rule.preset !== undefined) return preset === rule.preset;
  if (preset === "strict") return true;
  if (preset === "huggingface") return rule.recommended && rule.appliesTo.some((kind) => kind === "model-card" || kind === "data-card");
  if (preset === "eu-ai-act") return false;
  return rule.recommended;
}

/**
 * Whether the Statement of Applicability can switch the rule off (pipeline/applicability.ts): a rule derived from
 * Annex A controls alone, not one of an opt-in preset, which checks what a law asks whatever controls the
 * organisation excludes.
 */
export function followsStatementOfApplicability(rule: RuleDefinition): boolean {
  return rule.preset === undefined && rule.iso42001.length > 0 && rule.iso42001.every((ref) => ref.startsWith("A."));
}
