// The CLI: parse arguments, resolve configuration, run the pipeline, print, return the exit code.
import { existsSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { basename, join, resolve, sep } from "node:path";
import { ConfigError } from "../core/errors.js";
import { configStartDir, resolveConfig, type ResolvedConfig } from "../config/resolve-config.js";
import { cacheDirProblem, defaultCacheDir } from "../util/cache-dir.js";
import { lint, type LintResult } from "../pipeline/lint.js";
import { EVIDENCE_KINDS } from "../engine/ai-inventory.js";
import { REPORTERS } from "../reporters/index.js";
import { renderCoreRuleDoc, renderRuleDoc } from "../engine/rule-doc.js";
import { CORE_RULES, coreRule } from "../core/core-rules.js";
import { closest, plural } from "../util/text.js";
import { packageRoot } from "../util/package-root.js";
import { safeLines, safeText } from "../util/safe-text.js";
import { VERSION } from "../core/version.js";
import type { Format, InventoryFormat } from "../reporters/formats.js";
import { HELP, parseCli, UsageError, type CliOptions } from "./args.js";
import type { Io } from "./io.js";

export type { Io };

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
    if (options.command === "init") return (await import("./init.js")).runInit(options, io);
    const config = resolveConfig({
      cwd: io.cwd,
      startDir: configStartDir(io.cwd, options.paths),
      ...(options.config ? { configFile: options.config } : {}),
      ...(options.today ? { today: options.today } : {}),
      noInlineConfig: options.noInlineConfig,
    });
    if (options.maxFileBytes !== undefined) config.limits.maxFileBytes = options.maxFileBytes;
    if (options.maxFindingsPerFile !== undefined) config.limits.maxFindingsPerFile = options.maxFindingsPerFile;
    if (options.command === "rules") return listRules(config, io);
    if (options.command === "explain") return explain(config, options.paths[0]!, io);
    if (options.command === "baseline")
      return (await import("./baseline.js")).runBaseline({ baseline: options.baseline === false ? undefined : resolvedPath(io.cwd, options.baseline), prune: options.prune }, config, io);
    if (options.command === "inventory") return (await import("./inventory.js")).runInventory(options.paths, options.format as InventoryFormat, config, io);
    return await runLint(options, config, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      // Messages quote configuration values from the repository: a line break in one must not start a command.
      io.stderr(`aimslint: ${safeLines(error.message)}\n${error instanceof UsageError ? 'Run "aimslint --help" for usage.\n' : ""}`);
      return 2;
    }
    // A bug in aimslint, not a problem in the user's files: say so, with what we know.
    io.stderr(`aimslint: internal error: ${safeLines((error as Error)?.stack ?? String(error))}\nPlease report it with the command you ran.\n`);
    return 2;
  }
}

async function runLint(options: CliOptions, config: ResolvedConfig, io: Io): Promise<number> {
  const cacheDir = options.cache ? usableCacheDir(io) : undefined;
  let inputs = options.paths;
  if (options.changedSince !== undefined) {
    inputs = changedSince(options.changedSince, io.cwd, options.paths);
    if (inputs.length === 0) {
      io.stdout(`No files changed since the merge base with ${safeText(options.changedSince)}.\n`);
      return 0;
    }
  }
  const baseline = options.baseline === false ? false : resolvedPath(io.cwd, options.baseline);
  const result = await lint({ cwd: io.cwd, inputs, config, ...(cacheDir ? { cacheDir } : {}), ...(baseline !== undefined ? { baseline } : {}) });
  if (result.unmatched.length > 0) {
    throw new UsageError(`No files matching ${result.unmatched.map((p) => `"${safeText(p)}"`).join(", ")} were found.`);
  }
  const findings = options.quiet ? result.findings.filter((f) => f.severity === "error" || f.suppressed) : result.findings;
  const color = options.color ?? (io.isTTY && !io.env["NO_COLOR"] && io.env["TERM"] !== "dumb");
  const artefactsChecked = result.artefacts.filter((a) => result.reported.has(a.file)).length;
  const notes = [...(firstContact(result.artefacts) ?? []), ...staleNotes(result.baseline)];
  io.stdout(
    REPORTERS[options.format as Format](findings, {
      filesChecked: result.reported.size,
      artefactsChecked,
      color,
      version: VERSION,
      rules: config.rules,
      ...(options.framework ? { framework: options.framework } : {}),
      ...(notes.length > 0 ? { notes } : {}),
    }),
  );
  const active = findings.filter((f) => !f.suppressed);
  const warnings = active.filter((f) => f.severity === "warning").length;
  if (active.some((f) => f.severity === "error")) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr(`aimslint: ${warnings} warnings exceed --max-warnings ${options.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

function resolvedPath(cwd: string, path: string | undefined): string | undefined {
  return path === undefined ? undefined : resolve(cwd, path);
}

/** Baseline entries that no longer occur: the baseline should shrink as findings are fixed. */
function staleNotes(baseline: LintResult["baseline"]): string[] {
  if (!baseline || baseline.stale.length === 0) return [];
  const accepted = baseline.stale.reduce((n, s) => n + s.accepted - s.found, 0);
  const first = baseline.stale[0]!;
  return [
    `${plural(accepted, "finding")} accepted in ${safeText(basename(baseline.file))} no longer occur (e.g. ${first.ruleId} in ${safeText(first.file)}: ${first.accepted} accepted, ${first.found} found); "aimslint baseline --prune" drops them.`,
  ];
}

/**
 * Files changed since the merge base with `ref`, committed or not, and untracked ones: what a branch adds. Named
 * paths narrow the list. git runs with the repository's own programs turned off (fsmonitor, external diff, textconv).
 */
function changedSince(ref: string, cwd: string, paths: readonly string[]): string[] {
  const git = (args: string[]) => {
    const r = spawnSync("git", ["-c", "core.fsmonitor=false", "-C", cwd, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, LC_ALL: "C" } });
    if (r.status !== 0) throw new UsageError(`--changed-since ${safeText(ref)}: git says ${safeText((r.stderr || r.error?.message || "it failed").trim().split("\n")[0] ?? "")}.`);
    return r.stdout.split("\0").filter((p) => p.length > 0);
  };
  const changed = [
    ...git(["diff", "--name-only", "-z", "--relative", "--no-ext-diff", "--no-textconv", "--diff-filter=d", "--merge-base", ref, "--"]),
    ...git(["ls-files", "-z", "--others", "--exclude-standard"]),
  ];
  const within = paths.map((p) => resolve(cwd, p));
  return [...new Set(changed)].filter(
    (p) =>
      within.length === 0 ||
      within.some((w) => {
        const abs = resolve(cwd, p);
        return abs === w || abs.startsWith(`${w}${sep}`);
      }),
  );
}

/**
 * A repository that uses AI but keeps no governance artefact yet: how a team first meets aimslint. Say what was
 * found and the two commands that start the inventory from it.
 */
function firstContact(artefacts: LintResult["artefacts"]): string[] | undefined {
  if (artefacts.length === 0 || artefacts.some((a) => !EVIDENCE_KINDS.includes(a.kind))) return undefined;
  const files = new Set(artefacts.map((a) => a.file)).size;
  return [
    `No AI governance artefacts yet; aimslint read the repository's own AI use (${plural(files, "file")}).`,
    '"npx aimslint inventory" lists it; "npx aimslint init" writes a governance scaffold whose AI system record covers it.',
  ];
}

/** The cache folder, or undefined (with a warning) when someone else could have written what it holds. */
function usableCacheDir(io: Io): string | undefined {
  const dir = defaultCacheDir(io.env);
  if (dir === undefined) return undefined;
  // The code cache's folder (cli-loader.ts) counts too: the loader turns both off without a word, so this says it.
  const code = join(dir, "code");
  const problem = cacheDirProblem(dir) ?? (existsSync(code) ? cacheDirProblem(code, false) : undefined);
  if (problem === undefined) return dir;
  if (problem.untrusted) {
    io.stderr(`aimslint: warning: ${safeText(problem.why)}; running without the cache. Make the folder yours and private (chmod 700), or set AIMSLINT_CACHE_DIR to one that is.\n`);
  }
  return undefined;
}

function listRules(config: ResolvedConfig, io: Io): number {
  const core = Object.values(CORE_RULES);
  const width = Math.max(...config.rules.map((r) => r.id.length), ...core.map((r) => r.id.length + 2));
  const row = (id: string, severity: string, preset: string, refs: readonly string[], title: string) =>
    `${id.padEnd(width)}  ${severity.padEnd(7)}  ${preset.padEnd(11)}  ${refs.join(", ").padEnd(22)}  ${title}`;
  const lines = config.rules.map((r) => row(r.id, r.severity, r.recommended ? "recommended" : "strict", r.iso42001, r.title));
  // Indented, so that scripts reading the first column of the table above get configurable rules only.
  const coreLines = core.map((r) => row(`  ${r.id}`, r.severity, "always", r.iso42001, r.title));
  io.stdout(
    `${row("rule", "default", "preset", ["ISO/IEC 42001"], "title")}\n${lines.join("\n")}\n\n` +
      `Core checks of the pipeline (always on, not configurable):\n${coreLines.join("\n")}\n\n` +
      `${config.rules.length} rules and ${core.length} core checks. "aimslint explain <rule-id>" prints one in full.\n`,
  );
  return 0;
}

function explain(config: ResolvedConfig, id: string, io: Io): number {
  const core = coreRule(id);
  if (core) {
    io.stdout(renderCoreRuleDoc(core));
    return 0;
  }
  const rule = config.rules.find((r) => r.id === id);
  if (!rule) {
    const suggestion = closest(id, [...config.rules.map((r) => r.id), ...Object.keys(CORE_RULES)]);
    throw new UsageError(`Unknown rule "${safeText(id)}"${suggestion ? `; did you mean "${suggestion}"?` : "."} Run "aimslint rules" to list the rules.`);
  }
  const generated = join(packageRoot(), "rules", ...id.split("/"), "README.md");
  io.stdout(rule.source?.startsWith("rules/") && existsSync(generated) ? readFileSync(generated, "utf8") : renderRuleDoc(rule, []));
  return 0;
}
