// The artefact schemas in schemas/*.schema.json: they compile under ajv strict mode, carry the metadata
// the linter relies on, describe every property, accept their own examples and reject broken documents
// with the exact ajv keyword and instance path that the linter turns into a message.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ErrorObject } from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Doc = { [key: string]: Json };
type Schema = Record<string, unknown>;

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const schemaDir = join(root, "schemas");
const BASE = "https://aimslint.dev/schemas/v1/";

/** The kinds of docs/artefact-model.md; each has a table of invalid documents below. */
const CONTRACT_KINDS = ["ai-system", "ai-system-inventory", "model-card", "impact-assessment", "risk", "risk-register", "statement-of-applicability", "ai-policy", "data-card", "supplier"] as const;
/** Cards keep Hugging Face front matter valid: kind is optional and unknown top-level keys are allowed. */
const CARD_KINDS: readonly string[] = ["model-card", "data-card"];

const ANNEX_A = [
  "A.2.2",
  "A.2.3",
  "A.2.4",
  "A.3.2",
  "A.3.3",
  "A.4.2",
  "A.4.3",
  "A.4.4",
  "A.4.5",
  "A.4.6",
  "A.5.2",
  "A.5.3",
  "A.5.4",
  "A.5.5",
  "A.6.1.2",
  "A.6.1.3",
  "A.6.2.2",
  "A.6.2.3",
  "A.6.2.4",
  "A.6.2.5",
  "A.6.2.6",
  "A.6.2.7",
  "A.6.2.8",
  "A.7.2",
  "A.7.3",
  "A.7.4",
  "A.7.5",
  "A.7.6",
  "A.8.2",
  "A.8.3",
  "A.8.4",
  "A.8.5",
  "A.9.2",
  "A.9.3",
  "A.9.4",
  "A.10.2",
  "A.10.3",
  "A.10.4",
];

const files = readdirSync(schemaDir)
  .filter((f) => f.endsWith(".schema.json"))
  .sort();
const schemas = new Map<string, Schema>(files.map((f) => [f.replace(/\.schema\.json$/, ""), JSON.parse(readFileSync(join(schemaDir, f), "utf8")) as Schema]));
/** Every kind with a schema file: the contract's kinds plus any added later (they must follow the same rules). */
const KINDS = [...schemas.keys()].filter((k) => k !== "common");
/** Kinds whose format belongs to someone else (GitHub's workflows, agents' configurations, dependency manifests): any mapping, no `kind:` of ours. */
const FOREIGN_FORMAT_KINDS = ["ci-workflow", "agent-config", "dependency-manifest"];
const NATIVE_KINDS = KINDS.filter((k) => !CARD_KINDS.includes(k) && !FOREIGN_FORMAT_KINDS.includes(k));

const warnings: unknown[][] = [];
function createAjv(): Ajv2020.default {
  const logger = { log: () => undefined, warn: (...args: unknown[]) => void warnings.push(args), error: (...args: unknown[]) => void warnings.push(args) };
  const ajv = new Ajv2020.default({ allErrors: true, strict: true, allowUnionTypes: true, logger });
  addFormats.default(ajv);
  ajv.addKeyword("x-aimslint-version");
  ajv.addKeyword("x-iso42001");
  return ajv;
}
const ajv = createAjv();
for (const schema of schemas.values()) ajv.addSchema(schema);

function schemaOf(kind: string): Schema {
  const schema = schemas.get(kind);
  if (!schema) throw new Error(`no schema for ${kind}`);
  return schema;
}

function validatorOf(kind: string) {
  const validate = ajv.getSchema(`${BASE}${kind}.schema.json`);
  if (!validate) throw new Error(`no validator for ${kind}`);
  return validate;
}

function examplesOf(kind: string): Doc[] {
  return (schemaOf(kind)["examples"] ?? []) as Doc[];
}

/** Calls visit(node, pointer) for every subschema, following every applicator and $defs. */
function walkSchema(node: unknown, pointer: string, visit: (schema: Schema, pointer: string) => void): void {
  if (!node || typeof node !== "object" || Array.isArray(node)) return;
  const schema = node as Schema;
  visit(schema, pointer);
  for (const key of ["properties", "patternProperties", "$defs", "dependentSchemas"]) {
    const map = schema[key];
    if (map && typeof map === "object") for (const [name, sub] of Object.entries(map)) walkSchema(sub, `${pointer}/${key}/${name}`, visit);
  }
  for (const key of ["items", "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "contains", "not", "if", "then", "else", "propertyNames"]) {
    walkSchema(schema[key], `${pointer}/${key}`, visit);
  }
  for (const key of ["allOf", "anyOf", "oneOf", "prefixItems"]) {
    const list = schema[key];
    if (Array.isArray(list)) for (const [i, sub] of list.entries()) walkSchema(sub, `${pointer}/${key}/${i}`, visit);
  }
}

/** Root object schema of a kind, following a local `$ref: "#/$defs/…"` (risk and ai-system keep their entry there). */
function rootObject(kind: string): Schema {
  const schema = schemaOf(kind);
  const ref = schema["$ref"];
  if (typeof ref === "string" && ref.startsWith("#/$defs/")) {
    const defs = schema["$defs"] as Record<string, Schema>;
    const target = defs[ref.slice("#/$defs/".length)];
    if (!target) throw new Error(`${kind}: dangling ${ref}`);
    return target;
  }
  return schema;
}

const ISO_REF = new RegExp(
  [
    "^(?:[4-9]|10)(?:\\.\\d+){0,2}$", // clause
    "^A\\.(?:2|3|4|5|6|6\\.1|6\\.2|7|8|9|10)$", // Annex A area
    "^A\\.(2\\.[2-4]|3\\.[23]|4\\.[2-6]|5\\.[2-5]|6\\.1\\.[23]|6\\.2\\.[2-8]|7\\.[2-6]|8\\.[2-5]|9\\.[2-4]|10\\.[2-4])$", // control
  ].join("|"),
);

describe("schema files", () => {
  it("include the common definitions and one schema per contract kind", () => {
    expect([...schemas.keys()]).toEqual(expect.arrayContaining(["common", ...CONTRACT_KINDS]));
  });

  it.each(files)("%s compiles in strict mode without warnings", (file) => {
    const id = `${BASE}${file}`;
    expect(() => ajv.getSchema(id)).not.toThrow();
    expect(ajv.getSchema(id)).toBeTypeOf("function");
    expect(warnings).toEqual([]);
  });

  it.each(files)("%s has the draft, a stable $id, title, description and aimslint annotations", (file) => {
    const schema = schemaOf(file.replace(/\.schema\.json$/, ""));
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema["$id"]).toBe(`${BASE}${file}`);
    expect(schema["title"]).toMatch(/\S/);
    expect(String(schema["description"]).length).toBeGreaterThan(60);
    expect(schema["x-aimslint-version"]).toBe("1.0.0");
    const refs = schema["x-iso42001"];
    expect(Array.isArray(refs) && refs.length > 0).toBe(true);
    for (const ref of refs as unknown[]) expect(ref).toMatch(ISO_REF);
  });

  it.each(files)("%s: every property at every depth has a description", (file) => {
    const missing: string[] = [];
    walkSchema(schemaOf(file.replace(/\.schema\.json$/, "")), "#", (schema, pointer) => {
      const props = schema["properties"];
      if (props && typeof props === "object") {
        for (const [name, sub] of Object.entries(props as Record<string, Schema>)) {
          if (typeof sub["description"] !== "string" || !/\S{3}/.test(sub["description"])) missing.push(`${pointer}/properties/${name}`);
        }
      }
    });
    expect(missing).toEqual([]);
  });

  it.each(files)("%s: x-iso42001 annotations on properties name valid clauses or controls", (file) => {
    const bad: string[] = [];
    walkSchema(schemaOf(file.replace(/\.schema\.json$/, "")), "#", (schema, pointer) => {
      const refs = schema["x-iso42001"];
      if (refs === undefined) return;
      if (!Array.isArray(refs) || refs.length === 0) bad.push(pointer);
      else for (const ref of refs) if (typeof ref !== "string" || !ISO_REF.test(ref)) bad.push(`${pointer}: ${String(ref)}`);
    });
    expect(bad).toEqual([]);
  });

  it.each(files)("%s: cross-file $refs are relative and point at a schema file", (file) => {
    const bad: string[] = [];
    walkSchema(schemaOf(file.replace(/\.schema\.json$/, "")), "#", (schema, pointer) => {
      const ref = schema["$ref"];
      if (typeof ref !== "string" || ref.startsWith("#/")) return;
      const match = /^([a-z-]+\.schema\.json)#\/\$defs\//.exec(ref);
      if (!match?.[1] || !files.includes(match[1])) bad.push(`${pointer}: ${ref}`);
      else if (!ajv.getSchema(`${BASE}${ref}`)) bad.push(`${pointer}: ${ref} does not resolve`);
    });
    expect(bad).toEqual([]);
  });
});

describe("kind schemas", () => {
  it.each(NATIVE_KINDS.map((k) => [k]))("%s requires kind, rejects unknown keys and allows x- extensions", (kind) => {
    const schema = schemaOf(kind);
    expect(schema["type"]).toBe("object");
    expect(schema["required"]).toContain("kind");
    const entry = rootObject(kind);
    expect((entry["properties"] as Record<string, Schema>)["kind"]?.["const"]).toBe(kind);
    expect(entry["unevaluatedProperties"]).toBe(false);
    expect(Object.keys((entry["patternProperties"] ?? {}) as object)).toEqual(["^x-"]);
  });

  it.each(CARD_KINDS.map((k) => [k]))("%s makes kind optional and accepts any other top-level key", (kind) => {
    const schema = schemaOf(kind);
    expect((schema["properties"] as Record<string, Schema>)["kind"]?.["const"]).toBe(kind);
    expect(schema["required"]).toBeUndefined();
    expect(schema["additionalProperties"]).toBeUndefined();
    expect(schema["unevaluatedProperties"]).toBeUndefined();
  });

  it.each(files)("%s: objects we define reject unknown keys", (file) => {
    const kind = file.replace(/\.schema\.json$/, "");
    // Open on purpose: the root of cards (Hugging Face front matter), Hugging Face's own nested objects,
    // the reusable document-control block, and entry roots, which use unevaluatedProperties.
    const open = /^#(\/\$defs\/documentControl|\/properties\/model-index.*|\/properties\/configs\/items(?:\/anyOf\/0)?|\/properties\/dataset_info)?$/;
    const loose: string[] = [];
    walkSchema(schemaOf(kind), "#", (schema, pointer) => {
      if (!schema["properties"] || open.test(pointer)) return;
      if (schema["additionalProperties"] !== false && schema["unevaluatedProperties"] !== false) loose.push(pointer);
    });
    const allowedRoot = CARD_KINDS.includes(kind) || kind === "common" || schemaOf(kind)["$ref"] !== undefined;
    expect(loose.filter((p) => !(p === "#" && allowedRoot))).toEqual([]);
  });

  it.each(KINDS.map((k) => [k]))("%s: every root example is valid", (kind) => {
    const examples = examplesOf(kind);
    expect(examples.length).toBeGreaterThan(0);
    const validate = validatorOf(kind);
    for (const example of examples) {
      validate(example);
      expect(validate.errors ?? []).toEqual([]);
    }
  });
});

describe("common definitions", () => {
  const check = (def: string, value: unknown): boolean => {
    const validate = ajv.getSchema(`${BASE}common.schema.json#/$defs/${def}`);
    if (!validate) throw new Error(def);
    return validate(value) as boolean;
  };

  it("annexAControlId accepts exactly the 38 Annex A controls", () => {
    expect(ANNEX_A).toHaveLength(38);
    for (const id of ANNEX_A) expect(check("annexAControlId", id)).toBe(true);
    for (const id of ["A.2.1", "A.5.1", "A.6.1", "A.6.2", "A.6.1.1", "A.6.2.9", "A.7.1", "A.7.7", "A.10.1", "A.10.5", "A.11.2", "a.2.2", "A.2.2 ", "ORG-X"]) {
      expect(check("annexAControlId", id), id).toBe(false);
    }
  });

  it("controlId accepts Annex A controls and ORG- controls only", () => {
    for (const id of [...ANNEX_A, "ORG-LLM-GUARDRAILS", "ORG-1.2_b"]) expect(check("controlId", id), id).toBe(true);
    for (const id of ["A.5.1", "ORG-", "org-x", "ISO-A.2.2", "A-6-2-6"]) expect(check("controlId", id), id).toBe(false);
  });

  it("date accepts real calendar dates only", () => {
    for (const d of ["2026-11-27", "2028-02-29"]) expect(check("date", d), d).toBe(true);
    for (const d of ["2026-02-29", "2026-02-30", "2026-13-01", "2026-1-5", "27/11/2026", "2026-11-27T10:00:00Z"]) expect(check("date", d), d).toBe(false);
  });

  it("id needs a leading letter and no spaces", () => {
    for (const id of ["RISK-014", "SYS-CREDIT", "ia.credit_2026"]) expect(check("id", id), id).toBe(true);
    for (const id of ["14-RISK", "RISK 14", "", "-x"]) expect(check("id", id), id).toBe(false);
  });

  it("scales are the contract's enumerations", () => {
    const defs = schemaOf("common")["$defs"] as Record<string, Schema>;
    expect(defs["likelihood"]?.["enum"]).toEqual(["rare", "unlikely", "possible", "likely", "almost-certain"]);
    expect(defs["severity"]?.["enum"]).toEqual(["negligible", "minor", "moderate", "major", "severe"]);
    expect(defs["level"]?.["enum"]).toEqual(["low", "medium", "high", "critical"]);
    expect(defs["reviewCadence"]?.["enum"]).toEqual(["monthly", "quarterly", "semi-annually", "annually"]);
    expect(defs["documentStatus"]?.["enum"]).toEqual(["draft", "in-review", "approved", "retired"]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Invalid documents: each case starts from the kind's first root example and breaks one thing.

interface Expected {
  keyword: string;
  instancePath: string;
  params?: Record<string, unknown>;
}
interface Case {
  name: string;
  change: (doc: Doc) => void;
  errors: Expected[];
}

const PARAM_KEYS: Record<string, string> = {
  required: "missingProperty",
  unevaluatedProperties: "unevaluatedProperty",
  additionalProperties: "additionalProperty",
};

function simplify(error: ErrorObject): Expected {
  const key = PARAM_KEYS[error.keyword];
  return key ? { keyword: error.keyword, instancePath: error.instancePath, params: { [key]: error.params[key] } } : { keyword: error.keyword, instancePath: error.instancePath };
}

function at(doc: Json, ...path: (string | number)[]): Doc {
  let node: Json = doc;
  for (const segment of path) {
    const next: Json | undefined = Array.isArray(node) ? node[segment as number] : node && typeof node === "object" ? node[segment as string] : undefined;
    if (next === undefined || next === null || typeof next !== "object") throw new Error(`no object at ${path.join("/")}`);
    node = next;
  }
  if (Array.isArray(node)) throw new Error(`array at ${path.join("/")}`);
  return node as Doc;
}
function list(doc: Json, ...path: (string | number)[]): Json[] {
  const parent = at(doc, ...path.slice(0, -1));
  const value = parent[path[path.length - 1] as string];
  if (!Array.isArray(value)) throw new Error(`no array at ${path.join("/")}`);
  return value;
}

const required = (instancePath: string, missingProperty: string): Expected => ({ keyword: "required", instancePath, params: { missingProperty } });
const unknownKey = (instancePath: string, unevaluatedProperty: string): Expected => ({ keyword: "unevaluatedProperties", instancePath, params: { unevaluatedProperty } });
const extraKey = (instancePath: string, additionalProperty: string): Expected => ({ keyword: "additionalProperties", instancePath, params: { additionalProperty } });
const kw = (keyword: string, instancePath: string): Expected => ({ keyword, instancePath });

const INVALID: Record<(typeof CONTRACT_KINDS)[number], Case[]> = {
  "ai-system": [
    { name: "missing intended_purpose", change: (d) => void delete d["intended_purpose"], errors: [required("", "intended_purpose")] },
    { name: "missing kind", change: (d) => void delete d["kind"], errors: [required("", "kind")] },
    { name: "lifecycle_stage not in the enum", change: (d) => void (d["lifecycle_stage"] = "production"), errors: [kw("enum", "/lifecycle_stage")] },
    { name: "typo ownr", change: (d) => void (d["ownr"] = "x"), errors: [unknownKey("", "ownr")] },
    { name: "impossible deployment date", change: (d) => void (at(d, "deployment")["approved_on"] = "2026-02-30"), errors: [kw("format", "/deployment/approved_on")] },
    { name: "unknown key in deployment", change: (d) => void (at(d, "deployment")["approver"] = "x"), errors: [extraKey("/deployment", "approver")] },
    { name: "alert threshold above 100", change: (d) => void (at(d, "cost_budget", "alert")["threshold_percent"] = 150), errors: [kw("maximum", "/cost_budget/alert/threshold_percent")] },
    { name: "unknown automation reach", change: (d) => void list(d, "automation", "reaches").push("internet"), errors: [kw("enum", "/automation/reaches/2")] },
    { name: "supplier reference is not an id", change: (d) => void (at(d, "third_party_components", 0)["supplier"] = "Nimbus AI Ltd"), errors: [kw("pattern", "/third_party_components/0/supplier")] },
  ],
  "ai-system-inventory": [
    { name: "missing systems", change: (d) => void delete d["systems"], errors: [required("", "systems")] },
    { name: "entry missing name", change: (d) => void delete at(d, "systems", 0)["name"], errors: [required("/systems/0", "name")] },
    { name: "entry with another kind", change: (d) => void (at(d, "systems", 0)["kind"] = "risk"), errors: [kw("const", "/systems/0/kind")] },
    { name: "typo in an entry", change: (d) => void (at(d, "systems", 1)["ownr"] = "x"), errors: [unknownKey("/systems/1", "ownr")] },
    { name: "bad date in an entry", change: (d) => void (at(d, "systems", 1)["approved_on"] = "2026-06-31"), errors: [kw("format", "/systems/1/approved_on")] },
  ],
  "model-card": [
    { name: "model-index dataset without name", change: (d) => void delete at(d, "model-index", 0, "results", 0, "dataset")["name"], errors: [required("/model-index/0/results/0/dataset", "name")] },
    { name: "language is a number", change: (d) => void (d["language"] = 5), errors: [kw("type", "/language")] },
    { name: "unknown key in model_details", change: (d) => void (at(d, "model_details")["owner"] = "x"), errors: [extraKey("/model_details", "owner")] },
    { name: "kind of another artefact", change: (d) => void (d["kind"] = "risk"), errors: [kw("const", "/kind")] },
    { name: "impossible approval date", change: (d) => void (d["approved_on"] = "2026-04-31"), errors: [kw("format", "/approved_on")] },
    { name: "metric without value", change: (d) => void delete at(d, "evaluation", "metrics", 0)["value"], errors: [required("/evaluation/metrics/0", "value")] },
    { name: "system reference is not an id", change: (d) => void (d["system"] = "credit scoring"), errors: [kw("pattern", "/system")] },
  ],
  "impact-assessment": [
    { name: "missing assessor", change: (d) => void delete d["assessor"], errors: [required("", "assessor")] },
    { name: "impact area not in the enum", change: (d) => void (at(d, "impacts", "individuals", 0)["area"] = "privcy"), errors: [kw("enum", "/impacts/individuals/0/area")] },
    { name: "impossible assessment date", change: (d) => void (d["assessed_on"] = "2026-13-01"), errors: [kw("format", "/assessed_on")] },
    { name: "typo at the root", change: (d) => void (d["assesor"] = "x"), errors: [unknownKey("", "assesor")] },
    { name: "impact without description", change: (d) => void delete at(d, "impacts", "groups", 0)["description"], errors: [required("/impacts/groups/0", "description")] },
    { name: "unknown impact level", change: (d) => void (at(d, "impacts")["planet"] = []), errors: [extraKey("/impacts", "planet")] },
    { name: "Canada AIA level V", change: (d) => void (at(d, "canada_aia")["level"] = "V"), errors: [kw("enum", "/canada_aia/level")] },
  ],
  risk: [
    { name: "missing inherent", change: (d) => void delete d["inherent"], errors: [required("", "inherent")] },
    { name: "likelihood sometimes", change: (d) => void (at(d, "inherent")["likelihood"] = "sometimes"), errors: [kw("enum", "/inherent/likelihood")] },
    { name: "objective slot A.5.1 as a control", change: (d) => void list(d, "treatment", "controls").push("A.5.1"), errors: [kw("pattern", "/treatment/controls/5")] },
    { name: "document status instead of risk status", change: (d) => void (d["status"] = "approved"), errors: [kw("enum", "/status")] },
    { name: "typo ownr", change: (d) => void (d["ownr"] = "x"), errors: [unknownKey("", "ownr")] },
    { name: "impossible acceptance date", change: (d) => void (at(d, "acceptance")["on"] = "2026-02-29"), errors: [kw("format", "/acceptance/on")] },
    { name: "taxonomy without namespace", change: (d) => void list(d, "taxonomy").push("LLM01"), errors: [kw("pattern", "/taxonomy/5")] },
    { name: "unknown key in treatment", change: (d) => void (at(d, "treatment")["control"] = "A.6.2.4"), errors: [extraKey("/treatment", "control")] },
  ],
  "risk-register": [
    { name: "missing risks", change: (d) => void delete d["risks"], errors: [required("", "risks")] },
    { name: "entry missing id", change: (d) => void delete at(d, "risks", 0)["id"], errors: [required("/risks/0", "id")] },
    { name: "entry residual level not in the enum", change: (d) => void (at(d, "risks", 1, "residual")["level"] = "severe"), errors: [kw("enum", "/risks/1/residual/level")] },
    { name: "typo in an entry", change: (d) => void (at(d, "risks", 2)["ownr"] = "x"), errors: [unknownKey("/risks/2", "ownr")] },
    { name: "register declared as a risk", change: (d) => void (d["kind"] = "risk"), errors: [kw("const", "/kind")] },
    { name: "bad control id in an entry", change: (d) => void (list(d, "risks", 0, "treatment", "controls")[0] = "A.6.1"), errors: [kw("pattern", "/risks/0/treatment/controls/0")] },
  ],
  "statement-of-applicability": [
    { name: "missing controls", change: (d) => void delete d["controls"], errors: [required("", "controls")] },
    { name: "objective slot A.5.1 as a row", change: (d) => void (at(d, "controls", 0)["control"] = "A.5.1"), errors: [kw("pattern", "/controls/0/control")] },
    { name: "applicable yes", change: (d) => void (at(d, "controls", 0)["applicable"] = "yes"), errors: [kw("enum", "/controls/0/applicable")] },
    { name: "scope word other than all", change: (d) => void (at(d, "controls", 0)["scope"] = "some"), errors: [kw("pattern", "/controls/0/scope")] },
    { name: "scope list with a bad id", change: (d) => void (at(d, "controls", 0)["scope"] = ["SYS-CREDIT", "credit scoring"]), errors: [kw("pattern", "/controls/0/scope/1")] },
    { name: "typo in a row", change: (d) => void (at(d, "controls", 0)["evidance"] = []), errors: [extraKey("/controls/0", "evidance")] },
    { name: "row without applicable", change: (d) => void delete at(d, "controls", 3)["applicable"], errors: [required("/controls/3", "applicable")] },
    { name: "impossible approval date", change: (d) => void (d["approved_on"] = "2026-09-31"), errors: [kw("format", "/approved_on")] },
  ],
  "ai-policy": [
    { name: "missing purpose", change: (d) => void delete d["purpose"], errors: [required("", "purpose")] },
    { name: "review cycle in words", change: (d) => void (d["review_cycle_months"] = "twelve"), errors: [kw("type", "/review_cycle_months")] },
    { name: "status final", change: (d) => void (d["status"] = "final"), errors: [kw("enum", "/status")] },
    { name: "related policy without title", change: (d) => void delete at(d, "related_policies", 0)["title"], errors: [required("/related_policies/0", "title")] },
    { name: "typo purpse", change: (d) => void (d["purpse"] = "x"), errors: [unknownKey("", "purpse")] },
    { name: "impossible next review", change: (d) => void (d["next_review"] = "2027-02-30"), errors: [kw("format", "/next_review")] },
  ],
  "data-card": [
    { name: "provenance event not in the enum", change: (d) => void (at(d, "provenance", 0)["event"] = "created"), errors: [kw("enum", "/provenance/0/event")] },
    { name: "collection date with slashes", change: (d) => void (d["collected_on"] = "2025/11/14"), errors: [kw("format", "/collected_on")] },
    { name: "unknown key in quality", change: (d) => void (at(d, "quality")["checks"] = []), errors: [extraKey("/quality", "checks")] },
    { name: "personal_data as text", change: (d) => void (d["personal_data"] = "yes"), errors: [kw("type", "/personal_data")] },
    { name: "kind of another artefact", change: (d) => void (d["kind"] = "model-card"), errors: [kw("const", "/kind")] },
    { name: "system reference is not an id", change: (d) => void (list(d, "systems")[0] = "credit scoring"), errors: [kw("pattern", "/systems/0")] },
  ],
  supplier: [
    { name: "missing supplies", change: (d) => void delete d["supplies"], errors: [required("", "supplies")] },
    { name: "supplies software", change: (d) => void list(d, "supplies").push("software"), errors: [kw("enum", "/supplies/2")] },
    { name: "impossible assessment date", change: (d) => void (at(d, "assessment")["on"] = "2026-07-32"), errors: [kw("format", "/assessment/on")] },
    { name: "typo ownr", change: (d) => void (d["ownr"] = "x"), errors: [unknownKey("", "ownr")] },
    { name: "review cadence yearly", change: (d) => void (d["review_cadence"] = "yearly"), errors: [kw("enum", "/review_cadence")] },
    { name: "fractional notice days", change: (d) => void (at(d, "contract")["incident_notice_days"] = 2.5), errors: [kw("type", "/contract/incident_notice_days")] },
    { name: "unknown key in a responsibility", change: (d) => void (at(d, "responsibilities", 0)["customer"] = "x"), errors: [extraKey("/responsibilities/0", "customer")] },
  ],
};

describe.each(CONTRACT_KINDS.map((k) => [k]))("%s rejects invalid documents", (kind) => {
  const cases = INVALID[kind];
  it("has at least three invalid cases", () => expect(cases.length).toBeGreaterThanOrEqual(3));
  it.each(cases.map((c) => [c.name, c]))("%s", (_name, testCase) => {
    const base = examplesOf(kind)[0];
    if (!base) throw new Error(`${kind} has no example`);
    const doc = structuredClone(base);
    testCase.change(doc);
    const validate = validatorOf(kind);
    expect(validate(doc)).toBe(false);
    expect((validate.errors ?? []).map(simplify)).toEqual(testCase.errors);
  });
});

describe("extensions and Hugging Face compatibility", () => {
  it.each(NATIVE_KINDS.map((k) => [k]))("%s accepts x- keys at the root", (kind) => {
    const doc = structuredClone(examplesOf(kind)[0] as Doc);
    doc["x-cost-centre"] = "CC-1234";
    const validate = validatorOf(kind);
    validate(doc);
    expect(validate.errors ?? []).toEqual([]);
  });

  it("accepts x- keys in nested objects we define", () => {
    const doc = structuredClone(examplesOf("risk")[0] as Doc);
    at(doc, "treatment")["x-ticket"] = "GRC-881";
    const validate = validatorOf("risk");
    validate(doc);
    expect(validate.errors ?? []).toEqual([]);
  });

  it("accepts a plain Hugging Face model card with Hub keys it does not know", () => {
    const card: Doc = {
      license: "mit",
      language: "eo",
      thumbnail: "https://huggingface.co/blog/assets/01_how-to-train/EsperBERTo-thumbnail-v2.png",
      widget: [{ text: "Jen la komenco de bela <mask>." }],
      "model-index": [
        {
          name: "x",
          results: [{ task: { type: "fill-mask" }, dataset: { type: "oscar", name: "OSCAR", args: { lang: "eo" } }, metrics: [{ type: "accuracy", value: "96.3 ± 2.6", verifyToken: "abc" }] }],
        },
      ],
    };
    const validate = validatorOf("model-card");
    validate(card);
    expect(validate.errors ?? []).toEqual([]);
  });

  it("accepts a legacy Hugging Face dataset card", () => {
    const card: Doc = { annotations_creators: ["no-annotation"], languages: ["en"], licenses: ["unknown"], size_categories: "100K<n<1M", task_categories: "question-answering" };
    const validate = validatorOf("data-card");
    validate(card);
    expect(validate.errors ?? []).toEqual([]);
  });

  it("a risk-register entry may carry kind: risk", () => {
    const doc = structuredClone(examplesOf("risk-register")[0] as Doc);
    at(doc, "risks", 0)["kind"] = "risk";
    const validate = validatorOf("risk-register");
    validate(doc);
    expect(validate.errors ?? []).toEqual([]);
  });
});
