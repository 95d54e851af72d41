// The CLI end to end, through the built bundle (dist/cli.cjs) as users and hooks run it.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture } from "./helpers/lint.js";
import { TEST_CACHE } from "./helpers/cli-env.js";

const root = join(import.meta.dirname, "..");
const CLI = join(root, "dist", "cli.cjs");

function run(args: string[], cwd = root, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", AIMSLINT_TODAY: "2026-06-30", ...TEST_CACHE, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const BROKEN_RISK = [
  "kind: risk",
  "id: RISK-7",
  "title: Chatbot discloses account data",
  "system: SYS-SUPPORT",
  "inherent: { likelihood: sometimes, impact: major, level: high }",
  "treatment:",
  "  option: mitigate",
  "  controls: [A.5.1]",
  "  ownr: support-lead",
  "",
].join("\n");

describe("aimslint CLI (bundle)", () => {
  it("prints help and exits 0", () => {
    const r = run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage:");
    expect(r.stdout).toContain("aimslint explain <rule-id>");
  });

  it("prints the package version", () => {
    const r = run(["--version"]);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version);
    expect(r.code).toBe(0);
  });

  it("exits 2 on a usage error", () => {
    const r = run(["--frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown option '--frobnicate'");
    expect(run(["--format", "xml"]).stderr).toContain('Unknown format "xml"');
    expect(run(["no/such/dir"]).code).toBe(2);
  });

  it("reports findings with file:line:col, severity, message and rule id, and exits 1", () => {
    const dir = fixture({ "risks/RISK-7.yaml": BROKEN_RISK });
    const r = run(["--no-color"], dir);
    expect(r.code).toBe(1);
    // Other rules of the pack report on this file too; these are the ones this test is about.
    const lines = r.stdout.split("\n").filter((l) => l.startsWith("risks/") && /(schema\/|risk\/treatment-complete)/.test(l));
    expect(lines).toEqual(
      [
        'risks/RISK-7.yaml:5:25  error    Invalid value "sometimes" for "inherent.likelihood": expected one of "rare", "unlikely", "possible", "likely", "almost-certain".  schema/enum',
        'risks/RISK-7.yaml:8:14  error    Invalid value "A.5.1" for "treatment.controls[0]": expected an ISO/IEC 42001 Annex A control id (A.2.2 … A.10.4; there is no A.x.1 control) or an organisation control id (ORG-…).  schema/pattern',
        'risks/RISK-7.yaml:9:3   error    Unknown property "ownr" in "treatment"; did you mean "owner"?  schema/unknown-property',
        // Not also 'Missing "treatment.owner"': the misspelt "ownr" is that problem, reported once.
        'risks/RISK-7.yaml:6:1   error    Missing "treatment.due". A treated risk has a date by which the treatment is in place.  risk/treatment-complete',
      ].sort(byPosition),
    );
    expect(r.stdout).toMatch(/\n\n✖ \d+ problems \(\d+ errors, \d+ warnings?\) in 1 artefact in 1 file\.\n$/);
  });

  it("writes JSON that parses, with full ranges and ISO references", () => {
    const dir = fixture({ "risk.yaml": BROKEN_RISK });
    const r = run(["--format", "json"], dir);
    const report = JSON.parse(r.stdout);
    expect(report.tool.name).toBe("aimslint");
    const unknown = report.findings.find((f: { ruleId: string }) => f.ruleId === "schema/unknown-property");
    expect(unknown).toMatchObject({ file: "risk.yaml", range: { start: { line: 9, column: 3 }, end: { line: 9, column: 7 } }, iso42001: ["6.1.2", "6.1.3", "8.2", "8.3"], pointer: "/treatment/ownr" });
  });

  it("emits GitHub annotations with escaped properties", () => {
    const dir = fixture({ "risk.yaml": BROKEN_RISK });
    const lines = run(["--format", "github"], dir).stdout.trim().split("\n");
    expect(lines).toContain(
      '::error file=risk.yaml,line=9,endLine=9,col=3,endColumn=7,title=schema/unknown-property::Unknown property "ownr" in "treatment"; did you mean "owner"? (ISO/IEC 42001 6.1.2, 6.1.3, 8.2, 8.3)%0ARename it to "owner".',
    );
  });

  it("never lets artefact content form a workflow command", () => {
    const dir = fixture({
      "::warning::evil.yaml": 'kind: risk\nid: RISK-1\ntitle: x\nsystem: S\ninherent: { likelihood: "::error::pwned\\n::warning::again ##[error]legacy \\u001b[31mred", impact: major }\n',
    });
    for (const format of ["stylish", "github", "json"]) {
      const out = run(["--format", format, "--no-color"], dir).stdout;
      for (const line of out.split("\n")) {
        if (format === "github" && /^::(error|warning|notice) file=/.test(line)) {
          expect(line.slice(line.indexOf("::", 2) + 2)).not.toMatch(/[\r\n]/);
        } else expect(line.trimStart()).not.toMatch(/^::/);
        expect(line).not.toContain("##[");
        expect(line).not.toContain("\u001b[31m");
      }
    }
  });

  it("turns a bad configuration into exit 2 with the config's line and column", () => {
    const dir = fixture({ "aimslint.config.yaml": "extends: recommended\nrules:\n  risk/treatment-complete: sometimes\n", "r.yaml": BROKEN_RISK });
    const r = run([], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("aimslint.config.yaml:3:28");
  });

  it("honours --quiet and --max-warnings", () => {
    const dir = fixture({ "notes.yaml": "likelihood: likely\ntreatment: { option: accept }\n" });
    expect(run([], dir).code).toBe(0);
    expect(run(["--max-warnings", "0"], dir).code).toBe(1);
    expect(run(["--quiet"], dir).stdout).toContain("No problems");
  });
});

function byPosition(a: string, b: string): number {
  const pa = a.split(/\s+/)[0]!.split(":").map(Number);
  const pb = b.split(/\s+/)[0]!.split(":").map(Number);
  return pa[1]! - pb[1]! || pa[2]! - pb[2]! || a.localeCompare(b);
}

describe("first contact with a repository that uses AI and keeps no governance files", () => {
  it("reports its AI use, and says how to start an inventory from it", () => {
    const dir = fixture({
      ".github/workflows/review.yml":
        "on: pull_request\njobs:\n  review:\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n    steps:\n      - uses: openai/codex-action@0123456789abcdef0123456789abcdef01234567\n",
      "src/index.ts": "export {};\n",
    });
    const r = run(["--no-cache"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        '.github/workflows/review.yml:3:3  error    AI use not in the AI system inventory: job "review" (openai/codex-action); the repository holds no AI system record yet. Add it to the ai_use of the AI system record it belongs to (4.3, A.4.2).  repo/ai-use-inventoried',
        "",
        "✖ 1 problem (1 error, 0 warnings) in 1 artefact in 1 file.",
        "",
        "No AI governance artefacts yet; aimslint read the repository's own AI use (1 file).",
        '"npx aimslint inventory" lists it; "npx aimslint init" writes a governance scaffold whose AI system record covers it.',
        "",
      ].join("\n"),
    );
    // Machines get the findings alone.
    expect(JSON.parse(run(["--no-cache", "--format", "json"], dir).stdout).findings).toHaveLength(1);
  });
});
