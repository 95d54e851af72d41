// Stage 1: turn the command-line paths (folders, globs, files) into the list of candidate files.
// In a git work tree, folders are listed by git itself so .gitignore is honoured exactly;
// elsewhere fast-glob walks them. Symbolic links that lead out of the scanned folder are never followed.
import { realpath as realpathCallback, stat as statCallback } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { isWithin } from "../util/within.js";
import { promisify } from "node:util";
import type FastGlob from "fast-glob";
import { globsMatcher, needsLinearEngine } from "../util/safe-glob.js";
import type { Finding } from "../core/finding.js";
import { formatOf, LINKS_SEEN_ON_OPEN, stampOf, type Candidate, type FileStamp } from "../source/load.js";
import { LINK_OUTSIDE, linkEscape, lstatQuietly, symlinkFinding } from "../source/links.js";
import { earlyListing, runGitListing } from "./git-listing.js";
import { deniedInGitOutput, readdirNotingDenied, unreadableFolderFinding } from "./unreadable-folders.js";
import { LOCK_FILE_NAMES } from "../core/dependency-manifests.js";

// Not node:fs/promises, which loads readline and more (~2 ms of every start) for what three calls need.
const realpath = promisify(realpathCallback.native);
const stat = promisify(statCallback);

export interface Discovery {
  candidates: Candidate[];
  findings: Finding[];
  /** Paths given on the command line that match nothing: a usage error. */
  unmatched: string[];
  /**
   * Display paths of the lock files found (package-lock.json, yarn.lock, poetry.lock…; core/dependency-manifests.ts):
   * whether a dependency manifest has one is all that is known of them. They are never read.
   */
  lockFiles: Set<string>;
}

/** Lock files: never artefacts, and expensive to parse. Their presence is recorded all the same (`lockFiles`). */
const LOCK_IGNORES = ["**/package-lock.json", "**/pnpm-lock.yaml", "**/npm-shrinkwrap.json"];

/** Never artefacts: dependencies, git's own files, lock files, aimslint's baseline and copied schemas (init). */
export const DEFAULT_IGNORES = ["**/node_modules/**", "**/.git/**", ...LOCK_IGNORES, "**/aimslint-baseline.json", "**/.aimslint/**"];

const GLOB_CHARS = /[*?[\]{}!]/;

/** Git listings already started, by absolute folder (see startGitListing). */
export type GitListings = ReadonlyMap<string, Promise<Listing | undefined>>;

/** `stamps`: keep each file's lstat for the index cache to compare (a run that reads the cache); otherwise none are kept. */
export async function discover(inputs: readonly string[], cwd: string, ignores: readonly string[] = [], listings: GitListings = new Map(), stamps = true): Promise<Discovery> {
  const byPath = new Map<string, Candidate>();
  const findings: Finding[] = [];
  const unmatched: string[] = [];
  const ignore = [...DEFAULT_IGNORES, ...ignores];
  const isIgnored = ignoreMatcher(ignore);
  // The walk must list lock files too (to record them), and the user's ignores still hold for them.
  const walkIgnore = ignore.filter((glob) => !LOCK_IGNORES.includes(glob));
  let isIgnoredLock: ((display: string) => boolean) | undefined;
  const lockFiles = new Set<string>();
  const add = (absPath: string, explicit: boolean, path = toDisplay(cwd, absPath), stamp?: FileStamp, localPath?: string, linkBoundary?: string) => {
    const known = byPath.get(path);
    if (!known) byPath.set(path, { path, absPath, explicit, ...(stamp ? { stamp } : {}), ...(localPath ? { localPath } : {}), ...(linkBoundary ? { linkBoundary } : {}) });
    else if (explicit) known.explicit = true;
  };

  for (const input of inputs.length > 0 ? inputs : ["."]) {
    const abs = resolve(cwd, input);
    let denied = false;
    const info = await stat(abs).catch((error: NodeJS.ErrnoException) => {
      denied = error.code === "EACCES" || error.code === "EPERM";
      return undefined;
    });
    if (denied) {
      // A named file we may not even look at is a finding (file/unreadable), not a usage error.
      add(abs, true);
      continue;
    }
    if (info?.isFile()) {
      // Hooks pass staged files one by one; they are checked whatever their folder's ignore rules say.
      if (isIgnored(toDisplay(cwd, abs))) continue;
      // A named path inside the folder that a symbolic link (the file or a folder on the way) leads out of is not
      // followed either: `aimslint $(git diff --name-only)` must not read a file the pull request points at.
      const linkProblem = await namedEscape(abs, cwd);
      if (linkProblem) findings.push(symlinkFinding(toDisplay(cwd, abs), linkProblem));
      else add(abs, true);
      continue;
    }
    let files: string[];
    let boundary: string;
    let locked: string[];
    if (info?.isDirectory()) {
      const linkProblem = await namedEscape(abs, cwd);
      if (linkProblem) {
        findings.push(symlinkFinding(toDisplay(cwd, abs), linkProblem));
        continue;
      }
      boundary = await realpath(abs);
      ({ files, denied: locked } = (await (listings.get(abs) ?? gitListFiles(abs))) ?? (await walk("**/*", abs, walkIgnore)));
    } else if (GLOB_CHARS.test(input)) {
      boundary = await realpath(cwd);
      ({ files, denied: locked } = await walk(input, cwd, walkIgnore));
    } else {
      unmatched.push(input);
      continue;
    }
    for (const folder of locked) {
      const display = toDisplay(cwd, folder);
      if (!isIgnored(display)) findings.push(unreadableFolderFinding(display));
    }
    let matched = 0;
    const base = abs === cwd || !info ? cwd : abs;
    const prefix = toDisplay(cwd, base);
    // The kernel resolves a path part by part: from the process's folder, a listed path has fewer parts to resolve
    // than its absolute form (lstat of 20,000 files: 0.85×). Loading opens the file by it too.
    const fromHere = base === process.cwd();
    // A folder's files need no lstat when no stamp is kept (the index cache is not read): loading tells a link
    // when it opens the file, and checks where it leads then (linkBoundary), as here. lstat was 3 % of a whole lint.
    const linksOnOpen = !stamps && LINKS_SEEN_ON_OPEN && info?.isDirectory() === true;
    for (const file of files) {
      const { fileAbs, display, plain } = place(cwd, base, prefix, file);
      if (LOCK_FILE_NAMES.has(display.slice(display.lastIndexOf("/") + 1))) {
        isIgnoredLock ??= ignoreMatcher(walkIgnore);
        if (!isIgnoredLock(display)) lockFiles.add(display);
        continue;
      }
      if (!formatOf(display) || isIgnored(display)) continue;
      const localPath = fromHere && plain ? file : undefined;
      if (linksOnOpen) {
        matched++;
        add(fileAbs, false, display, undefined, localPath, boundary);
        continue;
      }
      // Only symbolic links (rare) need the check of where they lead.
      const info = lstatQuietly(localPath ?? fileAbs);
      const linkProblem = info?.isSymbolicLink() ? linkEscape(fileAbs, boundary) : undefined;
      if (linkProblem) {
        findings.push(symlinkFinding(display, linkProblem));
        continue;
      }
      matched++;
      add(fileAbs, false, display, stamps && info?.isFile() ? stampOf(info) : undefined, localPath);
    }
    if (matched === 0 && !info && locked.length === 0) unmatched.push(input);
  }
  const candidates = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // A link both named and found by walking a named folder is one finding.
  const unique = [...new Map(findings.map((f) => [`${f.file}\u0000${f.ruleId}`, f])).values()];
  return { candidates, findings: unique, unmatched, lockFiles };
}

/** What a lister found: files (relative to the folder listed), and folders it was not allowed to read (absolute). */
interface Listing {
  files: string[];
  denied: string[];
}

/**
 * Files and symbolic links (to anything) below `cwd`. fast-glob's onlyFiles would drop links to files and
 * broken or looping links silently; we want to see them, to say why they are not followed.
 */
async function walk(pattern: string, cwd: string, ignore: readonly string[]): Promise<Listing> {
  const { fastGlob } = await import("../lazy/fast-glob.js");
  const denied: string[] = [];
  const fs = { readdir: readdirNotingDenied(denied) as unknown as FastGlob.FileSystemAdapter["readdir"] };
  // fast-glob matches `ignore` with its own (backtracking) expressions: it gets only the globs that are linear
  // there; the others are applied after the walk, on the linear engine (discover's isIgnored).
  const linear = ignore.filter((glob) => !needsLinearEngine(glob));
  const entries = await fastGlob(pattern, { cwd, dot: true, followSymbolicLinks: false, onlyFiles: false, markDirectories: true, ignore: linear, suppressErrors: true, fs });
  return { files: entries.filter((e) => !e.endsWith("/")), denied };
}

/**
 * Starts listing a folder through git now, for a discover() call to come: git walks the work tree while the
 * caller does other work (reading the index cache) instead of waiting for it.
 */
export function startGitListing(dir: string): GitListings {
  const listing = gitListFiles(dir);
  listing.catch(() => undefined);
  return new Map([[dir, listing]]);
}

/** Files of a git work tree below `dir` (tracked and untracked, not ignored); undefined outside git. */
async function gitListFiles(dir: string): Promise<Listing | undefined> {
  const output = await (earlyListing(dir) ?? runGitListing(dir));
  if (output === undefined) return undefined;
  return { files: output.stdout.split("\0").filter((f) => f.length > 0), denied: await deniedInGitOutput(output.stderr, dir) };
}

/**
 * git and fast-glob list plain relative paths: for those, joining strings gives what resolve() and relative()
 * would, at a fraction of the cost (they were a tenth of a hook run at 15,000 files). Anything unusual takes
 * the exact way.
 */
function place(cwd: string, base: string, prefix: string, file: string): { fileAbs: string; display: string; plain: boolean } {
  if (sep === "/" && !isAbsolute(file) && !/(?:^|\/)\.{1,2}(?:\/|$)|\/\/|\\/.test(file)) {
    return { fileAbs: base === "/" ? `/${file}` : `${base}/${file}`, display: prefix === "." ? file : `${prefix}/${file}`, plain: true };
  }
  const fileAbs = resolve(base, file);
  return { fileAbs, display: toDisplay(cwd, fileAbs), plain: false };
}

async function namedEscape(file: string, cwd: string): Promise<string | undefined> {
  if (!isWithin(file, cwd)) return undefined; // a path outside the folder, named on purpose
  const [real, boundary] = await Promise.all([realpath(file).catch(() => file), realpath(cwd).catch(() => cwd)]);
  return isWithin(real, boundary) ? undefined : LINK_OUTSIDE;
}

export function toDisplay(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  const shown = rel === "" ? "." : rel;
  return sep === "/" ? shown : shown.split(sep).join("/");
}

// Compiled once per scan: picomatch.isMatch would compile every pattern again for every file. Globs of the two
// forms every default takes, `**/name` (a path whose last part is name) and `**/name/**` (a path with a part
// named name), with a plain name (letters, digits, `_`, `.`, `-`, spaces), match as picomatch matches them with
// `dot` (as safe-glob.ts does): they are matched by comparing path parts, where compiling the defaults with
// picomatch was ~2 ms of every run. Other globs go through safe-glob (a linear engine when they need one).
export function ignoreMatcher(ignore: readonly string[]): (display: string) => boolean {
  const fileNames = new Set<string>();
  const names = new Set<string>();
  const globs: string[] = [];
  for (const glob of ignore) {
    const byName = /^\*\*\/([\w .-]+)(\/\*\*)?$/.exec(glob);
    if (!byName || byName[1] === "." || byName[1] === "..") globs.push(glob);
    else (byName[2] ? names : fileNames).add(byName[1]!);
  }
  const theirs = globsMatcher(globs);
  return (display) => {
    const slash = display.lastIndexOf("/");
    if (fileNames.has(slash < 0 ? display : display.slice(slash + 1))) return true;
    for (const name of names) {
      // Splitting every listed path only to look for a folder's name was a tenth of discovery: the text first.
      if (display.includes(name) && display.split("/").includes(name)) return true;
    }
    return theirs(display);
  };
}
