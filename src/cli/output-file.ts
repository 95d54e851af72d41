// `-o, --output-file`: the report written to a file. Asking for it is the one way a check writes anything, and
// the path may lie in the repository it scanned, whose content (a pull request's) is not to be trusted: a
// `reports` folder or a `findings.json` committed as a symbolic link must not send the write to ~/.bashrc. So
// the write goes through util/safe-write.ts from a trusted root: the working folder when the file is below it,
// else the repository (git work tree or project folder) when it is in it; every folder below that root, and the
// file itself, is refused when it is a link. A path outside every repository is the user's own (`$RUNNER_TEMP`,
// `/tmp`): from the nearest folder that exists. Missing folders are created; a FIFO or device is refused.
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { gitTop } from "../config/project-root.js";
import { safeText } from "../util/safe-text.js";
import { UnsafeWriteError, writeInside } from "../util/safe-write.js";
import { isWithin } from "../util/within.js";

/** A report that could not be written: exit 2, with the reason. */
export class OutputFileError extends Error {}

export function writeOutputFile(cwd: string, path: string, text: string, projectRoot: string | undefined): void {
  const target = resolve(cwd, path);
  const roots = [cwd, projectRoot, projectRoot && gitTop(projectRoot), gitTop(cwd)].filter((r): r is string => typeof r === "string" && r !== target && isWithin(target, r));
  // The deepest trusted folder that holds the target; outside every repository, the nearest folder that exists.
  const root = roots.sort((a, b) => b.length - a.length)[0] ?? nearestExisting(dirname(target));
  try {
    writeInside(root, target, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      error instanceof UnsafeWriteError ? `${error.message}; aimslint does not write through links or into devices` : code === "EISDIR" ? "it is a folder" : (code ?? (error as Error).message);
    throw new OutputFileError(`cannot write the report to "${safeText(path)}": ${safeText(why)}.`);
  }
}

function nearestExisting(dir: string): string {
  for (let current = dir; ; current = dirname(current)) if (existsSync(current) || dirname(current) === current) return current;
}
