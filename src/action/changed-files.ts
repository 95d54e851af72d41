// What a pull request (or push) changes: the files, and in each the lines it adds or changes, from the GitHub API
// (paginated; each file's `patch`), else from git, else unknown (then the Action says so). The token is used for
// this request only and never printed. Repository-configured git programs are never run (see gitArgs).
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** GET /pulls/{n}/files lists at most 3000 files (GitHub REST docs); a longer list is incomplete. */
const API_FILE_LIMIT = 3000;

/** Inclusive ranges of line numbers in the new version of a file, sorted, not overlapping. */
export type LineRanges = readonly (readonly [number, number])[];

/** Every line of the file (an added file whose patch GitHub left out). */
export const WHOLE_FILE: LineRanges = [[1, Number.MAX_SAFE_INTEGER]];

export interface ChangedFiles {
  /** Repository-relative paths of added, modified, renamed or copied files (not deleted ones). */
  files: Set<string>;
  /** The lines each file adds or changes; a changed file missing here has lines nobody could tell (a binary file, a patch too large). */
  lines: Map<string, LineRanges>;
  /** How they were found, for the log and the summary. */
  source: string;
  /** "pull request #7" or "the push". */
  what: string;
}

export interface PullRequestEvent {
  number: number;
  baseSha?: string;
  headSha?: string;
}

export interface ListedFile {
  filename: string;
  status: string;
  /** The unified diff of the file, hunks only; GitHub leaves it out for binary files and very large diffs. */
  patch?: string | undefined;
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
  listFiles: (token: string, owner: string, repo: string, pullNumber: number) => Promise<ListedFile[]>;
  log: (line: string) => void;
  /** Prefix of the log lines, e.g. "only-changed". */
  label?: string;
}

export async function changedFiles(options: ChangedFilesOptions): Promise<ChangedFiles | undefined> {
  const { event } = options;
  const label = options.label ?? "changed files";
  const log = (line: string) => options.log(`${label}: ${line}`);
  if (event) {
    const what = `pull request #${event.number}`;
    if (options.token && options.owner && options.repo) {
      try {
        const listed = await options.listFiles(options.token, options.owner, options.repo, event.number);
        if (listed.length < API_FILE_LIMIT) return { ...fromListing(listed), source: `${what}, listed by the GitHub API`, what };
        log(`the GitHub API lists at most ${API_FILE_LIMIT} files of a pull request; trying git instead.`);
      } catch (error) {
        // Only the status: an error object may carry request details.
        const status = (error as { status?: unknown }).status;
        log(`listing the pull request's files failed${typeof status === "number" ? ` (HTTP ${status})` : ""}; trying git instead.`);
      }
    } else log("no token or repository for the GitHub API; trying git instead.");
    if (event.baseSha && event.headSha) {
      const found = await gitDiff(options.workspace, `${event.baseSha}...${event.headSha}`);
      if (found) return { ...found, source: `${what}, listed by git diff`, what };
      log("git cannot compare the pull request's base and head (check out with fetch-depth: 0).");
    }
    return undefined;
  }
  if (options.push && !/^0+$/.test(options.push.before)) {
    const found = await gitDiff(options.workspace, `${options.push.before}..${options.push.after}`);
    if (found) return { ...found, source: "the push, listed by git diff", what: "the push" };
    log("git cannot compare the commits of the push (check out with fetch-depth: 0).");
  }
  return undefined;
}

function fromListing(listed: readonly ListedFile[]): { files: Set<string>; lines: Map<string, LineRanges> } {
  const files = new Set<string>();
  const lines = new Map<string, LineRanges>();
  for (const f of listed) {
    if (f.status === "removed") continue;
    files.add(f.filename);
    if (typeof f.patch === "string") lines.set(f.filename, addedLines(f.patch));
    else if (f.status === "added") lines.set(f.filename, WHOLE_FILE);
  }
  return { files, lines };
}

/**
 * The lines of the new version that a unified diff adds (a changed line is a removed one plus an added one), from
 * its hunks: `@@ -a,b +c,d @@` starts counting at c; `+` lines are added, context lines (` `, or empty where a tool
 * strips the space) only advance, `-` and `\ No newline` lines do not. Anything before the first hunk is a header.
 */
export function addedLines(patch: string): LineRanges {
  const ranges: [number, number][] = [];
  let next: number | undefined;
  for (const line of patch.split("\n")) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) {
      next = Number(hunk[1]);
      continue;
    }
    if (next === undefined) continue;
    const sign = line[0];
    if (sign === "+") {
      const last = ranges.at(-1);
      if (last && last[1] === next - 1) last[1] = next;
      else ranges.push([next, next]);
      next++;
    } else if (sign === " " || line === "" || line === "\r") next++;
  }
  return ranges;
}

/** True when a finding's lines (start to end, inclusive) meet one of the ranges. */
export function touches(ranges: LineRanges, start: number, end: number): boolean {
  return ranges.some(([a, b]) => a <= end && b >= start);
}

/**
 * git reads configuration from the repository, which a pull request controls in part and which the checkout may
 * carry: none of it may make us run a program (fsmonitor, external diff drivers, textconv filters), nor change
 * the output we parse (prefixes, quoting, colour, relative paths).
 */
function gitArgs(workspace: string, ...args: string[]): string[] {
  return [
    "-c",
    "core.fsmonitor=false",
    "-c",
    "core.quotePath=false",
    "-c",
    "diff.noprefix=false",
    "-c",
    "diff.mnemonicPrefix=false",
    "-c",
    "diff.relative=false",
    "-C",
    workspace,
    "diff",
    "--no-ext-diff",
    "--no-textconv",
    "--no-color",
    "--no-renames",
    "--diff-filter=d",
    ...args,
  ];
}

async function gitDiff(workspace: string, range: string): Promise<{ files: Set<string>; lines: Map<string, LineRanges> } | undefined> {
  if (!/^[0-9a-f]{7,64}\.\.\.?[0-9a-f]{7,64}$/i.test(range)) return undefined;
  const options = { maxBuffer: 64 * 1024 * 1024, encoding: "utf8" as const };
  let files: Set<string>;
  try {
    // -z keeps unusual file names intact.
    const { stdout } = await execFileAsync("git", gitArgs(workspace, "--name-only", "-z", range, "--"), options);
    files = new Set(stdout.split("\0").filter((f) => f.length > 0));
  } catch {
    return undefined;
  }
  let lines = new Map<string, LineRanges>();
  try {
    // No context and no merged hunks: only the lines the diff adds. The files are known already; if this fails
    // (a diff over 64 MB), their lines are unknown, which only costs the ordering of annotations.
    const { stdout } = await execFileAsync("git", gitArgs(workspace, "-U0", "--inter-hunk-context=0", "--src-prefix=a/", "--dst-prefix=b/", range, "--"), options);
    lines = parseGitDiff(stdout, files);
  } catch {
    // Lines unknown.
  }
  return { files, lines };
}

/**
 * `git diff` output, split per file at `diff --git` (a content line starts with a space, `+`, `-` or `\`, so it
 * never does), each file named by its `+++ b/…` header, C-quoted when the name holds unusual characters. Names
 * that do not match a listed file are dropped: their lines stay unknown rather than being pinned on another file.
 */
export function parseGitDiff(output: string, files: ReadonlySet<string>): Map<string, LineRanges> {
  const lines = new Map<string, LineRanges>();
  for (const part of output.split(/^diff --git /m).slice(1)) {
    const firstHunk = part.search(/^@@ /m);
    const header = firstHunk < 0 ? part : part.slice(0, firstHunk);
    const plus = /^\+\+\+ (.*)$/m.exec(header)?.[1];
    if (plus === undefined) continue;
    const name = unquoteGitPath(plus.replace(/\t$/, ""));
    if (name === undefined || !name.startsWith("b/")) continue;
    const file = name.slice(2);
    if (files.has(file)) lines.set(file, addedLines(part));
  }
  return lines;
}

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };

/** A path as git prints it: as is, or in double quotes with C escapes and octal bytes (UTF-8). */
export function unquoteGitPath(text: string): string | undefined {
  if (!text.startsWith('"')) return text;
  if (!text.endsWith('"') || text.length < 2) return undefined;
  const bytes: number[] = [];
  // By code point, so that a character outside the BMP is not split.
  const body = Array.from(text.slice(1, -1));
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== "\\") {
      bytes.push(...Buffer.from(c, "utf8"));
      continue;
    }
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1, i + 4).join(""));
    if (octal) {
      bytes.push(Number.parseInt(octal[0], 8));
      i += 3;
      continue;
    }
    const code = C_ESCAPES[body[i + 1] ?? ""];
    if (code === undefined) return undefined;
    bytes.push(code);
    i++;
  }
  return Buffer.from(bytes).toString("utf8");
}
