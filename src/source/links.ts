// Symbolic links met in the project: followed only when they stay inside the folder scanned, so that a pull
// request cannot make aimslint read (and quote) a file elsewhere on the machine.
import { lstatSync, realpathSync, type Stats } from "node:fs";
import { FILE_START, type Finding } from "../core/finding.js";
import { CORE_RULES } from "../core/core-rules.js";
import { report } from "../core/report.js";
import { isWithin } from "../util/within.js";

/**
 * lstatSync: one cheap system call per file, where a promise costs a thread-pool round trip (15,000 files).
 * Undefined when the file is not there or cannot even be lstat'ed (EACCES on the folder: loading it will say so).
 */
export function lstatQuietly(file: string): Stats | undefined {
  try {
    return lstatSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

export const LINK_OUTSIDE = "Symbolic link points outside the scanned folder; it was not followed.";

/** What is wrong with the symbolic link `file`, or undefined when it leads to a place inside `boundary`. */
export function linkEscape(file: string, boundary: string): string | undefined {
  try {
    return isWithin(realpathSync.native(file), boundary) ? undefined : LINK_OUTSIDE;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ELOOP" ? "Symbolic link loops back on itself; it was not followed." : "Symbolic link is broken; it was not followed.";
  }
}

export function symlinkFinding(file: string, message: string): Finding {
  return report(CORE_RULES["file/symlink"], file, FILE_START, message, {
    help: "Keep artefacts inside the repository as regular files, or scan the folder the link points to.",
  });
}
