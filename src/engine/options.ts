// Rule options as a check sees them.

/** `{ $option: name }` in a function's options takes the rule option's configured value. */
export function substituteOptions(options: Record<string, unknown>, ruleOptions: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (value !== null && typeof value === "object" && !Array.isArray(value) && "$option" in value) {
      out[key] = ruleOptions[String((value as { $option: unknown }).$option)];
    } else out[key] = value;
  }
  return out;
}
