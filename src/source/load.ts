// Stage 2: read a discovered file into text, or explain with a file-level finding why it cannot be read.
import { isUtf8 } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { FILE_START, type Finding } from "../core/finding.js";
import { LineIndex } from "./line-index.js";
import { CORE_RULES, type CoreRuleId } from "../core/core-rules.js";
import { manifestFormatOf } from "../core/dependency-manifests.js";
import { report } from "../core/report.js";
import { linkEscape, lstatQuietly, symlinkFinding } from "./links.js";
import { refusedAsLink } from "../util/safe-write.js";

/** `toml` and `requirements` are read only where dependency manifests are (pyproject.toml, Pipfile, requirements*.txt). */
export type SourceFormat = "yaml" | "json" | "markdown" | "toml" | "requirements";

export interface SourceFile {
  /** Repository-relative, forward slashes. */
  path: string;
  format: SourceFormat;
  /** Decoded text without a leading BOM (editors do not count the BOM as a column). */
  text: string;
  lines: LineIndex;
  /** True when the file was named on the command line (or by a hook), not found by walking. */
  explicit: boolean;
}

export interface Limits {
  /** Files larger than this are reported and not parsed. */
  maxFileBytes: number;
  /** YAML aliases one document may expand (alias-bomb guard). */
  maxAliases: number;
  /** Deepest nesting of mappings and sequences we accept. */
  maxDepth: number;
  /** Findings listed per file; the rest are counted in one finding (cap-findings.ts). */
  maxFindingsPerFile: number;
  /** YAML documents read from one file; the rest are not checked (parse.ts). */
  maxDocuments: number;
  /** Values YAML aliases may add to a document, counted after expansion (the repeats of what they point at). */
  maxAliasNodes: number;
  /** Keys of one mapping (as written, repeats counted in JSON); a document with more is not used. */
  maxKeys: number;
  /** Items of one list; a document with more is not used (each item may be checked by several rules). */
  maxItems: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 4 * 1024 * 1024,
  maxAliases: 100,
  maxDepth: 200,
  maxFindingsPerFile: 1000,
  maxDocuments: 1000,
  maxKeys: 10_000,
  maxItems: 50_000,
  maxAliasNodes: 10_000,
};

/** Configuration, rule and schema files are a few KB; one a thousand times larger is not one to read whole. */
export const MAX_POLICY_FILE_BYTES = 1024 * 1024;

/**
 * The text of a configuration, rule or schema file: a regular file (a FIFO would block the run, a device never
 * end) of at most `maxBytes`. Throws an Error whose message says which of these it is not.
 */
export function readPolicyText(file: string, maxBytes = MAX_POLICY_FILE_BYTES, what = "a configuration, rule or schema file"): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = fstatSync(fd);
    if (!info.isFile()) throw new Error("not a regular file");
    if (info.size > maxBytes) throw new Error(`${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} ${what} may have`);
    return readUpTo(fd, info.size).toString("utf8");
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function formatOf(path: string): SourceFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".md") || lower.endsWith(".markdown")) return "markdown";
  // Other TOML and text files are none of aimslint's business: only manifests, by their names.
  const manifest = manifestFormatOf(path);
  if (manifest === "pyproject.toml" || manifest === "Pipfile") return "toml";
  return manifest === "requirements" ? "requirements" : undefined;
}

/** What identifies one version of a file's content without reading it (see index-cache.ts). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/**
 * `head`: the start of a file that could not be loaded, as text, so that the caller can tell whether it declares
 * a kind (a NUL byte or 4 MiB of padding must not make an artefact drop out of the check in silence).
 */
export type LoadResult =
  | { source: SourceFile; stamp?: FileStamp }
  | { finding: Finding; head?: string; stamp?: FileStamp }
  /** A symbolic link that leads out of the folder scanned (or nowhere): reported whatever the file would hold. */
  | { finding: Finding; link: true; stamp?: undefined }
  | { skip: true };

export const stampOf = (info: FileStamp): FileStamp => ({ size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino });

/** A file to read, as discovery (pipeline/discover.ts) found it. */
export interface Candidate {
  /** Display path: relative to the working directory, forward slashes. */
  path: string;
  absPath: string;
  /**
   * The same file by a path from the process's working folder, when discovery has one: fewer parts for the kernel
   * to resolve than the absolute path (a tenth of a whole lint's time goes into opening files).
   */
  localPath?: string;
  explicit: boolean;
  /**
   * From the walk's lstat, when the file is a regular file: lets the index cache skip a second stat. Cleared once
   * the file has been looked up, as 15,000 of them would otherwise stay in memory to the end of the run.
   */
  stamp?: FileStamp | undefined;
  /** The file's bytes when they come from elsewhere than the file (`--stdin`): read instead of it, never stamped. */
  content?: Buffer;
  /**
   * Set when discovery did not lstat the file: if it is a symbolic link, it is followed only when it leads to a
   * place inside this folder (the one scanned); otherwise loading reports it (file/symlink) instead of reading it.
   */
  linkBoundary?: string;
}

/** Whether opening a file can refuse a symbolic link (O_NOFOLLOW: not on Windows), so that discovery need not lstat. */
export const LINKS_SEEN_ON_OPEN = constants.O_NOFOLLOW !== undefined;

/**
 * Synchronous on purpose: artefacts are small local files, and a sync read costs one system call each for open,
 * fstat, read and close, without the thread-pool round trips of fs/promises (measured in docs/performance.md).
 */
export function loadFile(candidate: Candidate, limits: Limits): LoadResult {
  const { path, explicit } = candidate;
  const format = formatOf(path);
  if (!format) return { skip: true };
  const fileFinding = (ruleId: CoreRuleId, message: string, help: string): LoadResult => ({
    finding: report(CORE_RULES[ruleId], path, FILE_START, message, { severity: "error", help }),
  });
  const read: { bytes: Buffer; stamp?: FileStamp } | LoadResult = candidate.content ? { bytes: candidate.content } : readFromDisk(candidate, limits, fileFinding);
  if (!("bytes" in read)) return read;
  const { bytes, stamp } = read;
  if (bytes.length > limits.maxFileBytes) return tooLarge(bytes.length, headText(bytes), limits, fileFinding);
  if (bytes.length === 0) {
    return explicit ? fileFinding("file/empty", "File is empty.", "Fill the artefact in, or delete the file.") : { skip: true };
  }
  if (hasUtf16Bom(bytes)) {
    return withHead(headText(bytes), fileFinding("file/encoding", "File is encoded as UTF-16; aimslint reads UTF-8 only.", "Re-save the file as UTF-8."));
  }
  const nul = bytes.subarray(0, 8000).indexOf(0);
  if (nul !== -1) {
    return withHead(headText(bytes), fileFinding("file/binary", "File contains NUL bytes and looks binary; it was not checked.", "Artefacts must be UTF-8 text. Remove the file or fix its content."));
  }
  // isUtf8 is native (simdutf); the byte-by-byte scan runs only to say where a bad file goes wrong.
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad !== -1) {
    // Positions never count the BOM (editors do not show it as a column).
    const prefix = new LineIndex(
      bytes
        .subarray(0, bad)
        .toString("utf8")
        .replace(/^\uFEFF/, ""),
    );
    const at = prefix.position(prefix.text.length);
    return {
      head: headText(bytes),
      finding: report(
        CORE_RULES["file/encoding"],
        path,
        { start: at, end: { line: at.line, column: at.column + 1 } },
        `File is not valid UTF-8 (invalid byte 0x${(bytes[bad] as number).toString(16).padStart(2, "0")}).`,
        { help: "Re-save the file as UTF-8." },
      ),
    };
  }
  let text = bytes.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // A lone CR ends a line for YAML 1.2 and for editors, but not for the yaml parser: make it a LF. Same length,
  // so every offset, line and column stays what the author sees.
  if (text.includes("\r")) text = text.replace(/\r(?!\n)/g, "\n");
  return { source: { path, format, text, lines: new LineIndex(text), explicit }, ...(stamp ? { stamp } : {}) };
}

type FileFinding = (ruleId: CoreRuleId, message: string, help: string) => LoadResult;

/** The bytes of a regular file of at most the size limit, with its stamp; or why it cannot be read. */
function readFromDisk(candidate: Candidate, limits: Limits, fileFinding: FileFinding): { bytes: Buffer; stamp: FileStamp } | LoadResult {
  let fd: number | undefined;
  try {
    const opened = openCandidate(candidate);
    if (typeof opened !== "number") return opened;
    fd = opened;
    const info = fstatSync(fd);
    if (!info.isFile()) {
      const code = info.isDirectory() ? "EISDIR" : "not a regular file";
      return fileFinding("file/unreadable", `File cannot be read (${code}).`, "Check that the path names a regular file.");
    }
    const stamp = stampOf(info);
    if (info.size > limits.maxFileBytes) return tooLarge(info.size, headText(readUpTo(fd, HEAD_BYTES)), limits, fileFinding);
    return { bytes: readUpTo(fd, info.size), stamp };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    if (code === "ENOENT" && !candidate.explicit) return { skip: true };
    return fileFinding("file/unreadable", `File cannot be read (${code}).`, "Check that the file exists and that its permissions allow reading.");
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

// O_NONBLOCK: opening a FIFO named like an artefact must not wait forever for a writer.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The file opened for reading. A candidate discovery did not lstat (linkBoundary) is opened without following a
 * link; a link found so is followed only if it stays inside the folder scanned, as discovery would have decided.
 */
function openCandidate(candidate: Candidate): number | LoadResult {
  const path = candidate.localPath ?? candidate.absPath;
  if (candidate.linkBoundary === undefined || constants.O_NOFOLLOW === undefined) return openSync(path, READ_FLAGS);
  try {
    return openSync(path, READ_FLAGS | constants.O_NOFOLLOW);
  } catch (error) {
    // A path that loops on the way to its last part fails alike, but is no link: it is unreadable.
    if (!refusedAsLink(error) || !lstatQuietly(path)?.isSymbolicLink()) throw error;
    const problem = linkEscape(candidate.absPath, candidate.linkBoundary);
    if (problem) return { finding: symlinkFinding(candidate.path, problem), link: true };
    return openSync(path, READ_FLAGS);
  }
}

function tooLarge(size: number, head: string, limits: Limits, fileFinding: FileFinding): LoadResult {
  return withHead(
    head,
    fileFinding(
      "file/too-large",
      `File is ${formatBytes(size)}, over the ${formatBytes(limits.maxFileBytes)} limit; it was not checked.`,
      "Split the artefact into smaller files, or raise the limit with --max-file-size.",
    ),
  );
}

function hasUtf16Bom(b: Buffer): boolean {
  return b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
}

/** Index of the first byte that breaks UTF-8 (overlongs and surrogates included), or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (c >= 0xc2 && c <= 0xdf) [need, min, cp] = [1, 0x80, c & 0x1f];
    else if (c >= 0xe0 && c <= 0xef) [need, min, cp] = [2, 0x800, c & 0x0f];
    else if (c >= 0xf0 && c <= 0xf4) [need, min, cp] = [3, 0x10000, c & 0x07];
    else return i;
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

const HEAD_BYTES = 4096;

function withHead(head: string, result: LoadResult): LoadResult {
  return "finding" in result ? { ...result, head } : result;
}

/** The first bytes as text: UTF-16 when it says so, else Latin-1 (never fails, keeps ASCII keys readable). */
function headText(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, HEAD_BYTES));
  if (head[0] === 0xff && head[1] === 0xfe) return head.toString("utf16le");
  if (head[0] === 0xfe && head[1] === 0xff)
    return Buffer.from(head.subarray(0, head.length & ~1))
      .swap16()
      .toString("utf16le");
  return head.toString("latin1").replace(/\0/g, "");
}

/** The first `max` bytes of the file (fewer if it is shorter, or shrank since fstat). */
function readUpTo(fd: number, max: number): Buffer {
  const buffer = Buffer.allocUnsafe(max);
  let filled = 0;
  while (filled < max) {
    const n = readSync(fd, buffer, filled, max - filled, filled);
    if (n === 0) break;
    filled += n;
  }
  return filled === max ? buffer : buffer.subarray(0, filled);
}
