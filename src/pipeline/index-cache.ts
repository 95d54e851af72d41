// What the repository index holds for each file, kept between runs, so that a hook checking three staged files
// does not read and parse the ten thousand others only to learn their ids and links. A file is read again
// when its size, modification or change time or inode differ from when it was indexed.
//
// The cache lives outside the repository (the user's cache folder, one file per project), holds index entries
// only (ids, kinds and the fields cross-document rules read), never findings: a file being reported on is
// always checked afresh, so the cache can make a run faster but never change its findings.
import { closeSync, realpathSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import type { IndexEntry } from "../engine/index-entry.js";
import { createPrivateFile, DAY_MS, pruneCacheFiles, readPrivateFile, type PrunePolicy } from "../util/cache-dir.js";
import type { Candidate } from "../source/load.js";
import { stampOf, type FileStamp } from "../source/load.js";

/** [doc, root, kind, id]: the entry's file is the record's key. */
type CachedEntry = [number, IndexEntry["root"], string, string | null];

/**
 * A file's record: its stamp, whether it was checked, its entries, and their data as one JSON text. The data stays
 * text until a rule reads it (StoredEntry): a hook run needs the ids and kinds of 15,000 entries, the fields of few.
 */
interface CachedFile {
  head: [size: number, mtimeMs: number, ctimeMs: number, ino: number, checked: boolean, entries: CachedEntry[]];
  data: string;
}

/**
 * The cache file: this line, its fingerprint in JSON, then one line per file: its key and head in JSON, a tab, its
 * entries' data in JSON. JSON writes tabs and line breaks inside strings as escapes, so both split safely, and a
 * reader parses the heads only.
 */
const MAGIC = "aimslint-index-cache-2";

/** A file changed this recently may change again within the clock's resolution without its stamp changing. */
const RACY_MS = 2000;

export class IndexCache {
  private readonly files = new Map<string, CachedFile>();
  private readonly seen = new Set<string>();
  private changed = false;
  /** Set when the cache is rewritten as files are stored instead of kept in memory until save(). */
  private stream: RecordWriter | undefined;

  private constructor(
    private readonly path: string,
    private readonly root: string,
    private readonly fingerprint: string,
  ) {}

  /**
   * The cache of the project at `root` in `dir` (a folder only this user may write: see cacheDirProblem), or an empty one when there is none, it is unreadable, or it was written
   * by another version of aimslint or for another configuration (`fingerprint`). `read: false` is for a run that
   * reports on every file, so reads them all anyway: it does not read the cache but rewrites it, each file's
   * record going to disk as it is stored, so that 15,000 records never sit in memory at once.
   */
  static open(dir: string, root: string, fingerprint: string, read = true): IndexCache {
    let realRoot = root;
    try {
      realRoot = realpathSync(root);
    } catch {
      // The root was just listed; if it cannot be resolved now, key the cache by the path as given.
    }
    const cache = new IndexCache(join(dir, `${fileNameOf(realRoot)}.index`), root, fingerprint);
    if (!read) {
      cache.stream = RecordWriter.start(cache.path, fingerprint);
      return cache;
    }
    try {
      // Only a file this user wrote: whoever can plant one could hide or invent a cross-document link.
      const text = readPrivateFile(cache.path);
      if (text === undefined) return cache;
      const lines = text.toString("utf8").split("\n");
      if (lines[0] !== `${MAGIC}\t${JSON.stringify(fingerprint)}`) return cache;
      for (let i = 1; i < lines.length; i++) {
        const line = lines[i]!;
        const tab = line.indexOf("\t");
        // Each record stands alone: one that cannot be read only makes its file be read again.
        const head: unknown = tab < 0 ? undefined : quietJson(line.slice(0, tab));
        if (isCachedHead(head)) cache.files.set(head[0], { head: head.slice(1) as CachedFile["head"], data: line.slice(tab + 1) });
      }
    } catch {
      // No cache yet, or one we cannot read: start empty.
    }
    return cache;
  }

  /** The file's index entries, if it is unchanged since they were cached. */
  lookup(candidate: Candidate): { checked: boolean; entries: IndexEntry[] } | undefined {
    const key = this.keyOf(candidate);
    this.seen.add(key);
    const cached = this.files.get(key);
    if (!cached) return undefined;
    let stamp = candidate.stamp;
    if (!stamp) {
      try {
        stamp = stampOf(statSync(candidate.absPath));
      } catch {
        return undefined;
      }
    }
    if (!sameStamp(stamp, cached)) return undefined;
    const data = new StoredData(cached.data);
    const entries = cached.head[5].map(([doc, root, kind, id], i): IndexEntry => new StoredEntry(candidate.path, doc, root, kind, id ?? undefined, data, i));
    return { checked: cached.head[4], entries };
  }

  store(candidate: Candidate, stamp: FileStamp, checked: boolean, entries: readonly IndexEntry[]): void {
    const key = this.keyOf(candidate);
    const racy = Date.now() - Math.max(stamp.mtimeMs, stamp.ctimeMs) < RACY_MS;
    const record = (): CachedFile => ({
      head: [stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, checked, entries.map((e) => [e.doc, e.root, e.kind, e.id ?? null])],
      data: JSON.stringify(entries.map((e) => e.data)),
    });
    if (this.stream) {
      if (!racy) this.stream.write(key, record());
      return;
    }
    this.seen.add(key);
    if (racy) {
      this.changed ||= this.files.delete(key);
      return;
    }
    const known = this.files.get(key);
    if (known && sameStamp(stamp, known)) return;
    this.files.set(key, record());
    this.changed = true;
  }

  /** Writes the cache if anything changed, dropping files no longer in the project. Failing to write is not an error. */
  save(): void {
    if (this.stream) {
      this.stream.finish();
      return;
    }
    for (const key of this.files.keys()) {
      if (!this.seen.has(key)) {
        this.files.delete(key);
        this.changed = true;
      }
    }
    if (!this.changed) return;
    const writer = RecordWriter.start(this.path, this.fingerprint);
    for (const [key, file] of this.files) writer?.write(key, file);
    writer?.finish();
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
 * Writes a cache file record by record, in pieces (one string of 15,000 records would be the run's largest
 * allocation), to a file of its own that is renamed into place at the end: a run reading the cache meanwhile sees
 * the old or the new one, and a run that stops half-way leaves the old one. Failing to write is not an error: a
 * read-only home or a full disk makes the next run slower, not wrong.
 */
class RecordWriter {
  private chunk: string[] = [];
  private chunkLength = 0;

  private constructor(
    private fd: number | undefined,
    private readonly temp: string,
    private readonly path: string,
  ) {}

  static start(path: string, fingerprint: string): RecordWriter | undefined {
    const temp = `${path}.${process.pid}.tmp`;
    let fd: number | undefined;
    try {
      // The folder was created and checked private by the caller (util/cache-dir.ts, cacheDirProblem).
      rmSync(temp, { force: true });
      fd = createPrivateFile(temp);
      writeSync(fd, `${MAGIC}\t${JSON.stringify(fingerprint)}\n`);
      return new RecordWriter(fd, temp, path);
    } catch {
      if (fd !== undefined) closeSync(fd);
      rmSync(temp, { force: true });
      return undefined;
    }
  }

  write(key: string, file: CachedFile): void {
    if (this.fd === undefined) return;
    const record = `${JSON.stringify([key, ...file.head])}\t${file.data}\n`;
    this.chunk.push(record);
    this.chunkLength += record.length;
    // Small pieces: a piece held over a few hundred files outlives V8's young generation, and the old one then
    // fills with pieces already written (measured: ~5 MB more peak at 10,000 with pieces of 500 records).
    if (this.chunkLength >= CHUNK_CHARS) this.flush();
  }

  finish(): void {
    if (this.fd === undefined) return;
    this.flush();
    if (this.fd === undefined) return; // the last piece could not be written: abandoned
    let written = false;
    this.guard(() => {
      closeSync(this.fd!);
      this.fd = undefined;
      renameSync(this.temp, this.path);
      written = true;
    });
    if (written) pruneCacheFiles(dirname(this.path), this.path, INDEX_CACHES);
  }

  abandon(): void {
    const fd = this.fd;
    this.fd = undefined;
    if (fd !== undefined) closeSync(fd);
    rmSync(this.temp, { force: true });
  }

  private flush(): void {
    if (this.chunk.length === 0) return;
    const text = this.chunk.join("");
    this.chunk = [];
    this.chunkLength = 0;
    this.guard(() => writeSync(this.fd!, text));
  }

  private guard(write: () => void): void {
    try {
      write();
    } catch {
      try {
        this.abandon();
      } catch {
        // Nothing more to undo.
      }
    }
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

/** About 16 KB of records, those of some ten files, per write. */
const CHUNK_CHARS = 16_384;

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

function sameStamp(a: FileStamp, b: CachedFile): boolean {
  const [size, mtimeMs, ctimeMs, ino] = b.head;
  return a.size === size && a.mtimeMs === mtimeMs && a.ctimeMs === ctimeMs && a.ino === ino;
}

/** [key, size, mtimeMs, ctimeMs, ino, checked, entries], as written by RecordWriter. */
function isCachedHead(value: unknown): value is [string, ...CachedFile["head"]] {
  if (!Array.isArray(value) || value.length !== 7 || typeof value[0] !== "string" || typeof value[5] !== "boolean" || !Array.isArray(value[6])) return false;
  if (!value.slice(1, 5).every((n) => typeof n === "number")) return false;
  return (value[6] as unknown[]).every(
    (e) => Array.isArray(e) && e.length === 4 && typeof e[0] === "number" && Array.isArray(e[1]) && typeof e[2] === "string" && (e[3] === null || typeof e[3] === "string"),
  );
}

/** A file's entries' data as the cache holds it: one JSON text, parsed the first time one of them is read. */
class StoredData {
  private values: unknown[] | undefined;

  constructor(private json: string) {}

  /** The data of the file's `i`th entry; a damaged record reads as no fields. */
  at(i: number): Record<string, unknown> {
    if (this.values === undefined) {
      const parsed = quietJson(this.json);
      this.values = Array.isArray(parsed) ? parsed : [];
      this.json = "";
    }
    const value = this.values[i];
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  }
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

function quietJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
