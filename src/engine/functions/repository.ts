// Check functions across documents, answered from the RepoIndex in O(1) per lookup.
import { kindInfo } from "../../core/kinds.js";
import { article, asNoun, closest, list, quote } from "../../util/text.js";
import { isPlaceholder } from "../../util/placeholder.js";
import type { Failure, RepositoryCheckFunction } from "../types.js";
import type { IndexEntry } from "../index-entry.js";
import { isFilled } from "./document.js";
import { parsePath, resolvePath } from "../paths.js";

const kindsOf = (option: unknown): string[] => (Array.isArray(option) ? (option as string[]) : typeof option === "string" ? [option] : []);
const noun = (kinds: string[]) => kinds.map((k) => asNoun(kindInfo(k)?.title ?? k)).join(" or ");

/**
 * "Did you mean" for a dangling reference, once per wrong id and set of ids: a renamed system leaves hundreds of
 * risks naming the same old id, and each suggestion compares it with every id of the repository. The comparisons
 * of one set of ids (one run) share a budget of edit-distance cells: 1,000 dangling references of 300 characters
 * against 1,000 ids took 228 s; past the budget, a dangling reference is reported without a suggestion.
 */
export const SUGGESTION_CELLS = 100_000_000;
const suggestions = new WeakMap<readonly string[], { known: Map<string, string | undefined>; budget: { cells: number } }>();
function suggest(ref: string, ids: readonly string[]): string | undefined {
  let state = suggestions.get(ids);
  if (!state) suggestions.set(ids, (state = { known: new Map(), budget: { cells: SUGGESTION_CELLS } }));
  if (!state.known.has(ref)) state.known.set(ref, closest(ref, ids, state.budget));
  return state.known.get(ref);
}

/** Every id (or, with allowFiles, repository path) named by the value resolves. */
export const reference: RepositoryCheckFunction = ({ value, exists, field, options, index }) => {
  if (!exists || value === undefined || value === null) return [];
  const kinds = kindsOf(options["kind"]);
  const allowFiles = options["allowFiles"] === true;
  const failures: Failure[] = [];
  const items = Array.isArray(value) ? value : [value];
  items.forEach((ref, i) => {
    const at = Array.isArray(value) ? [i] : [];
    // Template filler is doc/no-placeholders' finding; naming it twice helps nobody.
    if (typeof ref !== "string" || ref.trim() === "" || isPlaceholder(ref)) return;
    const targets = index.withId(ref).filter((a) => kinds.length === 0 || kinds.includes(a.kind));
    if (targets.length > 0) return;
    if (allowFiles) {
      const state = index.file(ref);
      if (state === "file") return;
      if (state === "outside") {
        failures.push({ message: `"${field}" points at ${quote(ref)}, outside the repository.`, at });
        return;
      }
    }
    const wrongKind = index.withId(ref)[0];
    if (wrongKind) {
      const actual = asNoun(kindInfo(wrongKind.kind)?.title ?? wrongKind.kind);
      failures.push({ message: `"${field}" names ${quote(ref)}, which is ${article(actual)} ${actual}, not ${article(noun(kinds))} ${noun(kinds)}.`, at });
      return;
    }
    // A path is not a mistyped id: suggest ids only for things that look like ids.
    const suggestion = allowFiles && /[/\\]|\.[a-z]+$/i.test(ref) ? undefined : suggest(ref, index.idsOf(kinds));
    const what = kinds.length > 0 ? `no ${noun(kinds)} has that id` : "no artefact has that id";
    failures.push({ message: `"${field}" names ${quote(ref)}, but ${what}${allowFiles ? " and no file has that path" : ""}${suggestion ? `; did you mean ${quote(suggestion)}?` : "."}`, at });
  });
  return failures;
};

/** The artefact's id is used once in the whole repository. */
export const uniqueId: RepositoryCheckFunction = ({ value, exists, self, index }) => {
  if (!exists || typeof value !== "string") return [];
  const same = index.withId(value);
  if (same.length < 2 || same[0] === self) return [];
  const first = same[0]!;
  const where = index.locate(first, [...first.root, "id"]).start;
  return [{ message: `Id ${quote(value)} is already used by ${first.file}:${where.line}:${where.column}.` }];
};

/**
 * At least `min` artefacts of `kind` name this artefact's id in their `field`; with `having`, only those that fill
 * in every one of those fields count, and a referrer that misses some is named with what it misses; with `ifReferenced`,
 * an artefact that nothing names passes (another rule asks for the referrer).
 */
export const referencedBy: RepositoryCheckFunction = ({ value, exists, options, index, artefact }) => {
  if (!exists || typeof value !== "string") return [];
  const kind = String(options["kind"]);
  const field = String(options["field"]);
  const min = typeof options["min"] === "number" ? options["min"] : 1;
  const having = Array.isArray(options["having"]) ? options["having"].map(String) : [];
  const referrers = index.referrers(kind, field).get(value) ?? [];
  const missing = (entry: IndexEntry) => having.filter((f) => !resolvePath(entry.data, parsePath(f)).some((m) => m.exists && isFilled(m.value)));
  // With ifReferenced, an artefact nothing names passes: that is another rule's finding.
  if (referrers.length === 0 && options["ifReferenced"] === true) return [];
  const complete = having.length === 0 ? referrers : referrers.filter((r) => missing(r).length === 0);
  if (complete.length >= min) return [];
  const self = asNoun(kindInfo(artefact.kind)?.title ?? artefact.kind);
  const partial = referrers.filter((r) => !complete.includes(r));
  if (partial.length > 0 && complete.length + partial.length >= min) {
    const closestEntry = partial.map((r) => ({ r, miss: missing(r) })).sort((a, b) => a.miss.length - b.miss.length)[0]!;
    const where = index.locate(closestEntry.r, closestEntry.r.root).start;
    const name = closestEntry.r.id ? ` ${quote(closestEntry.r.id)}` : "";
    const other = asNoun(kindInfo(kind)?.title ?? kind);
    return [{ message: `The ${other}${name} (${closestEntry.r.file}:${where.line}) that names ${self} ${quote(value)} does not fill in ${list(closestEntry.miss)}.` }];
  }
  const count = complete.length;
  const filled = having.length > 0 ? ` with ${list(having)} filled in` : "";
  return [{ message: `No ${noun([kind])} names ${self} ${quote(value)} in "${field}"${filled}${min > 1 ? ` (${count} found, at least ${min} expected)` : ""}.` }];
};

/**
 * Each value (or item) appears in `field` of some artefact of `kind`, optionally only where `whereField`
 * equals `whereValue`: "every control a risk uses is included in the Statement of Applicability".
 */
export const listedIn: RepositoryCheckFunction = ({ value, exists, field, options, index }) => {
  if (!exists || value === undefined || value === null) return [];
  const kind = String(options["kind"]);
  const listed = index.values(kind, String(options["field"]), options["whereField"] as string | undefined, options["whereValue"]);
  const anywhere = options["ifListed"] === true ? index.values(kind, String(options["field"])) : undefined;
  const items = Array.isArray(value) ? value : [value];
  const failures: Failure[] = [];
  items.forEach((item, i) => {
    if (typeof item === "string" && !listed.has(item) && (!anywhere || anywhere.has(item))) {
      const wanted = options["whereValue"];
      const values = Array.isArray(wanted) ? wanted.map((v) => quote(v)).join(" or ") : quote(wanted);
      const where = options["whereField"] ? ` with ${String(options["whereField"]).replace(/^.*\./, "")} ${values}` : "";
      failures.push({ message: `${quote(item)} in "${field}" is not listed in any ${noun([kind])}${where} (${options["field"]}).`, at: Array.isArray(value) ? [i] : [] });
    }
  });
  return failures;
};

/**
 * The artefact an id names agrees with this one: the impact assessment a model card names assesses the card's own
 * system; the system a card names is at the card's version. `theirs` is a field of the named artefact, `ours` a
 * field of this one (from its root). Nothing to compare when either is missing: that is a presence rule's finding.
 */
export const agreesWithReference: RepositoryCheckFunction = ({ value, exists, field, options, index, artefact }) => {
  if (!exists || value === undefined || value === null) return [];
  const kinds = kindsOf(options["kind"]);
  const theirs = String(options["theirs"]);
  const ours = String(options["ours"]);
  const own = resolvePath(artefact.data, parsePath(ours))[0];
  const mine = comparable(own?.value);
  if (!own || mine === undefined) return [];
  const self = asNoun(kindInfo(artefact.kind)?.title ?? artefact.kind);
  const failures: Failure[] = [];
  const items = Array.isArray(value) ? value : [value];
  items.forEach((ref, i) => {
    if (typeof ref !== "string" || isPlaceholder(ref)) return;
    const target = index.withId(ref).find((a) => kinds.includes(a.kind));
    const match = target ? resolvePath(target.data, parsePath(theirs))[0] : undefined;
    const their = comparable(match?.value);
    if (!target || !match || their === undefined || sameValue(their, mine)) return;
    // The other document names an id that exists nowhere while this one's resolves: its own link is broken, and
    // that is its finding (reference), not a disagreement to report here as well.
    if (index.withId(their).length === 0 && index.withId(mine).length > 0) return;
    const where = index.locate(target, [...target.root, ...match.path]).start;
    const other = asNoun(kindInfo(target.kind)?.title ?? target.kind);
    const message = `${quote(ref)} in "${field}" is ${article(other)} ${other} whose "${theirs}" is ${quote(their)} (${target.file}:${where.line}), but this ${self}'s "${ours}" is ${quote(mine)}.`;
    // On the value that is out of step: this artefact's own field ("report: own"), or the reference.
    failures.push(options["report"] === "own" ? { message, atPath: own.path } : { message, at: Array.isArray(value) ? [i] : [] });
  });
  return failures;
};

/** A value worth comparing: a non-empty string or a number, not template filler. */
function comparable(v: unknown): string | undefined {
  if (typeof v === "number") return String(v);
  if (typeof v !== "string" || v.trim() === "" || isPlaceholder(v)) return undefined;
  return v.trim();
}

/** Versions are compared without a leading "v" ("v3.2.0" is "3.2.0"); everything else as written, case aside. */
function sameValue(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/^v(?=\d)/, "");
  return norm(a) === norm(b);
}

/**
 * The repository holds at least one artefact of `kind` (an AI policy, a Statement of Applicability). One problem of
 * the repository, one finding: on the first artefact of the checked kind only.
 */
export const repositoryHolds: RepositoryCheckFunction = ({ options, index, self }) => {
  const kinds = kindsOf(options["kind"]);
  if (kinds.some((k) => index.byKind(k).length > 0) || index.byKind(self.kind)[0] !== self) return [];
  const iso = kinds.flatMap((k) => kindInfo(k)?.iso42001.filter((r) => !r.startsWith("A.")) ?? []);
  const refs = iso.length > 0 ? ` (${[...new Set(iso)].join(", ")})` : "";
  return [{ message: `The repository holds no ${noun(kinds)}${refs}, which an AI management system keeps as documented information.` }];
};
