// One problem, one finding: no two findings for one field at one place, on the broken example and on a fresh
// `init` scaffold (whose placeholders several rules see).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Finding } from "../src/core/finding.js";
import { fixture, lintDir } from "./helpers/lint.js";

const root = join(import.meta.dirname, "..");
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** Findings that share a file, a field and a position: each group is one problem reported more than once. */
function repeated(findings: readonly Finding[]): string[] {
  const seen = new Map<string, string[]>();
  for (const f of findings) {
    if (f.pointer === undefined) continue;
    const key = `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.pointer}`;
    seen.set(key, [...(seen.get(key) ?? []), `${f.ruleId} (${f.message.split(".")[0]})`]);
  }
  return [...seen].filter(([, v]) => v.length > 1).map(([k, v]) => `${k}: ${v.join(" + ")}`);
}

describe("one problem, one finding", () => {
  it("reports each gap of examples/broken once, from the most specific rule, at the higher severity", async () => {
    const { findings } = await lintDir(join(root, "examples", "broken"));
    expect(repeated(findings)).toEqual([]);
    const at = (file: string, pointer: string) => findings.filter((f) => f.file.endsWith(file) && f.pointer === pointer).map((f) => `${f.ruleId} ${f.severity}`);
    // The schema requires it and system/required-fields says why: the rule's finding, an error as the schema's was.
    expect(at("systems/credit-scoring.yaml", "/intended_purpose")).toEqual(["system/required-fields error"]);
    // doc/review-date (warning) and policy/review-cycle (error) both want the date.
    expect(at("policy/ai-policy.yaml", "/next_review")).toEqual(["policy/review-cycle error"]);
    expect(at("suppliers/nimbus-ai.yaml", "/next_review")).toEqual(["supplier/assessment-current warning"]);
  });

  it("reports a misspelt key once, at the misspelling, not also the key it was meant to be", async () => {
    const policy = readFileSync(join(root, "examples", "acme-governance", "governance", "policy", "ai-policy.yaml"), "utf8").replace(/^title:/m, "titel:");
    const { findings } = await lintDir(fixture({ "governance/ai-policy.yaml": policy }));
    const about = findings.filter((f) => f.pointer === "/title" || f.pointer === "/titel").map((f) => `${f.ruleId} ${f.severity} ${f.message}`);
    expect(about).toEqual(['schema/unknown-property error Unknown property "titel" in the AI policy; did you mean "title"?']);
  });

  it("reports each gap of a fresh init scaffold once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aimslint-one-"));
    temporary.push(dir);
    expect(spawnSync("git", ["init", "-q"], { cwd: dir }).status).toBe(0);
    const init = spawnSync(process.execPath, [join(root, "dist", "cli.cjs"), "init"], { cwd: dir, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", NO_COLOR: "1" } });
    expect(init.status, init.stderr).toBe(0);
    const { findings } = await lintDir(dir);
    expect(findings.length).toBeGreaterThan(0);
    expect(repeated(findings)).toEqual([]);
  });
});
