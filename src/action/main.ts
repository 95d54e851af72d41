// The GitHub Action: lint the repository (or the pull request's changed files), annotate the diff, write the
// job summary and SARIF, set outputs, and fail the step according to `fail-on`.
import { isAbsolute, relative, resolve } from "node:path";
import * as core from "@actions/core";
import * as github from "@actions/github";
import { ConfigError } from "../core/errors.js";
import { configStartDir, resolveConfig, type ResolvedConfig } from "../config/resolve-config.js";
import { countFindings } from "../core/finding.js";
import { KINDS } from "../core/kinds.js";
import type { IndexEntry } from "../engine/index-entry.js";
import { lint } from "../pipeline/lint.js";
import { sarif } from "../reporters/sarif.js";
import { stylish } from "../reporters/stylish.js";
import { UnsafeWriteError, writeInside } from "../util/safe-write.js";
import { VERSION } from "../core/version.js";
import { planAnnotations } from "./annotations.js";
import { changedFiles, type ChangedFiles } from "./changed-files.js";
import { coverage } from "./coverage.js";
import { InputError, readInputs, type ActionInputs } from "./inputs.js";
import { annotationText, FencedLog } from "./log.js";
import { type AnnotationReport, linkBase, renderSummary } from "./summary.js";
import { plural } from "../util/text.js";

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const log = new FencedLog();
  try {
    const workspace = resolve(env["GITHUB_WORKSPACE"] || process.cwd());
    const inputs = readInputs((name) => core.getInput(name), env);
    const config = resolveConfig({
      cwd: workspace,
      startDir: configStartDir(workspace, inputs.paths),
      ...(inputs.config ? { configFile: inputs.config } : {}),
      ...(inputs.today ? { today: inputs.today } : {}),
    });
    log.print(
      `aimslint ${VERSION}: checking ${inputs.paths.length > 0 ? inputs.paths.join(", ") : "the repository"}${config.file ? ` with ${relative(workspace, config.file)}` : ""} (today is ${config.today}).`,
    );
    const changed = await findChanged(inputs, workspace, log);
    process.exitCode = await check(inputs, config, workspace, changed, log, env);
  } catch (error) {
    log.close();
    const known = error instanceof InputError || error instanceof ConfigError;
    core.setFailed(annotationText(known ? `aimslint: ${(error as Error).message}` : `aimslint: internal error: ${(error as Error)?.stack ?? String(error)}`));
    process.exitCode = 2;
  } finally {
    log.close();
  }
}

async function check(inputs: ActionInputs, config: ResolvedConfig, workspace: string, changed: ChangedFiles | undefined, log: FencedLog, env: NodeJS.ProcessEnv): Promise<number> {
  const result = await lint({ cwd: workspace, inputs: inputs.paths, config });
  if (result.unmatched.length > 0) throw new InputError(`No files matching ${result.unmatched.map((p) => `"${p}"`).join(", ")} were found (input "paths").`);
  // Cross-document rules saw the whole repository; with only-changed, report only on the changed files.
  const only = inputs.onlyChanged ? changed : undefined;
  const inScope = (file: string) => result.reported.has(file) && (!only || only.files.has(file));
  const findings = result.findings.filter((f) => inScope(f.file));
  const reportedFiles = [...result.reported].filter(inScope);
  const reportedArtefacts = result.artefacts.filter((a) => inScope(a.file));
  const scope = only ? `only the ${plural(only.files.size, "file")} changed by ${only.source}` : inputs.paths.length > 0 ? inputs.paths.join(", ") : "the whole repository";
  const context = { filesChecked: reportedFiles.length, artefactsChecked: reportedArtefacts.length, color: false, version: VERSION, rules: config.rules };
  log.print(`Reporting on ${scope}.`);
  log.print(stylish(findings, context));

  const totals = countFindings(findings);
  const failed = inputs.failOn === "error" ? totals.errors > 0 : inputs.failOn === "warning" ? totals.errors + totals.warnings > 0 : false;
  const active = findings.filter((f) => !f.suppressed).map((f) => ({ ...f, file: repoPath(workspace, f.file) }));
  const diff = changed ? { files: changed.files, lines: changed.lines } : undefined;
  const event = pullRequestOf(github.context.payload);
  const headSha = event?.head?.sha ?? env["GITHUB_SHA"];
  const summaryBase = {
    version: VERSION,
    findings,
    rules: config.rules,
    filesChecked: reportedFiles.length,
    artefactsChecked: reportedArtefacts.length,
    scope,
    ...(inputs.sarifFile ? { sarifFile: inputs.sarifFile } : {}),
    failOn: inputs.failOn,
    failed,
    ...(changed ? { changed: { what: changed.what, files: changed.files } } : {}),
    pullRequest: event !== undefined,
    ...optional("links", linkBase(env["GITHUB_SERVER_URL"], env["GITHUB_REPOSITORY"], headSha)),
  };

  // Annotations, at most 10 per level, those on the changed lines first; paths relative to the repository root.
  const places = [inputs.summary ? "the job summary" : "", inputs.sarifFile ? `the SARIF file ${inputs.sarifFile}` : "", "the step's log"].filter(Boolean);
  const where = places.length > 1 ? `${places.slice(0, -1).join(", ")} and ${places.at(-1)}` : places[0]!;
  const plan = planAnnotations(active, where, diff);
  log.close();
  const annotate = { error: core.error, warning: core.warning, notice: core.notice };
  for (const a of plan.annotations) annotate[a.level](a.message, a.properties);
  const report: AnnotationReport = { method: "commands", shown: plan.shown, omitted: plan.omitted };

  if (inputs.sarifFile) writeSarif(workspace, inputs.sarifFile, sarif(findings, context), env);
  if (inputs.summary && process.env["GITHUB_STEP_SUMMARY"]) {
    const text = renderSummary({
      ...summaryBase,
      coverage: coverage({ findings, rules: config.rules, ran: rulesThatRan(reportedArtefacts, config), kinds: evidence(result.artefacts, config) }),
      annotations: report,
    });
    try {
      await core.summary.addRaw(text).write();
    } catch (error) {
      // The findings are still in the log, the annotations and the SARIF file: say so, and do not fail for it.
      log.print(`The job summary could not be written (${(error as NodeJS.ErrnoException).code ?? "error"}); the log above holds every finding.`);
      log.close();
    }
  }
  core.setOutput("errors", totals.errors);
  core.setOutput("warnings", totals.warnings);
  core.setOutput("sarif-file", inputs.sarifFile ?? "");
  log.print(
    `${failed ? "Failing" : "Passing"}: ${plural(totals.errors, "error")}, ${plural(totals.warnings, "warning")} (fail-on: ${inputs.failOn}).${inputs.sarifFile ? ` SARIF written to ${inputs.sarifFile}.` : ""}`,
  );
  return failed ? 1 : 0;
}

/** Octokit's own warnings go to the fenced log, not to stderr (which the runner parses too). */
function quietLog(log: FencedLog) {
  return { debug: () => {}, info: () => {}, warn: (m: string) => log.print(`GitHub API: ${m}`), error: (m: string) => log.print(`GitHub API: ${m}`) };
}

function pullRequestOf(payload: typeof github.context.payload): { number?: number; base?: { sha?: string }; head?: { sha?: string } } | undefined {
  const pr = payload.pull_request as { number?: number; base?: { sha?: string }; head?: { sha?: string } } | undefined;
  return pr && typeof pr.number === "number" ? pr : undefined;
}

/** `{ [key]: value }` when value is defined, else `{}` (exactOptionalPropertyTypes). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * What the pull request or push changes: files and lines. Asked on every pull request (not only with
 * only-changed), since the annotations and the summary put the changed files first; on a push, with only-changed.
 */
async function findChanged(inputs: ActionInputs, workspace: string, log: FencedLog): Promise<ChangedFiles | undefined> {
  const payload = github.context.payload;
  const pr = pullRequestOf(payload);
  let owner: string | undefined;
  let repo: string | undefined;
  try {
    ({ owner, repo } = github.context.repo);
  } catch {
    // No GITHUB_REPOSITORY and no repository in the payload: the API cannot be asked.
  }
  const before = payload["before"];
  const after = payload["after"];
  const push = typeof before === "string" && typeof after === "string" ? { before, after } : undefined;
  // On a push without only-changed there is no diff to review, and the default shallow checkout cannot compare.
  if (!pr && !inputs.onlyChanged) return undefined;
  const label = inputs.onlyChanged ? "only-changed" : "changed files";
  const found = await changedFiles({
    event: pr ? { number: pr.number!, ...(pr.base?.sha ? { baseSha: pr.base.sha } : {}), ...(pr.head?.sha ? { headSha: pr.head.sha } : {}) } : undefined,
    push,
    owner,
    repo,
    token: inputs.token,
    workspace,
    listFiles: async (token, o, r, pullNumber) => {
      const octokit = github.getOctokit(token, { log: quietLog(log) });
      const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: o, repo: r, pull_number: pullNumber, per_page: 100 });
      return files.map((f) => ({ filename: f.filename, status: f.status, patch: f.patch }));
    },
    log: (line) => log.print(line),
    label,
  });
  if (found) log.print(`${label}: ${plural(found.files.size, "file")} changed by ${found.source}.`);
  else if (inputs.onlyChanged) log.print("only-changed: the changed files are unknown (not a pull request, or neither the API nor git could list them); checking every file.");
  else log.print("changed files: unknown; annotations and the summary treat every file alike.");
  return found;
}

/**
 * The SARIF file goes inside the workspace (or the runner's temporary folder), never through a symbolic link: a
 * pull request can commit `results.sarif` as a link to any file the runner's user may write.
 */
function writeSarif(workspace: string, file: string, text: string, env: NodeJS.ProcessEnv): void {
  const target = resolve(workspace, file);
  const temp = env["RUNNER_TEMP"] ? resolve(env["RUNNER_TEMP"]) : undefined;
  const root = temp && !relative(temp, target).startsWith("..") && !isAbsolute(relative(temp, target)) ? temp : workspace;
  try {
    writeInside(root, target, text);
  } catch (error) {
    if (!(error instanceof UnsafeWriteError)) throw error;
    throw new InputError(`The SARIF file was not written: ${error.message}. Input "sarif-file" must name a file inside the workspace or RUNNER_TEMP that is not, and is not inside, a symbolic link.`);
  }
}

/** Rules that ran on at least one reported artefact (configured on, and applying to its kind). */
function rulesThatRan(artefacts: readonly IndexEntry[], config: ResolvedConfig): Set<string> {
  const ran = new Set<string>();
  for (const a of artefacts) for (const active of config.rulesFor(a.file)) if (active.rule.appliesTo.includes(a.kind)) ran.add(active.rule.id);
  return ran;
}

/** Every kind, with how many artefacts of it the whole repository holds. */
function evidence(artefacts: readonly IndexEntry[], config: ResolvedConfig) {
  const counts = new Map<string, number>();
  for (const a of artefacts) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  return [...KINDS, ...(config.classify.extraKinds ?? [])].map((k) => ({ id: k.id, title: k.title, iso42001: k.iso42001, count: counts.get(k.id) ?? 0 }));
}

/** Annotations land on the diff only with a path relative to the repository root (GITHUB_WORKSPACE). */
function repoPath(workspace: string, file: string): string {
  const rel = relative(workspace, resolve(workspace, file)).split("\\").join("/");
  return isAbsolute(rel) ? file : rel;
}
