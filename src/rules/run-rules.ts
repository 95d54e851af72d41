// Stage 6: run the enabled rules on every artefact. Rules return paths; this is where they get positions.
import type { Finding, Severity } from "../finding.js";
import type { Artefact } from "../pipeline/classify.js";
import { sectionLabel } from "../pipeline/markdown.js";
import { display } from "../pipeline/schema-errors.js";
import { pointer, type PathSegment } from "../source/locator.js";
import { quote } from "../util/text.js";
import { FUNCTIONS } from "./functions/index.js";
import { parsePath, resolvePath, type Match } from "./paths.js";
import type { RepoIndex } from "./repo-index.js";
import type { CheckContext, Failure, FunctionCall, RuleDefinition } from "./types.js";

export interface ActiveRule {
  rule: RuleDefinition;
  severity: Severity;
  options: Record<string, unknown>;
}

export interface RunContext {
  index: RepoIndex;
  today: string;
  /** The rules that apply to one artefact (configuration overrides are per path). */
  rulesFor: (artefact: Artefact) => readonly ActiveRule[];
}

export function runRules(artefacts: readonly Artefact[], context: RunContext): Finding[] {
  const findings: Finding[] = [];
  for (const artefact of artefacts) {
    for (const active of context.rulesFor(artefact)) {
      if (!active.rule.appliesTo.includes(artefact.kind)) continue;
      try {
        for (const f of runRule(active, artefact, context)) findings.push(f);
      } catch (error) {
        // A broken rule must not stop the others; say which rule broke and go on.
        findings.push({
          ruleId: "aimslint/rule-error",
          severity: "error",
          message: `Rule "${active.rule.id}" failed on this file: ${(error as Error).message}`,
          file: artefact.doc.source.path,
          range: artefact.doc.locator.locate(artefact.root).range,
          iso42001: [],
          help: active.rule.source ? `Fix the rule in ${active.rule.source}.` : "Please report this as an aimslint bug.",
        });
      }
    }
  }
  return findings;
}

function runRule(active: ActiveRule, artefact: Artefact, context: RunContext): Finding[] {
  const { rule } = active;
  const findings: Finding[] = [];
  for (const given of resolvePath(artefact.data, parsePath(rule.check.given ?? ""), [])) {
    if (!given.exists) continue;
    const applies = (rule.check.when ?? []).every((call) => holds(call, given, active, artefact, context));
    if (!applies) continue;
    for (const call of rule.check.then) {
      for (const { match, failure } of evaluate(call, given, active, artefact, context)) {
        const at: PathSegment[] = [...match.path, ...(failure.at ?? [])];
        const located = artefact.doc.locator.locate([...artefact.root, ...at], failure.key ? "key" : "value");
        let message = call.message ? render(call.message, failure, match) : failure.message;
        // A Markdown card's author thinks in headings, not field names: name the section too.
        const label = artefact.doc.sections ? sectionLabel(artefact.kind, match.path, artefact.doc.sections) : undefined;
        if (label) message = message.replace(`"${display(match.path)}"`, `"${display(match.path)}" (section "${label}")`);
        findings.push({
          ruleId: rule.id,
          severity: active.severity,
          message,
          file: artefact.doc.source.path,
          range: located.range,
          iso42001: rule.iso42001,
          help: rule.help,
          pointer: pointer([...artefact.root, ...at]),
        });
      }
    }
  }
  return findings;
}

/**
 * A `when` condition holds when its field exists (unless the function tests absence) and the check passes;
 * `not: true` inverts that, so "status missing or not closed" is `{ field: status, function: enumeration,
 * options: { values: [closed] }, not: true }`.
 */
function holds(call: FunctionCall, given: Match, active: ActiveRule, artefact: Artefact, context: RunContext): boolean {
  const absenceTest = call.function === "absent" || call.function === "one-of";
  const matches = resolvePath(given.value, parsePath(call.field ?? ""), given.path);
  const passes = matches.length > 0 && matches.every((m) => (m.exists || absenceTest) && evaluateOne(call, m, given, active, artefact, context).length === 0);
  return call.not ? !passes : passes;
}

function evaluate(call: FunctionCall, given: Match, active: ActiveRule, artefact: Artefact, context: RunContext): { match: Match; failure: Failure }[] {
  const out: { match: Match; failure: Failure }[] = [];
  for (const match of resolvePath(given.value, parsePath(call.field ?? ""), given.path)) {
    for (const failure of evaluateOne(call, match, given, active, artefact, context)) out.push({ match, failure });
  }
  return out;
}

function evaluateOne(call: FunctionCall, match: Match, given: Match, active: ActiveRule, artefact: Artefact, context: RunContext): Failure[] {
  const fn = FUNCTIONS[call.function];
  if (!fn) throw new Error(`unknown function "${call.function}"`);
  const ctx: CheckContext = {
    value: match.value,
    exists: match.exists,
    path: match.path,
    base: [...artefact.root, ...given.path],
    field: display(match.path) || "(document)",
    artefact,
    index: context.index,
    options: substituteOptions(call.options ?? {}, active.options),
    today: context.today,
  };
  return fn(ctx);
}

/** `{ $option: name }` in a function's options takes the rule option's configured value. */
function substituteOptions(options: Record<string, unknown>, ruleOptions: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (value !== null && typeof value === "object" && !Array.isArray(value) && "$option" in value) {
      out[key] = ruleOptions[String((value as { $option: unknown }).$option)];
    } else out[key] = value;
  }
  return out;
}

function render(template: string, failure: Failure, match: Match): string {
  return template
    .replace(/\{\{\s*error\s*\}\}/g, failure.message)
    .replace(/\{\{\s*field\s*\}\}/g, display(match.path))
    .replace(/\{\{\s*value\s*\}\}/g, quote(match.value));
}
