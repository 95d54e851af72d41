// Core checks of the pipeline are declared once (src/core/core-rules.ts): every finding the pipeline makes names a
// declared rule, and `rules`, `explain` and SARIF describe them from that declaration.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { CORE_RULES, coreRule } from "../src/core/core-rules.js";
import { titleOf } from "../src/core/iso42001.js";
import { report } from "../src/core/report.js";
import { ruleCatalogue } from "../src/reporters/sarif.js";

const root = join(import.meta.dirname, "..");

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { cwd: root, env: {}, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false });
  return { code, stdout, stderr };
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

describe("core rules", () => {
  it("each have a title, a rationale, a fix and known ISO/IEC 42001 references", () => {
    for (const rule of Object.values(CORE_RULES)) {
      expect(rule.title.length, rule.id).toBeGreaterThan(10);
      expect(rule.rationale.length, rule.id).toBeGreaterThan(20);
      expect(rule.help.length, rule.id).toBeGreaterThan(10);
      for (const ref of rule.iso42001) expect(titleOf(ref), `${rule.id} ${ref}`).toBeDefined();
    }
  });

  it("are the only rule ids the pipeline writes by name", () => {
    // A core id spelled as a string anywhere in src/ must be declared; typos would otherwise reach users.
    const named = new Set<string>();
    for (const file of sources(join(root, "src"))) {
      for (const m of readFileSync(file, "utf8").matchAll(/"((?:parse|file|kind|schema|suppression|aimslint)\/[a-z-]+)"/g)) named.add(m[1]!);
    }
    expect([...named].filter((id) => !coreRule(id))).toEqual([]);
    expect(named.size).toBeGreaterThanOrEqual(Object.keys(CORE_RULES).length - 1);
  });

  it("give a finding its id, severity and references, in one key order", () => {
    const range = { start: { line: 2, column: 3 }, end: { line: 2, column: 9 } };
    const f = report(CORE_RULES["schema/enum"], "a.yaml", range, "Bad.", { iso42001: ["A.5.2"], help: "Fix.", pointer: "/x" });
    expect(Object.keys(f)).toEqual(["ruleId", "severity", "message", "file", "range", "iso42001", "help", "pointer"]);
    expect(f).toEqual({ ruleId: "schema/enum", severity: "error", message: "Bad.", file: "a.yaml", range, iso42001: ["A.5.2"], help: "Fix.", pointer: "/x" });
    expect(report(CORE_RULES["file/symlink"], "b", range, "Link.")).toEqual({ ruleId: "file/symlink", severity: "warning", message: "Link.", file: "b", range, iso42001: ["7.5.3"] });
  });

  it("are listed by `aimslint rules`, indented below the configurable rules", async () => {
    const r = await cli(["rules"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Core checks of the pipeline (always on, not configurable):\n  parse/syntax ");
    expect(r.stdout).toMatch(/^ {2}schema\/enum +error +always +7\.5\.2 +Use one of the values the kind allows$/m);
    expect(r.stdout).toMatch(/\d+ rules and 30 core checks\./);
    expect(r.stdout).not.toMatch(/^schema\//m);
  });

  it("are explained by `aimslint explain`, and a misspelt id gets a suggestion", async () => {
    const page = await cli(["explain", "suppression/expired"]);
    expect(page.code).toBe(0);
    expect(page.stdout).toContain("# suppression/expired\n\nReview a suppression before its date passes\n");
    expect(page.stdout).toContain("- **ISO/IEC 42001:** 6.1.3 (");
    const typo = await cli(["explain", "schema/enm"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('aimslint: Unknown rule "schema/enm"; did you mean "schema/enum"?');
  });

  it("are described in SARIF's rule catalogue from their declaration", () => {
    const range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    const [meta] = ruleCatalogue([report(CORE_RULES["file/binary"], "x.yaml", range, "Binary.")]);
    expect(meta).toEqual({
      id: "file/binary",
      severity: "error",
      iso42001: ["7.5.3"],
      title: CORE_RULES["file/binary"].title,
      rationale: CORE_RULES["file/binary"].rationale,
      help: CORE_RULES["file/binary"].help,
    });
  });
});
