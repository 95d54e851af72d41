// Entry point of the `aimslint` command (bundled to dist/cli.cjs): starts the CLI (dist/cli-main.cjs) from V8's
// code cache when it can. Compiling the 900 KB bundle is most of what a pre-commit run costs beyond Node's own
// start-up; with the bytecode of the functions an earlier run needed, that cost mostly goes.
//
// Node 22.1+ does this itself (module.enableCompileCache). On Node 20 the bundle is compiled through vm.Script
// with the cached data, and the cache is written at exit when there was none or V8 refused it (another Node
// version, other flags). The cache is kept beside the index cache, in the user's cache folder, keyed by the
// bundle's hash (computed at build time), size and modification time, so that a patched bundle gets a cache of
// its own: V8 itself only compares the source's length, and runs what it accepts, so the cache is
// used only from a folder no one else may write (util/cache-dir.ts), and each file carries the whole key of the
// source it was made from and a checksum of its own bytes (CRC-32, as Node's own compile cache: it guards against
// damage, and the folder's privacy against others). `--no-cache` reads and writes none. The command line is parsed
// here too (cli/args.ts, a few KB), to know that exactly as the CLI will, and to answer --version and --help.
import { closeSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { join } from "node:path";
import { Script } from "node:vm";
import { type CliOptions, HELP, parseCli } from "./cli/args.js";
import { expectedProjectRoot } from "./config/project-root.js";
import { VERSION } from "./core/version.js";
import { startEarlyListing } from "./pipeline/git-listing.js";
import { cacheDirProblem, createPrivateFile, DAY_MS, defaultCacheDir, pruneCacheFiles, quietly, readPrivateFile, writeAll } from "./util/cache-dir.js";
import { userSetsV8Flag } from "./util/heap-bounds.js";

const MAIN = join(__dirname, "cli-main.cjs");
/**
 * Four caches kept in all (the newest), for several versions of aimslint or Node in use side by side; and the
 * temporary files of runs that stopped half-way, once surely not being written.
 */
const CODE_CACHES = [
  { pattern: /\.v8cache$/, keep: 3, maxAgeMs: Number.POSITIVE_INFINITY },
  { pattern: /\.v8cache\.\d+\.tmp$/, keep: Number.POSITIVE_INFINITY, maxAgeMs: DAY_MS },
];

/**
 * Where the code cache is, and whether this run may write it: only a lint run, whose compiled functions are the
 * ones the next runs need (a first `aimslint --version` would leave a cache of little use that V8 then accepts).
 */
function codeCache(options: CliOptions | undefined): { root: string; dir: string; write: boolean } | undefined {
  if (!options) return undefined; // the CLI says what is wrong with the command line
  const dir = options.cache ? defaultCacheDir(process.env) : undefined;
  return dir === undefined ? undefined : { root: dir, dir: join(dir, "code"), write: options.command === "lint" };
}

/** Both folders exist (or, with `create`, now exist) and only this user may write them. The CLI warns when not. */
function trusted(cache: { root: string; dir: string }, create: boolean): boolean {
  return cacheDirProblem(cache.root, create) === undefined && cacheDirProblem(cache.dir, create) === undefined;
}

/** A cache file: a line of this, the source's whole key and the checksum of the rest; then V8's data. */
const MAGIC = "aimslint-v8cache-2";
const load = createRequire(__filename);

function unpack(file: Buffer | undefined, key: string): Buffer | undefined {
  const end = file?.subarray(0, 1024).indexOf(10) ?? -1;
  if (!file || end < 0) return undefined;
  const [magic, source, sum] = file.subarray(0, end).toString("latin1").split(" ");
  const body = file.subarray(end + 1);
  if (magic !== MAGIC || source !== key || sum !== checksum(body)) return undefined;
  return body;
}

/**
 * CRC-32 of the cache's bytes (zlib, Node ≥ 20.15), else SHA-256: node:crypto and its streams cost a hook run ~4 %
 * to load, and nothing else a hook run does needs them.
 */
function checksum(bytes: Uint8Array): string {
  const { crc32 } = load("node:zlib") as { crc32?: (data: Uint8Array) => number };
  if (crc32) return `crc32:${(crc32(bytes) >>> 0).toString(16).padStart(8, "0")}`;
  return `sha256:${sha256(bytes)}`;
}

function sha256(data: string | Uint8Array): string {
  return (load("node:crypto") as typeof import("node:crypto")).createHash("sha256").update(data).digest("hex");
}

type NodeWithCompileCache = typeof Module & { enableCompileCache?: (dir: string) => unknown };

function parsed(): CliOptions | undefined {
  try {
    return parseCli(process.argv.slice(2));
  } catch {
    return undefined;
  }
}

function start(): void {
  const options = parsed();
  // What needs no project and no rules is answered here, without compiling the CLI: a version check in a script
  // or an editor's probe costs little more than Node's own start.
  if (options?.command === "version") return void process.stdout.write(`${VERSION}\n`);
  if (options?.command === "help") return void process.stdout.write(HELP);
  listProjectEarly(options);
  const cache = codeCache(options);
  const enable = (Module as NodeWithCompileCache).enableCompileCache;
  if (cache === undefined || enable) {
    // Node's own cache is written for what a run compiled without it: only lint runs turn it on.
    if (cache?.write && trusted(cache, true)) quietly(() => enable?.(cache.dir));
    createRequire(__filename)(MAIN);
    return;
  }
  // The build keeps the bundle ASCII (scripts/build.mjs checks it), so latin1 reads it exactly, without the UTF-8
  // decoding that took ~12 ms of every start.
  const source = readFileSync(MAIN, "latin1");
  const { key, name } = mainIdentity(source);
  const file = join(cache.dir, `${name}.v8cache`);
  const cachedData = trusted(cache, false) ? unpack(readPrivateFile(file), key) : undefined;
  const script = new Script(Module.wrap(source), { filename: MAIN, ...(cachedData ? { cachedData } : {}) });
  if (cache.write && (!cachedData || script.cachedDataRejected)) {
    const restore = keepBytecode();
    process.once("exit", () =>
      quietly(() => {
        restore?.();
        return trusted(cache, true) && save(cache.dir, file, key, script);
      }),
    );
  }
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  const module = { exports: {} };
  run.call(module.exports, module.exports, createRequire(MAIN), module, MAIN, __dirname);
}

/**
 * V8's collections drop the bytecode of functions not run for a while, and the cache holds only what is compiled
 * when it is made: written at the end of a whole lint at 10,000 artefacts, it lacked half of what a hook run needs
 * (657 KB instead of 1.37 MB; hook runs from it took 1.16x as long). A run that writes the cache keeps all its
 * bytecode until then, and puts V8's default back (the returned function) before the cache is made, since V8 keys
 * a cache by the flags in force. A flag of the user's own stands.
 */
function keepBytecode(): (() => void) | undefined {
  if (userSetsV8Flag(/flush[-_]bytecode/)) return undefined;
  const v8 = load("node:v8") as typeof import("node:v8");
  v8.setFlagsFromString("--no-flush-bytecode");
  return () => v8.setFlagsFromString("--flush-bytecode");
}

/**
 * A check lists the project through git; started here, git walks the work tree while the CLI loads (~70 ms),
 * instead of after. Where the project is comes from the same functions the CLI resolves it with; should they
 * disagree (a configuration that cannot be read), the CLI lists it itself and this listing goes unused.
 */
function listProjectEarly(options: CliOptions | undefined): void {
  if (!options || (options.command !== "lint" && options.command !== "report") || options.stdinFilename !== undefined) return;
  quietly(() => startEarlyListing(expectedProjectRoot(process.cwd(), options.paths, options.config)));
}

declare const __AIMSLINT_MAIN_SHA256__: string | undefined;

/**
 * What tells this dist/cli-main.cjs, under this Node, from any other: its build's hash, size, time and length
 * (from source, its text's hash), Node's version and the machine's architecture. The file is named by the hash,
 * the version and the architecture, so that several can be kept side by side; the header holds the whole key.
 */
function mainIdentity(source: string): { key: string; name: string } {
  const build = typeof __AIMSLINT_MAIN_SHA256__ === "string" ? __AIMSLINT_MAIN_SHA256__ : sha256(source);
  const stat = statSync(MAIN);
  const platform = `${process.version}-${process.arch}`;
  return { key: `${build}:${stat.size}:${stat.mtimeMs}:${source.length}:${platform}`, name: `${build.slice(0, 32)}-${platform}` };
}

/** Written at exit, so that it holds the functions this run compiled too; through a rename, never half a file. */
function save(dir: string, file: string, key: string, script: Script): void {
  const data = script.createCachedData();
  const header = Buffer.from(`${MAGIC} ${key} ${checksum(data)}\n`, "latin1");
  const temp = `${file}.${process.pid}.tmp`;
  rmSync(temp, { force: true });
  try {
    const fd = createPrivateFile(temp);
    try {
      writeAll(fd, header);
      writeAll(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
  pruneCacheFiles(dir, file, CODE_CACHES);
}

try {
  start();
} catch (error) {
  // A broken install (dist/cli-main.cjs missing or unreadable) is an internal error: exit 2, not a stack trace.
  process.stderr.write(`aimslint: internal error: ${String(error)}\n`);
  process.exitCode = 2;
}
