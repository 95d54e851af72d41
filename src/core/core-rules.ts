// The rules of aimslint's own pipeline (reading, parsing, classifying, schema checks, suppressions, limits),
// declared once. They have no rule.yaml: the rule pack's rules (rules/) are data, these are what the pipeline
// itself reports. SARIF's rule catalogue, the job summary, `aimslint rules` and `explain` read them from here, and
// report() (core/report.ts) takes a finding's defaults from them.
import type { Severity } from "./finding.js";

export interface CoreRule {
  readonly id: string;
  readonly title: string;
  /** Default severity; a call may report another (a Markdown look-alike is an info, a YAML one a warning). */
  readonly severity: Severity;
  readonly iso42001: readonly string[];
  readonly rationale: string;
  /** The general fix; a finding may carry a more precise one. */
  readonly help: string;
}

const PARSE = {
  iso42001: ["7.5.2"],
  rationale: "A file that does not parse cannot be read by people's tools or by aimslint; its content is lost to the management system (7.5.2).",
} as const;
const FILE = {
  iso42001: ["7.5.3"],
  rationale: "Documented information must be available and suitable for use (7.5.3); a file that cannot be read is neither.",
} as const;
const KIND = {
  iso42001: ["7.5.2"],
  rationale: "aimslint checks an artefact against the schema and rules of its kind; a file with an unknown or missing kind is checked against nothing.",
} as const;
const SCHEMA = {
  iso42001: ["7.5.2"],
  rationale: "Every artefact kind has a JSON Schema (schemas/ in the aimslint package). A document that does not match it cannot be checked reliably, and auditors cannot rely on its fields (7.5.2).",
  help: "Correct the value or key the message names; docs/artefact-model.md lists every field of every kind.",
} as const;
const SUPPRESSION = {
  iso42001: ["6.1.3", "7.5.3"],
  rationale: "A suppression is a governance exception: it must be explained and must not outlive its review (6.1.3, 7.5.3).",
} as const;

function rules<const T extends Record<string, Omit<CoreRule, "id">>>(table: T): { readonly [K in keyof T]: CoreRule & { id: K } } {
  return Object.fromEntries(Object.entries(table).map(([id, rule]) => [id, { id, ...rule }])) as { readonly [K in keyof T]: CoreRule & { id: K } };
}

export const CORE_RULES = rules({
  "parse/syntax": {
    ...PARSE,
    severity: "error",
    title: "Write well-formed YAML, JSON or Markdown front matter",
    help: "Fix the syntax at the position given: an unclosed quote or bracket, a bad indent, a tab, a missing colon.",
  },
  "parse/duplicate-key": { ...PARSE, severity: "error", title: "Define each key once in a mapping", help: "Remove or rename the repeated key; YAML and JSON readers disagree on which value wins." },
  "parse/unknown-tag": {
    ...PARSE,
    severity: "warning",
    title: "Use no custom YAML tags",
    help: "Remove the tag (`!include`, `!!python/object`…): aimslint never resolves tags, and other tools may run them.",
  },
  "parse/resource-limit": {
    ...PARSE,
    severity: "error",
    title: "Keep a file within the limits a reader can handle safely",
    help: "Simplify the file: it is nested too deeply, expands too many aliases, or is too large to read safely.",
  },
  "parse/not-a-mapping": {
    ...PARSE,
    severity: "error",
    title: "Write an artefact as a mapping of keys to values",
    help: "Start the document with `kind:` and the artefact's fields, not a list or a bare value.",
  },
  "file/unreadable": {
    ...FILE,
    severity: "error",
    title: "Keep artefacts readable by the user running aimslint",
    help: "Check that the path names a regular file or folder that the user running aimslint may read.",
  },
  "file/too-large": { ...FILE, severity: "error", title: "Keep a file within the size limit", help: "Split the file, or raise `limits.maxFileBytes` in the configuration (or pass --max-file-bytes)." },
  "file/empty": { ...FILE, severity: "error", title: "Fill in a file that is named for checking", help: "Fill the artefact in, or delete the file." },
  "file/encoding": { ...FILE, severity: "error", title: "Save artefacts as UTF-8 text", help: "Re-save the file as UTF-8." },
  "file/binary": { ...FILE, severity: "error", title: "Keep artefacts as text", help: "Artefacts must be UTF-8 text. Remove the file or fix its content." },
  "file/symlink": {
    ...FILE,
    severity: "warning",
    title: "Keep artefacts inside the repository, not behind links that lead out",
    help: "Keep artefacts inside the repository as regular files, or scan the folder the link points to.",
  },
  "kind/unknown": {
    ...KIND,
    severity: "error",
    title: "Declare a kind aimslint knows",
    help: "Use one of the kinds in docs/artefact-model.md, fix its spelling, or declare the kind in aimslint.config.yaml.",
  },
  "kind/unclassified": { ...KIND, severity: "warning", title: "Say which kind of artefact a file is", help: "Add a top-level `kind:` naming one of the kinds in docs/artefact-model.md." },
  "schema/invalid": { ...SCHEMA, severity: "error", title: "Match the JSON Schema of the artefact's kind" },
  "schema/required": { ...SCHEMA, severity: "error", title: "Give every field the kind requires" },
  "schema/unknown-property": { ...SCHEMA, severity: "error", title: "Use only the fields the kind defines" },
  "schema/enum": { ...SCHEMA, severity: "error", title: "Use one of the values the kind allows" },
  "schema/type": { ...SCHEMA, severity: "error", title: "Give each field a value of the type the kind expects" },
  "schema/format": { ...SCHEMA, severity: "error", title: "Write dates, e-mail addresses and links in their standard format" },
  "schema/pattern": { ...SCHEMA, severity: "error", title: "Write identifiers in the form the kind expects" },
  "schema/range": { ...SCHEMA, severity: "error", title: "Keep numbers, lengths and list sizes within the kind's bounds" },
  "schema/unique": { ...SCHEMA, severity: "error", title: "List each item once" },
  "suppression/invalid": {
    ...SUPPRESSION,
    severity: "error",
    title: "Name known rules and a valid date in a suppression",
    help: "Write `aimslint-disable-next-line <rule-id> until YYYY-MM-DD -- <reason>`.",
  },
  "suppression/missing-reason": {
    ...SUPPRESSION,
    severity: "error",
    title: "Give every suppression a reason",
    help: "Add the reason after two dashes: `aimslint-disable-next-line <rule-id> -- <why>`.",
  },
  "suppression/expired": { ...SUPPRESSION, severity: "error", title: "Review a suppression before its date passes", help: "Fix the finding, or renew the suppression with a new date and reason." },
  "suppression/unused": { ...SUPPRESSION, severity: "warning", title: "Remove suppressions that suppress nothing", help: "Remove the directive: the problem it excused is gone." },
  "suppression/disabled": {
    ...SUPPRESSION,
    severity: "warning",
    title: "Expect no effect from inline suppressions when they are turned off",
    help: "Fix the finding, or ask for the exception in the configuration's overrides.",
  },
  "draft/open-items": {
    iso42001: ["7.5.2", "7.5.3"],
    severity: "warning",
    title: "Finish a draft before it leaves draft status",
    rationale:
      "A document in draft is work in progress (7.5.2): what is still to fill in is one to-do list, not dozens of errors that block the first commit. Once its status moves past draft, each gap is reported on its own at its usual severity.",
    help: "Fill in the fields the finding lists, then set `status` past draft (in-review, approved).",
  },
  "aimslint/rule-error": {
    severity: "error",
    iso42001: [],
    title: "Rules run without failing",
    rationale: "A rule that fails to run checks nothing; the failure is reported so that it is not mistaken for a pass.",
    help: "Fix the rule file named in the message, or report the problem as an aimslint bug.",
  },
  "aimslint/too-many-findings": {
    severity: "error",
    iso42001: [],
    title: "Keep the findings of one file within the limit",
    rationale: "Past the per-file limit (1,000 by default), a file's further findings are counted, not listed, so that one broken file cannot flood the output or exhaust a CI job.",
    help: "Fix the problems listed and run again, or raise `limits.maxFindingsPerFile` in the configuration (or pass --max-findings-per-file).",
  },
});

export type CoreRuleId = keyof typeof CORE_RULES;

/** The core rule with this id, if it is one. */
export function coreRule(id: string): CoreRule | undefined {
  return Object.hasOwn(CORE_RULES, id) ? CORE_RULES[id as CoreRuleId] : undefined;
}
