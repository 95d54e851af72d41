// Check functions over one document. Each returns failures with messages; the engine adds positions.
import { ANNEX_A } from "../../core/iso42001.js";
import { display } from "../../schema/schema-errors.js";
import { resolvePath, parsePath } from "../paths.js";
import { isPlaceholder } from "../../util/placeholder.js";
import { safePattern } from "../../util/safe-regex.js";
import { list, quote } from "../../util/text.js";
import { addMonths, isDate } from "../dates.js";
import type { CheckContext, CheckFunction, Failure } from "../types.js";

const fail = (message: string, extra: Partial<Failure> = {}): Failure[] => [{ message, ...extra }];

/** Non-empty: not missing, null, blank, an empty list or mapping, or template filler. */
export function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "" && !isPlaceholder(value);
  if (Array.isArray(value)) return value.some(isFilled);
  if (typeof value === "object") return Object.values(value).some(isFilled);
  return true;
}

export const present: CheckFunction = ({ value, exists, field }) => {
  if (!exists || value === undefined) return fail(`Missing "${field}".`);
  if (!isFilled(value)) return fail(typeof value === "string" && value.trim() !== "" ? `"${field}" holds template filler ${quote(value)}, not an answer.` : `"${field}" is empty.`);
  return [];
};

export const absent: CheckFunction = ({ exists, value, field }) => (exists && value !== undefined && value !== null ? fail(`"${field}" must not be set here.`, { key: true }) : []);

export const pattern: CheckFunction = ({ value, exists, field, options }) => {
  if (!exists || typeof value !== "string") return [];
  const text = value.slice(0, 10_000);
  if (typeof options["match"] === "string" && !safePattern(options["match"]).test(text))
    return fail(`${quote(value)} in "${field}" does not match ${options["description"] ?? `/${options["match"]}/`}.`);
  if (typeof options["notMatch"] === "string" && safePattern(options["notMatch"]).test(text))
    return fail(`${quote(value)} in "${field}" must not match ${options["description"] ?? `/${options["notMatch"]}/`}.`);
  return [];
};

export const enumeration: CheckFunction = ({ value, exists, field, options }) => {
  if (!exists || value === undefined) return [];
  const values = options["values"] as unknown[];
  return values.some((v) => v === value) ? [] : fail(`${quote(value)} in "${field}" is not one of ${list(values)}.`);
};

/** A list that contains at least one of `any` (or all of `all`). */
export const includes: CheckFunction = ({ value, exists, field, options }) => {
  const items = exists && Array.isArray(value) ? value : exists && value !== undefined ? [value] : [];
  const any = options["any"] as unknown[] | undefined;
  const all = options["all"] as unknown[] | undefined;
  if (any && !items.some((i) => any.includes(i))) return fail(`"${field}" does not include any of ${list(any)}.`);
  if (all) {
    const missing = all.filter((a) => !items.includes(a));
    if (missing.length > 0) return fail(`"${field}" is missing ${list(missing)}.`);
  }
  return [];
};

export const length: CheckFunction = ({ value, exists, field, options }) => {
  const min = options["min"] as number | undefined;
  const max = options["max"] as number | undefined;
  if (!exists || value === undefined || value === null) return min !== undefined && min > 0 ? fail(`Missing "${field}" (at least ${min} expected).`) : [];
  const n = typeof value === "string" ? value.trim().length : Array.isArray(value) ? value.filter(isFilled).length : typeof value === "object" ? Object.keys(value).length : undefined;
  if (n === undefined) return [];
  const unit = typeof value === "string" ? "characters" : "items";
  // An empty Markdown section reads as text of no characters: say it as a person would.
  if (typeof value === "string" && n === 0 && min !== undefined && min > 0) return fail(`"${field}" is empty.`);
  if (min !== undefined && n < min) return fail(`"${field}" has ${n} ${unit}; at least ${min} expected.`);
  if (max !== undefined && n > max) return fail(`"${field}" has ${n} ${unit}; at most ${max} allowed.`);
  return [];
};

/** Dates relative to the run's "today" (configurable, so CI results do not change overnight). */
export const date: CheckFunction = (ctx) => {
  const { value, exists, field, options, today } = ctx;
  if (!exists || value === undefined || value === null) return [];
  if (!isDate(value)) return fail(`${quote(value)} in "${field}" is not a date (YYYY-MM-DD).`);
  if (options["notInFuture"] && value > today) return fail(`"${field}" is ${value}, in the future (today is ${today}).`);
  if (options["notInPast"] && value < today) return fail(`"${field}" is ${value}, already past (today is ${today}).`);
  const maxAge = options["maxAgeMonths"];
  if (typeof maxAge === "number" && value < addMonths(today, -maxAge)) return fail(`"${field}" is ${value}, more than ${maxAge} months ago (today is ${today}).`);
  const maxAhead = options["maxAheadMonths"];
  if (typeof maxAhead === "number" && value > addMonths(today, maxAhead)) return fail(`"${field}" is ${value}, more than ${maxAhead} months ahead (today is ${today}).`);
  for (const [option, wantAfter] of [
    ["notBefore", true],
    ["notAfter", false],
  ] as const) {
    const other = options[option];
    if (typeof other !== "string") continue;
    const otherValue = sibling(ctx, other);
    if (!isDate(otherValue)) continue;
    if (wantAfter && value < otherValue) return fail(`"${field}" (${value}) is before "${other}" (${otherValue}).`);
    if (!wantAfter && value > otherValue) return fail(`"${field}" (${value}) is after "${other}" (${otherValue}).`);
  }
  return [];
};

/** Numbers within bounds. */
export const range: CheckFunction = ({ value, exists, field, options }) => {
  if (!exists || value === undefined || value === null) return [];
  if (typeof value !== "number") return fail(`${quote(value)} in "${field}" is not a number.`);
  if (typeof options["min"] === "number" && value < options["min"]) return fail(`"${field}" is ${value}; at least ${options["min"]} expected.`);
  if (typeof options["max"] === "number" && value > options["max"]) return fail(`"${field}" is ${value}; at most ${options["max"]} allowed.`);
  return [];
};

/** Ordered scales (low < medium < high): bounds, or "not above another field". */
export const ordinal: CheckFunction = (ctx) => {
  const { value, exists, field, options } = ctx;
  if (!exists || value === undefined) return [];
  const scale = options["scale"] as unknown[];
  const rank = scale.indexOf(value);
  if (rank === -1) return fail(`${quote(value)} in "${field}" is not on the scale ${list(scale)}.`);
  if (options["min"] !== undefined && rank < scale.indexOf(options["min"])) return fail(`"${field}" is ${quote(value)}, below ${quote(options["min"])}.`);
  if (options["max"] !== undefined && rank > scale.indexOf(options["max"])) return fail(`"${field}" is ${quote(value)}, above ${quote(options["max"])}.`);
  if (typeof options["notAbove"] === "string") {
    const other = sibling(ctx, options["notAbove"]);
    const otherRank = scale.indexOf(other);
    if (otherRank !== -1 && rank > otherRank) return fail(`"${field}" (${quote(value)}) is above "${options["notAbove"]}" (${quote(other)}).`);
  }
  return [];
};

/** At least one (or exactly one) of several fields is filled. */
export const oneOf: CheckFunction = (ctx) => {
  const fields = ctx.options["fields"] as string[];
  const filled = fields.filter((f) => isFilled(sibling(ctx, f)));
  if (filled.length === 0) return fail(`None of ${list(fields)} is filled in.`);
  if (ctx.options["exactly"] && filled.length > 1) return fail(`Only one of ${list(filled)} may be filled in.`);
  return [];
};

/** No string anywhere under the field is template filler. */
export const noPlaceholders: CheckFunction = ({ value, exists, field, path, options }) => {
  const except = exceptSet(options["except"] as string[] | undefined);
  if (!exists || except.has(String(path.at(-1)))) return [];
  const failures: Failure[] = [];
  // One path, grown and shrunk as the walk goes (it visits every value of every artefact); copied for a failure.
  const at: (string | number)[] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 50 || (at.length > 0 && except.has(String(at[at.length - 1])))) return;
    if (typeof v === "string") {
      if (isPlaceholder(v)) failures.push({ message: `${quote(v)} in "${display([...path, ...at]) || field}" is template filler, not an answer.`, at: [...at] });
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        at.push(i);
        walk(v[i], depth + 1);
        at.pop();
      }
    } else if (v !== null && typeof v === "object") {
      for (const k of Object.keys(v)) {
        at.push(k);
        walk((v as Record<string, unknown>)[k], depth + 1);
        at.pop();
      }
    }
  };
  walk(value, 0);
  return failures;
};

const exceptSets = new WeakMap<readonly string[], ReadonlySet<string>>();
const NO_EXCEPTIONS: ReadonlySet<string> = new Set();

/** The option's keys as a set, made once per rule (the options object is the rule's, not the call's). */
function exceptSet(except: readonly string[] | undefined): ReadonlySet<string> {
  if (!except) return NO_EXCEPTIONS;
  let set = exceptSets.get(except);
  if (!set) exceptSets.set(except, (set = new Set(except)));
  return set;
}

/**
 * The value names nothing that another field (a path relative to `given`, wildcards allowed) also names, case aside:
 * a dataset used for evaluation is not one the model was trained on.
 */
export const disjoint: CheckFunction = (ctx) => {
  const { value, exists, field, options } = ctx;
  if (!exists || typeof value !== "string" || value.trim() === "" || isPlaceholder(value)) return [];
  const other = String(options["from"]);
  const same = resolvePath(rootValueAt(ctx), parsePath(other)).find((m) => m.exists && typeof m.value === "string" && m.value.trim().toLowerCase() === value.trim().toLowerCase());
  if (!same) return [];
  return fail(`${quote(value)} in "${field}" is also in "${display(same.path)}".`);
};

/** A value named relative to the `given` node. */
export function sibling(ctx: CheckContext, expression: string): unknown {
  const [m] = resolvePath(rootValueAt(ctx), parsePath(expression));
  return m?.exists ? m.value : undefined;
}

function rootValueAt(ctx: CheckContext): unknown {
  // `base` is absolute within the document; the artefact's data starts at its root.
  let v: unknown = ctx.artefact.data;
  for (const segment of ctx.base.slice(ctx.artefact.root.length)) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[segment as string];
  }
  return v;
}

/** A list names every value of a set exactly once, through each item's `key`. */
export const coverage: CheckFunction = ({ value, exists, field, options }) => {
  const wanted = options["values"] === "annex-a" ? Object.keys(ANNEX_A) : ((options["values"] as string[]) ?? []);
  const key = typeof options["key"] === "string" ? options["key"] : undefined;
  const items = exists && Array.isArray(value) ? value : [];
  const failures: Failure[] = [];
  const seen = new Map<unknown, number>();
  items.forEach((item, i) => {
    const id = key ? (item as Record<string, unknown> | null)?.[key] : item;
    if (seen.has(id)) failures.push({ message: `${quote(id)} is listed twice in "${field}" (items ${seen.get(id)} and ${i}).`, at: key ? [i, key] : [i] });
    else seen.set(id, i);
  });
  const missing = wanted.filter((w) => !seen.has(w));
  if (missing.length > 0) failures.unshift({ message: `"${field}" does not cover ${missing.length} of ${wanted.length}: ${list(missing, 10)}.`, key: true });
  return failures;
};

/** The value and another field name the same thing (case aside): one of them, or a list holding it. */
export const agreesWith: CheckFunction = (ctx) => {
  const { value, exists, field, options } = ctx;
  const other = String(options["field"]);
  const otherValue = sibling(ctx, other);
  const words = (v: unknown) => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string" && x.trim() !== "" && !isPlaceholder(x)).map((x) => x.trim().toLowerCase());
  const mine = words(exists ? value : undefined);
  const theirs = words(otherValue);
  const unknowable = (options["unless"] as string[] | undefined)?.map((x) => x.toLowerCase()) ?? [];
  if (mine.length === 0 || theirs.length === 0 || mine.some((x) => unknowable.includes(x))) return [];
  if (mine.some((x) => theirs.includes(x))) return [];
  return fail(`"${field}" is ${list(mine)}, but "${other}" is ${list(theirs)}.`);
};

/**
 * The value is the cell of a table its two sibling fields pick: a risk's level from the organisation's criteria,
 * by its likelihood (row) and impact (column). Nothing to check when either is missing or off the table's scales:
 * presence and enumeration are other rules' findings.
 */
export const lookup: CheckFunction = (ctx) => lookupIn(ctx, ctx.options);

/** `lookup` with other options than the context's (a declared table instead of the default one). */
export function lookupIn(ctx: CheckContext, options: Record<string, unknown>): Failure[] {
  const { value, exists, field } = ctx;
  if (!exists || typeof value !== "string" || isPlaceholder(value)) return [];
  const rowField = String(options["row"]);
  const columnField = String(options["column"]);
  const row = sibling(ctx, rowField);
  const column = sibling(ctx, columnField);
  const r = (options["rows"] as unknown[]).indexOf(row);
  const c = (options["columns"] as unknown[]).indexOf(column);
  if (r < 0 || c < 0) return [];
  const expected = (options["table"] as unknown[][])[r]?.[c];
  if (expected === undefined || expected === value) return [];
  return fail(
    `${quote(value)} in "${field}" does not follow the ${options["name"] ?? "table"}: ${rowField.replace(/^.*\./, "")} ${quote(row)} and ${columnField.replace(/^.*\./, "")} ${quote(column)} give ${quote(expected)}.`,
  );
}

/**
 * A result meets the threshold written beside it: at least it, or at most it when `direction` names a field that
 * is false (higher_is_better: false). A value written as text ("96.3 ± 2.6") is read by its leading number.
 */
export const meetsThreshold: CheckFunction = (ctx) => {
  const { value, exists, field, options } = ctx;
  const result = typeof value === "number" ? value : typeof value === "string" ? Number.parseFloat(value) : Number.NaN;
  const threshold = sibling(ctx, String(options["threshold"]));
  if (!exists || !Number.isFinite(result) || typeof threshold !== "number") return [];
  const higherIsBetter = options["direction"] === undefined || sibling(ctx, String(options["direction"])) !== false;
  if (higherIsBetter ? result >= threshold : result <= threshold) return [];
  return fail(`${quote(value)} in "${field}" does not meet its threshold ${threshold} (${higherIsBetter ? "at least" : "at most"}).`);
};
