// A rule's configured options reach its functions through { $option: name }. The rule file's own options are
// checked with its positions when it is read (the rule meta-schema); this checks the values a configuration gives
// them, once filled in, against the option schemas of the functions that receive them.
import { ConfigError } from "../core/errors.js";
import { substituteOptions } from "../engine/options.js";
import type { RuleDefinition } from "../engine/types.js";
import { builtInValidator } from "../schema/compiled-validators.js";

/**
 * Throws a ConfigError naming the rule option (at `at(option)`) whose value a function cannot take: a number where
 * a list is expected, a negative month count.
 */
export function checkOptionValues(rule: RuleDefinition, options: Record<string, unknown>, at: (option?: string) => string): void {
  const validate = builtInValidator("@call")!;
  for (const call of [...(rule.check.when ?? []), ...rule.check.then]) {
    const given = call.options ?? {};
    const values = substituteOptions(given, options);
    if (validate({ ...call, options: values })) continue;
    const error = validate.errors?.find((e) => e.instancePath.startsWith("/options"));
    const name = error?.instancePath.split("/")[2] ?? String(error?.params["missingProperty"] ?? "");
    const reference = given[name];
    const option = reference !== null && typeof reference === "object" && "$option" in reference ? String((reference as { $option: unknown }).$option) : undefined;
    const value = values[name] === undefined ? "nothing" : JSON.stringify(values[name]);
    throw new ConfigError(
      `${at(option)}: rule "${rule.id}"${option ? `, option "${option}"` : ""}: ${call.function}'s option "${name}" gets ${value}, which ${error?.message ?? "is invalid"}. ` +
        `Give ${option ? `"${option}"` : `"${name}"`} a value of that form (docs/rule-functions.md).`,
    );
  }
}
