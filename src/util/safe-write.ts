// Every file aimslint writes into a folder that someone else may control (the workspace of a pull request, the
// repository `init` scaffolds) goes through here. A path committed as a symbolic link, or a folder on the way
// that is one, would otherwise send the write anywhere the user can write: each component below the trusted root
// is checked with lstat, missing folders are created one at a time, and the file itself is opened O_NOFOLLOW.
import { closeSync, constants, fstatSync, ftruncateSync, lstatSync, mkdirSync, openSync, type Stats } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import { writeAll } from "./cache-dir.js";

/** A write refused because it would leave its root or pass through a symbolic link. */
export class UnsafeWriteError extends Error {
  override name = "UnsafeWriteError";
}

export interface WriteOptions {
  /** Fail with EEXIST when anything is at the path already (a dangling link included); never truncate. */
  exclusive?: boolean;
  /** Mode of a new file (before the umask). */
  mode?: number;
}

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** Whether opening with O_NOFOLLOW failed because the path's last part is a symbolic link (EMLINK on FreeBSD). */
export function refusedAsLink(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ELOOP" || code === "EMLINK";
}
// A FIFO opened for writing would wait for a reader forever; O_NONBLOCK makes that ENXIO instead.
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/**
 * Writes `data` to `target`, which must lie inside `root` (itself trusted: the workspace, the project folder).
 * Throws UnsafeWriteError for a path outside the root, a symbolic link at any component below it, or a target
 * that is not a regular file; an error with code ENOTDIR when a file stands where a folder should be; EEXIST for
 * an existing target with `exclusive`.
 */
export function writeInside(root: string, target: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  const rel = relative(root, target);
  if (rel === "" || isAbsolute(rel) || rel === ".." || rel.startsWith(`..${sep}`)) {
    throw new UnsafeWriteError(`${target} is outside ${root}`);
  }
  const parts = rel.split(sep);
  let dir = root;
  for (const part of parts.slice(0, -1)) {
    dir = join(dir, part);
    ensureFolder(dir);
  }
  const flags = constants.O_WRONLY | constants.O_CREAT | NOFOLLOW | NONBLOCK | (options.exclusive ? constants.O_EXCL : 0);
  let fd: number;
  try {
    // Where O_NOFOLLOW does not exist (Windows), lstat is the only guard.
    if (!NOFOLLOW && !options.exclusive) refuseLink(target);
    fd = openSync(target, flags, options.mode ?? 0o666);
  } catch (error) {
    if (refusedAsLink(error)) throw new UnsafeWriteError(`${target} is a symbolic link`);
    if ((error as NodeJS.ErrnoException).code === "ENXIO") throw new UnsafeWriteError(`${target} is not a regular file`);
    throw error;
  }
  try {
    if (!fstatSync(fd).isFile()) throw new UnsafeWriteError(`${target} is not a regular file`);
    if (!options.exclusive) ftruncateSync(fd, 0);
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    writeAll(fd, bytes);
  } finally {
    closeSync(fd);
  }
}

function ensureFolder(dir: string): void {
  let stats: Stats;
  try {
    stats = lstatSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    try {
      mkdirSync(dir);
    } catch (made) {
      // Another process made it meanwhile: it is checked below like any existing folder.
      if ((made as NodeJS.ErrnoException).code !== "EEXIST") throw made;
    }
    stats = lstatSync(dir);
  }
  if (stats.isSymbolicLink()) throw new UnsafeWriteError(`${dir} is a symbolic link`);
  if (!stats.isDirectory()) throw Object.assign(new Error(`${dir} is not a folder`), { code: "ENOTDIR" });
}

function refuseLink(target: string): void {
  try {
    if (lstatSync(target).isSymbolicLink()) throw new UnsafeWriteError(`${target} is a symbolic link`);
  } catch (error) {
    if (error instanceof UnsafeWriteError) throw error;
  }
}
