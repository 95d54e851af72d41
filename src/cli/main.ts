// The CLI: parse arguments, run the pipeline, print with the chosen reporter, return the exit code.
import { SEVERITY_RANK } from "../finding.js";
import { DEFAULT_LIMITS } from "../pipeline/load.js";
import { lint } from "../pipeline/lint.js";
import { REPORTERS } from "../reporters/index.js";
import { safeText } from "../util/safe-text.js";
import { VERSION } from "../version.js";
import { HELP, parseCli, UsageError } from "./args.js";

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const options = parseCli(argv);
    if (options.command === "help") {
      io.stdout(HELP);
      return 0;
    }
    if (options.command === "version") {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const limits = { ...DEFAULT_LIMITS, ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}) };
    const result = await lint({ cwd: io.cwd, inputs: options.paths, limits });
    if (result.unmatched.length > 0) {
      throw new UsageError(`No files matching ${result.unmatched.map((p) => `"${safeText(p)}"`).join(", ")} were found.`);
    }
    const findings = options.quiet ? result.findings.filter((f) => f.severity === "error") : result.findings;
    const color = options.color ?? (io.isTTY && !io.env["NO_COLOR"] && io.env["TERM"] !== "dumb");
    const reporter = REPORTERS[options.format]!;
    io.stdout(reporter(findings, { filesChecked: result.filesChecked, artefactsChecked: result.artefacts.length, color, version: VERSION }));
    const active = findings.filter((f) => !f.suppressed);
    const errors = active.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.error).length;
    const warnings = active.filter((f) => f.severity === "warning").length;
    if (errors > 0) return 1;
    if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
      io.stderr(`aimslint: ${warnings} warnings exceed --max-warnings ${options.maxWarnings}.\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`aimslint: ${error.message}\nRun "aimslint --help" for usage.\n`);
      return 2;
    }
    // A bug in aimslint, not a problem in the user's files: say so, with what we know.
    io.stderr(`aimslint: internal error: ${safeText((error as Error)?.stack ?? String(error))}\nPlease report it with the command you ran.\n`);
    return 2;
  }
}
