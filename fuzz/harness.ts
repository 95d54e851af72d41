// The in-process entry point of the fuzzer (fuzz/run.mjs bundles it with esbuild into build/fuzz/harness.cjs):
// lint one folder through the real pipeline from src/, render every output format, and check the same invariants
// as the hardening tests (test/hardening/invariants.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "../src/config/load-config.js";
import { resolveConfig, type ResolvedConfig } from "../src/config/resolve-config.js";
import { lint } from "../src/pipeline/lint.js";
import { REPORTERS } from "../src/reporters/index.js";
import { safeLines } from "../src/util/safe-text.js";
import { outputProblems, rangeProblems, visibleText } from "../test/hardening/invariants.js";

export interface CaseResult {
  findings: number;
  artefacts: number;
  /** Invariants that did not hold, in words. */
  problems: string[];
  /** A configuration error (a mutated aimslint.config.yaml): the expected outcome, exit code 2. */
  configError?: string;
}

/** Lints `dir` with `names` named on the command line (as a hook names files) and checks every invariant. */
export async function runCase(dir: string, names: string[], today = "2026-06-30"): Promise<CaseResult> {
  let config: ResolvedConfig;
  try {
    config = resolveConfig({ cwd: dir, startDir: dir, today });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // The CLI prints it on stderr, where the runner reads workflow commands too.
    return { findings: 0, artefacts: 0, problems: outputProblems("stderr", `aimslint: ${safeLines(error.message)}\n`), configError: error.message };
  }
  const result = await lint({ cwd: dir, inputs: [".", ...names], config });
  const texts = new Map<string, string | undefined>();
  for (const name of names) {
    try {
      texts.set(name, visibleText(readFileSync(join(dir, name))));
    } catch {
      texts.set(name, undefined);
    }
  }
  const problems = rangeProblems(result.findings, texts);
  const context = { filesChecked: result.reported.size, artefactsChecked: result.artefacts.length, color: false, version: "0.0.0-fuzz", rules: config.rules };
  for (const [format, reporter] of Object.entries(REPORTERS)) problems.push(...outputProblems(format, reporter(result.findings, context)));
  problems.push(...outputProblems("stylish", REPORTERS["stylish"]!(result.findings, { ...context, color: true }), true));
  return { findings: result.findings.length, artefacts: result.artefacts.length, problems };
}
