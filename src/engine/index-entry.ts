// What the repository index keeps of one artefact: who it is, and only the fields cross-document rules read.
// Keeping this instead of every parsed document is what bounds a run's memory by the index, not by the repository.
import type { PathSegment } from "../source/locator.js";
import { Keeper, setOwn } from "../util/detach.js";
import { parsePath, type Step } from "./paths.js";

export interface IndexEntry {
  /** Display path of the file (as in findings). */
  file: string;
  /** 0-based index of the document within the file. */
  doc: number;
  /** Where the artefact sits in its document: [] for a whole file, ["risks", 2] for a register entry. */
  root: PathSegment[];
  kind: string;
  id?: string;
  /** The artefact's data pruned to the fields named by `IndexFields` for its kind (and `id`). */
  data: Record<string, unknown>;
}

/** Per kind, the field paths that cross-document rules read from artefacts of that kind. */
export type IndexFields = ReadonlyMap<string, readonly string[]>;

/** `fields` with `extra` added (for a command that reads more than the rules: the inventory, the report). */
export function withIndexFields(fields: IndexFields, extra: Iterable<readonly [string, readonly string[]]>): Map<string, readonly string[]> {
  const out = new Map(fields);
  for (const [kind, list] of extra) out.set(kind, [...new Set([...(out.get(kind) ?? []), ...list])].sort());
  return out;
}

const ID: readonly Step[] = [{ key: "id" }];

/** `keeper` copies what is kept, so that it does not hold on to the file's text (one per run; see util/detach.ts). */
export function indexEntry(file: string, doc: number, root: PathSegment[], kind: string, data: Record<string, unknown>, fields: IndexFields, keeper = new Keeper()): IndexEntry {
  const id = typeof data["id"] === "string" && data["id"].length > 0 ? keeper.string(data["id"]) : undefined;
  const pruned = prune(data, keptPaths(fields, kind), keeper) as Record<string, unknown>;
  return { file, doc, root, kind, ...(id !== undefined ? { id } : {}), data: pruned };
}

/**
 * The field paths of one kind as a tree of steps, built once per run: walking the paths themselves at every key
 * of every artefact (the tails of all paths, for each key) was a tenth of a whole lint's allocations.
 */
interface Paths {
  /** A path ends here: the whole value is kept. */
  whole: boolean;
  any?: Paths;
  keys?: Map<string, Paths>;
  indices?: Map<number, Paths>;
  /** Unions of this node with others, made when a key is reached by two steps (`*` and its own name). */
  unions?: Map<Paths, Paths>;
}

const compiled = new WeakMap<IndexFields, Map<string, Paths>>();

function keptPaths(fields: IndexFields, kind: string): Paths {
  let byKind = compiled.get(fields);
  if (!byKind) compiled.set(fields, (byKind = new Map()));
  let tree = byKind.get(kind);
  if (!tree) {
    tree = { whole: false };
    for (const path of [ID, ...(fields.get(kind) ?? []).map(parsePath)]) insert(tree, path);
    byKind.set(kind, tree);
  }
  return tree;
}

function insert(node: Paths, path: readonly Step[]): void {
  let at = node;
  for (const step of path) {
    if ("any" in step) at = at.any ??= { whole: false };
    else if ("key" in step) at = child((at.keys ??= new Map()), step.key);
    else at = child((at.indices ??= new Map()), step.index);
  }
  at.whole = true;
}

function child<K>(map: Map<K, Paths>, key: K): Paths {
  let next = map.get(key);
  if (!next) map.set(key, (next = { whole: false }));
  return next;
}

/** The paths that continue below `key`: those of every step it matches (as the key itself, as an index, or `*`). */
function below(node: Paths, key: string | number): Paths | undefined {
  let found = node.any;
  const named = node.keys?.get(String(key));
  if (named) found = found ? union(found, named) : named;
  const indexed = node.indices?.get(Number(key));
  if (indexed) found = found ? union(found, indexed) : indexed;
  return found;
}

function union(a: Paths, b: Paths): Paths {
  if (a === b) return a;
  let made = a.unions?.get(b);
  if (made) return made;
  made = { whole: a.whole || b.whole };
  for (const side of [a, b]) {
    if (side.any) made.any = made.any ? union(made.any, side.any) : side.any;
    for (const [k, v] of side.keys ?? []) {
      const prior = made.keys?.get(k);
      (made.keys ??= new Map()).set(k, prior ? union(prior, v) : v);
    }
    for (const [k, v] of side.indices ?? []) {
      const prior = made.indices?.get(k);
      (made.indices ??= new Map()).set(k, prior ? union(prior, v) : v);
    }
  }
  (a.unions ??= new Map()).set(b, made);
  return made;
}

/**
 * A copy of `source` holding only what `paths` reach, with keys in their original order and lists at their
 * original length and indices, so that resolvePath(copy, p) gives what resolvePath(source, p) gives for each p.
 * All paths are walked together: one pass, and the order of keys is the source's.
 */
function prune(source: unknown, paths: Paths, keeper: Keeper): unknown {
  if (paths.whole || source === null || typeof source !== "object") return keeper.value(source);
  if (Array.isArray(source)) {
    const out = new Array<unknown>(source.length).fill(undefined);
    for (let i = 0; i < source.length; i++) {
      const rest = below(paths, i);
      if (rest) out[i] = prune(source[i], rest, keeper);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const rest = below(paths, key);
    if (rest) setOwn(out, key, prune((source as Record<string, unknown>)[key], rest, keeper));
  }
  return out;
}
