// Rules come from the built-in pack (compiled into the bundle at build time) and from the organisation's
// rule files, which are checked against the same meta-schema here, with positions.
import builtIn from "../../build/rules.json" with { type: "json" };
import { ConfigError } from "../core/errors.js";
import { parsePolicyFile, problemsError } from "./load-config.js";
import { checkOptionValues } from "./option-values.js";
import { builtInValidator } from "../schema/compiled-validators.js";
import { describeSchemaErrors } from "../schema/schema-errors.js";
import { checkPattern, trustBuiltInPatterns } from "../util/safe-regex.js";
import type { RuleDefinition } from "../engine/types.js";

export const BUILT_IN_RULES: readonly RuleDefinition[] = builtIn as unknown as RuleDefinition[];
// Their patterns are ours and run on JavaScript's engine; every other pattern runs on the linear one.
trustBuiltInPatterns(BUILT_IN_RULES);

/** A rule file holds one rule, or several under `rules:` (or as a YAML stream). */
export function loadRuleFile(file: string): RuleDefinition[] {
  const parsed = parsePolicyFile(file);
  const validate = builtInValidator("@rule")!;
  const rules: RuleDefinition[] = [];
  for (const doc of parsed.documents) {
    const data = doc.data as Record<string, unknown>;
    const entries: [unknown, (string | number)[]][] = Array.isArray(data?.["rules"]) ? (data["rules"] as unknown[]).map((r, i) => [r, ["rules", i]]) : [[data, []]];
    for (const [rule, root] of entries) {
      if (!validate(rule)) {
        const target = { file: doc.source.path, locator: doc.locator, data: rule, root };
        throw problemsError(file, describeSchemaErrors(validate.errors ?? [], target, { title: "rule", schemaFile: "meta/rule.schema.json", iso42001: [] }));
      }
      const definition: RuleDefinition = { ...(rule as RuleDefinition), recommended: (rule as RuleDefinition).recommended ?? true, source: file };
      for (const call of [...(definition.check.when ?? []), ...definition.check.then]) {
        for (const key of ["match", "notMatch"]) {
          const pattern = call.options?.[key];
          const problem = typeof pattern === "string" ? checkPattern(pattern) : undefined;
          if (problem) throw new ConfigError(`${file}: rule "${definition.id}": unsafe ${key} pattern: ${problem}.`);
        }
      }
      checkOptionValues(definition, definition.options ?? {}, (option) => {
        const { start } = doc.locator.locate(option ? [...root, "options", option] : [...root, "check"]).range;
        return `${file}:${start.line}:${start.column}`;
      });
      rules.push(definition);
    }
  }
  return rules;
}
