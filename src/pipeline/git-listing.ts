// `git ls-files` of a work tree: the project's files, as a hook or a scan sees them. The CLI's loader starts it
// for the project it expects before it loads the CLI, so that git walks the tree (~140 ms at 15,000 files)
// while the bundle is loaded; discovery then takes that listing over instead of starting its own.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

export interface GitOutput {
  stdout: string;
  stderr: string;
}

/** What git printed listing `dir` (tracked and untracked files, not ignored); undefined outside git. */
export async function runGitListing(dir: string): Promise<GitOutput | undefined> {
  try {
    // core.fsmonitor=false: a repository's local config must never make us run its programs. LC_ALL=C: its
    // warnings about folders it cannot open are read (unreadable-folders.ts). --exclude=node_modules/: git need
    // not walk untracked dependency folders (a third of its time in a repository with a few of them) whose files
    // DEFAULT_IGNORES drops anyway; tracked files are listed whatever the excludes say.
    return await execFileAsync("git", ["-c", "core.fsmonitor=false", "-C", dir, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--exclude=node_modules/", "--deduplicate"], {
      maxBuffer: 256 * 1024 * 1024,
      encoding: "utf8",
      env: { ...process.env, LC_ALL: "C" },
    });
  } catch {
    return undefined;
  }
}

/** Shared between the loader's bundle and the CLI's, which are separate scripts of one process. */
const EARLY = Symbol.for("aimslint.early-git-listing");
type Early = { dir: string; listing: Promise<GitOutput | undefined> };
const store = globalThis as { [EARLY]?: Early };

/** Starts listing `dir` now, for the run's discovery to take over (earlyListing). */
export function startEarlyListing(dir: string): void {
  store[EARLY] = { dir, listing: runGitListing(dir) };
}

/** The listing the loader started, if it was of `dir`; each is taken once. */
export function earlyListing(dir: string): Promise<GitOutput | undefined> | undefined {
  const early = store[EARLY];
  if (early === undefined) return undefined;
  delete store[EARLY];
  return early.dir === dir ? early.listing : undefined;
}
