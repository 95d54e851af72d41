// A rule is data: metadata plus a declarative check (schemas/meta/rule.schema.json is its contract).
import type { Crosswalks } from "../core/crosswalks.js";
import type { Severity } from "../core/finding.js";
import type { PathSegment } from "../source/locator.js";
import type { IndexEntry } from "./index-entry.js";
import type { RepoIndex } from "./repo-index.js";

export interface FunctionCall {
  /** Path from the `given` node to the value checked. Empty or absent: the `given` node itself. */
  field?: string;
  function: string;
  options?: Record<string, unknown>;
  /** Overrides the function's message. Placeholders: {{field}}, {{value}}, {{error}}. */
  message?: string;
  /** In `when` only: the condition holds when the check does not pass (or the field is missing). */
  not?: boolean;
}

export interface Check {
  /** Path from the artefact root to the node(s) the check runs on; wildcards fan out. Default: the root. */
  given?: string;
  /** All must hold for `then` to apply to a node. */
  when?: FunctionCall[];
  then: FunctionCall[];
}

export interface RuleDefinition {
  id: string;
  title: string;
  severity: Severity;
  /** In the `recommended` preset; every rule without `preset` is in `strict`. */
  recommended: boolean;
  /** The opt-in preset the rule belongs to (`eu-ai-act`): then on only when the configuration extends it. */
  preset?: string;
  iso42001: string[];
  /** References to other frameworks replacing those derived from `iso42001` (core/crosswalks.ts). */
  crosswalks?: Crosswalks;
  appliesTo: string[];
  rationale: string;
  help: string;
  /** Tunable values with their defaults, referenced from function options as { $option: name }. */
  options?: Record<string, unknown>;
  /** For each option, what it is: an organisation choice or what the standard asks (docs). */
  optionNotes?: Record<string, string>;
  check: Check;
  /** Where the rule came from (built-in pack or a user's file), for error messages. */
  source?: string;
}

export interface Failure {
  message: string;
  /** Where to point, relative to the checked value; default the value itself. */
  at?: PathSegment[];
  /** Where to point instead, from the artefact's root: another field of it that is out of step. */
  atPath?: PathSegment[];
  /** Point at the key rather than the value. */
  key?: boolean;
}

/** What a check sees of the artefact it runs on: a parsed artefact, or (across documents) its index entry. */
export interface ArtefactView {
  kind: string;
  /** Where the artefact's data sits in its document. */
  root: PathSegment[];
  data: Record<string, unknown>;
}

export interface CheckContext {
  value: unknown;
  exists: boolean;
  /** Absolute path of the value inside the document. */
  path: PathSegment[];
  /** Path of the `given` node, for options that name sibling fields. */
  base: PathSegment[];
  field: string;
  artefact: ArtefactView;
  /** The artefact's entry in the repository index: the same object at every stage, so it tells this artefact from another. */
  self: IndexEntry;
  options: Record<string, unknown>;
  today: string;
}

/** Checks across documents run once every artefact is indexed. */
export interface RepositoryCheckContext extends CheckContext {
  index: RepoIndex;
}

export type CheckFunction = (context: CheckContext) => Failure[];
export type RepositoryCheckFunction = (context: RepositoryCheckContext) => Failure[];
