// Checks against what the organisation declares once for the whole repository (its AI policy's authorities, its
// risk criteria), falling back to the rule's default when nothing is declared.
import { kindInfo } from "../../core/kinds.js";
import { isPlaceholder } from "../../util/placeholder.js";
import { quote } from "../../util/text.js";
import { addMonths, isDate } from "../dates.js";
import type { IndexEntry } from "../index-entry.js";
import type { PathSegment } from "../../source/locator.js";
import type { RepoIndex } from "../repo-index.js";
import type { RepositoryCheckFunction } from "../types.js";
import { lookupIn, sibling } from "./document.js";

/**
 * A value the organisation declares, and where, for messages: `AI policy POL-AI's "authorities.top_management"
 * (governance/policy/ai-policy.yaml:42)`. Placing it reads the declaring file again and builds its YAML document
 * (~14 ms for an AI policy), so only a failing check, the one that prints it, asks where.
 */
class Declared {
  private placed: string | undefined;

  constructor(
    readonly value: unknown,
    private readonly index: RepoIndex,
    private readonly entry: IndexEntry,
    private readonly path: PathSegment[],
    private readonly field: string,
  ) {}

  get source(): string {
    if (this.placed === undefined) {
      const at = this.index.locate(this.entry, this.path).start;
      const title = kindInfo(this.entry.kind)?.title ?? this.entry.kind;
      const name = this.entry.id ? `${title} ${this.entry.id}` : title;
      this.placed = `${name}'s "${this.field}" (${this.entry.file}:${at.line})`;
    }
    return this.placed;
  }
}

/** Each declaration is looked up once a run: thousands of risks ask. */
const declarations = new WeakMap<RepoIndex, Map<string, Declared | undefined>>();

function declared(index: RepoIndex, kind: string, field: string, key?: string): Declared | undefined {
  let known = declarations.get(index);
  if (!known) declarations.set(index, (known = new Map()));
  const id = `${kind}\u0000${field}\u0000${key ?? ""}`;
  if (!known.has(id)) known.set(id, lookUp(index, kind, field, key));
  return known.get(id);
}

function lookUp(index: RepoIndex, kind: string, field: string, key?: string): Declared | undefined {
  const found = index.declared(kind, field);
  if (!found) return undefined;
  const value = key === undefined ? found.value : (found.value as Record<string, unknown>)?.[key];
  if (value === undefined || value === null) return undefined;
  return new Declared(value, index, found.entry, key === undefined ? found.path : [...found.path, key], key === undefined ? field : `${field}.${key}`);
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string" && x.trim() !== "");
const normal = (s: string) => s.trim().toLowerCase();
const listed = (names: readonly string[]) => (names.length > 8 ? `${names.slice(0, 8).join(", ")} and ${names.length - 8} more` : names.join(", "));

/**
 * The approver (or one of a list of approvers) holds the authority: a role the repository declares for it (in
 * `declared` of the first `in` artefact; with `byLevel`, under the key the checked artefact's level names), else
 * one of the rule's default `roles`.
 */
export const authorised: RepositoryCheckFunction = (ctx) => {
  const { value, exists, field, options, index } = ctx;
  if (!exists) return [];
  const names = strings(value).filter((n) => !isPlaceholder(n));
  if (names.length === 0) return [];
  const byLevel = options["byLevel"] === undefined ? undefined : sibling(ctx, String(options["byLevel"]));
  if (options["byLevel"] !== undefined && typeof byLevel !== "string") return [];
  const level = typeof byLevel === "string" ? byLevel : undefined;
  const found = declared(index, String(options["in"]), String(options["declared"]), level);
  // Nothing declared: the default roles, if the rule has some and they apply at this level.
  const defaultLevels = options["defaultLevels"];
  const defaultApplies = options["roles"] !== undefined && (level === undefined || !Array.isArray(defaultLevels) || defaultLevels.includes(level));
  if (!found && !defaultApplies) return [];
  const roles = strings(found ? found.value : options["roles"]);
  const allowed = new Set(roles.map(normal));
  if (names.some((n) => allowed.has(normal(n)))) return [];
  const who = names.length === 1 ? quote(names[0]) : names.map((n) => quote(n)).join(", ");
  const authority = level === undefined ? String(options["authority"] ?? "this authority") : `${options["authority"] ?? "this authority"} at level ${quote(level)}`;
  const where = found
    ? `: ${found.source} gives it to ${listed(roles)}`
    : `, which by default (rule option ${String(options["option"] ?? "roles")}) belongs to ${listed(roles)}; declare your own roles in ${declarationHint(String(options["in"]))}`;
  return [{ message: `${who} in "${field}" does not hold ${authority}${where}.` }];
};

function declarationHint(kind: string): string {
  return kind === "risk-criteria" ? 'the risk criteria\'s "acceptance"' : 'the AI policy\'s "authorities"';
}

/**
 * A level follows the declared risk criteria's matrix (rows: the likelihood keys in scale order; columns: impact),
 * else the rule's default table: `lookup` with the organisation's own table.
 */
export const followsCriteria: RepositoryCheckFunction = (ctx) => lookupIn(ctx, criteriaOptions(ctx.index, ctx.options));

/** The options with the declared table, made once a run for each call's options: a repository has thousands of risks. */
const withTable = new WeakMap<Record<string, unknown>, { index: RepoIndex; options: Record<string, unknown> }>();

function criteriaOptions(index: RepoIndex, options: Record<string, unknown>): Record<string, unknown> {
  const known = withTable.get(options);
  if (known?.index === index) return known.options;
  const found = declared(index, String(options["in"]), String(options["declared"]));
  const matrix = found?.value;
  const rows = options["rows"] as string[];
  const table = matrix !== null && typeof matrix === "object" && !Array.isArray(matrix) ? rows.map((r) => (matrix as Record<string, unknown>)[r]) : undefined;
  const usable = table?.every((row) => Array.isArray(row) && row.length === (options["columns"] as unknown[]).length);
  // The name is read by a failing check's message only: placing the declaration costs a parse (Declared).
  const own = usable
    ? {
        ...options,
        table,
        get name() {
          return `risk matrix of ${found!.source}`;
        },
      }
    : options;
  withTable.set(options, { index, options: own });
  return own;
}

/**
 * A date (the last assessment) is no older than the review period the risk criteria set for the artefact's level
 * (`review_months`), else than the rule's default `months`.
 */
export const reviewedWithin: RepositoryCheckFunction = (ctx) => {
  const { value, exists, field, options, index, today } = ctx;
  if (!exists || !isDate(value)) return [];
  const levelOf = (option: string) => (options[option] === undefined ? undefined : sibling(ctx, String(options[option])));
  const level = [levelOf("byLevel"), levelOf("orLevel")].find((l): l is string => typeof l === "string");
  const found = level === undefined ? undefined : declared(index, String(options["in"]), String(options["declared"]), level);
  const months = typeof found?.value === "number" ? found.value : options["months"];
  if (typeof months !== "number" || value >= addMonths(today, -months)) return [];
  const why = found ? `${found.source} sets ${months} months at level ${quote(level)}` : `by default (rule option ${String(options["option"] ?? "months")}) a review is due every ${months} months`;
  return [{ message: `"${field}" is ${value}, more than ${months} months ago (today is ${today}): ${why}.` }];
};
