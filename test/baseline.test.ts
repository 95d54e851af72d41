// Adopting aimslint on a repository that already has findings: `aimslint baseline` accepts them per file and rule,
// later runs report only new ones, `--prune` shrinks the baseline, `--changed-since` reports a branch's files.
// Through the built bundle, in real git repositories.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture } from "./helpers/lint.js";

const CLI = join(import.meta.dirname, "..", "dist", "cli.cjs");
const ENV = { PATH: process.env["PATH"] ?? "", AIMSLINT_TODAY: "2026-06-30", NO_COLOR: "1", GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, "--no-cache", ...args], { cwd, encoding: "utf8", env: ENV });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function git(cwd: string, ...args: string[]) {
  const r = spawnSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { cwd, encoding: "utf8", env: ENV });
  expect(r.status, r.stderr).toBe(0);
}

const risk = (id: string, system: string) => `kind: risk\nid: ${id}\ntitle: Chatbot leaks account data\nsystem: ${system}\n`;

function repo(): string {
  const dir = fixture({ "governance/risk-1.yaml": risk("RISK-1", "SYS-GONE") });
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "start");
  return dir;
}

describe("aimslint baseline", () => {
  it("accepts today's findings per file and rule, and later runs report only new ones", () => {
    const dir = repo();
    const before = run([], dir);
    expect(before.code).toBe(1);
    const written = run(["baseline"], dir);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/^aimslint baseline: 12 findings in 1 file accepted in aimslint-baseline\.json\./);
    const baseline = JSON.parse(readFileSync(join(dir, "aimslint-baseline.json"), "utf8"));
    expect(baseline.version).toBe(1);
    expect(baseline.files["governance/risk-1.yaml"]["risk/system-exists"]).toEqual({ count: 1 });

    const clean = run([], dir);
    expect(clean.code).toBe(0);
    // As a pre-commit hook runs it: the staged file alone, the baseline still applies.
    expect(run(["governance/risk-1.yaml"], dir)).toMatchObject({ code: 0, stdout: "✔ No problems (1 artefact in 1 file, 12 suppressed (12 by the baseline)).\n" });
    expect(clean.stdout).toBe("✔ No problems (1 artefact in 1 file, 12 suppressed (12 by the baseline)).\n");

    // A new file's findings are new; lines moving in the old file change nothing.
    writeFileSync(join(dir, "governance/risk-1.yaml"), `# moved down\n${risk("RISK-1", "SYS-GONE")}`);
    writeFileSync(join(dir, "governance/risk-2.yaml"), risk("RISK-2", "SYS-GONE"));
    const next = run(["--format", "json"], dir);
    expect(next.code).toBe(1);
    const out = JSON.parse(next.stdout);
    expect(new Set(out.findings.filter((f: { suppressed?: unknown }) => !f.suppressed).map((f: { file: string }) => f.file))).toEqual(new Set(["governance/risk-2.yaml"]));
    expect(out.summary.baselined).toBe(12);
  });

  it("reports every finding of a rule in a file once there are more than the baseline accepts", () => {
    const dir = repo();
    run(["baseline"], dir);
    writeFileSync(join(dir, "governance/risk-1.yaml"), `${risk("RISK-1", "SYS-GONE")}residual: { level: high, likelihood: x }\n`);
    const out = JSON.parse(run(["--format", "json"], dir).stdout);
    const active = out.findings.filter((f: { suppressed?: unknown }) => !f.suppressed);
    expect(active.length).toBeGreaterThan(0);
    expect(active.every((f: { file: string }) => f.file === "governance/risk-1.yaml")).toBe(true);
  });

  it("says when accepted findings no longer occur, and --prune drops them without accepting new ones", () => {
    const dir = repo();
    run(["baseline"], dir);
    writeFileSync(join(dir, "governance/risk-1.yaml"), risk("RISK-1", "SYS-GONE").replace("title: Chatbot leaks account data\n", "title: Chatbot leaks account data\nowner: support-lead\n"));
    writeFileSync(join(dir, "governance/risk-3.yaml"), risk("RISK-3", "SYS-GONE"));
    const stale = run([], dir);
    expect(stale.stdout).toMatch(
      /accepted in aimslint-baseline\.json no longer occur \(e\.g\. [a-z/-]+ in governance\/risk-1\.yaml: \d accepted, \d found\); "aimslint baseline --prune" drops them\.\n$/,
    );
    const pruned = run(["baseline", "--prune"], dir);
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toMatch(/^aimslint baseline: pruned \d+ accepted findings? that no longer occur; \d+ findings remain accepted/);
    const baseline = JSON.parse(readFileSync(join(dir, "aimslint-baseline.json"), "utf8"));
    expect(Object.keys(baseline.files)).toEqual(["governance/risk-1.yaml"]);
    expect(run([], dir).stdout).not.toContain("no longer occur");
  });

  it("refuses a baseline that is a symbolic link or not a baseline, with exit code 2", () => {
    const dir = repo();
    const outside = fixture({ "b.json": '{"version":1,"files":{}}' });
    symlinkSync(join(outside, "b.json"), join(dir, "aimslint-baseline.json"));
    const linked = run([], dir);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain("it must be a regular file, not a link");
    expect(run(["baseline"], dir).code).toBe(2);
    expect(readFileSync(join(outside, "b.json"), "utf8")).toBe('{"version":1,"files":{}}');
    const other = repo();
    writeFileSync(join(other, "aimslint-baseline.json"), '{"files": []}');
    expect(run([], other).stderr).toContain('not an aimslint baseline (expected {"version": 1, "files": {...}})');
  });

  it("--no-baseline reports everything; --baseline names another file", () => {
    const dir = repo();
    run(["baseline"], dir);
    expect(run(["--no-baseline"], dir).code).toBe(1);
    mkdirSync(join(dir, "ci"));
    writeFileSync(join(dir, "ci/accepted.json"), readFileSync(join(dir, "aimslint-baseline.json")));
    writeFileSync(join(dir, "aimslint-baseline.json"), '{"version":1,"files":{}}');
    expect(run([], dir).code).toBe(1);
    expect(run(["--baseline", "ci/accepted.json"], dir).code).toBe(0);
  });
});

describe("--changed-since", () => {
  it("reports the files a branch changed or added since its merge base, and nothing else", () => {
    const dir = repo();
    git(dir, "checkout", "-q", "-b", "feature");
    writeFileSync(join(dir, "governance/risk-2.yaml"), risk("RISK-2", "SYS-GONE"));
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "add risk 2");
    writeFileSync(join(dir, "governance/risk-3.yaml"), risk("RISK-3", "SYS-GONE")); // untracked: new too
    const out = JSON.parse(run(["--changed-since", "main", "--format", "json"], dir).stdout);
    expect([...new Set(out.findings.map((f: { file: string }) => f.file))].sort()).toEqual(["governance/risk-2.yaml", "governance/risk-3.yaml"]);
    git(dir, "checkout", "-q", "main");
    git(dir, "clean", "-qfd");
    expect(run(["--changed-since", "main"], dir)).toMatchObject({ code: 0, stdout: "No files changed since the merge base with main.\n" });
    const bad = run(["--changed-since", "no-such-branch"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--changed-since no-such-branch: git says fatal: bad revision 'no-such-branch'.");
    expect(run(["--changed-since", "--output=x"], dir).code).toBe(2);
  });
});
