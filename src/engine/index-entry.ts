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
  const pruned = prune(data, [ID, ...(fields.get(kind) ?? []).map(parsePath)], keeper) as Record<string, unknown>;
  return { file, doc, root, kind, ...(id !== undefined ? { id } : {}), data: pruned };
}

/**
 * A copy of `source` holding only what `paths` reach, with keys in their original order and lists at their
 * original length and indices, so that resolvePath(copy, p) gives what resolvePath(source, p) gives for each p.
 * All paths are walked together: one pass, and the order of keys is the source's.
 */
function prune(source: unknown, paths: readonly (readonly Step[])[], keeper: Keeper): unknown {
  if (paths.some((p) => p.length === 0) || source === null || typeof source !== "object") return keeper.value(source);
  const follow = (key: PathSegment) => {
    const rest: (readonly Step[])[] = [];
    for (const [step, ...tail] of paths) {
      if ("any" in step! || ("key" in step! ? step.key === String(key) : step!.index === Number(key))) rest.push(tail);
    }
    return rest;
  };
  if (Array.isArray(source)) {
    const out = new Array<unknown>(source.length).fill(undefined);
    source.forEach((item, i) => {
      const rest = follow(i);
      if (rest.length > 0) out[i] = prune(item, rest, keeper);
    });
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const rest = follow(key);
    if (rest.length > 0) setOwn(out, key, prune((source as Record<string, unknown>)[key], rest, keeper));
  }
  return out;
}
