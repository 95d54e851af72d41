// Turns ajv's error objects into findings a person can act on: what is wrong, expected vs found, and where.
import type { ErrorObject } from "ajv";
import type { Finding } from "../core/finding.js";
import { type Locator, parsePointer, pointer, type PathSegment } from "../source/locator.js";
import { asNoun, closest, list, quote } from "../util/text.js";
import { describe } from "../source/parse.js";
import { propertiesAt } from "./schema-navigator.js";
import { yaml11Value } from "../source/yaml11-values.js";
import { CORE_RULES, type CoreRuleId } from "../core/core-rules.js";
import { report } from "../core/report.js";

/** Keywords that only say "one of my branches failed"; the branch errors say what. */
const WRAPPERS = new Set(["anyOf", "oneOf", "allOf", "if", "then", "else", "not", "$ref"]);

const KNOWN_PATTERNS: [RegExp, string][] = [
  [/A\\\.\(2\\\./, "an ISO/IEC 42001 Annex A control id (A.2.2 … A.10.4; there is no A.x.1 control) or an organisation control id (ORG-…)"],
  [/\^\[A-Za-z\]\[A-Za-z0-9\._-\]\*\$/, "an identifier of letters, digits, '.', '_' and '-', starting with a letter"],
];

/** What was validated: a document, or a part of one (a rule in a file of rules), with its positions. */
export interface SchemaTarget {
  file: string;
  locator: Locator;
  /** The value validated. */
  data: unknown;
  /** Where `data` sits in its document. */
  root: readonly PathSegment[];
}

export interface SchemaErrorOptions {
  /** What the document is called in messages: "AI risk entry", "configuration". */
  title: string;
  /** Its schema file (under schemas/), read for "did you mean". */
  schemaFile: string;
  /** The ISO/IEC 42001 references a finding cites: the kind's controls. */
  iso42001: readonly string[];
}

export function describeSchemaErrors(errors: readonly ErrorObject[], target: SchemaTarget, options: SchemaErrorOptions): Finding[] {
  const { file, locator, data } = target;
  const refs = options.iso42001;
  const kindTitle = options.title;
  const seen = new Set<string>();
  const findings: Finding[] = [];
  // A misspelt required key ("ownr") is one problem, not an unknown key and a missing one: the finding at the
  // misspelling, which names the right key, is kept; the "missing" one is dropped.
  const misspelt = new Set<string>();
  // A value that fails every branch of a union gets one finding, not one per branch.
  const typeErrorsAt = new Map<string, string[]>();
  for (const e of errors) if (e.keyword === "type") typeErrorsAt.set(e.instancePath, [...(typeErrorsAt.get(e.instancePath) ?? []), String(e.params["type"])]);

  for (const error of errors) {
    if (WRAPPERS.has(error.keyword)) continue;
    const path = parsePointer(error.instancePath);
    const where = path.length === 0 ? `the ${asNoun(kindTitle)}` : `"${display(path)}"`;
    const value = valueAt(data, path);
    let ruleId: CoreRuleId = "schema/invalid";
    let message = `${capitalise(where)} ${error.message ?? "is invalid"}.`;
    let at = path;
    let locateAs: "key" | "value" = "value";
    let help: string | undefined;
    const tagged = yaml11Value(value);
    switch (error.keyword) {
      case "required": {
        const missing = String(error.params["missingProperty"]);
        ruleId = "schema/required";
        message = `Missing required property "${missing}" in ${where}.`;
        at = [...path, missing];
        help = `Add \`${missing}:\` to ${where}; docs/artefact-model.md lists what each kind needs.`;
        break;
      }
      case "additionalProperties":
      case "unevaluatedProperties": {
        const extra = String(error.params["additionalProperty"] ?? error.params["unevaluatedProperty"]);
        ruleId = "schema/unknown-property";
        const suggestion = closest(extra, propertiesAt(options.schemaFile, path));
        message = `Unknown property "${extra}" in ${where}${suggestion ? `; did you mean "${suggestion}"?` : "."}`;
        if (suggestion) misspelt.add(pointer([...path, suggestion]));
        at = [...path, extra];
        locateAs = "key";
        help = suggestion ? `Rename it to "${suggestion}".` : 'Remove it, or prefix it with "x-" to keep an organisation-specific field.';
        break;
      }
      case "enum":
      case "const": {
        ruleId = "schema/enum";
        const allowed = error.keyword === "enum" ? (error.params["allowedValues"] as unknown[]) : [error.params["allowedValue"]];
        const suggestion =
          typeof value === "string"
            ? closest(
                value,
                allowed.filter((a): a is string => typeof a === "string"),
              )
            : undefined;
        message = `Invalid value ${tagged ? describe(value) : quote(value)} for ${where}: expected ${allowed.length === 1 ? quote(allowed[0]) : `one of ${list(allowed)}`}${suggestion ? ` (did you mean ${quote(suggestion)}?)` : ""}.`;
        break;
      }
      case "type": {
        ruleId = "schema/type";
        const expected = typeErrorsAt.get(error.instancePath) ?? [String(error.params["type"])];
        // An item schema may say its type beside a $ref that says it too (for ajv's linear uniqueItems): name it once.
        const wanted = [...new Set(expected.map(typeName))].join(" or ");
        message = `Expected ${where} to be ${wanted}, found ${describe(value)}${typeof value === "string" || typeof value === "number" ? ` ${quote(value)}` : ""}.`;
        if (tagged) help = `Write ${where} as ${wanted}, without the ${tagged.tag} tag: that YAML 1.1 type has no JSON equivalent.`;
        break;
      }
      case "format": {
        ruleId = "schema/format";
        const format = String(error.params["format"]);
        message = `Invalid ${format} ${quote(value)} for ${where}: expected ${format === "date" ? "a calendar date written YYYY-MM-DD" : format === "uri" ? "an absolute URI" : `a valid ${format}`}.`;
        break;
      }
      case "pattern": {
        ruleId = "schema/pattern";
        const pattern = String(error.params["pattern"]);
        const meaning = KNOWN_PATTERNS.find(([re]) => re.test(pattern))?.[1];
        message = `Invalid value ${quote(value)} for ${where}: expected ${meaning ?? `text matching /${pattern}/`}.`;
        break;
      }
      case "minItems":
      case "maxItems":
      case "minLength":
      case "maxLength":
      case "minimum":
      case "maximum":
      case "exclusiveMinimum":
      case "exclusiveMaximum":
      case "minProperties":
        ruleId = "schema/range";
        message = `${capitalise(where)} ${error.message ?? "is out of range"}${typeof value === "number" ? `, found ${value}` : ""}.`;
        break;
      case "uniqueItems":
        ruleId = "schema/unique";
        // Lower index first, whichever of ajv's loops (pairwise, or by value for string items) found the pair.
        message = `${capitalise(where)} lists the same item twice (items ${Math.min(Number(error.params["i"]), Number(error.params["j"]))} and ${Math.max(Number(error.params["i"]), Number(error.params["j"]))}).`;
        break;
    }
    const key = `${ruleId}\u0000${pointer(at)}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const located = locator.locate([...target.root, ...at], locateAs);
    findings.push(report(CORE_RULES[ruleId], file, located.range, message, { severity: "error", iso42001: refs, help, pointer: pointer(at) }));
  }
  return misspelt.size === 0 ? findings : findings.filter((f) => f.ruleId !== "schema/required" || !misspelt.has(f.pointer ?? ""));
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment as string];
  }
  return node;
}

/** `treatment.controls[1]`: how people read a path. */
export function display(path: readonly PathSegment[]): string {
  // A loop, not map().join(): rules ask for this on every value they check.
  let out = "";
  for (let i = 0; i < path.length; i++) {
    const s = path[i]!;
    out += typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`;
  }
  return out;
}

function typeName(type: string): string {
  return type === "array" ? "a list" : type === "object" ? "a mapping" : type === "integer" ? "a whole number" : type === "null" ? "empty" : `a ${type}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
