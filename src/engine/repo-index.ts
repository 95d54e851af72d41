// The repo-wide view that cross-document rules query: built once per run, every lookup O(1).
import { statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { isWithin } from "../util/within.js";
import type { Range } from "../core/finding.js";
import type { PathSegment } from "../source/locator.js";
import type { IndexEntry, IndexFields } from "./index-entry.js";
import { parsePath, resolvePath } from "./paths.js";

/** Where a path of an indexed artefact is in its file (the file is read again: the index keeps no text). */
export type EntryLocator = (entry: IndexEntry, path: readonly PathSegment[]) => Range;

export class RepoIndex {
  private readonly ids = new Map<string, IndexEntry[]>();
  private readonly kinds = new Map<string, IndexEntry[]>();
  private readonly referrerCache = new Map<string, Map<string, IndexEntry[]>>();
  private readonly idCache = new Map<string, string[]>();
  private readonly valueCache = new Map<string, Set<string>>();
  private readonly fileCache = new Map<string, "file" | "missing" | "outside">();

  constructor(
    /** Every artefact of the project, in a stable order (by file, then place in the file). */
    readonly artefacts: readonly IndexEntry[],
    /** Evidence paths are relative to this folder (where aimslint.config.yaml is, else the scanned folder). */
    readonly projectRoot: string,
    readonly locate: EntryLocator,
    /** The fields kept of each artefact: asking for another one is a bug in indexFields(), not a finding. */
    private readonly fields: IndexFields,
    /** The folder display paths (IndexEntry.file) are relative to. */
    private readonly cwd: string = projectRoot,
  ) {
    for (const a of artefacts) {
      const list = this.kinds.get(a.kind);
      if (list) list.push(a);
      else this.kinds.set(a.kind, [a]);
      if (a.id === undefined) continue;
      const same = this.ids.get(a.id);
      if (same) same.push(a);
      else this.ids.set(a.id, [a]);
    }
  }

  /** Ids of the artefacts of these kinds (all kinds when empty), for "did you mean". */
  idsOf(kinds: readonly string[]): readonly string[] {
    const key = kinds.join("\u0000");
    let ids = this.idCache.get(key);
    if (!ids) {
      const pool = kinds.length > 0 ? kinds.flatMap((k) => this.byKind(k)) : this.artefacts;
      ids = [...new Set(pool.map((a) => a.id).filter((id): id is string => id !== undefined))];
      this.idCache.set(key, ids);
    }
    return ids;
  }

  byKind(kind: string): readonly IndexEntry[] {
    return this.kinds.get(kind) ?? [];
  }

  withId(id: string): readonly IndexEntry[] {
    return this.ids.get(id) ?? [];
  }

  /** Artefacts of `kind` whose `field` (a path; lists allowed) names each id: referrers("risk", "system"). */
  referrers(kind: string, field: string): Map<string, IndexEntry[]> {
    const key = `${kind}\u0000${field}`;
    let map = this.referrerCache.get(key);
    if (!map) {
      this.assertKept(kind, field);
      map = new Map();
      const steps = parsePath(field);
      for (const a of this.byKind(kind)) {
        for (const m of resolvePath(a.data, steps)) {
          if (!m.exists) continue;
          for (const ref of Array.isArray(m.value) ? m.value : [m.value]) {
            if (typeof ref !== "string") continue;
            const list = map.get(ref) ?? [];
            if (!list.includes(a)) list.push(a);
            map.set(ref, list);
          }
        }
      }
      this.referrerCache.set(key, map);
    }
    return map;
  }

  /**
   * Values found at `field` in artefacts of `kind`: values("statement-of-applicability", "controls[*].control",
   * "controls[*].applicable", "included") — with a where-clause, the where path must share the field's
   * wildcard prefix, and is read from the same item; a list of where-values means any of them.
   */
  values(kind: string, field: string, whereField?: string, whereValue?: unknown): Set<string> {
    const key = `${kind}\u0000${field}\u0000${whereField ?? ""}\u0000${JSON.stringify(whereValue ?? null)}`;
    let set = this.valueCache.get(key);
    if (!set) {
      this.assertKept(kind, field);
      if (whereField !== undefined) this.assertKept(kind, whereField);
      set = new Set();
      const fieldSteps = parsePath(field);
      const whereSteps = whereField ? parsePath(whereField) : undefined;
      for (const a of this.byKind(kind)) {
        const wheres = whereSteps ? resolvePath(a.data, whereSteps) : [];
        for (const m of resolvePath(a.data, fieldSteps)) {
          if (!m.exists) continue;
          if (whereSteps) {
            // The where value belongs to the same list item: compare the paths up to the last wildcard.
            const prefix = m.path.slice(0, -1).join("\u0000");
            const ok = wheres.some((w) => w.exists && w.path.slice(0, -1).join("\u0000") === prefix && (Array.isArray(whereValue) ? whereValue.includes(w.value) : w.value === whereValue));
            if (!ok) continue;
          }
          for (const v of Array.isArray(m.value) ? m.value : [m.value]) if (typeof v === "string") set.add(v);
        }
      }
      this.valueCache.set(key, set);
    }
    return set;
  }

  /**
   * What the repository declares at `field` of its first artefact of `kind` that has it (the AI policy's
   * authorities, the risk criteria's matrix), with where it is; undefined when none does.
   */
  declared(kind: string, field: string): { entry: IndexEntry; value: unknown; path: PathSegment[] } | undefined {
    this.assertKept(kind, field);
    const steps = parsePath(field);
    for (const entry of this.byKind(kind)) {
      const m = resolvePath(entry.data, steps).find((x) => x.exists && x.value !== null && x.value !== undefined);
      if (m) return { entry, value: m.value, path: [...entry.root, ...m.path] };
    }
    return undefined;
  }

  private assertKept(kind: string, field: string): void {
    if (!this.fields.get(kind)?.includes(field)) throw new Error(`the repository index keeps no "${field}" of ${kind} artefacts (an aimslint bug: indexFields() missed it)`);
  }

  /** A display path (IndexEntry.file) as a path from the project root, with forward slashes. */
  fromRoot(file: string): string {
    if (this.cwd === this.projectRoot) return file;
    const path = relative(this.projectRoot, resolve(this.cwd, file));
    return sep === "/" ? path : path.split(sep).join("/");
  }

  /** Whether a repository path (relative to the project root, `#fragment` ignored) is an existing file inside it. */
  file(path: string): "file" | "missing" | "outside" {
    const clean = path.replace(/#.*$/, "");
    let state = this.fileCache.get(clean);
    if (!state) {
      const abs = resolve(this.projectRoot, clean);
      if (isAbsolute(clean) || !isWithin(abs, this.projectRoot)) state = "outside";
      else {
        try {
          state = statSync(abs).isFile() || statSync(abs).isDirectory() ? "file" : "missing";
        } catch {
          state = "missing";
        }
      }
      this.fileCache.set(clean, state);
    }
    return state;
  }
}
