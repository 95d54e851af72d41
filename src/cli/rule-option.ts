// `--rule`: a rule's setting for one run, over the configuration, as ESLint's --rule is. The value is what
// `rules:` in aimslint.config.yaml holds, written in YAML or JSON, with or without its braces:
//   --rule 'risk/review-current: error'
//   --rule 'risk/review-current: {severity: warning, options: {maxAgeMonths: 6}}, doc/metadata: off'
//   --rule '{"risk/review-current": "error"}'
// It is checked against the configuration's schema, and the rule ids and options as the configuration's are.
import type { RuleSetting } from "../config/load-config.js";
import { builtInValidator } from "../schema/compiled-validators.js";
import { describeSchemaErrors } from "../schema/schema-errors.js";
import { DEFAULT_LIMITS } from "../source/load.js";
import { LineIndex } from "../source/line-index.js";
import { parseSource } from "../source/parse.js";
import { safeText } from "../util/safe-text.js";
import { UsageError } from "./args.js";

const SYNTAX = `write it as '<rule-id>: <severity>' (error, warning, info or off), '<rule-id>: {severity: warning, options: {…}}', or as JSON: '{"<rule-id>": "error"}'`;

export function parseRuleOption(text: string): { source: string; rules: Record<string, RuleSetting> } {
  const shown = `--rule "${safeText(text)}"`;
  const trimmed = text.trim();
  // Without braces, the setting is a flow mapping's content: "a: error, b: off" as well as "a: error".
  const yaml = trimmed.startsWith("{") ? trimmed : `{${trimmed}}`;
  const parsed = parseSource({ path: "--rule", format: "yaml", text: yaml, lines: new LineIndex(yaml), explicit: true }, DEFAULT_LIMITS);
  const problem = parsed.findings.find((f) => f.severity === "error");
  const data = parsed.documents[0]?.data;
  if (problem || parsed.documents.length !== 1 || data === null || typeof data !== "object" || Array.isArray(data) || Object.keys(data).length === 0) {
    throw new UsageError(`${shown} is not a rule setting: ${SYNTAX}.`);
  }
  const rules: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(data)) {
    // YAML reads "risk/x:error" (no space after the colon) as one key without a value: split it at the colon.
    const glued = setting === null ? /^(.+):(error|warning|warn|info|off)$/.exec(key) : null;
    if (setting === null && !glued) throw new UsageError(`${shown} is not a rule setting: ${SYNTAX}.`);
    rules[glued ? glued[1]! : key] = glued ? glued[2] : setting;
  }
  const validate = builtInValidator("@config");
  if (validate && !validate({ rules })) {
    const doc = parsed.documents[0]!;
    const findings = describeSchemaErrors(
      validate.errors ?? [],
      { file: "--rule", locator: doc.locator, data: { rules }, root: [] },
      { title: "configuration", schemaFile: "meta/config.schema.json", iso42001: [] },
    );
    const messages = findings.map((f) => f.message.replace(/"rules\./g, '"'));
    throw new UsageError(`${shown}: ${safeText(messages[0] ?? "invalid")} ${SYNTAX[0]!.toUpperCase()}${SYNTAX.slice(1)}.`);
  }
  return { source: text, rules: rules as Record<string, RuleSetting> };
}
