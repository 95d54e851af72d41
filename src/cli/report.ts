// What the HTML report (`aimslint report`, `--format html`) needs beyond the findings: the coverage of the run, the
// artefacts with the report's fields, links from the report to the files, and an earlier result to compare with.
import { basename, dirname, relative, resolve, sep } from "node:path";
import type { ResolvedConfig } from "../config/resolve-config.js";
import type { Finding } from "../core/finding.js";
import type { LintResult } from "../pipeline/lint.js";
import { coverageInput } from "../reporters/coverage.js";
import { readPolicyText } from "../source/load.js";
import { type PreviousResult, readPrevious } from "../reporters/report/compare.js";
import { type ReportExtras, runExtras } from "../reporters/report/extras.js";
import { safeText } from "../util/safe-text.js";
import { UsageError } from "./args.js";
import type { Io } from "./io.js";

export { withReportFields } from "../reporters/report/fields.js";

/** An earlier JSON result larger than this is refused rather than read. */
const MAX_PREVIOUS_BYTES = 256 * 1024 * 1024;

export interface ReportRun {
  findings: readonly Finding[];
  result: LintResult;
  config: ResolvedConfig;
  paths: readonly string[];
  outputFile: string | undefined;
  compare: string | undefined;
}

export function reportExtras(run: ReportRun, io: Io): ReportExtras {
  const { result, config } = run;
  const reported = result.artefacts.filter((a) => result.reported.has(a.file));
  // Links are relative to the report's folder, so they work from file:// and in an unpacked CI artefact.
  const from = run.outputFile !== undefined ? dirname(resolve(io.cwd, run.outputFile)) : io.cwd;
  return {
    ...runExtras(coverageInput(run.findings, config, reported, result.artefacts, result.index), config.today, result),
    href: (file) => relative(from, resolve(io.cwd, file)).split(sep).map(encodeURIComponent).join("/"),
    // The project by its folder's name, unless named paths narrow it.
    scope: run.paths.length > 0 && run.paths.some((p) => resolve(io.cwd, p) !== resolve(config.root)) ? run.paths.join(", ") : basename(resolve(config.root)),
    ...(run.compare !== undefined ? { previous: previousResult(io.cwd, run.compare) } : {}),
  };
}

/** The earlier result named by --compare: a regular file, not too large, the JSON output of aimslint. */
function previousResult(cwd: string, path: string): PreviousResult {
  let text: string;
  try {
    text = readPolicyText(resolve(cwd, path), MAX_PREVIOUS_BYTES, "an earlier result");
  } catch (error) {
    throw new UsageError(`--compare ${safeText(path)}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  const previous = readPrevious(text);
  if (typeof previous === "string") throw new UsageError(`--compare ${safeText(path)}: ${previous}.`);
  return previous;
}
