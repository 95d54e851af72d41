// Commit-time use: the real pre-commit framework installing this repository's .pre-commit-hooks.yaml, and a plain
// .git/hooks/pre-commit line. In both, only staged files are reported on, while cross-document rules still
// resolve against the whole repository (a staged model card may point at an impact assessment that is
// committed but not staged).
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = join(import.meta.dirname, "..");
const CLI = join(root, "dist", "cli.cjs");

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the tests. */
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** The environment of the test run without npm's script variables (npm test sets npm_config_* and friends). */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && !k.startsWith("GIT_") && !k.startsWith("PRE_COMMIT")) env[k] = v;
  return { ...env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", AIMSLINT_TODAY: "2026-06-30", NO_COLOR: "1", ...extra };
}

function sh(cmd: string, args: string[], cwd: string, env = cleanEnv(), options: SpawnSyncOptions = {}) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: "utf8", timeout: 240_000, ...options });
  return { code: r.status, out: `${r.stdout ?? ""}${r.stderr ?? ""}`, error: r.error };
}

function git(cwd: string, ...args: string[]) {
  const r = sh("git", args, cwd);
  if (r.code !== 0) throw new Error(`git ${args.join(" ")} failed:\n${r.out}`);
  return r.out.trim();
}

function write(dir: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/**
 * A configuration that turns off every rule but the two link rules this test is about, so that the test does
 * not depend on how complete its small artefacts are; schema findings cannot be turned off.
 */
function configKeeping(keep: string[]): string {
  const r = spawnSync(process.execPath, [CLI, "rules"], { encoding: "utf8" });
  const ids = r.stdout
    .split("\n")
    .map((l) => /^([a-z0-9-]+\/[a-z0-9-]+)\s{2,}/.exec(l)?.[1])
    .filter((id): id is string => id !== undefined);
  expect(ids).toEqual(expect.arrayContaining(keep));
  return `rules:\n${ids
    .filter((id) => !keep.includes(id))
    .map((id) => `  ${id}: off\n`)
    .join("")}`;
}

const BASELINE = {
  "governance/systems/support.yaml": [
    "kind: ai-system",
    "id: SYS-SUPPORT",
    "name: Support assistant",
    "owner: head-of-support",
    "intended_purpose: Answer customer questions about their loans.",
    "lifecycle_stage: operation",
    "",
  ].join("\n"),
  "governance/impact-assessments/support.yaml": [
    "kind: impact-assessment",
    "id: IA-SUPPORT",
    "title: Support assistant impact assessment",
    "system: SYS-SUPPORT",
    "assessor: ai-governance-lead",
    "assessed_on: 2026-05-01",
    "impacts:",
    "  individuals:",
    "    - { area: privacy, description: Account data could be shown to the wrong person., severity: major, likelihood: unlikely }",
    "",
  ].join("\n"),
  // Committed before the hook existed; it must never be reported while it is not staged.
  "governance/legacy/old-risk.yaml": "kind: risk\nid: RISK-OLD\ntitle: Legacy entry\nsystem: SYS-SUPPORT\ninherent: { likelihood: often, impact: major }\n",
};

const card = (ia: string) => `---\nkind: model-card\nid: MC-SUPPORT\ntitle: Support assistant model card\nsystem: SYS-SUPPORT\nimpact_assessment: ${ia}\n---\n# Support assistant\n`;
const risk = (likelihood: string) => `kind: risk\nid: RISK-7\ntitle: Chatbot discloses account data\nsystem: SYS-SUPPORT\ninherent: { likelihood: ${likelihood}, impact: major, level: high }\n`;

/** A git repository with the baseline committed (without hooks) and a configuration keeping the link rules. */
function project(extra: Record<string, string> = {}): string {
  const dir = tempDir("aimslint-hook-project-");
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.email", "dev@example.com");
  git(dir, "config", "user.name", "Dev");
  write(dir, { "aimslint.config.yaml": configKeeping(["modelcard/links-impact-assessment", "modelcard/links-system"]), ...BASELINE, ...extra });
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "--no-verify", "-m", "baseline");
  return dir;
}

/** The three steps every hook must get right; `commit` runs `git commit` (and so the hook) in `dir`. */
function commitScenario(dir: string, commit: (message: string) => { code: number | null; out: string }, brokenRisk: string) {
  const head = git(dir, "rev-parse", "HEAD");

  // 1. Broken artefacts are rejected, with positions and rule ids; the unstaged legacy file is not reported.
  write(dir, { "models/support/model-card.md": card("IA-SUPPOR"), [brokenRisk]: risk("sometimes") });
  git(dir, "add", "models/support/model-card.md", brokenRisk);
  const rejected = commit("broken");
  expect(rejected.code, rejected.out).not.toBe(0);
  expect(rejected.out).toContain(`models/support/model-card.md:6:20`);
  expect(rejected.out).toMatch(/"impact_assessment" names "IA-SUPPOR".*; did you mean "IA-SUPPORT"\?.*modelcard\/links-impact-assessment/);
  expect(rejected.out).toContain(`${brokenRisk}:5:25`);
  expect(rejected.out).toMatch(/Invalid value "sometimes" for "inherent.likelihood".*schema\/enum/);
  expect(rejected.out).not.toContain("old-risk.yaml");
  expect(git(dir, "rev-parse", "HEAD")).toBe(head);

  // 2. Fixed: accepted. The card names IA-SUPPORT, which is committed but not staged.
  write(dir, { "models/support/model-card.md": card("IA-SUPPORT"), [brokenRisk]: risk("likely") });
  git(dir, "add", "models/support/model-card.md", brokenRisk);
  expect(git(dir, "diff", "--cached", "--name-only").split("\n").sort()).toEqual([brokenRisk, "models/support/model-card.md"].sort());
  const accepted = commit("fixed");
  expect(accepted.code, accepted.out).toBe(0);
  expect(accepted.out).not.toContain("old-risk.yaml");
  expect(git(dir, "rev-parse", "HEAD")).not.toBe(head);
  expect(git(dir, "show", "--name-only", "--format=", "HEAD").split("\n").sort()).toEqual([brokenRisk, "models/support/model-card.md"].sort());

  // 3. A commit without artefacts passes although a broken file sits in the repository.
  write(dir, { "notes.txt": "meeting notes\n" });
  git(dir, "add", "notes.txt");
  const unrelated = commit("notes");
  expect(unrelated.code, unrelated.out).toBe(0);

  // 4. A staged file named like an option is checked as a file (the hook ends the options with --), not read as one.
  write(dir, { "--config=x.yaml": "kind: risk\nid: RISK-8\nid: RISK-9\n" });
  git(dir, "add", "--", "--config=x.yaml");
  const named = commit("option-like name");
  expect(named.code, named.out).not.toBe(0);
  expect(named.out).toMatch(/--config=x\.yaml:3:1 .*parse\/duplicate-key/);
  git(dir, "rm", "-q", "--cached", "--", "--config=x.yaml");
}

describe("plain .git/hooks/pre-commit line", () => {
  it("checks the staged files with the built CLI, resolving links against the whole repository", () => {
    const dir = project();
    const hook = join(dir, ".git", "hooks", "pre-commit");
    // The line docs/local-use.md gives, with the bundle in place of `npx --no-install aimslint`.
    writeFileSync(hook, `#!/bin/sh\ngit diff --cached --name-only --diff-filter=ACMR -z -- '*.yaml' '*.yml' '*.json' '*.md' | xargs -0 -r node '${CLI.replace(/'/g, "'\\''")}' --\n`);
    chmodSync(hook, 0o755);
    // A file name with a space: -z and xargs -0 keep it one argument.
    commitScenario(dir, (message) => sh("git", ["commit", "-m", message], dir), "governance/risks/RISK 7.yaml");
  });
});

const preCommit = spawnSync("pre-commit", ["--version"], { encoding: "utf8" });
const havePreCommit = preCommit.status === 0;
const preCommitVersion = havePreCommit ? preCommit.stdout.trim() : "not installed";
if (!havePreCommit) {
  console.warn("Skipping the pre-commit framework test: the `pre-commit` command is not installed (apt-get install pre-commit, or pip install pre-commit). CI installs it.");
}

describe(".pre-commit-hooks.yaml", () => {
  it("declares a node hook on YAML, JSON and Markdown files, run serially", () => {
    const hooks = parse(readFileSync(join(root, ".pre-commit-hooks.yaml"), "utf8")) as Record<string, unknown>[];
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: "aimslint", entry: "aimslint", args: ["--"], language: "node", types_or: ["yaml", "json", "markdown"], require_serial: true });
    expect(hooks[0]!["minimum_pre_commit_version"]).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe.skipIf(!havePreCommit)(`pre-commit framework${havePreCommit ? "" : " (skipped: the pre-commit command is not installed)"}`, () => {
  it(`installs from a clone of this repository and gates commits (${preCommitVersion})`, { timeout: 600_000 }, () => {
    // The hook repository: this working tree's package as a fresh git repository (its HEAD is the `rev`).
    const hookRepo = tempDir("aimslint-hook-repo-");
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { files: string[]; bin: Record<string, string> };
    for (const entry of ["package.json", "package-lock.json", ".pre-commit-hooks.yaml", ...pkg.files]) cpSync(join(root, entry), join(hookRepo, entry), { recursive: true });
    git(hookRepo, "init", "-q", "-b", "main");
    git(hookRepo, "add", "-A");
    git(hookRepo, "-c", "user.email=dev@example.com", "-c", "user.name=Dev", "commit", "-q", "-m", "aimslint under test");
    const rev = git(hookRepo, "rev-parse", "HEAD");

    const dir = project({ ".pre-commit-config.yaml": `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: aimslint\n` });
    // pre-commit keeps its clones and environments here; npm may answer from its cache (CI ran npm ci).
    const env = cleanEnv({
      PRE_COMMIT_HOME: tempDir("aimslint-pre-commit-home-"),
      npm_config_prefer_offline: "true",
      npm_config_audit: "false",
      npm_config_fund: "false",
      npm_config_update_notifier: "false",
    });
    const installed = sh("pre-commit", ["install", "--install-hooks"], dir, env);
    expect(installed.code, installed.out).toBe(0);

    const commit = (message: string) => sh("git", ["commit", "-m", message], dir, env);
    commitScenario(dir, commit, "governance/risks/RISK-7.yaml");

    // The hook ran aimslint (not something else called that) and pre-commit skipped it for notes.txt.
    const log = sh("pre-commit", ["run", "aimslint", "--files", "models/support/model-card.md", "--verbose"], dir, env);
    expect(log.code, log.out).toBe(0);
    expect(log.out).toMatch(/aimslint \(ISO\/IEC 42001 governance artefacts\)\.*Passed/);
  });
});
