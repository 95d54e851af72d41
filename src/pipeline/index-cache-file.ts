// The index cache's file (index-cache.ts). A hook run opens it at every start and needs each file's stamp and index
// entries, but the data of only the few entries its rules read (2 to 7 of 16,000 files' at 10,000 artefacts): so
// the data, two thirds of the file, is read record by record when asked for, the stamps are a binary table, and the
// entries of all files one JSON text. A line of JSON per file, all 6.5 MB of it decoded and 16,000 heads parsed,
// took ~110 ms at 10,000 artefacts to open.
//
//   MAGIC byte order \t fingerprint (JSON) \n
//   data: each file's entries' data, one JSON text per file, one after the other
//   keys: the files' keys (paths from the project root), joined by NUL, which no path holds; NULs up to a multiple of 8
//   table: ROW bytes per file, in the order of the keys, in the machine's byte order (read through typed arrays)
//   entries: JSON {"e": [doc, kind, id, …] for every entry of every file in order, "r": [entry number, root, …]
//            for the entries whose root is not the document itself}
//   trailer: TRAILER bytes, where the data, keys, table and entries start and the number of files
import { closeSync, fstatSync, readSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import type { IndexEntry } from "../engine/index-entry.js";
import type { FileStamp } from "../source/load.js";
import { createPrivateFile, openPrivateFile, pruneCacheFiles, type PrunePolicy, quietly, writeAll } from "../util/cache-dir.js";

const MAGIC = "aimslint-index-cache-3";
const BYTE_ORDER = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? "le" : "be";

/** size, mtimeMs, ctimeMs and ino as float64 (what lstat gives), then data offset, data length, entry count, checked as uint32. */
const ROW = 48;
/** Where the uint32s are in a row, counted in uint32s. */
const [OFFSET, LENGTH, COUNT, CHECKED] = [8, 9, 10, 11];
/** Five float64: where the data, keys, table and entries start, and the number of files. */
const TRAILER = 40;

/** [doc, root, kind, id]: the entry's file is the record's key. */
export type CachedEntry = [doc: number, root: IndexEntry["root"], kind: string, id: string | null];

export interface CacheRecord {
  stamp: FileStamp;
  checked: boolean;
  entries: readonly CachedEntry[];
  /** The entries' data as one JSON text, or its bytes as another cache file holds them. */
  data: string | Uint8Array;
}

/** Cache files are closed when nothing reads them any more: their entries' data is read on demand (StoredData). */
const closeWhenUnreachable = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
});

/** A cache file opened for reading. Anything inconsistent in it makes open() give nothing: the run reads the files. */
export class CacheFile {
  private readonly rows = new Map<string, number>();
  private readonly firstEntry: Uint32Array;
  /** The data, once held in memory (holdData) and the file closed. */
  private held: Buffer | undefined;
  private readonly roots = new Map<number, unknown>();

  private constructor(
    private readonly fd: number,
    private readonly dataAt: number,
    private readonly dataEnd: number,
    readonly keys: readonly string[],
    /** The table as float64 (6 per row: the stamp's four, then the uint32s) and as uint32 (12 per row). */
    private readonly f64: Float64Array,
    private readonly u32: Uint32Array,
    private readonly flat: readonly unknown[],
    roots: readonly unknown[],
  ) {
    this.firstEntry = new Uint32Array(keys.length);
    for (let row = 0, entry = 0; row < keys.length; row++) {
      this.rows.set(keys[row]!, row);
      this.firstEntry[row] = entry;
      entry += u32[12 * row + COUNT]!;
    }
    for (let i = 0; i + 1 < roots.length; i += 2) this.roots.set(roots[i] as number, roots[i + 1]);
  }

  /** The cache at `path` if it is this user's (openPrivateFile) and was written for `fingerprint`. */
  static open(path: string, fingerprint: string): CacheFile | undefined {
    const fd = openPrivateFile(path);
    if (fd === undefined) return undefined;
    let file: CacheFile | undefined;
    try {
      file = CacheFile.read(fd, fingerprint);
    } catch {
      file = undefined;
    }
    if (file) closeWhenUnreachable.register(file, fd, file);
    else closeSync(fd);
    return file;
  }

  private static read(fd: number, fingerprint: string): CacheFile | undefined {
    const size = fstatSync(fd).size;
    if (size < TRAILER) return undefined;
    const trailer = readAt(fd, size - TRAILER, TRAILER);
    const [dataAt, keysAt, tableAt, entriesAt, count] = [0, 8, 16, 24, 32].map((at) => trailer.readDoubleLE(at)) as [number, number, number, number, number];
    const ordered = [0, dataAt, keysAt, tableAt, entriesAt, size - TRAILER];
    if (![dataAt, keysAt, tableAt, entriesAt, count].every(Number.isSafeInteger) || ordered.some((at, i) => i > 0 && at < ordered[i - 1]!)) return undefined;
    if (entriesAt - tableAt !== count * ROW) return undefined;
    if (!readAt(fd, 0, dataAt).equals(Buffer.from(headerOf(fingerprint)))) return undefined;
    const heads = readAt(fd, keysAt, size - TRAILER - keysAt);
    let keysEnd = tableAt - keysAt;
    while (keysEnd > 0 && heads[keysEnd - 1] === 0) keysEnd--;
    const keys = count === 0 ? [] : heads.toString("utf8", 0, keysEnd).split("\0");
    const parsed: unknown = JSON.parse(heads.toString("utf8", entriesAt - keysAt));
    const { e, r } = (parsed ?? {}) as { e?: unknown; r?: unknown };
    if (keys.length !== count || !Array.isArray(e) || !Array.isArray(r) || e.length % 3 !== 0) return undefined;
    if ((tableAt - keysAt) % 8 !== 0) return undefined;
    const f64 = new Float64Array(heads.buffer, heads.byteOffset + tableAt - keysAt, count * 6);
    const u32 = new Uint32Array(heads.buffer, heads.byteOffset + tableAt - keysAt, count * 12);
    let entries = 0;
    for (let row = 0; row < count; row++) {
      if (u32[12 * row + OFFSET]! + u32[12 * row + LENGTH]! > keysAt - dataAt) return undefined;
      entries += u32[12 * row + COUNT]!;
    }
    if (entries * 3 !== e.length) return undefined;
    return new CacheFile(fd, dataAt, keysAt, keys, f64, u32, e, r);
  }

  /** The row of the file with this key, if the cache has one. */
  row(key: string): number | undefined {
    return this.rows.get(key);
  }

  sameStamp(row: number, stamp: FileStamp): boolean {
    const f = this.f64;
    const at = 6 * row;
    return f[at] === stamp.size && f[at + 1] === stamp.mtimeMs && f[at + 2] === stamp.ctimeMs && f[at + 3] === stamp.ino;
  }

  stamp(row: number): FileStamp {
    const at = 6 * row;
    return { size: this.f64[at]!, mtimeMs: this.f64[at + 1]!, ctimeMs: this.f64[at + 2]!, ino: this.f64[at + 3]! };
  }

  checked(row: number): boolean {
    return this.u32[12 * row + CHECKED] === 1;
  }

  /** The file's entries, or undefined when they are damaged (the file is then read again). */
  entries(row: number): CachedEntry[] | undefined {
    const first = this.firstEntry[row]!;
    const count = this.u32[12 * row + COUNT]!;
    const entries: CachedEntry[] = [];
    for (let n = first; n < first + count; n++) {
      const doc = this.flat[3 * n];
      const kind = this.flat[3 * n + 1];
      const id = this.flat[3 * n + 2];
      const root = this.roots.get(n) ?? [];
      if (typeof doc !== "number" || typeof kind !== "string" || (id !== null && typeof id !== "string") || !isRoot(root)) return undefined;
      entries.push([doc, root, kind, id]);
    }
    return entries;
  }

  /** The file's data, read when first asked for. */
  data(row: number): StoredData {
    return new StoredData(this, this.u32[12 * row + OFFSET]!, this.u32[12 * row + LENGTH]!);
  }

  /**
   * Reads all of the files' data into memory and closes the file, before the cache is rewritten: the unchanged
   * records are copied from it (dataBytes), the entries taken from the file read their data from it from now on,
   * and the file can be replaced by a rename, which Windows refuses for a file held open. False when it cannot be
   * read now (the file then stays open for the entries).
   */
  holdData(): boolean {
    if (this.held) return true;
    try {
      this.held = readAt(this.fd, this.dataAt, this.dataEnd - this.dataAt);
    } catch {
      return false;
    }
    closeWhenUnreachable.unregister(this);
    closeSync(this.fd);
    return true;
  }

  /** The bytes of the data of `row`, once holdData() has read them. */
  dataBytes(row: number): Uint8Array | undefined {
    const offset = this.u32[12 * row + OFFSET]!;
    return this.held?.subarray(offset, offset + this.u32[12 * row + LENGTH]!);
  }

  /** `length` bytes of data at `offset`; undefined if they can no longer be read. */
  readData(offset: number, length: number): string | undefined {
    if (this.held) return this.held.toString("utf8", offset, offset + length);
    try {
      return readAt(this.fd, this.dataAt + offset, length).toString("utf8");
    } catch {
      return undefined;
    }
  }
}

/** A file's entries' data as the cache holds it: read and parsed the first time one of them is read. */
export class StoredData {
  private values: unknown[] | undefined;

  constructor(
    private readonly file: CacheFile,
    private readonly offset: number,
    private readonly length: number,
  ) {}

  /** The data of the file's `i`th entry; a damaged record reads as no fields. */
  at(i: number): Record<string, unknown> {
    if (this.values === undefined) {
      const text = this.file.readData(this.offset, this.length);
      const parsed: unknown = text === undefined ? undefined : quietly(() => JSON.parse(text));
      this.values = Array.isArray(parsed) ? parsed : [];
    }
    const value = this.values[i];
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  }
}

/**
 * Writes a cache file, the data as it comes in pieces (one string of 15,000 records would be the run's largest
 * allocation; a piece held over a few hundred files outlives V8's young generation, and the old one then fills
 * with pieces already written), to a file of its own renamed into place at the end: a run reading the cache
 * meanwhile sees the old or the new one, and a run that stops half-way leaves the old one. Failing to write is
 * not an error: a read-only home or a full disk makes the next run slower, not wrong.
 */
export class CacheWriter {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private at: number;
  private readonly dataAt: number;
  private dataLength = 0;
  private readonly keys: string[] = [];
  /** The table in blocks of TABLE_BLOCK rows: no copies as it grows, no room to spare at the end of a whole lint. */
  private readonly table: Float64Array[] = [];
  private readonly flat: (number | string | null)[] = [];
  private readonly roots: (number | IndexEntry["root"])[] = [];

  private constructor(
    private fd: number | undefined,
    private readonly temp: string,
    private readonly path: string,
    private readonly policies: readonly PrunePolicy[],
    headerBytes: number,
  ) {
    this.at = headerBytes;
    this.dataAt = headerBytes;
  }

  static start(path: string, fingerprint: string, policies: readonly PrunePolicy[]): CacheWriter | undefined {
    const temp = `${path}.${process.pid}.tmp`;
    let fd: number | undefined;
    try {
      // The folder was created and checked private by the caller (util/cache-dir.ts, cacheDirProblem).
      rmSync(temp, { force: true });
      fd = createPrivateFile(temp);
      const header = Buffer.from(headerOf(fingerprint));
      writeAll(fd, header);
      return new CacheWriter(fd, temp, path, policies, header.length);
    } catch {
      if (fd !== undefined) closeSync(fd);
      rmSync(temp, { force: true });
      return undefined;
    }
  }

  write(key: string, record: CacheRecord): void {
    if (this.fd === undefined) return;
    const data = typeof record.data === "string" ? Buffer.from(record.data) : record.data;
    const row = this.keys.length % TABLE_BLOCK;
    if (row === 0) this.table.push(new Float64Array(6 * TABLE_BLOCK));
    const block = this.table[this.table.length - 1]!;
    const { size, mtimeMs, ctimeMs, ino } = record.stamp;
    block.set([size, mtimeMs, ctimeMs, ino], 6 * row);
    new Uint32Array(block.buffer, ROW * row + 32, 4).set([this.dataLength, data.length, record.entries.length, record.checked ? 1 : 0]);
    for (const [doc, root, kind, id] of record.entries) {
      if (root.length > 0) this.roots.push(this.flat.length / 3, root);
      this.flat.push(doc, kind, id);
    }
    this.keys.push(key);
    this.dataLength += data.length;
    // Offsets are uint32: a cache past 4 GB is not written (none comes near: 6.5 MB at 10,000 artefacts).
    if (this.dataLength > 0xffff_ffff) this.abandon();
    else this.add(data);
  }

  finish(): void {
    if (this.fd === undefined) return;
    // In pieces, as the data: this comes at the end of a whole lint, when the heap is at its largest.
    const keysAt = this.end();
    this.addText(piecesOf(this.keys, (part, last) => `${part.join("\0")}${last ? "" : "\0"}`));
    // The table starts at a multiple of 8 from the keys, so that a reader can view it as float64s where it reads it.
    this.add(Buffer.alloc((8 - ((this.end() - keysAt) % 8)) % 8));
    const tableAt = this.end();
    for (const [i, block] of this.table.entries()) this.add(new Uint8Array(block.buffer, 0, ROW * Math.min(TABLE_BLOCK, this.keys.length - i * TABLE_BLOCK)));
    const entriesAt = this.end();
    this.addText(['{"e":[', ...piecesOf(this.flat, (part, last) => `${JSON.stringify(part).slice(1, -1)}${last ? "" : ","}`), `],"r":${JSON.stringify(this.roots)}}`]);
    const trailer = Buffer.alloc(TRAILER);
    for (const [i, value] of [this.dataAt, keysAt, tableAt, entriesAt, this.keys.length].entries()) trailer.writeDoubleLE(value, 8 * i);
    this.add(trailer);
    this.flush();
    if (this.fd === undefined) return; // a piece could not be written: abandoned
    let written = false;
    this.guard(() => {
      closeSync(this.fd!);
      this.fd = undefined;
      renameSync(this.temp, this.path);
      written = true;
    });
    if (written) pruneCacheFiles(dirname(this.path), this.path, this.policies);
  }

  abandon(): void {
    const fd = this.fd;
    this.fd = undefined;
    if (fd !== undefined) closeSync(fd);
    rmSync(this.temp, { force: true });
  }

  /** Where the next bytes added will be in the file. */
  private end(): number {
    return this.at + this.pendingBytes;
  }

  private add(bytes: Uint8Array): void {
    if (this.fd === undefined) return;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= PIECE_BYTES) this.flush();
  }

  private addText(texts: Iterable<string>): void {
    for (const text of texts) if (text.length > 0) this.add(Buffer.from(text));
  }

  private flush(): void {
    if (this.pending.length === 0 || this.fd === undefined) return;
    const bytes = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    this.guard(() => writeAll(this.fd!, bytes));
    this.at += bytes.length;
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

/** About 64 KB of data, some forty files' records, per write. */
const PIECE_BYTES = 65_536;
/** Rows per block of the table being written (48 KB). */
const TABLE_BLOCK = 1024;

/** `items` in runs of a few thousand, each turned into text by `text` (told whether it is the last). */
function* piecesOf<T>(items: readonly T[], text: (part: T[], last: boolean) => string): Generator<string> {
  const size = 4096;
  for (let at = 0; at < items.length; at += size) yield text(items.slice(at, at + size), at + size >= items.length);
}

function headerOf(fingerprint: string): string {
  return `${MAGIC} ${BYTE_ORDER}\t${JSON.stringify(fingerprint)}\n`;
}

function isRoot(value: unknown): value is IndexEntry["root"] {
  return Array.isArray(value) && value.every((part) => typeof part === "string" || typeof part === "number");
}

/** Read into a buffer of its own: its bytes start at offset 0 of their ArrayBuffer, aligned for typed arrays. */
function readAt(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafeSlow(length);
  for (let done = 0; done < length; ) {
    const read = readSync(fd, bytes, done, length - done, position + done);
    if (read === 0) throw new Error("the cache file ended early");
    done += read;
  }
  return bytes;
}
