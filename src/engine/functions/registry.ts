// The vocabulary rules are written in, declared once: each function's name, whether it needs the repository, the
// JSON Schema of its options and the fields of other artefacts it reads. From this table come the rule
// meta-schema's function list and option schemas (so a misspelt option is a config error with its position),
// docs/rule-functions.md (scripts/gen-functions.ts, run by the build) and the fields the repository index keeps.
import type { CheckFunction, RepositoryCheckFunction } from "../types.js";
import { absent, agreesWith, coverage, date, disjoint, enumeration, includes, length, lookup, meetsThreshold, noPlaceholders, oneOf, ordinal, pattern, present, range } from "./document.js";
import { aiUse, authorChecked, datedModel, noDangerousFlags, noLiteralSecrets, publishGated } from "./ai-use.js";
import { authorised, followsCriteria, reviewedWithin } from "./declared.js";
import { AI_USE_FIELDS, CLAIM_FIELDS } from "../ai-inventory.js";
import { automationEvidence, componentsRecorded, inventoried } from "./inventory.js";
import { aiPackage, pinnedDependency } from "./dependencies.js";
import { agreesWithReference, listedIn, reference, referencedBy, repositoryHolds, uniqueId } from "./repository.js";

/** A JSON Schema, as written in schemas/. */
export type JsonSchema = Record<string, unknown>;

/**
 * What kind of check a function makes, as rule docs say it: a field is there and filled (presence), documents agree
 * (agreement), dates are in order and current (dates), a value is allowed (values), a control applies (applicability).
 * A value checked against a list of people or roles (`approved_by`) is authority (see ruleChecks()).
 */
export type CheckCategory = "presence" | "agreement" | "authority" | "dates" | "values" | "applicability";

interface FunctionSpec {
  name: string;
  checks: CheckCategory;
  /** For docs/rule-functions.md: when a call fails. */
  failsWhen: string;
  /** The options' properties, each with a `description` for the docs. Options not listed are refused. */
  options: Record<string, JsonSchema>;
  /** Extra constraints on the options object (`required`, `anyOf` of required sets). */
  constraints?: JsonSchema;
  /**
   * Fields of other artefacts the function reads, as pairs of option names: [option naming the kind, option
   * naming the field]. The repository index keeps exactly these.
   */
  reads?: readonly (readonly [string, string])[];
  /** Options naming fields of the checked artefact itself that the function reads across documents. */
  readsOwn?: readonly string[];
  /** Fields of fixed kinds the function always reads, whatever its options (the evidence of AI use). */
  keeps?: Readonly<Record<string, readonly string[]>>;
}

export interface DocumentFunction extends FunctionSpec {
  scope: "document";
  check: CheckFunction;
}

/** Looks at other artefacts through the repository index: runs once every file is indexed. */
export interface RepositoryFunction extends FunctionSpec {
  scope: "repository";
  check: RepositoryCheckFunction;
  /**
   * False for a function that reads the artefact through its index entry (`self`) and never the value checked:
   * its deferred checks keep no copy of that value, which for a call without `field` is the whole artefact.
   */
  readsValue?: false;
}

export type RuleFunction = DocumentFunction | RepositoryFunction;

const anyValue: JsonSchema = {};
const list = (description: string, items: JsonSchema = anyValue): JsonSchema => ({ type: "array", minItems: 1, items, description });
const bool = (description: string): JsonSchema => ({ type: "boolean", description });
const text = (description: string): JsonSchema => ({ type: "string", minLength: 1, description });
const count = (description: string): JsonSchema => ({ type: "integer", minimum: 0, description });
const catalogueOptions: Record<string, JsonSchema> = {
  actions: { type: "array", items: { type: "string" }, description: "AI actions to add to the catalogue (the configuration's aiUse.actions)" },
  secrets: { type: "array", items: { type: "string" }, description: "secret names to add to the catalogue (the configuration's aiUse.secrets)" },
};
/** The organisation's AI packages, for functions that read manifests. */
const packageOptions: Record<string, JsonSchema> = {
  npm: { type: "array", items: { type: "string" }, description: "npm AI packages to add to the catalogue (the configuration's aiUse.packages.npm)" },
  pypi: { type: "array", items: { type: "string" }, description: "PyPI AI packages to add to the catalogue (the configuration's aiUse.packages.pypi)" },
};
/** The inventory functions also read manifests: the organisation's AI packages too. */
const inventoryOptions: Record<string, JsonSchema> = { ...catalogueOptions, ...packageOptions };
/** What the inventory functions read: every artefact that shows AI use, and what each record claims of it. */
const inventoryKeeps = { ...AI_USE_FIELDS, "ai-system": [...CLAIM_FIELDS] };
const kindOption: JsonSchema = {
  anyOf: [
    { type: "string", minLength: 1 },
    { type: "array", minItems: 1, items: { type: "string", minLength: 1 } },
  ],
  description: "an artefact kind, or a list of kinds",
};

export const RULE_FUNCTIONS: readonly RuleFunction[] = [
  {
    name: "present",
    checks: "presence",
    scope: "document",
    check: present,
    options: {},
    failsWhen: "the field is missing, null, blank, an empty list/mapping, or only template filler (`TBD`, `N/A`, `[More Information Needed]`, `<owner>`…)",
  },
  { name: "absent", checks: "presence", scope: "document", check: absent, options: {}, failsWhen: "the field is set" },
  {
    name: "pattern",
    checks: "values",
    scope: "document",
    check: pattern,
    options: {
      match: text("regular expression the string must match"),
      notMatch: text("regular expression the string must not match"),
      description: text("what the pattern means, for the message"),
    },
    constraints: { anyOf: [{ required: ["match"] }, { required: ["notMatch"] }] },
    failsWhen:
      "a string does not match `match`, or matches `notMatch`. Patterns run on a linear-time engine (RE2 semantics, JavaScript syntax); back-references and lookaheads other than right after a leading `^` are refused",
  },
  {
    name: "enumeration",
    checks: "values",
    scope: "document",
    check: enumeration,
    options: { values: list("the allowed values") },
    constraints: { required: ["values"] },
    failsWhen: "the value is not one of `values`",
  },
  {
    name: "includes",
    checks: "values",
    scope: "document",
    check: includes,
    options: { any: list("the list must include at least one of these"), all: list("the list must include every one of these") },
    constraints: { anyOf: [{ required: ["any"] }, { required: ["all"] }] },
    failsWhen: "a list includes none of `any`, or misses one of `all`",
  },
  {
    name: "length",
    checks: "presence",
    scope: "document",
    check: length,
    options: { min: count("fewest filled items or characters"), max: count("most items or characters") },
    constraints: { anyOf: [{ required: ["min"] }, { required: ["max"] }] },
    failsWhen: "a list (filled items), string or mapping is too short or too long; missing counts as 0 when `min` > 0",
  },
  {
    name: "range",
    checks: "values",
    scope: "document",
    check: range,
    options: { min: { type: "number", description: "lowest allowed number" }, max: { type: "number", description: "highest allowed number" } },
    constraints: { anyOf: [{ required: ["min"] }, { required: ["max"] }] },
    failsWhen: "a number is out of bounds (or not a number)",
  },
  {
    name: "date",
    checks: "dates",
    scope: "document",
    check: date,
    options: {
      notInPast: bool("the date must not be before today"),
      notInFuture: bool("the date must not be after today"),
      maxAgeMonths: count("the date must be at most this many months ago"),
      maxAheadMonths: count("the date must be at most this many months ahead"),
      notBefore: text("path of another date, relative to `given`, this one must not precede"),
      notAfter: text("path of another date, relative to `given`, this one must not follow"),
    },
    failsWhen: 'the value is not a date (`YYYY-MM-DD`) or breaks a bound; "today" is `--today`, the config\'s `today:`, or the real date',
  },
  {
    name: "ordinal",
    checks: "values",
    scope: "document",
    check: ordinal,
    options: {
      scale: list("the values in order, lowest first"),
      min: { description: "lowest allowed value on the scale" },
      max: { description: "highest allowed value on the scale" },
      notAbove: text("path of another field, relative to `given`, on the same scale that this one must not exceed"),
    },
    constraints: { required: ["scale"] },
    failsWhen: "the value is off the scale, out of bounds, or above another field on the same scale",
  },
  {
    name: "lookup",
    checks: "values",
    scope: "document",
    check: lookup,
    options: {
      row: text("path, relative to `given`, of the field that picks the row (e.g. likelihood)"),
      column: text("path, relative to `given`, of the field that picks the column (e.g. impact)"),
      rows: list("the row field's values, in the table's order"),
      columns: list("the column field's values, in the table's order"),
      table: list("one list per row: the value expected for each column", { type: "array", minItems: 1 }),
      name: text("what the table is, for messages (e.g. risk matrix)"),
    },
    constraints: { required: ["row", "column", "rows", "columns", "table"] },
    failsWhen: "the value is not the table's cell for the row and column its sibling fields pick; nothing when either is missing or off the scales",
  },
  {
    name: "meets-threshold",
    checks: "values",
    scope: "document",
    check: meetsThreshold,
    options: {
      threshold: text("path, relative to `given`, of the number the value must reach"),
      direction: text("path, relative to `given`, of a boolean that is false when lower values are better"),
    },
    constraints: { required: ["threshold"] },
    failsWhen: "the value (a number, or text read by its leading number) is below its threshold, or above it when `direction` is false; nothing when either is missing",
  },
  {
    name: "one-of",
    checks: "presence",
    scope: "document",
    check: oneOf,
    options: { fields: list("paths, relative to `given`, of which one must be filled", { type: "string", minLength: 1 }), exactly: bool("no more than one may be filled") },
    constraints: { required: ["fields"] },
    failsWhen: "none of `fields` is filled (or, with `exactly`, more than one)",
  },
  {
    name: "no-placeholders",
    checks: "presence",
    scope: "document",
    check: noPlaceholders,
    options: { except: list("names of fields left out, wherever they are: values that are not prose, or that a rule of their own checks", { type: "string", minLength: 1 }) },
    failsWhen: "any string under the field is template filler",
  },
  {
    name: "agrees-with",
    checks: "agreement",
    scope: "document",
    check: agreesWith,
    options: {
      field: text("path, relative to `given`, of the field that must name the same thing"),
      unless: list("values of the checked field that say nothing to compare (e.g. other, unknown)", { type: "string" }),
    },
    constraints: { required: ["field"] },
    failsWhen: "both fields are filled and name nothing in common (case aside; either may be a list), e.g. a front-matter licence the card's text contradicts",
  },
  {
    name: "disjoint",
    checks: "agreement",
    scope: "document",
    check: disjoint,
    options: { from: text("path, relative to `given` (wildcards allowed), of the values this one must not repeat") },
    constraints: { required: ["from"] },
    failsWhen: "the value (a string) is also one of the values at `from`, case aside: a dataset both trained and evaluated on",
  },
  {
    name: "ai-use",
    checks: "applicability",
    scope: "document",
    check: aiUse,
    options: {
      what: { enum: ["action", "step", "job"], description: "what the value is: a `uses:` reference, a workflow step, or a job" },
      ...catalogueOptions,
    },
    constraints: { required: ["what"] },
    failsWhen:
      "the value is not AI use by the catalogue (src/core/ai-use-catalogue.json): an action reference that names no AI action; a step that uses none and is given no model API key in `env`, `with` or `run`; a job none of whose steps is one and whose `env` holds no key. Meant for `when`",
  },
  {
    name: "author-checked",
    checks: "authority",
    scope: "document",
    check: authorChecked,
    options: {
      ...catalogueOptions,
      actorChecking: {
        type: "array",
        items: { type: "string" },
        description: "actions (owner/name) to add to the catalogue's actorChecking: they refuse a triggering user without write access themselves",
      },
    },
    failsWhen:
      "a job (of a CI workflow) runs AI on an event anyone can cause (the catalogue's untrustedTriggers: pull_request_target, issue_comment, issues…) and neither its `if:` nor the `if:` of each AI step checks who triggered it (author_association against OWNER, MEMBER or COLLABORATOR; the actor compared with chosen names; for pull_request_target, a pull request from this repository), no AI step uses an action of actorChecking, and the job has no `environment:`",
  },
  {
    name: "publish-gated",
    checks: "presence",
    scope: "document",
    check: publishGated,
    options: {
      publishActions: { type: "array", items: { type: "string" }, description: "actions (owner/name) to add to the catalogue's publishActions" },
    },
    failsWhen:
      "a job (of a CI workflow; meant with an ai-use `when`) has write access (its `permissions:`, else the workflow's: `contents: write`, `pull-requests: write` or `write-all`; none written is unknown and passes) and a step that publishes (a `run` matching the catalogue's publishCommands, or an action of publishActions), but neither `needs:` nor `environment:`",
  },
  {
    name: "dated-model",
    checks: "values",
    scope: "document",
    check: datedModel,
    options: {},
    failsWhen: "a model id matches one of the catalogue's modelAliases: `…-latest`, or a family name its provider moves to new snapshots (gpt-4o, claude-sonnet-4-5) rather than a dated version",
  },
  {
    name: "no-dangerous-flags",
    checks: "values",
    scope: "document",
    check: noDangerousFlags,
    options: {},
    failsWhen: "a string (a step's `run`), or a string value of a mapping (its `with`), passes one of the catalogue's dangerousFlags (--dangerously-skip-permissions, --yolo…) as a word",
  },
  {
    name: "no-literal-secrets",
    checks: "values",
    scope: "document",
    check: noLiteralSecrets,
    options: {},
    failsWhen:
      "a value of the mapping is a secret written out: a provider token's shape (sk-…, ghp_…, xoxb-…, AKIA…, hf_…) or, under a key naming a secret (…TOKEN, …API_KEY, Authorization), any literal of 8 or more characters that references no variable (`${X}`, `${env:X}`, `$X`). The finding gives the key and the length, never the value",
  },
  {
    name: "ai-package",
    checks: "applicability",
    scope: "document",
    check: aiPackage,
    options: packageOptions,
    failsWhen:
      "the value (a dependency's name in a manifest's view) is not an AI SDK or framework of the catalogue's `packages` for the manifest's ecosystem, nor of `npm`/`pypi`; `*` in a name stands for any characters but `/`, and PyPI names are compared as PEP 503 normalises them. Meant for `when`",
  },
  {
    name: "pinned-dependency",
    checks: "values",
    scope: "document",
    check: pinnedDependency,
    options: {},
    failsWhen:
      "a dependency of a manifest's view (`{ name, spec, section }`) has no fixed version — npm: anything but an exact `1.2.3` (a range, `*`, a tag such as `latest`, a Git source without a commit, a URL); PyPI: anything but `==` or `===` an exact version (a Git source at a commit, or a requirements line with `--hash`, also fix it) — and no lock file applies to the manifest (its `lockFiles` is empty). Local sources (`file:`, `workspace:`) pass",
  },
  {
    name: "coverage",
    checks: "values",
    scope: "document",
    check: coverage,
    options: {
      values: { anyOf: [{ const: "annex-a" }, { type: "array", minItems: 1 }], description: "the values to cover, or `annex-a` for the 38 Annex A controls" },
      key: text("the key of each item that names a value"),
    },
    constraints: { required: ["values"] },
    failsWhen: "the list misses a value, or lists one twice",
  },
  {
    name: "reference",
    checks: "agreement",
    scope: "repository",
    check: reference,
    options: { kind: kindOption, allowFiles: bool("a path to a file of the repository counts too (`#fragment` ignored)") },
    failsWhen: "an id (or each id of a list) names no artefact of that kind (with `allowFiles`: and no file at that path, relative to the project root)",
  },
  {
    name: "agrees-with-reference",
    checks: "agreement",
    scope: "repository",
    check: agreesWithReference,
    options: {
      kind: kindOption,
      theirs: text("field of the named artefact to compare"),
      ours: text("field of this artefact, from its root, that must hold the same value"),
      report: { enum: ["reference", "own"], description: "where the finding goes: on the reference (default) or on this artefact's own field" },
    },
    constraints: { required: ["kind", "theirs", "ours"] },
    reads: [["kind", "theirs"]],
    readsOwn: ["ours"],
    failsWhen: "the artefact an id names holds another value in `theirs` than this one in `ours` (versions compared without a leading v); nothing when either is missing",
  },
  {
    name: "unique-id",
    checks: "agreement",
    scope: "repository",
    check: uniqueId,
    options: {},
    failsWhen: "another artefact already uses this id (reported on every later one, with the first one's position)",
  },
  {
    name: "referenced-by",
    checks: "agreement",
    scope: "repository",
    check: referencedBy,
    options: {
      kind: text("the kind of the artefacts that name this one"),
      field: text("their field that names it"),
      min: count("how many must name it (default 1)"),
      having: list("fields (paths) each of those artefacts must fill in to count", { type: "string", minLength: 1 }),
      ifReferenced: bool("only when some artefact of `kind` names it at all: a missing one is another rule's finding"),
    },
    constraints: { required: ["kind", "field"] },
    reads: [
      ["kind", "field"],
      ["kind", "having"],
    ],
    failsWhen:
      "fewer than `min` artefacts of `kind` name this artefact's id in their `field` (with `having`: and fill in each of those fields; one that names it but misses some is named, with what it misses; with `ifReferenced`, nothing when none names it)",
  },
  {
    name: "listed-in",
    checks: "applicability",
    scope: "repository",
    check: listedIn,
    options: {
      kind: text("the kind of the artefact that lists the values"),
      field: text("its field that lists them"),
      whereField: text("only where this field of the same list item…"),
      whereValue: { description: "…has this value (or, given a list, any of them)" },
      ifListed: bool("only values that `field` lists at all (where-clause aside) are checked: an unlisted one is another rule's finding"),
    },
    constraints: { required: ["kind", "field"] },
    reads: [
      ["kind", "field"],
      ["kind", "whereField"],
    ],
    failsWhen:
      'a value (or each item) does not appear in `field` of any artefact of `kind` (with the where-clause: of the same list item), e.g. every control a risk uses is `included` in the SoA: `{ kind: statement-of-applicability, field: "controls[*].control", whereField: "controls[*].applicable", whereValue: included }`',
  },
  {
    name: "inventoried",
    checks: "agreement",
    scope: "repository",
    readsValue: false,
    check: inventoried,
    options: inventoryOptions,
    keeps: inventoryKeeps,
    failsWhen:
      "an AI use the artefact shows (a workflow job that runs AI, an agent configuration, an AI package of a manifest; docs/ai-use.md) is covered by no AI system record's `ai_use`: its file matches none of their `paths`, and none lists its action, package or model",
  },
  {
    name: "automation-evidence",
    checks: "agreement",
    scope: "repository",
    readsValue: false,
    check: automationEvidence,
    options: inventoryOptions,
    keeps: { ...inventoryKeeps, "ai-system": [...CLAIM_FIELDS, "automation.agents", "automation.usage", "automation.reaches"] },
    failsWhen:
      "the AI use a record covers contradicts its `automation`: an agent runs but `agents` is not true, an AI job runs but `usage` lacks ci, a job may write to the repository but `reaches` lacks privileged-actions; or a plain path of `ai_use.paths` is not in the repository",
  },
  {
    name: "components-recorded",
    checks: "agreement",
    scope: "repository",
    readsValue: false,
    check: componentsRecorded,
    options: inventoryOptions,
    keeps: { ...inventoryKeeps, "ai-system": [...CLAIM_FIELDS, "third_party_components[*].name"] },
    failsWhen: "an AI action or package that the record's covered AI use runs on is named by none of its `third_party_components` (compared by name, without case)",
  },
  {
    name: "repository-holds",
    checks: "presence",
    scope: "repository",
    readsValue: false,
    check: repositoryHolds,
    options: { kind: kindOption },
    constraints: { required: ["kind"] },
    failsWhen: "the repository holds no artefact of `kind`; reported once, on the first artefact (in path order) of the kind the rule applies to",
  },
  {
    name: "authorised",
    checks: "authority",
    scope: "repository",
    check: authorised,
    options: {
      in: text("the kind of the artefact where the organisation declares who holds the authority (ai-policy, risk-criteria)"),
      declared: text("its field listing the roles (e.g. authorities.top_management), or, with `byLevel`, a mapping of levels to roles"),
      byLevel: text("path, relative to `given`, of this artefact's level, which picks the roles under `declared`"),
      roles: list("the roles that hold the authority when the repository declares none", { type: "string" }),
      defaultLevels: list("with `byLevel`: the levels `roles` applies to when the repository declares none for the level (others pass)", { type: "string" }),
      authority: text("what the authority is, for messages (e.g. the authority to approve the AI policy)"),
      option: text("the rule option `roles` comes from, for messages"),
    },
    constraints: { required: ["in", "declared"] },
    reads: [["in", "declared"]],
    readsOwn: ["byLevel"],
    failsWhen:
      "no name in the value (a role or person, or a list of them) is among the roles the repository declares for the authority (the first artefact of `in` with `declared`), or, when it declares none, among `roles` (without `roles`, anyone then passes); compared without case",
  },
  {
    name: "reviewed-within",
    checks: "dates",
    scope: "repository",
    check: reviewedWithin,
    options: {
      in: text("the kind of the artefact declaring the review periods (risk-criteria)"),
      declared: text("its field: a mapping of levels to months"),
      byLevel: text("path, relative to `given`, of this artefact's level, which picks the period"),
      orLevel: text("path of the level to use when `byLevel` is missing (e.g. the inherent level of an untreated risk)"),
      months: count("the period when the repository declares none for the level"),
      option: text("the rule option `months` comes from, for messages"),
    },
    constraints: { required: ["in", "declared", "byLevel"] },
    reads: [["in", "declared"]],
    readsOwn: ["byLevel", "orLevel"],
    failsWhen: "the date is more months before today than the period the repository declares for the artefact's level (else `months`); nothing without a date or a period",
  },
  {
    name: "follows-criteria",
    checks: "values",
    scope: "repository",
    check: followsCriteria,
    options: {
      in: text("the kind of the artefact holding the organisation's table (risk-criteria)"),
      declared: text("its field: a mapping from each row value to the list of column values"),
      row: text("path, relative to `given`, of the field that picks the row (e.g. likelihood)"),
      column: text("path, relative to `given`, of the field that picks the column (e.g. impact)"),
      rows: list("the row field's values, in order"),
      columns: list("the column field's values, in the order of each row's list"),
      table: list("the default table, one list per row, when the repository declares none", { type: "array", minItems: 1 }),
      name: text("what the default table is, for messages"),
    },
    constraints: { required: ["in", "declared", "row", "column", "rows", "columns", "table"] },
    reads: [["in", "declared"]],
    readsOwn: ["row", "column"],
    failsWhen: "as `lookup`, with the table the repository declares (the first artefact of `in` with `declared`), else the default `table`",
  },
];

export const FUNCTIONS: ReadonlyMap<string, RuleFunction> = new Map(RULE_FUNCTIONS.map((f) => [f.name, f]));

export const usesRepository = (call: { function: string }): boolean => FUNCTIONS.get(call.function)?.scope === "repository";

/** Whether a deferred check of the call needs the value checked: its function reads it, or its message quotes it. */
export function deferredNeedsValue(call: { function: string; message?: string }): boolean {
  const fn = FUNCTIONS.get(call.function);
  return !(fn?.scope === "repository" && fn.readsValue === false) || /\{\{\s*value\s*\}\}/.test(call.message ?? "");
}

/**
 * The JSON Schema of a function's options, as the rule meta-schema embeds it. With `references`, every option may
 * instead be `{ $option: name }`, a rule option's value filled in when the rule runs.
 */
export function optionsSchema(fn: RuleFunction, references = true): JsonSchema {
  const properties = Object.fromEntries(
    Object.entries(fn.options).map(([name, schema]) => [
      name,
      references ? { if: { type: "object", required: ["$option"], properties: { $option: true } }, then: { $ref: "#/$defs/optionReference" }, else: schema } : schema,
    ]),
  );
  return { type: "object", properties, additionalProperties: false, ...strict(fn.constraints) };
}

/** ajv's strict mode wants a property named in `required` to be declared beside it, even inside `anyOf`. */
function strict(constraints: JsonSchema | undefined): JsonSchema {
  const anyOf = constraints?.["anyOf"] as { required: string[] }[] | undefined;
  if (!anyOf) return constraints ?? {};
  return { ...constraints, anyOf: anyOf.map((c) => ({ ...c, properties: Object.fromEntries(c.required.map((name) => [name, true])) })) };
}

/** What a rule checks, from the functions it calls (and, for values, whose field they check): for its docs. */
export function ruleChecks(calls: readonly { function: string; field?: string }[]): CheckCategory[] {
  const found = new Set<CheckCategory>();
  for (const call of calls) {
    const category = FUNCTIONS.get(call.function)?.checks;
    if (!category) continue;
    found.add(category === "values" && /(?:^|\.)(?:approved_by|accepted_by|chair|chaired_by|signed_by|owner)$/.test(call.field ?? "") ? "authority" : category);
  }
  const order: CheckCategory[] = ["presence", "agreement", "authority", "dates", "values", "applicability"];
  return order.filter((c) => found.has(c));
}
