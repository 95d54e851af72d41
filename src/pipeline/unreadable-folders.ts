// Folders a scan may not look into. Both listers skip them quietly — fast-glob (suppressErrors) and git ls-files
// (a warning on stderr) — which would let every file inside drop out of the check unseen; they are noted here
// and reported as file/unreadable, and the scan goes on.
import { readdir, type Dirent } from "node:fs";
import { promisify } from "node:util";
import { resolve } from "node:path";
import { FILE_START, type Finding } from "../core/finding.js";
import { CORE_RULES } from "../core/core-rules.js";
import { report } from "../core/report.js";

// Not node:fs/promises, which loads readline and more (~2 ms of every start).
const readdirAsync = promisify(readdir);
const DENIED = new Set(["EACCES", "EPERM"]);

type ReaddirCallback = (error: NodeJS.ErrnoException | null, entries: Dirent[] | string[]) => void;

/**
 * A `readdir` for fast-glob's `fs` option that notes the folders it may not read (absolute paths, in `denied`) and
 * lets the walk go on as if they were empty; without it fast-glob skips them in silence or aborts the whole walk.
 */
export function readdirNotingDenied(denied: string[]): (path: string, ...rest: unknown[]) => void {
  return (path, ...rest) => {
    const callback = rest.pop() as ReaddirCallback;
    const done = (error: NodeJS.ErrnoException | null, entries: Dirent[] | string[]) => {
      if (error && DENIED.has(error.code ?? "")) {
        denied.push(resolve(path));
        callback(null, []);
      } else callback(error, entries);
    };
    if (rest.length > 0) readdir(path, { withFileTypes: true }, done);
    else readdir(path, done);
  };
}

/**
 * Folders below `dir` that `git ls-files` could not open, from its stderr (run with LC_ALL=C). A line is only
 * trusted once the folder is confirmed unreadable: a file name can hold a line break and forge one.
 */
export async function deniedInGitOutput(stderr: string, dir: string): Promise<string[]> {
  const denied: string[] = [];
  for (const m of stderr.matchAll(/^warning: could not open directory '(.+)': Permission denied$/gm)) {
    const abs = resolve(dir, m[1]!);
    const code = await readdirAsync(abs).then(
      () => undefined,
      (error: NodeJS.ErrnoException) => error.code,
    );
    if (code !== undefined && DENIED.has(code)) denied.push(abs);
  }
  return denied;
}

export function unreadableFolderFinding(file: string): Finding {
  return report(CORE_RULES["file/unreadable"], file, FILE_START, "Folder cannot be read (permission denied); the files in it were not checked.", {
    help: "Let the user running aimslint read the folder (e.g. chmod a+rx), or add it to `ignores` in the configuration.",
  });
}
