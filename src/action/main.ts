// The GitHub Action: lint the repository (or the pull request's changed files), annotate the diff, write the
// job summary and SARIF, set outputs, and fail the step according to `fail-on`.
import { isAbsolute, relative, resolve } from "node:path";
import * as core from "@actions/core";
import * as github from "@actions/github";
import { ConfigError } from "../core/errors.js";
import { configStartDir } from "../config/project-root.js";
import { resolveConfig, type ResolvedConfig } from "../config/resolve-config.js";
import { countFindings } from "../core/finding.js";
import { lint } from "../pipeline/lint.js";
import { html } from "../reporters/html.js";
import { runExtras } from "../reporters/report/extras.js";
import { withReportFields } from "../reporters/report/fields.js";
import { sarif } from "../reporters/sarif.js";
import { stylish } from "../reporters/stylish.js";
import { UnsafeWriteError, writeInside } from "../util/safe-write.js";
import { VERSION } from "../core/version.js";
import type { Finding } from "../core/finding.js";
import { annotationOrder, type DiffScope, planAnnotations } from "./annotations.js";
import { checkAnnotation, type ChecksClient, postCheckRun } from "./checks.js";
import { changedFiles, type ChangedFiles } from "./changed-files.js";
import { coverage, type CoverageInput, coverageInput } from "../reporters/coverage.js";
import { InputError, readInputs, type ActionInputs } from "./inputs.js";
import { annotationText, FencedLog } from "./log.js";
import { type AnnotationReport, blobUrl, linkBase, renderSummary, type SummaryInput } from "./summary.js";
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

async function check(inputs: ActionInputs, resolved: ResolvedConfig, workspace: string, changed: ChangedFiles | undefined, log: FencedLog, env: NodeJS.ProcessEnv): Promise<number> {
  // The report reads review and approval dates the rules may not keep.
  const config = inputs.reportFile ? { ...resolved, indexFields: withReportFields(resolved.indexFields) } : resolved;
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

  // Annotations: every finding through a check run when asked (or, with auto, when workflow commands would drop
  // some), else workflow commands, the 10 per level that matter most.
  const places = [inputs.summary ? "the job summary" : "", inputs.sarifFile ? `the SARIF file ${inputs.sarifFile}` : "", "the step's log"].filter(Boolean);
  const where = places.length > 1 ? `${places.slice(0, -1).join(", ")} and ${places.at(-1)}` : places[0]!;
  const plan = planAnnotations(active, where, diff);
  let report: AnnotationReport = { method: "off" };
  if (inputs.annotations !== "off") {
    let fallback: string | undefined;
    if (inputs.annotations === "checks" || (inputs.annotations === "auto" && plan.omitted > 0)) {
      const posted = await checkRun(inputs, headSha, active, diff, failed, { ...summaryBase, coverage: { rows: [], unchecked: [] }, annotations: { method: "off" } }, log);
      if (typeof posted === "string") fallback = posted;
      else report = { method: "checks", shown: active.length, ...optional("url", posted.url) };
    }
    if (report.method === "off") {
      log.close();
      const annotate = { error: core.error, warning: core.warning, notice: core.notice };
      for (const a of plan.annotations) annotate[a.level](a.message, a.properties);
      report = { method: "commands", shown: plan.shown, omitted: plan.omitted, ...optional("fallback", fallback) };
    }
  }
  log.close();

  if (inputs.sarifFile) writeOutput(workspace, inputs.sarifFile, sarif(findings, context), env, "sarif-file");
  // One coverage for the report's heat map and the summary's table, computed when one of them is written.
  let coverageOfRun: CoverageInput | undefined;
  const covered = () => (coverageOfRun ??= coverageInput(findings, config, reportedArtefacts, result.artefacts, result.index));
  if (inputs.reportFile) {
    const links = summaryBase.links;
    const report = html(findings, {
      ...context,
      report: { ...runExtras(covered(), config.today, result), href: (file, line) => (links ? blobUrl(links, repoPath(workspace, file), line, line) : undefined), scope },
    });
    writeOutput(workspace, inputs.reportFile, report, env, "report-file");
  }
  if (inputs.summary && process.env["GITHUB_STEP_SUMMARY"]) {
    const text = renderSummary({
      ...summaryBase,
      coverage: coverage(covered()),
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
  core.setOutput("report-file", inputs.reportFile ?? "");
  log.print(
    `${failed ? "Failing" : "Passing"}: ${plural(totals.errors, "error")}, ${plural(totals.warnings, "warning")} (fail-on: ${inputs.failOn}).${inputs.sarifFile ? ` SARIF written to ${inputs.sarifFile}.` : ""}${inputs.reportFile ? ` Report written to ${inputs.reportFile}.` : ""}`,
  );
  return failed ? 1 : 0;
}

/**
 * Posts every finding as an annotation of a check run on the head commit. Returns the run, or why it could not be
 * posted (for the log and the summary); the caller then prints workflow commands. Only the HTTP status of a
 * failed request is shown: an error object may carry request details.
 */
async function checkRun(
  inputs: ActionInputs,
  headSha: string | undefined,
  findings: readonly Finding[],
  diff: DiffScope | undefined,
  failed: boolean,
  summary: SummaryInput,
  log: FencedLog,
): Promise<{ url: string | undefined } | string> {
  const why = (reason: string) => {
    const text = `A check run with every annotation could not be created (${reason}); the annotations went out as workflow commands, at most 10 per level.`;
    log.print(`annotations: ${text}`);
    return text;
  };
  let owner: string | undefined;
  let repo: string | undefined;
  try {
    ({ owner, repo } = github.context.repo);
  } catch {
    // No repository: see below.
  }
  if (!inputs.token) return why("no token");
  if (!owner || !repo) return why("no repository");
  if (!headSha || !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(headSha)) return why("no commit to attach it to");
  const octokit = github.getOctokit(inputs.token, { log: quietLog(log) });
  const client: ChecksClient = {
    create: async (body) => {
      const { data } = await octokit.rest.checks.create({ owner, repo, ...body });
      return { id: data.id, html_url: data.html_url };
    },
    update: async (id, body) => {
      await octokit.rest.checks.update({ owner, repo, check_run_id: id, ...body });
    },
  };
  const ordered = annotationOrder(findings, diff);
  const totals = countFindings(findings);
  try {
    const posted = await postCheckRun(client, {
      name: "aimslint",
      headSha,
      title: `${plural(totals.errors, "error")}, ${plural(totals.warnings, "warning")}${totals.infos ? `, ${plural(totals.infos, "notice")}` : ""}`,
      summary: renderSummary({ ...summary, variant: "check-run", limitBytes: 60_000 }),
      conclusion: failed ? "failure" : findings.length > 0 ? "neutral" : "success",
      annotations: ordered.map((f) => checkAnnotation(f)),
    });
    log.print(`annotations: ${plural(posted.annotations, "finding")} annotated through the check run "aimslint" in ${plural(posted.requests, "request")}.`);
    return { url: posted.url };
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 403 || status === 404) return why(`HTTP ${status}: the token may not write checks; give the job \`permissions: checks: write\`, which a pull request from a fork never gets`);
    return why(typeof status === "number" ? `HTTP ${status}` : "the GitHub API could not be reached");
  }
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
 * The SARIF file and the report go inside the workspace (or the runner's temporary folder), never through a symbolic link: a
 * pull request can commit `results.sarif` as a link to any file the runner's user may write.
 */
function writeOutput(workspace: string, file: string, text: string, env: NodeJS.ProcessEnv, input: "sarif-file" | "report-file"): void {
  const target = resolve(workspace, file);
  const temp = env["RUNNER_TEMP"] ? resolve(env["RUNNER_TEMP"]) : undefined;
  const root = temp && !relative(temp, target).startsWith("..") && !isAbsolute(relative(temp, target)) ? temp : workspace;
  try {
    writeInside(root, target, text);
  } catch (error) {
    if (!(error instanceof UnsafeWriteError)) throw error;
    throw new InputError(
      `The ${input === "sarif-file" ? "SARIF file" : "report"} was not written: ${error.message}. Input "${input}" must name a file inside the workspace or RUNNER_TEMP that is not, and is not inside, a symbolic link.`,
    );
  }
}

/** Annotations land on the diff only with a path relative to the repository root (GITHUB_WORKSPACE). */
function repoPath(workspace: string, file: string): string {
  const rel = relative(workspace, resolve(workspace, file)).split("\\").join("/");
  return isAbsolute(rel) ? file : rel;
}
