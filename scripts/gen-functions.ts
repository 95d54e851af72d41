// Writes what the rule functions' registry (src/engine/functions/registry.ts) declares into the files that
// describe it to others: the rule meta-schema (function names and each function's option schema, so editors
// complete options and a misspelt one is refused with its position) and the two function tables of
// docs/rule-functions.md. Run by `npm run build` before the schemas are compiled; CI fails when the committed
// files differ.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { optionsSchema, RULE_FUNCTIONS, type RuleFunction } from "../src/engine/functions/registry.js";
import { packageRoot } from "../src/util/package-root.js";

const root = packageRoot();

function metaSchema(): void {
  const file = join(root, "schemas", "meta", "rule.schema.json");
  const schema = JSON.parse(readFileSync(file, "utf8")) as { $defs: Record<string, Record<string, unknown>> };
  const call = schema.$defs["call"]!;
  const properties = call["properties"] as Record<string, Record<string, unknown>>;
  properties["function"] = { enum: RULE_FUNCTIONS.map((f) => f.name), description: "The check function (docs/rule-functions.md)." };
  properties["options"] = { type: "object", description: "The function's options; each may be { $option: name }, a rule option's value." };
  call["allOf"] = RULE_FUNCTIONS.map((f) => ({
    if: { properties: { function: { const: f.name } }, required: ["function"] },
    then: { properties: { options: { $ref: `#/$defs/options-${f.name}` } } },
  }));
  // Each $defs entry is a schema, so the functions' option schemas are entries of their own, by name.
  for (const key of Object.keys(schema.$defs)) if (/^(options|values)-/.test(key)) delete schema.$defs[key];
  // A call whose rule options are filled in holds no { $option } any more, so the same schemas check it then.
  for (const f of RULE_FUNCTIONS) schema.$defs[`options-${f.name}`] = optionsSchema(f, true);
  schema.$defs["optionReference"] = {
    type: "object",
    description: "The value of one of the rule's options (its `options:`), as configured.",
    required: ["$option"],
    additionalProperties: false,
    properties: { $option: { type: "string", minLength: 1 } },
  };
  writeFileSync(file, `${compactJson(schema, "")}\n`);
}

/** JSON as the schemas are written by hand: a value on one line when it fits in 250 columns, else one entry a line. */
function compactJson(value: unknown, indent: string): string {
  const flat = JSON.stringify(value, null, 1).replace(/\n\s*/g, " ").replace(/\[ /g, "[").replace(/ \]/g, "]").replace(/\{ /g, "{ ").replace(/ \}/g, " }");
  if (indent.length + flat.length <= 250 || value === null || typeof value !== "object") return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + compactJson(v, inner)).join(",\n")}\n${indent}]`;
  const entries = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, inner)}`);
  return `{\n${entries.join(",\n")}\n${indent}}`;
}

function table(functions: readonly RuleFunction[]): string {
  const rows = functions.map((f) => {
    const options = Object.entries(f.options).map(([name, s]) => `\`${name}\` (${String(s["description"] ?? "")})`);
    return `| \`${f.name}\` | ${options.length > 0 ? options.join("; ") : "—"} | ${f.failsWhen} |`;
  });
  return ["| function | options | fails when |", "|---|---|---|", ...rows].join("\n");
}

function docs(): void {
  const file = join(root, "docs", "rule-functions.md");
  let text = readFileSync(file, "utf8");
  for (const scope of ["document", "repository"] as const) {
    const begin = `<!-- functions:${scope} (generated from src/engine/functions/registry.ts) -->`;
    const end = `<!-- /functions:${scope} -->`;
    const start = text.indexOf(begin);
    const stop = text.indexOf(end);
    if (start < 0 || stop < start) throw new Error(`docs/rule-functions.md: the markers ${begin} … ${end} are missing`);
    text = `${text.slice(0, start + begin.length)}\n${table(RULE_FUNCTIONS.filter((f) => f.scope === scope))}\n${text.slice(stop)}`;
  }
  writeFileSync(file, text);
}

metaSchema();
docs();
