// What the repository index holds for each file, kept between runs, so that a hook checking three staged files
// does not read and parse the ten thousand others only to learn their ids and links. A file is read again
// when its size, modification or change time or inode differ from when it was indexed.
//
// The cache lives outside the repository (the user's cache folder, one file per project), holds index entries
// only (ids, kinds and the fields cross-document rules read), never findings: a file being reported on is
// always checked afresh, so the cache can make a run faster but never change its findings.
import { realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { IndexEntry } from "../engine/index-entry.js";
import { DAY_MS, type PrunePolicy } from "../util/cache-dir.js";
import type { Candidate } from "../source/load.js";
import { stampOf, type FileStamp } from "../source/load.js";
import { CacheFile, type CacheRecord, CacheWriter, type StoredData } from "./index-cache-file.js";

/** A file changed this recently may change again within the clock's resolution without its stamp changing. */
const RACY_MS = 2000;

export class IndexCache {
  /** Records of this run's files that the cache file lacks or holds stale. */
  private readonly fresh = new Map<string, CacheRecord>();
  /** Records of the cache file not to write again: their files changed too recently to be cached. */
  private readonly racy = new Set<string>();
  private readonly seen = new Set<string>();
  private changed = false;
  /** Set when the cache is rewritten as files are stored instead of kept in memory until save(). */
  private stream: CacheWriter | undefined;

  private constructor(
    private readonly path: string,
    private readonly root: string,
    private readonly fingerprint: string,
    private readonly file: CacheFile | undefined,
  ) {}

  /**
   * The cache of the project at `root` in `dir` (a folder only this user may write: see cacheDirProblem), or an
   * empty one when there is none, it is unreadable, or it was written by another version of aimslint or for another
   * configuration (`fingerprint`). `read: false` is for a run that reports on every file, so reads them all anyway:
   * it does not read the cache but rewrites it, each file's record going to disk as it is stored, so that 15,000
   * records never sit in memory at once.
   */
  static open(dir: string, root: string, fingerprint: string, read = true): IndexCache {
    let realRoot = root;
    try {
      realRoot = realpathSync(root);
    } catch {
      // The root was just listed; if it cannot be resolved now, key the cache by the path as given.
    }
    const path = join(dir, `${fileNameOf(realRoot)}.index`);
    // Only a file this user wrote: whoever can plant one could hide or invent a cross-document link.
    const cache = new IndexCache(path, root, fingerprint, read ? CacheFile.open(path, fingerprint) : undefined);
    if (!read) cache.stream = CacheWriter.start(path, fingerprint, INDEX_CACHES);
    return cache;
  }

  /** The file's index entries, if it is unchanged since they were cached. */
  lookup(candidate: Candidate): { checked: boolean; entries: IndexEntry[] } | undefined {
    const key = this.keyOf(candidate);
    this.seen.add(key);
    const file = this.file;
    const row = file?.row(key);
    if (file === undefined || row === undefined) return undefined;
    let stamp = candidate.stamp;
    if (!stamp) {
      try {
        stamp = stampOf(statSync(candidate.absPath));
      } catch {
        return undefined;
      }
    }
    if (!file.sameStamp(row, stamp)) return undefined;
    const cached = file.entries(row);
    if (cached === undefined) return undefined;
    const data = file.data(row);
    const entries = cached.map(([doc, root, kind, id], i): IndexEntry => new StoredEntry(candidate.path, doc, root, kind, id ?? undefined, data, i));
    return { checked: file.checked(row), entries };
  }

  store(candidate: Candidate, stamp: FileStamp, checked: boolean, entries: readonly IndexEntry[]): void {
    const key = this.keyOf(candidate);
    const racy = Date.now() - Math.max(stamp.mtimeMs, stamp.ctimeMs) < RACY_MS;
    const record = (): CacheRecord => ({
      stamp,
      checked,
      entries: entries.map((e) => [e.doc, e.root, e.kind, e.id ?? null]),
      data: JSON.stringify(entries.map((e) => e.data)),
    });
    if (this.stream) {
      if (!racy) this.stream.write(key, record());
      return;
    }
    this.seen.add(key);
    const row = this.file?.row(key);
    if (racy) {
      this.changed ||= row !== undefined || this.fresh.has(key);
      this.fresh.delete(key);
      this.racy.add(key);
      return;
    }
    if (row !== undefined && this.file?.sameStamp(row, stamp) && this.file.entries(row) !== undefined) return;
    this.fresh.set(key, record());
    this.changed = true;
  }

  /** Writes the cache if anything changed, dropping files no longer in the project. Failing to write is not an error. */
  save(): void {
    if (this.stream) {
      this.stream.finish();
      return;
    }
    const file = this.file;
    const kept = (file?.keys ?? []).filter((key) => this.seen.has(key) && !this.fresh.has(key) && !this.racy.has(key));
    if (!this.changed && kept.length === (file?.keys.length ?? 0)) return;
    const writer = CacheWriter.start(this.path, this.fingerprint, INDEX_CACHES);
    if (!writer) return;
    // Most records are unchanged: their data is copied as the cache file holds it, not parsed. When it cannot be
    // read now, the unchanged files are left out, and read again next time.
    if (file?.holdData()) {
      for (const key of kept) {
        const row = file.row(key)!;
        const entries = file.entries(row);
        const data = file.dataBytes(row);
        if (entries && data) writer.write(key, { stamp: file.stamp(row), checked: file.checked(row), entries, data });
      }
    }
    for (const [key, record] of this.fresh) writer.write(key, record);
    writer.finish();
  }

  /** Leaves the cache as it was (a run that failed half-way): the records streamed so far are thrown away. */
  discard(): void {
    this.stream?.abandon();
  }

  private keyOf(candidate: Candidate): string {
    const { absPath } = candidate;
    // The usual case, a file below the root, without path.relative's cost.
    if (absPath.startsWith(this.root) && absPath[this.root.length] === sep && !this.root.endsWith(sep)) return absPath.slice(this.root.length + 1);
    return relative(this.root, absPath);
  }
}

/**
 * One cache per project ever checked would fill the folder (a test suite's temporary projects, a CI runner's
 * checkouts): the newest 32 are kept, none unused for 30 days; a project's cache is rewritten whenever one of its
 * files changes. Files of earlier formats (`<24 hex>.json`) are never read again, and a run killed while writing
 * leaves its temporary file.
 */
const INDEX_CACHES: PrunePolicy[] = [
  { pattern: /^[0-9a-f]{16}\.index$/, keep: 31, maxAgeMs: 30 * DAY_MS },
  { pattern: /^[0-9a-f]{24}\.json$/, keep: 0, maxAgeMs: 0 },
  { pattern: /^(?:[0-9a-f]{16}\.index|[0-9a-f]{24}\.json)\.\d+\.tmp$/, keep: Number.POSITIVE_INFINITY, maxAgeMs: DAY_MS },
];

/**
 * The cache file's name for a project: FNV-1a of its real path, in two 32-bit lanes. Not node:crypto, which costs a
 * hook run ~4 % to load. A clash is harmless: the file records its project (the fingerprint), and two projects
 * whose names clash would take turns rewriting one file.
 */
function fileNameOf(root: string): string {
  let a = 0x811c9dc5;
  let b = 0xcbf29ce4;
  for (let i = 0; i < root.length; i++) {
    const c = root.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x0100019d) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

/**
 * An index entry read from the cache, whose data is parsed on first read: JSON.parse of a whole cache built some
 * 15,000 object trees (6 MB at 10,000 artefacts) that a hook run mostly never reads; not building them made a
 * hook run there 0.88× as long.
 */
class StoredEntry implements IndexEntry {
  readonly id?: string;

  constructor(
    readonly file: string,
    readonly doc: number,
    readonly root: IndexEntry["root"],
    readonly kind: string,
    id: string | undefined,
    private readonly stored: StoredData,
    private readonly position: number,
  ) {
    if (id !== undefined) this.id = id;
  }

  get data(): Record<string, unknown> {
    return this.stored.at(this.position);
  }
}
