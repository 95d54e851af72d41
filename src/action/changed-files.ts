// The files a pull request changes: from the GitHub API (paginated), else from git, else unknown (then the
// Action checks everything and says so). The token is used for this request only and never printed.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** GET /pulls/{n}/files lists at most 3000 files (GitHub REST docs); a longer list is incomplete. */
const API_FILE_LIMIT = 3000;

export interface ChangedFiles {
  /** Repository-relative paths of added, modified, renamed or copied files (not deleted ones). */
  files: Set<string>;
  /** How they were found, for the log and the summary. */
  source: string;
}

export interface PullRequestEvent {
  number: number;
  baseSha?: string;
  headSha?: string;
}

export interface ChangedFilesOptions {
  event: PullRequestEvent | undefined;
  /** For push events: the commits before and after the push. */
  push?: { before: string; after: string } | undefined;
  owner: string | undefined;
  repo: string | undefined;
  token: string | undefined;
  workspace: string;
  /** Lists the PR's files through the API (injected, so that @actions/github stays out of this module). */
  listFiles: (token: string, owner: string, repo: string, pullNumber: number) => Promise<{ filename: string; status: string }[]>;
  log: (line: string) => void;
}

export async function changedFiles(options: ChangedFilesOptions): Promise<ChangedFiles | undefined> {
  const { event, log } = options;
  if (event) {
    if (options.token && options.owner && options.repo) {
      try {
        const files = await options.listFiles(options.token, options.owner, options.repo, event.number);
        if (files.length < API_FILE_LIMIT) {
          return { files: new Set(files.filter((f) => f.status !== "removed").map((f) => f.filename)), source: `pull request #${event.number}, listed by the GitHub API` };
        }
        log(`only-changed: the GitHub API lists at most ${API_FILE_LIMIT} files of a pull request; trying git instead.`);
      } catch (error) {
        // Only the status: an error object may carry request details.
        const status = (error as { status?: unknown }).status;
        log(`only-changed: listing the pull request's files failed${typeof status === "number" ? ` (HTTP ${status})` : ""}; trying git instead.`);
      }
    } else log("only-changed: no token or repository for the GitHub API; trying git instead.");
    if (event.baseSha && event.headSha) {
      const files = await gitDiff(options.workspace, `${event.baseSha}...${event.headSha}`);
      if (files) return { files, source: `pull request #${event.number}, listed by git diff` };
      log("only-changed: git cannot compare the pull request's base and head (check out with fetch-depth: 0).");
    }
    return undefined;
  }
  if (options.push && !/^0+$/.test(options.push.before)) {
    const files = await gitDiff(options.workspace, `${options.push.before}..${options.push.after}`);
    if (files) return { files, source: "the push, listed by git diff" };
    log("only-changed: git cannot compare the commits of the push (check out with fetch-depth: 0).");
  }
  return undefined;
}

async function gitDiff(workspace: string, range: string): Promise<Set<string> | undefined> {
  if (!/^[0-9a-f]{7,64}\.\.\.?[0-9a-f]{7,64}$/i.test(range)) return undefined;
  try {
    // core.fsmonitor=false: a repository's local config must never make us run its programs.
    // --diff-filter=d leaves deleted files out; -z keeps unusual file names intact.
    const { stdout } = await execFileAsync(
      "git",
      ["-c", "core.fsmonitor=false", "-c", "core.quotePath=false", "-C", workspace, "diff", "--no-ext-diff", "--no-textconv", "--name-only", "--no-renames", "--diff-filter=d", "-z", range, "--"],
      {
        maxBuffer: 64 * 1024 * 1024,
        encoding: "utf8",
      },
    );
    return new Set(stdout.split("\0").filter((f) => f.length > 0));
  } catch {
    return undefined;
  }
}
