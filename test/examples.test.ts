// The bundled example repositories, through the built CLI: the complete one passes the strict pack, the broken
// one gives exactly the findings recorded in test/golden/broken.stylish.txt (each checked by hand against the
// comment at the top of the broken file), and the AI-use one each AI-use rule once (test/golden/ai-use.stylish.txt).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TEST_CACHE } from "./helpers/cli-env.js";

const root = join(import.meta.dirname, "..");
const cli = (args: string[]) =>
  spawnSync(process.execPath, [join(root, "dist", "cli.cjs"), "--no-color", ...args], { cwd: root, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", ...TEST_CACHE } });

describe("example repositories", () => {
  it("acme-governance passes the strict rule pack", () => {
    const r = cli(["examples/acme-governance"]);
    expect(r.stdout).toMatch(/^✔ No problems \(4\d artefacts in \d+ files\)\.\n$/);
    expect(r.status).toBe(0);
  });

  it("broken gives exactly the recorded findings", () => {
    const r = cli(["examples/broken"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(readFileSync(join(root, "test", "golden", "broken.stylish.txt"), "utf8"));
  });

  it("ai-use gives exactly the recorded findings: each rule on a repository's own AI use once", () => {
    const r = cli(["examples/ai-use"]);
    expect(r.status).toBe(1);
    const golden = readFileSync(join(root, "test", "golden", "ai-use.stylish.txt"), "utf8");
    expect(r.stdout).toBe(golden);
    const rules = [...golden.matchAll(/ {2}([a-z]+\/[a-z0-9-]+)$/gm)].map((m) => m[1]);
    expect(rules.sort()).toEqual(
      [
        "agent/no-literal-secrets",
        "agent/scoped-permissions",
        "ci/agent-prompts-kept",
        "ci/ai-action-pinned",
        "ci/ai-job-time-limit",
        "ci/ai-trusted-trigger",
        "ci/ai-write-gated",
        "ci/model-version-pinned",
        "deps/ai-sdk-pinned",
        "repo/ai-use-inventoried",
        "system/ai-components-recorded",
        "system/automation-evidence",
      ].sort(),
    );
  });

  it("ai-use's inventory lists what each record covers and what none does", () => {
    const out = cli(["inventory", "examples/ai-use"]).stdout;
    expect(out).toMatch(/^AI use in this repository: 3 workflow jobs, 2 agent configurations, 3 AI packages; 1 not in the AI system inventory\.$/m);
    expect(out).toMatch(/Not in the AI system inventory\n {2}examples\/ai-use\/\.github\/workflows\/triage\.yml:8 {2}job "answer" {2}actions\/ai-inference@v1, model openai\/gpt-4o\n/);
  });

  it("broken points at each deliberate problem", () => {
    const out = cli(["examples/broken"]).stdout;
    for (const expected of [
      "governance/risks/RISK-101.yaml:6:8  error  YAML: Nested mappings are not allowed in compact mappings.  parse/syntax",
      "governance/risks/RISK-102.yaml:13:1  error  Duplicate key",
      'governance/risks/RISK-103.yaml:9:15  error  Invalid value "sometimes" for "inherent.likelihood"',
      'governance/risks/RISK-105.yaml:3:7  error  Unknown artefact kind "riskk"; did you mean "risk"?',
      'governance/impact-assessments/credit-scoring.yaml:10:14  error  Invalid date "2026-02-30"',
      'governance/impact-assessments/credit-scoring.yaml:18:13  error  "RISK-109" in "impacts.individuals[0].risk" is an AI risk entry whose "system" is "SYS-SPELLCHECK"',
      'governance/risks/RISK-108.yaml:25:7  error  "summer-intern" in "acceptance.by" does not hold the authority to accept a residual risk at level "high"',
      'models/credit/model-card.yaml:32:16  error  "DS-CREDIT-APPLICATIONS" in "evaluation.data[0].dataset" is also in "training_data[0].dataset".',
      'governance/systems/spell-checker.yaml:3:1  error  Missing "scope_exclusion_reason".',
      'governance/policy/ai-policy.yaml:11:22  error  Expected "review_cycle_months" to be a whole number',
      'governance/suppliers/meridian-bureau.yaml:14:17  error  Invalid value "yearly" for "review_cadence"',
      'models/placeholder/MODEL_CARD.md:20:1  error  "out_of_scope_use" (section "Out-of-Scope Use") is empty.',
    ]) {
      expect(out.replace(/ {2,}/g, "  ")).toContain(`examples/broken/${expected}`);
    }
  });
});
