// What users of ESLint, markdownlint-cli2 and Spectral expect of a linter's command line (issue 17), end to end
// through the built bundle: here, the totals past the per-file limit, and a start-up that stays lean.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { fixture } from "./helpers/lint.js";

const root = join(import.meta.dirname, "..");
const CLI = join(root, "dist", "cli.cjs");
const cacheDir = mkdtempSync(join(tmpdir(), "aimslint-conventions-cache-"));
const temporary = [cacheDir];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], cwd: string, options: { env?: Record<string, string>; input?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: "utf8",
    input: options.input ?? "",
    env: { PATH: process.env["PATH"] ?? "", AIMSLINT_TODAY: "2026-06-30", AIMSLINT_CACHE_DIR: cacheDir, ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function repo(files: Record<string, string>): string {
  const dir = fixture(files);
  temporary.push(dir);
  return dir;
}

describe("totals past the per-file limit", () => {
  it("counts every problem, saying how many are not listed", () => {
    const entries = Array.from({ length: 20 }, (_, i) => `  - { id: R-${i}, bogus: 1 }`).join("\n");
    const dir = repo({ "register.yaml": `kind: risk-register\nid: REG\nrisks:\n${entries}\n` });
    const all = JSON.parse(run(["--no-cache", "-f", "json"], dir).stdout) as { summary: { errors: number; warnings: number; notListed: number } };
    const total = all.summary.errors + all.summary.warnings;
    expect(total).toBeGreaterThan(20);
    expect(all.summary.notListed).toBe(0);
    const capped = run(["--no-cache", "--max-findings-per-file", "5"], dir);
    expect(capped.code).toBe(1);
    const listed = capped.stdout.split("\n").filter((l) => l.startsWith("register.yaml:"));
    expect(listed).toHaveLength(6);
    expect(capped.stdout).toContain(
      `✖ ${total} problems (${all.summary.errors} errors, ${all.summary.warnings} warnings) in 21 artefacts in 1 file; ${total - 5} of them not listed (the per-file limit).`,
    );
    const json = JSON.parse(run(["--no-cache", "-f", "json", "--max-findings-per-file", "5"], dir).stdout) as { summary: typeof all.summary; findings: { ruleId: string; notListed?: object }[] };
    expect(json.summary).toMatchObject({ errors: all.summary.errors, warnings: all.summary.warnings, notListed: total - 5 });
    expect(json.findings).toHaveLength(6);
    expect(json.findings[5]).toMatchObject({ ruleId: "aimslint/too-many-findings", notListed: { suppressed: 0 } });
  });
});

describe("start-up stays lean", () => {
  it("a stylish run never loads the other reporters", async () => {
    const loaded: string[] = [];
    for (const name of ["junit", "gitlab", "sarif", "json", "github"]) {
      vi.doMock(`../src/reporters/${name}.js`, () => {
        loaded.push(name);
        return {};
      });
    }
    const { main } = await import("../src/cli/main.js");
    const dir = repo({ "r.yaml": "kind: risk\nid: RISK-7\ninherent: { likelihood: sometimes }\n" });
    let stdout = "";
    const code = await main(["--no-cache", "r.yaml"], { cwd: dir, env: { AIMSLINT_TODAY: "2026-06-30" }, stdout: (t) => void (stdout += t), stderr: () => undefined, isTTY: false });
    expect(code).toBe(1);
    expect(stdout).toContain("schema/enum");
    expect(loaded).toEqual([]);
  });
});
