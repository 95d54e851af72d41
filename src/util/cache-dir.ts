// Where aimslint keeps what it may forget: the index cache (pipeline/index-cache.ts) and compiled code
// (cli-loader.ts). Never inside the scanned repository.
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, type Stats, writeSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** The default cache folder: $AIMSLINT_CACHE_DIR, else the platform's user cache folder. */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env["AIMSLINT_CACHE_DIR"]) return env["AIMSLINT_CACHE_DIR"];
  if (process.platform === "win32") return env["LOCALAPPDATA"] ? join(env["LOCALAPPDATA"], "aimslint", "Cache") : undefined;
  if (env["XDG_CACHE_HOME"]) return join(env["XDG_CACHE_HOME"], "aimslint");
  const home = env["HOME"] ?? safeHomedir();
  if (!home) return undefined;
  return process.platform === "darwin" ? join(home, "Library", "Caches", "aimslint") : join(home, ".cache", "aimslint");
}

function safeHomedir(): string | undefined {
  try {
    return homedir() || undefined;
  } catch {
    return undefined;
  }
}

/** Why a cache folder is not used: `untrusted` is worth a warning; a folder that cannot be made or read is not. */
export interface CacheDirProblem {
  untrusted: boolean;
  why: string;
}

/**
 * Why the cache folder `dir` may not be used, or undefined when it may. What a cache holds is trusted (V8 runs
 * cached bytecode as it is), so its folder must be one only this user can write: owned by the user and not
 * writable by group or others, like ssh's ~/.ssh. A missing folder is created 0700 when `create` is set (a
 * run that only reads has nothing to read there). A read-only home or a full disk makes runs slower, not wrong.
 * On Windows, where modes do not tell who may write, the user's own LOCALAPPDATA is taken as private.
 */
export function cacheDirProblem(dir: string, create = true): CacheDirProblem | undefined {
  let stats: Stats;
  try {
    if (create) mkdirSync(dir, { recursive: true, mode: 0o700 });
    stats = statSync(dir);
  } catch (error) {
    return { untrusted: false, why: `the cache folder ${dir} cannot be used (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  const why = notPrivate(stats, `the cache folder ${dir}`);
  return why === undefined ? undefined : { untrusted: true, why };
}

/** Why a file or folder with these stats could have been written by someone else, or undefined. */
export function notPrivate(stats: Stats, what: string): string | undefined {
  const uid = process.getuid?.();
  if (uid === undefined) return undefined;
  if (stats.uid !== uid) return `${what} belongs to another user (uid ${stats.uid})`;
  if ((stats.mode & 0o022) !== 0) return `${what} may be written by group or others (mode ${(stats.mode & 0o777).toString(8)})`;
  return undefined;
}

/**
 * A cache file opened for reading, or undefined when there is none or it may have been written by someone else:
 * opened without following a link, a regular file owned by this user that only this user may write.
 */
export function openPrivateFile(path: string): number | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const stats = fstatSync(fd);
    if (stats.isFile() && notPrivate(stats, path) === undefined) return fd;
  } catch {
    // Nothing there, or nothing we may read.
  }
  if (fd !== undefined) closeSync(fd);
  return undefined;
}

/** The content of a cache file that openPrivateFile opens, or undefined. */
export function readPrivateFile(path: string): Buffer | undefined {
  const fd = openPrivateFile(path);
  if (fd === undefined) return undefined;
  try {
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Opens a new file for writing, 0600, failing if anything (a planted link included) is already at the path. */
export function createPrivateFile(path: string): number {
  return openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
}

/** Writes all of `bytes` to a file createPrivateFile opened: writeSync may write fewer than asked. */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** A day, in the milliseconds of a prune's ages. */
export const DAY_MS = 24 * 3600 * 1000;

/** Which of a cache folder's files a prune applies to, and how many of them (the newest) it keeps, and for how long. */
export interface PrunePolicy {
  pattern: RegExp;
  keep: number;
  maxAgeMs: number;
}

/**
 * Removes from the cache folder `dir` (checked private by the caller) the files each policy names beyond its `keep`
 * newest, and those not written for `maxAgeMs`; `current`, just written, stays. Links and folders are left alone.
 * A cache is never worth an error: whatever cannot be listed or removed stays.
 */
export function pruneCacheFiles(dir: string, current: string, policies: readonly PrunePolicy[]): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const policy of policies) {
    const files: { path: string; written: number }[] = [];
    for (const name of names) {
      const path = join(dir, name);
      if (path === current || !policy.pattern.test(name)) continue;
      const stats = quietly(() => lstatSync(path));
      if (stats?.isFile()) files.push({ path, written: stats.mtimeMs });
    }
    files.sort((a, b) => b.written - a.written);
    files.forEach((file, i) => {
      if (i >= policy.keep || now - file.written > policy.maxAgeMs) quietly(() => rmSync(file.path, { force: true }));
    });
  }
}

/** Work that only saves time (a cache, an early start): when it fails, the run goes on without it. */
export function quietly<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch {
    return undefined;
  }
}
