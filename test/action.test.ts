// The GitHub Action end to end, through the built bundle (dist/action.cjs) run the way the runner runs it:
// GITHUB_* variables, an event payload file, summary and output files, INPUT_* variables, and a real HTTP
// server on 127.0.0.1 standing in for the GitHub API.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import MarkdownIt from "markdown-it";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { CheckAnnotation } from "../src/action/checks.js";
import { INPUT_DEFAULTS } from "../src/action/inputs.js";
import { coverage, UNCHECKABLE } from "../src/reporters/coverage.js";
import { renderSummary } from "../src/action/summary.js";
import { BUILT_IN_RULES } from "../src/config/load-rules.js";
import type { Finding } from "../src/core/finding.js";
import { sarifErrors } from "./fixtures/action/validate-sarif.js";

const root = join(import.meta.dirname, "..");
const ACTION = join(root, "dist", "action.cjs");
const FIXTURE = join(root, "test", "fixtures", "action", "repo");
const SCENARIO = join(root, "test", "fixtures", "action", "pr-scenario");
const TOKEN = "ghs_testTOKEN0123456789abcdefSECRET";
// The runner runs the Action on node24; set AIMSLINT_ACTION_NODE to a Node 24 binary to test with that one.
const NODE = process.env["AIMSLINT_ACTION_NODE"] || process.execPath;

// ---------------------------------------------------------------------------------------------------------
// Harness

/** A copy of the fixture repository, plus extra files; optionally a git repository with a base and a head commit. */
const temporary: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

function makeRepo(extra: Record<string, string> = {}, remove: string[] = []): string {
  const dir = tempDir("aimslint-action-");
  cpSync(FIXTURE, dir, { recursive: true });
  for (const [name, text] of Object.entries(extra)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  for (const name of remove) rmSync(join(dir, name), { force: true });
  return dir;
}

const GIT_ENV = { GIT_CONFIG_NOSYSTEM: "1", GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" };

function git(dir: string, ...args: string[]): string {
  return execFileSync("git", ["-C", dir, ...args], { encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", HOME: dir, ...GIT_ENV } }).trim();
}

/** The fixture as a pull request: the base commit, then a head commit that edits alpha.yaml and adds delta.yaml. */
function pullRequestRepo(): { dir: string; base: string; head: string } {
  const dir = makeRepo({ "notes/old.yaml": "kind: note\nid: N-OLD\ntitle: Old\n" });
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "base");
  const base = git(dir, "rev-parse", "HEAD");
  writeFileSync(join(dir, "notes", "alpha.yaml"), readFileSync(join(dir, "notes", "alpha.yaml"), "utf8") + "# edited in the pull request\n");
  writeFileSync(join(dir, "notes", "delta.yaml"), "kind: note\nid: N-DELTA\ntitle: Delta!\nowner: governance-lead\nstatus: final\nreviewed_on: 2026-05-01\n");
  git(dir, "rm", "-q", "notes/old.yaml");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "head");
  return { dir, base, head: git(dir, "rev-parse", "HEAD") };
}

interface RunOptions {
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  event?: object;
  cwd?: string;
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

/** Runs the bundle as the runner does: node24 would run `main`, with INPUT_<NAME> for each input. */
function runAction(workspace: string, options: RunOptions = {}): Promise<RunResult> {
  const runner = tempDir("aimslint-runner-");
  const files = { event: join(runner, "event.json"), summary: join(runner, "step_summary.md"), output: join(runner, "output.txt") };
  writeFileSync(files.event, JSON.stringify(options.event ?? { repository: { name: "r", owner: { login: "o" } } }));
  writeFileSync(files.summary, "");
  writeFileSync(files.output, "");
  const env: Record<string, string> = {
    PATH: process.env["PATH"] ?? "",
    HOME: runner,
    ...GIT_ENV,
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: options.event && "pull_request" in options.event ? "pull_request" : "push",
    GITHUB_REPOSITORY: "o/r",
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_API_URL: "http://127.0.0.1:9",
    ...options.env,
  };
  for (const [name, value] of Object.entries({ today: "2026-06-30", ...options.inputs })) env[`INPUT_${name.toUpperCase()}`] = value;
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [ACTION], { cwd: options.cwd ?? workspace, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({ code, stdout, stderr, summary: readFileSync(files.summary, "utf8"), outputs: parseOutputs(readFileSync(files.output, "utf8")) });
    });
  });
}

/** GITHUB_OUTPUT holds `name<<delimiter`, the value, then the delimiter (@actions/core file commands). */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join("\n");
  }
  return out;
}

interface Command {
  name: string;
  properties: Record<string, string>;
  message: string;
  raw: string;
}

/**
 * What the runner would execute from this output (actions/runner ActionCommand.cs): lines end at CR or LF;
 * `::name props::message` after leading whitespace, `##[name]` anywhere in a line; `::stop-commands::T` ignores
 * everything until a line `::T::`.
 */
function runnerCommands(output: string): Command[] {
  const commands: Command[] = [];
  let stopped: string | undefined;
  for (const line of output.split(/\r\n|\r|\n/)) {
    const text = line.trimStart();
    if (stopped !== undefined) {
      if (text === `::${stopped}::`) stopped = undefined;
      continue;
    }
    const v2 = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/s.exec(text);
    if (v2) {
      const properties: Record<string, string> = {};
      for (const pair of (v2[2] ?? "").split(",").filter(Boolean)) {
        const eq = pair.indexOf("=");
        properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
      }
      const command = { name: v2[1]!.toLowerCase(), properties, message: unescapeData(v2[3]!), raw: line };
      if (command.name === "stop-commands") stopped = v2[3]!;
      commands.push(command);
    } else if (line.includes("##[")) commands.push({ name: "legacy", properties: {}, message: line, raw: line });
  }
  expect(stopped, "every stop-commands block is closed").toBeUndefined();
  return commands;
}

const unescapeData = (s: string) => s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
const unescapeProperty = (s: string) => unescapeData(s).replace(/%3A/g, ":").replace(/%2C/g, ",");

const annotations = (r: RunResult) => runnerCommands(r.stdout).filter((c) => ["error", "warning", "notice"].includes(c.name));
const annotationLines = (r: RunResult) => annotations(r).map((c) => c.raw);

/** The token may only ever travel in the Authorization header. */
function expectNoToken(r: RunResult): void {
  expect(r.stdout).not.toContain(TOKEN);
  expect(r.stderr).not.toContain(TOKEN);
  expect(r.summary).not.toContain(TOKEN);
  expect(JSON.stringify(r.outputs)).not.toContain(TOKEN);
}

// A stand-in for api.github.com: GET /repos/o/r/pulls/{n}/files, in pages linked by a Link header; POST
// /repos/o/r/check-runs and PATCH /repos/o/r/check-runs/{id}, answering `checks` (201, or 403 as for a fork).
interface ApiRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: unknown;
}
interface Api {
  url: string;
  requests: ApiRequest[];
  /** Anything but 200 answers every request with it. */
  status: number;
  /** The status of check-run requests. */
  checks: number;
  /** The pages of each pull request's files. */
  pulls: Map<number, object[][]>;
}

let server: Server;
const api: Api = { url: "", requests: [], status: 200, checks: 201, pulls: new Map() };
const PAGES = [
  [
    { filename: "notes/alpha.yaml", status: "modified" },
    { filename: "notes/old.yaml", status: "removed" },
  ],
  [{ filename: "notes/delta.yaml", status: "added" }],
];
api.pulls.set(7, PAGES);
const CHECK_RUN_ID = 4242;

beforeAll(async () => {
  expect(existsSync(ACTION), "dist/action.cjs is built (npm run build)").toBe(true);
  server = createServer((req: IncomingMessage, res) => {
    let raw = "";
    req.on("data", (d) => (raw += d));
    req.on("end", () => {
      const body = raw ? JSON.parse(raw) : undefined;
      api.requests.push({ method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization, body });
      const url = new URL(req.url ?? "/", api.url);
      res.setHeader("content-type", "application/json");
      if (req.headers.authorization !== `token ${TOKEN}`) {
        res.writeHead(401).end(JSON.stringify({ message: "Bad credentials" }));
        return;
      }
      if (api.status !== 200) {
        res.writeHead(api.status).end(JSON.stringify({ message: "Server Error" }));
        return;
      }
      if (req.method === "POST" && url.pathname === "/repos/o/r/check-runs") {
        if (api.checks !== 201) res.writeHead(api.checks).end(JSON.stringify({ message: "Resource not accessible by integration" }));
        else res.writeHead(201).end(JSON.stringify({ id: CHECK_RUN_ID, html_url: `https://github.com/o/r/runs/${CHECK_RUN_ID}` }));
        return;
      }
      if (req.method === "PATCH" && url.pathname === `/repos/o/r/check-runs/${CHECK_RUN_ID}`) {
        res.writeHead(api.checks === 201 ? 200 : api.checks).end(JSON.stringify({ id: CHECK_RUN_ID }));
        return;
      }
      const pull = /^\/repos\/o\/r\/pulls\/(\d+)\/files$/.exec(url.pathname);
      const pages = pull && req.method === "GET" ? api.pulls.get(Number(pull[1])) : undefined;
      if (!pages) {
        res.writeHead(404).end(JSON.stringify({ message: "Not Found" }));
        return;
      }
      const page = Number(url.searchParams.get("page") ?? "1");
      const link = (p: number) => `<${api.url}${url.pathname}?per_page=100&page=${p}>`;
      if (page < pages.length) res.setHeader("link", `${link(page + 1)}; rel="next", ${link(pages.length)}; rel="last"`);
      res.writeHead(200).end(JSON.stringify(pages[page - 1] ?? []));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

const prEvent = (base?: string, head?: string) => ({
  pull_request: { number: 7, base: { sha: base ?? "0".repeat(40) }, head: { sha: head ?? "1".repeat(40) } },
  repository: { name: "r", owner: { login: "o" } },
});

// ---------------------------------------------------------------------------------------------------------

describe("GitHub Action (bundle)", () => {
  it("prints annotations as workflow commands, most severe first, and fences the log", async () => {
    const r = await runAction(makeRepo());
    expect(annotationLines(r)).toEqual([
      '::error title=note/owner,file=notes/alpha.yaml,line=1,endLine=1,col=1,endColumn=11::Missing "owner". (ISO/IEC 42001 A.3.2)%0ASet `owner:` to the accountable role.',
      '::warning title=note/reviewed,file=notes/beta.yaml,line=1,endLine=1,col=1,endColumn=11::Missing "reviewed_on". (ISO/IEC 42001 9.2)%0ASet `reviewed_on:` to the date of the last review.',
      '::notice title=note/status,file=notes/beta.yaml,line=5,endLine=5,col=9,endColumn=16::"pending" in "status" is not one of "draft", "final". (ISO/IEC 42001 7.5.3)%0ASet `status:` to draft or final.',
    ]);
    // Everything else is inside stop-commands blocks with a fresh random token each.
    const commands = runnerCommands(r.stdout);
    const fences = commands.filter((c) => c.name === "stop-commands");
    expect(fences.length).toBeGreaterThanOrEqual(2);
    for (const f of fences) expect(f.message).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(fences.map((f) => f.message)).size).toBe(fences.length);
    expect(commands.filter((c) => !["stop-commands", "error", "warning", "notice"].includes(c.name))).toEqual([]);
    // The full report is in the log.
    expect(r.stdout).toMatch(/^notes\/beta\.yaml:5:9 +info +"pending" in "status" is not one of "draft", "final"\. +note\/status$/m);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
  });

  it("writes outputs and the job summary: verdict, findings, coverage, findings by rule without all-zero columns", async () => {
    const r = await runAction(makeRepo());
    expect(r.outputs).toEqual({ errors: "1", warnings: "1", "sarif-file": "", "report-file": "" });
    const s = r.summary;
    expect(s).toMatch(/^## ✖ aimslint: 1 error, 1 warning, 1 notice\n\n\*\*This check fails\*\* \(fails on: error\)\.\n/);
    expect(s).toContain("Checked 3 artefacts in 6 files (the whole repository). aimslint 0.1.0.");
    // Not a pull request: no changed files, so one list of findings, errors first.
    expect(s).toContain(
      [
        "### Findings (1 error, 1 warning, 1 notice)",
        "",
        "| Location | Severity | Rule | Message |",
        "|---|---|---|---|",
        "| notes/alpha.yaml:1:1 | error | `note/owner` | Missing &#34;owner&#34;. |",
        "| notes/beta.yaml:1:1 | warning | `note/reviewed` | Missing &#34;reviewed&#95;on&#34;. |",
      ].join("\n"),
    );
    // Findings by rule, collapsed, last; no suppressed finding, so no Suppressed column.
    expect(s).toContain("| Rule | Errors | Warnings | Notices | ISO/IEC 42001 | Crosswalks | Requirement |");
    expect(s).toContain("| `note/owner` | 1 | 0 | 0 | A.3.2 | NIST AI RMF: GOVERN 2.1 | Name the owner of every governance note |");
    expect(s).toContain("| `note/reviewed` | 0 | 1 | 0 | 9.2 | — | Record when every governance note was last reviewed |");
    expect(s).toContain("| `note/status` | 0 | 0 | 1 | 7.5.3 | — | Use one of the known statuses for a governance note |");
    expect(s.indexOf("<details><summary>Findings by rule (3 rules)</summary>")).toBeGreaterThan(s.indexOf("ISO/IEC 42001 coverage"));
    // Coverage, open on a push: the organisation kind is evidence for 7.5.2 and A.3; rules that ran, failed or passed.
    expect(s).toContain("<details open><summary>ISO/IEC 42001 coverage: 1 failing, 1 with warnings, 21 without evidence, 2 passing</summary>");
    expect(s).toContain("| **7.5.2** Creating and updating documented information | 3 × Governance note | 4 | — | ✔ passing |");
    expect(s).toContain("| **A.3** Internal organization | 3 × Governance note | 1 | `note/owner` (1 error) | ✖ failing |");
    expect(s).toContain("| **9.2** Internal audit | none (Internal audit record) | 1 | `note/reviewed` (1 warning) | ⚠ warnings |");
    expect(s).toContain("| **9.3** Management review | none (Management review record) | 0 | — | ⚠ no evidence |");
    expect(s).toMatch(/No rule or artefact kind of this run covers: 4\.2, 4\.4, /);
    expect(s).toContain("Not checkable from files (they do not keep an area from passing): A.6.1.2 (Objectives for responsible development are set in prose");
  });

  it("honours the baseline the CLI wrote: accepted findings neither fail the step nor take annotations", async () => {
    const dir = makeRepo();
    const before = await runAction(dir);
    expect(before.code).toBe(1);
    const written = spawnSync(process.execPath, [join(root, "dist", "cli.cjs"), "baseline", "--no-cache"], {
      cwd: dir,
      encoding: "utf8",
      env: { PATH: process.env["PATH"] ?? "", AIMSLINT_TODAY: "2026-06-30" },
    });
    expect(written.status, written.stderr).toBe(0);
    const after = await runAction(dir);
    expect(after.code).toBe(0);
    expect(annotations(before).some((a) => a.name === "error")).toBe(true);
    expect(annotations(after).filter((a) => a.name === "error")).toEqual([]);
    expect(after.summary).toMatch(/^## ✔ aimslint: 0 errors/);
  });

  it("exits according to fail-on", async () => {
    const withError = makeRepo();
    const warningsOnly = makeRepo({ "notes/alpha.yaml": "kind: note\nid: N-ALPHA\ntitle: Alpha\nowner: a\nstatus: final\nreviewed_on: 2026-05-01\n" });
    const clean = makeRepo({ "notes/beta.yaml": "kind: note\nid: N-BETA\ntitle: Beta\nowner: b\nstatus: final\nreviewed_on: 2026-05-01\n" }, ["notes/alpha.yaml"]);
    const cases: [string, string, number][] = [
      [withError, "error", 1],
      [withError, "warning", 1],
      [withError, "never", 0],
      [warningsOnly, "error", 0],
      [warningsOnly, "warning", 1],
      [warningsOnly, "never", 0],
      [clean, "error", 0],
      [clean, "warning", 0],
    ];
    const results = await Promise.all(cases.map(([dir, failOn]) => runAction(dir, { inputs: { "fail-on": failOn } })));
    expect(results.map((r) => r.code)).toEqual(cases.map((c) => c[2]));
    expect(results[6]!.summary).toMatch(/^## ✔ aimslint: 0 errors, 0 warnings\n/);
    expect(annotations(results[6]!)).toEqual([]);
  });

  it("refuses bad inputs with exit 2 and one escaped error", async () => {
    const r = await runAction(makeRepo(), { inputs: { "fail-on": "sometimes\n::warning::x" } });
    expect(r.code).toBe(2);
    expect(annotationLines(r)).toEqual(['::error::aimslint: Input "fail-on" must be error, warning or never, got "sometimes%0A::warning::x".']);
    const missing = await runAction(makeRepo(), { inputs: { paths: "no/such/folder" } });
    expect(missing.code).toBe(2);
    expect(annotationLines(missing)).toEqual(['::error::aimslint: No files matching "no/such/folder" were found (input "paths").']);
  });

  it("falls back to the action.yml defaults when INPUT_* variables are missing", async () => {
    const yml = parseYaml(readFileSync(join(root, "action.yml"), "utf8"));
    expect(yml.runs).toEqual({ using: "node24", main: "dist/action.cjs" });
    expect(Object.fromEntries(Object.entries(yml.inputs as Record<string, { default: string }>).map(([k, v]) => [k, String(v.default)]))).toEqual(INPUT_DEFAULTS);
    expect(Object.keys(yml.outputs)).toEqual(["errors", "warnings", "sarif-file", "report-file"]);
    // No INPUT_* at all (today comes from the environment instead): fail-on error, summary on, no SARIF.
    const r = await runAction(makeRepo(), { inputs: { today: "" }, env: { AIMSLINT_TODAY: "2026-06-30" }, cwd: tmpdir() });
    expect(r.code).toBe(1);
    expect(r.summary).toContain("## ✖ aimslint: 1 error, 1 warning, 1 notice");
    expect(r.outputs).toEqual({ errors: "1", warnings: "1", "sarif-file": "", "report-file": "" });
    expect(annotations(r).map((c) => c.properties["file"])).toEqual(["notes/alpha.yaml", "notes/beta.yaml", "notes/beta.yaml"]);
  });

  it("turns the summary off with summary: false", async () => {
    const r = await runAction(makeRepo(), { inputs: { summary: "false" } });
    expect(r.summary).toBe("");
    expect(r.code).toBe(1);
  });

  it("annotates at most 10 per level, most severe first, then says how many more and where", async () => {
    const notes: Record<string, string> = {};
    // Each note: one error (no owner), one warning (no reviewed_on), one notice (unknown status).
    for (let i = 1; i <= 12; i++) notes[`notes/n${String(i).padStart(2, "0")}.yaml`] = `kind: note\nid: N-${i}\ntitle: Note ${i}\nstatus: odd\n`;
    const r = await runAction(makeRepo(notes), { inputs: { "sarif-file": "results/aimslint.sarif" } });
    const a = annotations(r);
    expect(a.map((c) => c.name)).toEqual([...Array(10).fill("error"), ...Array(10).fill("warning"), ...Array(10).fill("notice")]);
    expect(a.slice(0, 10).map((c) => c.properties["file"])).toEqual(["notes/alpha.yaml", ...Array.from({ length: 9 }, (_, i) => `notes/n0${i + 1}.yaml`)]);
    expect(a[29]!.raw).toBe(
      "::notice title=aimslint%3A more findings::10 more findings are not shown as annotations (3 errors, 3 warnings, 4 notices): GitHub shows at most 10 errors, 10 warnings and 10 notices per step. Every finding is in the job summary, the SARIF file results/aimslint.sarif and the step's log.",
    );
    expect(r.outputs).toEqual({ errors: "13", warnings: "13", "sarif-file": "results/aimslint.sarif", "report-file": "" });
    expect(r.summary).toContain(
      "29 findings are annotated on the diff; GitHub shows at most 10 errors, 10 warnings and 10 notices per step, so the other 10 are only listed below and in the SARIF file.",
    );
    // annotations: auto would have posted them all through a check run, but there is no token.
    expect(r.summary).toContain("> A check run with every annotation could not be created (no token); the annotations went out as workflow commands, at most 10 per level.");
    expect(r.stdout).toContain("annotations: A check run with every annotation could not be created (no token)");
    expect(r.summary).toContain("### Findings (13 errors, 13 warnings, 13 notices)");
    expect(r.summary).not.toContain("more findings</summary>");
  });

  it("writes valid SARIF where sarif-file says", async () => {
    const dir = makeRepo();
    const r = await runAction(dir, { inputs: { "sarif-file": "out/aimslint.sarif" } });
    expect(r.outputs["sarif-file"]).toBe("out/aimslint.sarif");
    const log = JSON.parse(readFileSync(join(dir, "out", "aimslint.sarif"), "utf8"));
    expectValidSarif(log);
    expect(
      log.runs[0].results.map(
        (x: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => `${x.ruleId} ${x.locations[0]!.physicalLocation.artifactLocation.uri}`,
      ),
    ).toEqual(["note/owner notes/alpha.yaml", "note/reviewed notes/beta.yaml", "note/status notes/beta.yaml"]);
  });

  it("writes the HTML report where report-file says, linked to the lines at the commit, never through a link", async () => {
    const dir = makeRepo();
    const sha = "a".repeat(40);
    const r = await runAction(dir, { inputs: { "report-file": "out/report.html" }, env: { GITHUB_SHA: sha, GITHUB_SERVER_URL: "https://github.com" } });
    expect(r.code).toBe(1);
    expect(r.outputs["report-file"]).toBe("out/report.html");
    expect(r.stdout).toContain("Report written to out/report.html.");
    const page = readFileSync(join(dir, "out", "report.html"), "utf8");
    expect(page.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(page).toContain(`<a href="https://github.com/o/r/blob/${sha}/notes/alpha.yaml#L1">notes/alpha.yaml:1:1</a>`);
    expect(page.match(/<tr data-sev=/g)).toHaveLength(3);

    const outside = tempDir("aimslint-outside-");
    writeFileSync(join(outside, "victim.html"), "precious");
    const linked = makeRepo();
    symlinkSync(join(outside, "victim.html"), join(linked, "report.html"));
    const refused = await runAction(linked, { inputs: { "report-file": "report.html" } });
    expect(refused.code).toBe(2);
    expect(annotationLines(refused).filter((l) => l.includes("The report was not written: ") && l.includes('Input "report-file" must name'))).toHaveLength(1);
    expect(readFileSync(join(outside, "victim.html"), "utf8")).toBe("precious");
  });

  it("never writes SARIF through a symbolic link or outside the workspace (a pull request can commit links)", async () => {
    const outside = tempDir("aimslint-outside-");
    const victim = join(outside, "victim.txt");
    const cases: [string, (dir: string) => void, string][] = [
      ["results.sarif", (dir) => symlinkSync(victim, join(dir, "results.sarif")), "results.sarif is a symbolic link"],
      ["out/results.sarif", (dir) => symlinkSync(outside, join(dir, "out")), "out is a symbolic link"],
      [
        "a/b/results.sarif",
        (dir) => {
          mkdirSync(join(dir, "a"));
          symlinkSync(outside, join(dir, "a", "b"));
        },
        "b is a symbolic link",
      ],
      ["../escape.sarif", () => {}, "is outside"],
      [join(outside, "absolute.sarif"), () => {}, "is outside"],
    ];
    for (const [file, plant, why] of cases) {
      writeFileSync(victim, "precious");
      const dir = makeRepo();
      plant(dir);
      const r = await runAction(dir, { inputs: { "sarif-file": file } });
      expect(r.code, file).toBe(2);
      const refusals = annotationLines(r).filter((l) => l.includes("The SARIF file was not written"));
      expect(refusals).toHaveLength(1);
      const line = refusals[0]!;
      expect(line.startsWith("::error::aimslint: The SARIF file was not written: ")).toBe(true);
      expect(line).toContain(why);
      expect(line).toContain('Input "sarif-file" must name a file inside the workspace or RUNNER_TEMP');
      expect(readFileSync(victim, "utf8")).toBe("precious");
      expect(existsSync(join(outside, "results.sarif")) || existsSync(join(outside, "absolute.sarif")) || existsSync(join(dirname(dir), "escape.sarif"))).toBe(false);
    }
  });

  it("writes SARIF under RUNNER_TEMP, outside the workspace", async () => {
    const temp = tempDir("aimslint-runner-temp-");
    const r = await runAction(makeRepo(), { inputs: { "sarif-file": join(temp, "reports", "aimslint.sarif") }, env: { RUNNER_TEMP: temp } });
    expect(r.code).toBe(1);
    expect(lstatSync(join(temp, "reports", "aimslint.sarif")).isFile()).toBe(true);
    expectValidSarif(JSON.parse(readFileSync(join(temp, "reports", "aimslint.sarif"), "utf8")));
  });

  it("only-changed: lists the pull request's files through the API, paginated, and reports on those only", async () => {
    const { dir, base, head } = pullRequestRepo();
    api.requests = [];
    api.status = 200;
    const r = await runAction(dir, { inputs: { "only-changed": "true", token: TOKEN }, env: { GITHUB_API_URL: api.url }, event: prEvent(base, head) });
    expect(api.requests.map((q) => q.url)).toEqual(["/repos/o/r/pulls/7/files?per_page=100", "/repos/o/r/pulls/7/files?per_page=100&page=2"]);
    expect(api.requests.every((q) => q.authorization === `token ${TOKEN}`)).toBe(true);
    // beta.yaml (unchanged) has a warning and a notice: not reported. alpha.yaml names N-BETA, found in the whole repository.
    // delta.yaml is new, so its error is on a changed line and goes first; alpha.yaml's lines are unknown (no patch).
    expect(annotations(r).map((c) => `${c.name} ${c.properties["title"]} ${c.properties["file"]}`)).toEqual(["error note/title notes/delta.yaml", "error note/owner notes/alpha.yaml"]);
    expect(r.stdout).toContain("only-changed: 2 files changed by pull request #7, listed by the GitHub API.");
    expect(r.summary).toContain("Checked 2 artefacts in 2 files (only the 2 files changed by pull request #7, listed by the GitHub API).");
    expect(r.outputs).toEqual({ errors: "2", warnings: "0", "sarif-file": "", "report-file": "" });
    expect(r.code).toBe(1);
    expectNoToken(r);
  });

  it("only-changed: falls back to git diff base...head when the API fails, without printing the token", async () => {
    const { dir, base, head } = pullRequestRepo();
    api.requests = [];
    api.status = 500;
    const r = await runAction(dir, { inputs: { "only-changed": "true", token: TOKEN }, env: { GITHUB_API_URL: api.url }, event: prEvent(base, head) });
    api.status = 200;
    expect(api.requests.length).toBeGreaterThan(0);
    expect(r.stdout).toContain("only-changed: listing the pull request's files failed (HTTP 500); trying git instead.");
    expect(r.stdout).toContain("only-changed: 2 files changed by pull request #7, listed by git diff.");
    // git knows the lines: delta.yaml's error is on an added line, alpha.yaml's on line 1, which the pull request kept.
    expect(annotations(r).map((c) => `${c.properties["title"]} ${c.properties["file"]}`)).toEqual(["note/title notes/delta.yaml", "note/owner notes/alpha.yaml"]);
    expectNoToken(r);
  });

  it("only-changed: uses git when there is no token, and checks everything when nothing can say what changed", async () => {
    const { dir, base, head } = pullRequestRepo();
    api.requests = [];
    const r = await runAction(dir, { inputs: { "only-changed": "true", token: "" }, env: { GITHUB_API_URL: api.url }, event: prEvent(base, head) });
    expect(api.requests).toEqual([]);
    expect(r.stdout).toContain("only-changed: no token or repository for the GitHub API; trying git instead.");
    expect(annotations(r).map((c) => c.properties["file"])).toEqual(["notes/delta.yaml", "notes/alpha.yaml"]);

    // A shallow checkout: the base commit is unknown to git, and the API is not reachable.
    const unknown = await runAction(dir, { inputs: { "only-changed": "true", token: "" }, event: prEvent("a".repeat(40), head) });
    expect(unknown.stdout).toContain("checking every file.");
    expect(annotations(unknown).map((c) => c.properties["file"])).toEqual(["notes/alpha.yaml", "notes/delta.yaml", "notes/beta.yaml", "notes/beta.yaml"]);
  });

  it("only-changed on a push: compares the commits before and after it with git", async () => {
    const { dir, base, head } = pullRequestRepo();
    const r = await runAction(dir, { inputs: { "only-changed": "true" }, event: { before: base, after: head, repository: { name: "r", owner: { login: "o" } } } });
    expect(r.stdout).toContain("only-changed: 2 files changed by the push, listed by git diff.");
    expect(annotations(r).map((c) => c.properties["file"])).toEqual(["notes/delta.yaml", "notes/alpha.yaml"]);
  });

  it("keeps artefact text and file names from forming workflow commands", async () => {
    const evil = [
      "kind: note",
      "id: N-EVIL",
      "owner: x",
      "reviewed_on: 2026-05-01",
      'status: "::error::status"',
      'title: "##[error]legacy title %0A::error::pct"',
      "sections:",
      '  "\\r\\n::error file=x,line=1::pwned": ""',
      '  "%0A::warning::percent": ""',
      '  "\\e[31mred\\e[0m ##[warning]x": ""',
      '  "\\n  ::notice::indented": ""',
      "",
    ].join("\n");
    const names = ["notes/::error::evil.yaml", "notes/##[warning]legacy.yaml", "notes/cr\r::warning::x.yaml", "notes/esc\u001b[31mred.yaml", "notes/pct%0A::error::y.yaml"];
    const dir = makeRepo(Object.fromEntries(names.map((n, i) => [n, evil.replace("N-EVIL", `N-EVIL-${i}`)])));
    const r = await runAction(dir, { inputs: { "sarif-file": "evil.sarif", "fail-on": "never" } });
    expect(r.code).toBe(0);
    const commands = runnerCommands(r.stdout + "\n" + r.stderr);
    // Only our own annotations and fences: no legacy `##[`, no command smuggled in by a value or a name.
    expect(commands.filter((c) => c.name === "legacy")).toEqual([]);
    expect([...new Set(commands.map((c) => c.name))].sort()).toEqual(["error", "notice", "stop-commands", "warning"]);
    for (const c of commands.filter((c) => c.name !== "stop-commands")) {
      expect(c.properties["title"] ?? "").toMatch(/^(note\/[a-z]+|aimslint: more findings)$/);
    }
    expect(r.stdout).not.toMatch(/\r|\u001b|##\[/);
    // File names survive the escaping: a name with CR or LF still points at its file; `##[` and ESC are made visible.
    const files = new Set(commands.map((c) => c.properties["file"]).filter(Boolean));
    expect(files).toContain("notes/::error::evil.yaml");
    expect(files).toContain("notes/cr\r::warning::x.yaml");
    expect(files).toContain("notes/pct%0A::error::y.yaml");
    expect(files).toContain("notes/##\u200b[warning]legacy.yaml");
    expect(files).toContain("notes/esc\\u001b[31mred.yaml");
    // Messages keep the text, as data.
    const sections = commands.find((c) => c.properties["title"] === "note/sections");
    expect(sections?.message).toContain("::error file=x,line=1::pwned is empty.");
    // The summary is Markdown: no raw control characters, table cells not broken.
    expect(r.summary).not.toMatch(/\r|\u001b/);
    const rows = r.summary.split("\n").filter((l) => /^\| \[?notes\//.test(l));
    expect(rows.length).toBeGreaterThan(0);
    for (const line of rows) expect(line.split("|").length).toBe(6);
    expectValidSarif(JSON.parse(readFileSync(join(dir, "evil.sarif"), "utf8")));
  });

  it("keeps the job summary under 1 MiB, saying what was left out", async () => {
    // 6000 empty sections with long names: about 1.5 MB of findings in the summary's table.
    const sections = Array.from({ length: 6000 }, (_, i) => `  section-${i}-${"x".repeat(200)}: ""`).join("\n");
    // All 6000 listed: the per-file findings cap (1000 by default) is raised.
    const config = readFileSync(join(FIXTURE, "aimslint.config.yaml"), "utf8") + "limits: { maxFindingsPerFile: 10000 }\n";
    const dir = makeRepo({ "aimslint.config.yaml": config, "notes/big.yaml": `kind: note\nid: N-BIG\ntitle: Big\nowner: o\nstatus: final\nreviewed_on: 2026-05-01\nsections:\n${sections}\n` });
    const r = await runAction(dir);
    expect(Buffer.byteLength(r.summary)).toBeLessThan(1024 * 1024);
    expect(r.summary).toMatch(/> \d+ more findings are not listed: a job summary is limited to 1 MiB\. The SARIF file and the step's log hold them all\./);
    expect(r.outputs).toEqual({ errors: "1", warnings: "6001", "sarif-file": "", "report-file": "" });
    expect(r.stdout.match(/ warning +sections\..* is empty\. +note\/sections$/gm)?.length).toBe(6000);
  });
});

describe("job summary (unit)", () => {
  const finding = (i: number): Finding => ({
    ruleId: "note/owner",
    severity: "error",
    message: `Missing "owner" | <b>${i}</b>`,
    file: `notes/n${i}.yaml`,
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 5 } },
    iso42001: ["A.3.2"],
  });
  const input = (n: number, limitBytes?: number) => ({
    version: "0.0.0",
    findings: Array.from({ length: n }, (_, i) => finding(i)),
    rules: [],
    coverage: { rows: [], unchecked: [] },
    filesChecked: n,
    artefactsChecked: n,
    scope: "the whole repository",
    annotations: { method: "commands" as const, shown: Math.min(n, 10), omitted: Math.max(0, n - 10) },
    failOn: "error" as const,
    failed: n > 0,
    ...(limitBytes ? { limitBytes } : {}),
  });

  it("escapes Markdown and HTML in untrusted text", () => {
    const s = renderSummary(input(1));
    expect(s).toContain("| notes/n0.yaml:1:1 | error | `note/owner` | Missing &#34;owner&#34; &#124; &#60;b&#62;0&#60;/b&#62; |");
  });

  it("shows an area the SoA excludes, and names the excluded controls under the coverage table", () => {
    const cov = coverage({ findings: [], rules: [{ id: "x/y", iso42001: ["A.10.2", "A.10.3"] }], ran: new Set(["x/y"]), kinds: [], excluded: new Set(["A.10.4", "A.9.2", "A.9.3", "A.9.4"]) });
    const s = renderSummary({ ...input(0), coverage: cov });
    expect(s).toContain("| **A.9** Use of AI systems | — | 0 | ⊘ excluded in the SoA |");
    expect(s).toContain("Excluded for every system by the Statement of Applicability (they do not keep an area from passing): A.9.2, A.9.3, A.9.4, A.10.4.");
  });

  it("cuts the finding list to the byte budget", () => {
    const s = renderSummary(input(500, 6000));
    expect(Buffer.byteLength(s)).toBeLessThanOrEqual(6000);
    expect(s).toMatch(/> \d+ more findings are not listed/);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Issue 17 replayed: a pull request that introduces 11 errors in the files it changes, in a repository whose
// unchanged files hold 48 TBDs that sort before them (test/fixtures/action/pr-scenario/README.md).

/** The scenario as a git repository (base, then head commit), and its pull request #8 as the API lists it. */
function scenarioRepo(): { dir: string; base: string; head: string } {
  const dir = tempDir("aimslint-scenario-");
  cpSync(join(SCENARIO, "base"), dir, { recursive: true });
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "base");
  const base = git(dir, "rev-parse", "HEAD");
  cpSync(join(SCENARIO, "head"), dir, { recursive: true });
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "head");
  const head = git(dir, "rev-parse", "HEAD");
  // GET /pulls/8/files: each file with its status and its patch (the hunks of git's unified diff, as GitHub sends them).
  const files = git(dir, "diff", "--name-status", base, head)
    .split("\n")
    .map((line) => line.split("\t") as [string, string])
    .map(([status, filename]) => {
      const diff = git(dir, "diff", base, head, "--", filename);
      return { filename, status: status === "A" ? "added" : "modified", patch: diff.slice(diff.indexOf("@@")) };
    });
  api.pulls.set(8, [files.slice(0, 2), files.slice(2)]);
  return { dir, base, head };
}

const scenarioEvent = (base: string, head: string) => ({
  pull_request: { number: 8, base: { sha: base }, head: { sha: head } },
  repository: { name: "r", owner: { login: "o" } },
});

/** The 11 errors the pull request introduces, in the order they take annotation slots: schema, then rules, one per file in turn. */
const INTRODUCED = [
  "notes/team/alpha.yaml:5 schema/enum",
  "notes/team/beta.yaml:5 schema/enum",
  "notes/team/delta.yaml:5 schema/enum",
  "notes/team/gamma.yaml:4 schema/enum",
  "notes/team/delta.yaml:7 schema/type",
  "notes/team/alpha.yaml:7 note/related",
  "notes/team/beta.yaml:6 note/related",
  "notes/team/delta.yaml:6 note/related",
  "notes/team/gamma.yaml:1 note/owner",
  "notes/team/gamma.yaml:2 note/unique-id",
  "notes/team/gamma.yaml:5 note/related",
];

describe("pull request with 11 new errors among 48 old TBDs (issue 17)", () => {
  let repo: { dir: string; base: string; head: string };
  const run = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
    runAction(repo.dir, {
      inputs: { token: TOKEN, ...inputs },
      env: { GITHUB_API_URL: api.url, GITHUB_SHA: "f".repeat(40), GITHUB_SERVER_URL: "https://github.com", ...env },
      event: scenarioEvent(repo.base, repo.head),
    });
  const commands = (r: RunResult) => annotations(r).map((c) => `${c.name} ${c.properties["file"] ?? ""}:${c.properties["line"] ?? ""} ${c.properties["title"]}`);
  /** What the 10-error cap showed before: the first findings in file order, all TBDs of the first archived notes. */
  const fileOrder = ["a01", "a01", "a01", "a01", "a01", "a01", "a02", "a02", "a02", "a02"];
  let commandsRun: RunResult;

  beforeAll(async () => {
    repo = scenarioRepo();
    api.status = 200;
    api.checks = 201;
    commandsRun = await run({ annotations: "commands" });
    if (process.env["AIMSLINT_KEEP_SUMMARY"]) writeFileSync(process.env["AIMSLINT_KEEP_SUMMARY"], commandsRun.summary);
  });

  it("commands: the 10 error slots go to errors on the changed lines, the 11th and the changed file's old TBD to free warning slots", () => {
    const r = commandsRun;
    expect(commands(r)).toEqual([
      ...INTRODUCED.slice(0, 10).map((x) => `error ${x}`),
      "warning notes/team/gamma.yaml:5 note/related (error)",
      "warning notes/team/alpha.yaml:6 note/no-placeholders (error)",
      "notice : aimslint: more findings",
    ]);
    expect(annotations(r).filter((c) => c.name === "error")).toHaveLength(10);
    expect(annotations(r).at(-1)!.message).toBe(
      "48 more findings are not shown as annotations (48 errors): GitHub shows at most 10 errors, 10 warnings and 10 notices per step. Every finding is in the job summary and the step's log.",
    );
    // None of the archived notes' TBDs, which file order would have shown instead.
    expect(fileOrder.every((name) => r.stdout.includes(`notes/archive/${name}.yaml`))).toBe(true);
    expect(annotations(r).some((c) => (c.properties["file"] ?? "").startsWith("notes/archive/"))).toBe(false);
    expect(r.stdout).toContain("changed files: 4 files changed by pull request #8, listed by the GitHub API.");
    expect(r.outputs).toEqual({ errors: "60", warnings: "0", "sarif-file": "", "report-file": "" });
    expectNoToken(r);
  });

  it("commands without a token: git diff gives the same lines, so the same annotations", async () => {
    const r = await run({ annotations: "commands", token: "" });
    expect(r.stdout).toContain("changed files: 4 files changed by pull request #8, listed by git diff.");
    expect(commands(r)).toEqual(commands(commandsRun));
  });

  it("checks (auto): every finding through the Checks API, 50 per request, the new errors first", async () => {
    api.requests = [];
    const r = await run({});
    const calls = api.requests.filter((q) => q.url.includes("check-runs"));
    expect(calls.map((q) => `${q.method} ${q.url}`)).toEqual(["POST /repos/o/r/check-runs", `PATCH /repos/o/r/check-runs/${CHECK_RUN_ID}`]);
    expect(calls.every((q) => q.authorization === `token ${TOKEN}`)).toBe(true);
    type Body = { name?: string; head_sha?: string; status?: string; conclusion?: string; output: { title: string; summary: string; annotations: CheckAnnotation[] } };
    const [create, update] = calls.map((q) => q.body as Body) as [Body, Body];
    expect(create).toMatchObject({ name: "aimslint", head_sha: repo.head, status: "in_progress" });
    expect(create.conclusion).toBeUndefined();
    expect(update).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(create.output.title).toBe("60 errors, 0 warnings");
    expect(create.output.summary).toContain("### Findings in the 4 files changed by pull request #8");
    expect(create.output.annotations).toHaveLength(50);
    expect(update.output.annotations).toHaveLength(10);
    const all = [...create.output.annotations, ...update.output.annotations];
    expect(all.every((a) => a.annotation_level === "failure")).toBe(true);
    expect(all.slice(0, 11).map((a) => `${a.path}:${a.start_line} ${a.title}`)).toEqual(INTRODUCED);
    expect(all[11]).toMatchObject({ path: "notes/team/alpha.yaml", start_line: 6, end_line: 6, start_column: 10, title: "note/no-placeholders" });
    expect(all.slice(12).every((a) => a.path.startsWith("notes/archive/"))).toBe(true);
    expect(new Set(all.map((a) => `${a.path}:${a.start_line}`)).size).toBe(60);
    expect(all[0]).toEqual({
      path: "notes/team/alpha.yaml",
      start_line: 5,
      end_line: 5,
      start_column: 9,
      end_column: 18,
      annotation_level: "failure",
      message: 'Invalid value "sometimes" for "status": expected one of "draft", "final".',
      title: "schema/enum",
    });
    // No workflow-command annotations besides; the summary says where they are.
    expect(annotations(r)).toEqual([]);
    expect(r.summary).toContain(`All 60 findings are annotated on the diff through [the check run](https://github.com/o/r/runs/${CHECK_RUN_ID}).`);
    expect(r.stdout).toContain('annotations: 60 findings annotated through the check run "aimslint" in 2 requests.');
    expect(r.code).toBe(1);
    expectNoToken(r);
  });

  it("checks refused (403, as for a fork's pull request): falls back to the ordered workflow commands", async () => {
    api.requests = [];
    api.checks = 403;
    const r = await run({ annotations: "checks" });
    api.checks = 201;
    expect(api.requests.filter((q) => q.url.includes("check-runs")).map((q) => q.method)).toEqual(["POST"]);
    expect(commands(r)).toEqual(commands(commandsRun));
    const why =
      "A check run with every annotation could not be created (HTTP 403: the token may not write checks; give the job `permissions: checks: write`, which a pull request from a fork never gets); the annotations went out as workflow commands, at most 10 per level.";
    expect(r.stdout).toContain(`annotations: ${why}`);
    expect(r.summary).toContain("> A check run with every annotation could not be created (HTTP 403: the token may not write checks; give the job &#96;permissions: checks: write&#96;");
    expectNoToken(r);
  });

  it("annotations: off prints none and still writes the summary", async () => {
    const r = await run({ annotations: "off" });
    expect(annotations(r)).toEqual([]);
    expect(r.summary).toMatch(/^## ✖ aimslint: 60 errors, 0 warnings\n/);
  });

  it("writes a summary for the reviewer: verdict, the changed files' findings with links, the rest collapsed", () => {
    const s = commandsRun.summary;
    const blocks = topLevelBlocks(s);
    expect(blocks.slice(0, 6)).toEqual([
      "h2: ✖ aimslint: 60 errors, 0 warnings",
      "p: This check fails (fails on: error). In the 4 files changed by pull request #8: 12 errors, 0 warnings; in other files: 48 errors, 0 warnings.",
      "p: Checked 12 artefacts in 15 files (the whole repository). aimslint 0.1.0.",
      "blockquote: [!NOTE]12 findings are annotated on the diff; GitHub shows at most 10 errors, 10 warnings and 10 notices per step, so the other 48 are only listed below. The findings on the lines pull request #8 changes went first, then the rest of its files.",
      "h3: Findings in the 4 files changed by pull request #8",
      "table: Location | Severity | Rule | Message (12 rows)",
    ]);
    expect(blocks.slice(6)).toEqual([
      "details: Findings in other files (48 errors)",
      "table: Location | Severity | Rule | Message (48 rows)",
      "/details",
      "details: ISO/IEC 42001 coverage: 2 failing, 22 without evidence",
      "p: Evidence counts the whole repository; rules ran on the files reported on. Only a rule's finding fails a clause or area; findings of schema, parse or kind checks and template filler (TBD) make it incomplete. Numbers count distinct findings.",
      "table: Clause / Annex A | Evidence in the repository | Rules run | Findings | Status (30 rows)",
      expect.stringMatching(/^p: Not checkable from files/),
      expect.stringMatching(/^p: No rule or artefact kind of this run covers: /),
      "/details",
      // No warnings, notices or suppressed findings: those columns are left out.
      "details: Findings by rule (6 rules)",
      "table: Rule | Errors | ISO/IEC 42001 | Crosswalks | Requirement (6 rows)",
      "/details",
    ]);
    // Every changed file's finding links to its line at the head commit (the pull request's head, not GITHUB_SHA).
    const html = new MarkdownIt({ html: true }).render(s);
    const changedTable = html.slice(html.indexOf("<h3>"), html.indexOf("<details>"));
    const links = [...changedTable.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(links).toHaveLength(12);
    expect(links[0]).toBe(`https://github.com/o/r/blob/${repo.head}/notes/team/alpha.yaml#L5`);
    expect(links.every((l) => l!.startsWith(`https://github.com/o/r/blob/${repo.head}/notes/team/`))).toBe(true);
    // Coverage counts distinct findings; the 49 TBDs do not fail 7.5.2, the rule errors do.
    expect(s).toContain(
      "| **7.5.2** Creating and updating documented information | 12 × Governance note | 3 | `note/related` (4 errors)<br>`note/unique-id` (1 error)<br>49 template-filler findings | ✖ failing |",
    );
  });

  // GitHub renders a job summary with its own Markdown pipeline (cmark-gfm, then an HTML sanitiser that keeps
  // <details>, <summary> and <br>); markdown-it with html: true renders the same GFM tables and HTML blocks, though
  // not GitHub's alerts ("> [!NOTE]" stays a quote) nor its autolinks, and its CSS below only approximates
  // GitHub's. So this checks the layout roughly: the reviewer's table must come within the first screen.
  const chromium = ["chromium", "chromium-browser", "google-chrome"].find((name) => spawnSync("sh", ["-c", `command -v ${name}`]).status === 0);
  it.skipIf(!chromium)(`shows the changed files' findings within the first 1,200 px in Chromium${chromium ? "" : " (skipped: chromium is not installed)"}`, { timeout: 180_000 }, () => {
    const dir = tempDir("aimslint-chromium-");
    const page = join(dir, "summary.html");
    writeFileSync(page, summaryPage(new MarkdownIt({ html: true }).render(commandsRun.summary)));
    const args = [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--no-first-run",
      "--hide-scrollbars",
      `--user-data-dir=${join(dir, "profile")}`,
      "--window-size=1280,1200",
    ];
    const dom = execFileSync(chromium!, [...args, "--virtual-time-budget=5000", "--dump-dom", `file://${page}`], { encoding: "utf8", timeout: 120_000, stdio: ["ignore", "pipe", "ignore"] });
    const layout = JSON.parse(/data-layout="([^"]*)"/.exec(dom)![1]!.replace(/&quot;/g, '"')) as { heading: number; lastRow: number; rows: number; height: number };
    expect(layout.rows).toBe(12);
    expect(layout.heading).toBeLessThan(600);
    expect(layout.lastRow).toBeLessThan(1200);
    // The page goes on well past the first screen (findings in other files, coverage), all of it collapsed.
    expect(layout.height).toBeGreaterThan(layout.lastRow);
    const screenshot = join(dir, "summary.png");
    execFileSync(chromium!, [...args, `--screenshot=${screenshot}`, `file://${page}`], { timeout: 120_000, stdio: "ignore" });
    expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe("PNG");
  });
});

/** The top-level blocks of a Markdown text as markdown-it parses it, one line each. */
function topLevelBlocks(markdown: string): string[] {
  const tokens = new MarkdownIt({ html: true }).parse(markdown, {});
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.level !== 0) continue;
    const text = (j: number) => tokens[j]!.children?.map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : "")).join("") ?? tokens[j]!.content;
    if (t.type === "heading_open") out.push(`${t.tag}: ${text(i + 1)}`);
    else if (t.type === "paragraph_open") out.push(`p: ${text(i + 1)}`);
    else if (t.type === "blockquote_open") out.push(`blockquote: ${text(i + 2)}`);
    else if (t.type === "html_block") {
      const summary = /<details[^>]*><summary>(.*)<\/summary>/.exec(t.content);
      if (summary) out.push(`details: ${summary[1]}`);
      else if (t.content.trim() === "</details>") out.push("/details");
      else out.push(`html: ${t.content.trim()}`);
    } else if (t.type === "table_open") {
      const close = tokens.findIndex((x, j) => j > i && x.type === "table_close");
      const cells = tokens.slice(i, close).filter((x) => x.type === "inline");
      const header: string[] = [];
      for (let j = i; j < close && tokens[j]!.type !== "thead_close"; j++) if (tokens[j]!.type === "inline") header.push(tokens[j]!.content);
      const rows = tokens.slice(i, close).filter((x) => x.type === "tr_open").length - 1;
      out.push(`table: ${header.join(" | ")} (${rows} rows)`);
      void cells;
    }
  }
  return out;
}

/** The rendered summary in a page styled roughly like GitHub's job summary, measuring itself into data-layout. */
function summaryPage(body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #1f2328; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, "Liberation Sans", sans-serif; }
.markdown-body { box-sizing: border-box; width: 1012px; padding: 16px 32px; }
h2 { font-size: 1.5em; margin: 0 0 16px; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0; }
h3 { font-size: 1.25em; margin: 24px 0 16px; }
p, blockquote, table, details { margin: 0 0 16px; }
blockquote { padding: 0 1em; border-left: .25em solid #d1d9e0; color: #59636e; }
table { display: block; max-width: 100%; overflow: auto; border-collapse: collapse; }
th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
code { font-size: 85%; padding: .2em .4em; background: #eff1f3; border-radius: 6px; }
</style></head><body><div class="markdown-body">${body}</div><script>
const heading = [...document.querySelectorAll("h3")].find((h) => h.textContent.startsWith("Findings in the"));
let table = heading.nextElementSibling;
while (table && table.tagName !== "TABLE") table = table.nextElementSibling;
const rows = table.querySelectorAll("tbody tr");
document.body.setAttribute("data-layout", JSON.stringify({
  heading: heading.getBoundingClientRect().top + scrollY,
  lastRow: rows[rows.length - 1].getBoundingClientRect().bottom + scrollY,
  rows: rows.length,
  height: document.documentElement.scrollHeight,
}));
</script></body></html>`;
}

function expectValidSarif(log: unknown): void {
  expect(sarifErrors(log)).toEqual([]);
}

describe("coverage of Annex A", () => {
  const A6 = ["A.6.2.4", "A.6.2.5", "A.6.2.6", "A.6.2.7", "A.6.2.8"];
  const area = (iso42001: string[], ran = true) => coverage({ findings: [], rules: [{ id: "x/y", iso42001 }], ran: new Set(ran ? ["x/y"] : []), kinds: [] }).rows.find((r) => r.ref === "A.6")!;

  it("passes an area only when a rule that ran checks each of its checkable controls", () => {
    expect(area(A6)).toMatchObject({ status: "pass", gaps: [] });
    expect(area(["A.6.2.4"])).toMatchObject({ status: "partial", gaps: ["A.6.2.5", "A.6.2.6", "A.6.2.7", "A.6.2.8"] });
    // A rule that is configured but did not run checks nothing.
    expect(area(A6, false)).toMatchObject({ status: "not-checked" });
  });

  it("lists the controls no file can show, with why, without failing the area", () => {
    expect(area(A6).uncheckable.map((u) => u.control)).toEqual(["A.6.1.2", "A.6.1.3", "A.6.2.2", "A.6.2.3"]);
    expect(area(A6).uncheckable.every((u) => u.reason.length > 20)).toBe(true);
  });

  it("lets a control the SoA excludes for every system keep no area from passing, and says so", () => {
    const input = { findings: [], rules: [{ id: "x/y", iso42001: ["A.10.2", "A.10.3"] }], ran: new Set(["x/y"]), kinds: [], excluded: new Set(["A.10.4"]) };
    expect(coverage(input).rows.find((r) => r.ref === "A.10")).toMatchObject({ status: "pass", gaps: [], uncheckable: [], excluded: ["A.10.4"] });
    // At the grain of the control (the report's heat map) the control itself is excluded, its neighbours pass.
    const controls = coverage(input, "control").rows;
    expect(["A.10.2", "A.10.3", "A.10.4"].map((ref) => controls.find((r) => r.ref === ref)?.status)).toEqual(["pass", "pass", "excluded"]);
    // An area all of whose controls are excluded is excluded.
    const all = coverage({ ...input, rules: [], excluded: new Set(["A.10.2", "A.10.3", "A.10.4"]) }).rows.find((r) => r.ref === "A.10");
    expect(all?.status).toBe("excluded");
  });

  it("leaves no Annex A control without a rule unexplained", () => {
    const rules = BUILT_IN_RULES.map((r) => ({ id: r.id, iso42001: r.iso42001 }));
    const all = coverage({ findings: [], rules, ran: new Set(rules.map((r) => r.id)), kinds: [] });
    expect(all.rows.flatMap((r) => r.gaps)).toEqual([]);
    // And none listed as uncheckable has a rule after all.
    const cited = new Set(rules.flatMap((r) => r.iso42001));
    expect(Object.keys(UNCHECKABLE).filter((c) => cited.has(c))).toEqual([]);
  });
});
