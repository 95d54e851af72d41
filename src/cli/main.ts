// The CLI: parse arguments, resolve configuration, run the pipeline, print, return the exit code.
import { existsSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { basename, dirname, join, resolve, sep } from "node:path";
import { ConfigError } from "../core/errors.js";
import { configStartDir } from "../config/project-root.js";
import { resolveConfig, type ResolvedConfig } from "../config/resolve-config.js";
import { cacheDirProblem, defaultCacheDir } from "../util/cache-dir.js";
import { lint, type LintResult } from "../pipeline/lint.js";
import { now, STAGES, Timings } from "../pipeline/timings.js";
import { EVIDENCE_KINDS } from "../engine/ai-inventory.js";
import { loadReporter } from "../reporters/load-reporter.js";
import { printableJson } from "../reporters/json-text.js";
import { renderCoreRuleDoc, renderRuleDoc } from "../engine/rule-doc.js";
import { CORE_RULES, coreRule } from "../core/core-rules.js";
import { crosswalksOf } from "../core/crosswalks.js";
import { countFindings, type Finding } from "../core/finding.js";
import { formatOf } from "../source/load.js";
import { closest, plural } from "../util/text.js";
import { packageRoot } from "../util/package-root.js";
import { safeLines, safeText } from "../util/safe-text.js";
import { VERSION } from "../core/version.js";
import type { Format, InventoryFormat } from "../reporters/formats.js";
import { HELP, parseCli, UsageError, type CliOptions } from "./args.js";
import type { Io } from "./io.js";
import { OutputFileError, writeOutputFile } from "./output-file.js";
import { parseRuleOption } from "./rule-option.js";

export type { Io };

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const started = now();
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
    const timings = options.debug ? new Timings() : undefined;
    const configured = now();
    const config = resolveConfig({
      cwd: io.cwd,
      startDir: configStartDir(
        io.cwd,
        options.stdinFilename ? [existingFolder(io.cwd, options.stdinFilename)] : options.command === "print-config" ? [existingFolder(io.cwd, options.printConfig!)] : options.paths,
      ),
      ...(options.config ? { configFile: options.config } : {}),
      ...(options.today ? { today: options.today } : {}),
      noInlineConfig: options.noInlineConfig,
      ruleSettings: options.rules.map(parseRuleOption),
    });
    if (options.maxFileBytes !== undefined) config.limits.maxFileBytes = options.maxFileBytes;
    if (options.maxFindingsPerFile !== undefined) config.limits.maxFindingsPerFile = options.maxFindingsPerFile;
    // `--ignore-pattern dir/` means everything below the folder, as in a .gitignore.
    for (const glob of options.ignorePatterns) config.ignores.push(glob.endsWith("/") ? `${glob}**` : glob);
    timings?.lap("config", configured);
    // With -o the report is kept, and written once the command has finished; a usage error writes nothing.
    let report = "";
    const out: Io = options.outputFile === undefined ? io : { ...io, stdout: (text) => void (report += text) };
    const code = await run(options, config, out, timings);
    if (options.outputFile !== undefined) {
      const at = now();
      writeOutputFile(io.cwd, options.outputFile, report, config.root);
      timings?.lap("report", at);
    }
    if (timings) io.stderr(debugLines(timings, started));
    return code;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof OutputFileError) {
      // Messages quote configuration values from the repository: a line break in one must not start a command.
      io.stderr(`aimslint: ${safeLines(error.message)}\n${error instanceof UsageError ? 'Run "aimslint --help" for usage.\n' : ""}`);
      return 2;
    }
    // A bug in aimslint, not a problem in the user's files: say so, with what we know.
    io.stderr(`aimslint: internal error: ${safeLines((error as Error)?.stack ?? String(error))}\nPlease report it with the command you ran.\n`);
    return 2;
  }
}

async function run(options: CliOptions, config: ResolvedConfig, io: Io, timings: Timings | undefined): Promise<number> {
  if (options.command === "rules") return await listRules(config, options.format === "json", io);
  if (options.command === "explain") return explain(config, options.paths[0]!, io);
  if (options.command === "print-config") return (await import("./print-config.js")).printConfig(options.printConfig!, config, io);
  if (options.command === "inventory") return (await import("./inventory.js")).runInventory(options.paths, options.format as InventoryFormat, config, io);
  if (options.command === "baseline") {
    return (await import("./baseline.js")).runBaseline({ baseline: options.baseline === false ? undefined : resolvedPath(io.cwd, options.baseline), prune: options.prune }, config, io);
  }
  return await runLint(options, config, io, timings);
}

async function runLint(options: CliOptions, resolved: ResolvedConfig, io: Io, timings: Timings | undefined): Promise<number> {
  let config = resolved;
  const stdin = options.stdinFilename === undefined ? undefined : await standardInput(options.stdinFilename, io);
  const html = options.format === "html" ? await import("./report.js") : undefined;
  if (html && options.outputFile === undefined && io.isTTY) throw new UsageError("The report is an HTML file: name it with -o, e.g. aimslint report -o aimslint-report.html.");
  // The report reads fields the rules may not keep: its run neither reads nor writes the index cache.
  const cacheDir = options.cache && !html ? usableCacheDir(io) : undefined;
  if (html) config = { ...config, indexFields: html.withReportFields(config.indexFields) };
  let inputs = options.paths;
  if (options.changedSince !== undefined) {
    inputs = changedSince(options.changedSince, io.cwd, options.paths);
    if (inputs.length === 0) {
      io.stdout(`No files changed since the merge base with ${safeText(options.changedSince)}.\n`);
      return 0;
    }
  }
  const baseline = options.baseline === false ? false : resolvedPath(io.cwd, options.baseline);
  const result = await lint({
    cwd: io.cwd,
    inputs,
    config,
    ...(cacheDir ? { cacheDir } : {}),
    ...(baseline !== undefined ? { baseline } : {}),
    ...(stdin ? { stdin } : {}),
    ...(options.errorOnUnmatched ? {} : { allowUnmatched: true }),
    ...(timings ? { timings } : {}),
  });
  if (result.unmatched.length > 0 && options.errorOnUnmatched) {
    throw new UsageError(`No files matching ${result.unmatched.map((p) => `"${safeText(p)}"`).join(", ")} were found. (--no-error-on-unmatched-pattern leaves such paths out.)`);
  }
  const findings = options.quiet ? result.findings.filter((f) => f.severity === "error" || f.suppressed).map(errorsOnly) : result.findings;
  const at = now();
  const files = [...new Set(result.artefacts.filter((a) => result.reported.has(a.file)).map((a) => a.file))];
  const artefactsChecked = result.artefacts.filter((a) => result.reported.has(a.file)).length;
  const notes = [...(firstContact(result.artefacts) ?? []), ...staleNotes(result.baseline)];
  const reporter = await loadReporter(options.format as Format);
  io.stdout(
    reporter(findings, {
      filesChecked: result.reported.size,
      artefactsChecked,
      files,
      color: colour(options, io),
      version: VERSION,
      rules: config.rules,
      ...(options.framework ? { framework: options.framework } : {}),
      ...(notes.length > 0 ? { notes } : {}),
      ...(html ? { report: html.reportExtras({ findings, result, config, paths: options.paths, outputFile: options.outputFile, compare: options.compare }, io) } : {}),
    }),
  );
  timings?.lap("report", at);
  // Totals count the findings the per-file limit left out of the list too.
  const totals = countFindings(findings);
  if (totals.errors > 0) return 1;
  if (options.maxWarnings !== undefined && totals.warnings > options.maxWarnings) {
    io.stderr(`aimslint: ${totals.warnings} warnings exceed --max-warnings ${options.maxWarnings}.\n`);
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

/** With --quiet, the finding that stands for those past the per-file limit counts their errors only. */
function errorsOnly(f: Finding): Finding {
  return f.notListed ? { ...f, notListed: { ...f.notListed, warnings: 0, infos: 0 } } : f;
}

/**
 * Colours: --color / --no-color, else FORCE_COLOR (as Node reads it: 0 or false turn them off, anything else on;
 * it wins over NO_COLOR, as in Node), else NO_COLOR (any value but the empty string; no-color.org), else when
 * standard output is a terminal that is not "dumb". A report written with -o is plain unless --color asks.
 */
export function colour(options: Pick<CliOptions, "color" | "outputFile">, io: Pick<Io, "env" | "isTTY">): boolean {
  if (options.color !== undefined) return options.color;
  if (options.outputFile !== undefined) return false;
  const force = io.env["FORCE_COLOR"];
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if (io.env["NO_COLOR"]) return false;
  return io.isTTY && io.env["TERM"] !== "dumb";
}

/**
 * Where the configuration of a file that may not exist yet (`--stdin-filename`, `--print-config`) is looked for:
 * its folder, or the nearest one above it that exists.
 */
function existingFolder(cwd: string, file: string): string {
  for (let dir = dirname(resolve(cwd, file)); ; dir = dirname(dir)) if (existsSync(dir) || dirname(dir) === dir) return dir;
}

/** `--stdin`: the text, as the file `--stdin-filename` names (whose name says its format). */
async function standardInput(path: string, io: Io): Promise<{ path: string; content: Buffer }> {
  if (!formatOf(path)) throw new UsageError(`--stdin-filename "${safeText(path)}" must name a .yaml, .yml, .json, .md or .markdown file: its name says how the text is read.`);
  if (!io.readStdin) throw new UsageError("--stdin: standard input cannot be read here.");
  return { path, content: await io.readStdin() };
}

function debugLines(timings: Timings, started: number): string {
  const row = (name: string, ms: number, note = "") => `aimslint: debug: ${name.padEnd(18)} ${ms.toFixed(1).padStart(8)} ms${note ? `  ${note}` : ""}\n`;
  let text = row("start-up", started, "Node and aimslint loaded, before the command line is read");
  for (const stage of STAGES) {
    const ms = timings.ms.get(stage);
    if (ms !== undefined) text += row(stage, ms, (timings.notes.get(stage) ?? []).join("; "));
  }
  return text + row("total", now(), "since the process started");
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

async function listRules(config: ResolvedConfig, json: boolean, io: Io): Promise<number> {
  const core = Object.values(CORE_RULES);
  if (json) {
    const { ruleDocsUrl } = await import("../reporters/sarif.js");
    const describe = (r: { id: string; title: string; severity: string; iso42001: readonly string[] }, preset: string, url: string | undefined) => ({
      id: r.id,
      title: r.title.trim(),
      severity: r.severity,
      preset,
      iso42001: r.iso42001,
      ...(url ? { docs: url } : {}),
    });
    io.stdout(
      printableJson({
        tool: { name: "aimslint", version: VERSION },
        rules: config.rules.map((r) => ({
          ...describe(r, r.preset ?? (r.recommended ? "recommended" : "strict"), ruleDocsUrl(r)),
          crosswalks: crosswalksOf(r),
          ...(r.options ? { options: r.options } : {}),
        })),
        coreChecks: core.map((r) => describe(r, "always", undefined)),
      }),
    );
    return 0;
  }
  const width = Math.max(...config.rules.map((r) => r.id.length), ...core.map((r) => r.id.length + 2));
  const row = (id: string, severity: string, preset: string, refs: readonly string[], title: string) =>
    `${id.padEnd(width)}  ${severity.padEnd(7)}  ${preset.padEnd(11)}  ${refs.join(", ").padEnd(22)}  ${title}`;
  const lines = config.rules.map((r) => row(r.id, r.severity, r.preset ?? (r.recommended ? "recommended" : "strict"), r.iso42001, r.title));
  // Indented, so that scripts reading the first column of the table above get configurable rules only.
  const coreLines = core.map((r) => row(`  ${r.id}`, r.severity, "always", r.iso42001, r.title));
  io.stdout(
    `${row("rule", "default", "preset", ["ISO/IEC 42001"], "title")}\n${lines.join("\n")}\n\n` +
      `Core checks of the pipeline (always on, not configurable):\n${coreLines.join("\n")}\n\n` +
      `${config.rules.length} rules and ${core.length} core checks. "aimslint explain <rule-id>" prints one in full. "--format json" lists them as JSON.\n`,
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
