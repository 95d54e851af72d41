// Crosswalks to the EU AI Act, the NIST AI RMF, ISO/IEC 23894 and ISO/IEC 42005 (docs/crosswalks.md): the reference
// forms the rule meta-schema accepts, that every reference in use is one whose title (and source) is recorded, the
// exact crosswalks of a few rules, and how they surface: SARIF tags, JSON, explain and `--framework`.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILT_IN_RULES } from "../src/config/load-rules.js";
import { CROSSWALK_FRAMEWORKS, CROSSWALK_PAIRS, crosswalksOf, crosswalkTag, crosswalkTitle, type CrosswalkFramework, REFERENCE_PATTERNS } from "../src/core/crosswalks.js";
import data from "../src/core/crosswalks.json" with { type: "json" };
import { isIsoReference } from "../src/core/iso42001.js";
import { sarif } from "../src/reporters/sarif.js";
import { builtInValidator } from "../src/schema/compiled-validators.js";
import { sarifErrors } from "./fixtures/action/validate-sarif.js";

const root = join(import.meta.dirname, "..");
const CLI = join(root, "dist", "cli.cjs");
const BROKEN = join(root, "examples", "broken");

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", AIMSLINT_TODAY: "2026-06-30" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const RULE = {
  id: "acme/x-y",
  title: "Require x on every y record",
  severity: "warning",
  iso42001: ["A.6.2.4"],
  appliesTo: ["risk"],
  rationale: "Because the standard asks for it.",
  help: "Add x to the record.",
  check: { then: [{ field: "x", function: "present" }] },
};

function ruleErrors(crosswalks: unknown): string[] {
  const validate = builtInValidator("@rule")!;
  return validate({ ...RULE, crosswalks }) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe("the rule meta-schema", () => {
  it("accepts each framework's reference forms", () => {
    expect(
      ruleErrors({
        euAiAct: ["Art. 9", "Art. 9(2)(a)", "Art. 26(5)", "Art. 4a", "Annex IV", "Annex IV(2)(g)", "Annex III(1)"],
        nistAiRmf: ["GOVERN", "GOVERN 1", "GOVERN 1.1", "MEASURE 2.11", "MANAGE 4.3"],
        iso23894: ["6.4.2", "6.5"],
        iso42005: ["5.11", "6.3.5"],
      }),
    ).toEqual([]);
    expect(ruleErrors({ euAiAct: [] })).toEqual([]);
  });

  it.each([
    ["euAiAct", "Article 9"],
    ["euAiAct", "Art 9"],
    ["euAiAct", "Art. 9 (2)"],
    ["euAiAct", "Art. 0"],
    ["euAiAct", "Annex 4"],
    ["euAiAct", "Annex IV(g)"],
    ["euAiAct", "Art. 9(2)(a)(b)(c)"],
    ["nistAiRmf", "GOVERN-1.1"],
    ["nistAiRmf", "Govern 1.1"],
    ["nistAiRmf", "GV 1.1"],
    ["nistAiRmf", "MEASURE 2.11.1"],
    ["nistAiRmf", "MAP 0.1"],
    ["iso23894", "A.6.2.4"],
    ["iso23894", "6.4.2.1.1"],
    ["iso42005", "5.11a"],
    ["iso42005", "Annex A"],
  ])("refuses %s reference %j", (framework, ref) => {
    expect(ruleErrors({ [framework]: [ref] }).length).toBeGreaterThan(0);
  });

  it("refuses an unknown framework and a repeated reference", () => {
    expect(ruleErrors({ iso27001: ["5.1"] }).length).toBeGreaterThan(0);
    expect(ruleErrors({ euAiAct: ["Art. 9", "Art. 9"] }).length).toBeGreaterThan(0);
  });

  it("uses the same reference patterns as src/core/crosswalks.ts", () => {
    const schema = JSON.parse(readFileSync(join(root, "schemas", "meta", "rule.schema.json"), "utf8"));
    for (const framework of CROSSWALK_FRAMEWORKS) expect(schema.properties.crosswalks.properties[framework].items.pattern).toBe(REFERENCE_PATTERNS[framework]);
  });
});

describe("the crosswalk data", () => {
  it("gives every titled reference in its framework's form", () => {
    for (const framework of CROSSWALK_FRAMEWORKS) {
      const titles = (data.titles as Record<CrosswalkFramework, Record<string, string>>)[framework];
      for (const ref of Object.keys(titles)) expect(ref, framework).toMatch(new RegExp(REFERENCE_PATTERNS[framework]));
    }
    // NIST AI 100-1 has 72 subcategories.
    expect(Object.keys(data.titles.nistAiRmf).filter((r) => r.includes(".")).length).toBe(72);
  });

  it("pairs existing ISO/IEC 42001 items with titled references, each with a known basis", () => {
    for (const pair of CROSSWALK_PAIRS) {
      expect(isIsoReference(pair.iso), pair.iso).toBe(true);
      expect(crosswalkTitle(pair.framework, pair.ref), `${pair.framework} ${pair.ref}`).toBeDefined();
      expect(Object.keys(data.bases)).toContain(pair.basis);
    }
  });

  it("names only references with a recorded title in every built-in rule, derived or the rule's own", () => {
    const unknown: string[] = [];
    for (const rule of BUILT_IN_RULES) {
      for (const [framework, refs] of Object.entries(crosswalksOf(rule)) as [CrosswalkFramework, string[]][]) {
        for (const ref of refs) if (!crosswalkTitle(framework, ref)) unknown.push(`${rule.id}: ${framework} ${ref}`);
      }
      for (const [framework, refs] of Object.entries(rule.crosswalks ?? {}) as [CrosswalkFramework, string[]][]) {
        for (const ref of refs) if (!crosswalkTitle(framework, ref)) unknown.push(`${rule.id}: own ${framework} ${ref}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it("gives these rules exactly these crosswalks", () => {
    const of = (id: string) => crosswalksOf(BUILT_IN_RULES.find((r) => r.id === id)!);
    // Derived from A.6.2.8 alone.
    expect(of("system/event-logging")).toEqual({ euAiAct: ["Art. 12", "Art. 19"], nistAiRmf: ["MEASURE 2.4"] });
    // The rule's own lists, narrower than what 6.1.3 would give.
    expect(of("risk/treatment-option")).toEqual({ euAiAct: ["Art. 9(2)(d)"], nistAiRmf: ["MANAGE 1.3"], iso23894: ["6.5.2"] });
    // Derived for two frameworks, its own for ISO/IEC 42005.
    expect(of("ia/approved")).toEqual({ euAiAct: ["Art. 27"], nistAiRmf: ["MAP 1.1"], iso42005: ["5.11"] });
    // Derived EU AI Act, its own NIST subcategory.
    expect(of("datacard/bias")).toEqual({ euAiAct: ["Art. 10"], nistAiRmf: ["MEASURE 2.11"] });
    // An empty list: no EU AI Act article for CI hygiene.
    expect(of("ci/ai-action-pinned")).toEqual({ nistAiRmf: ["GOVERN 6.1"] });
    expect(of("audit/independent")).toEqual({});
  });

  it("sorts articles before annexes and functions in their order", () => {
    expect(crosswalksOf({ iso42001: ["A.6.2.7", "A.6.2.8", "A.6.2.4"] }).euAiAct).toEqual(["Art. 11", "Art. 12", "Art. 13", "Art. 15", "Art. 19", "Annex IV", "Annex IV(2)(g)"]);
    expect(crosswalksOf({ iso42001: [], crosswalks: { nistAiRmf: ["MANAGE 1.1", "MEASURE 2.11", "MEASURE 2.4", "GOVERN 6.1"] } }).nistAiRmf).toEqual([
      "GOVERN 6.1",
      "MEASURE 2.4",
      "MEASURE 2.11",
      "MANAGE 1.1",
    ]);
  });

  it("makes SARIF tags of references", () => {
    expect(crosswalkTag("euAiAct", "Art. 9")).toBe("eu-ai-act/art-9");
    expect(crosswalkTag("euAiAct", "Art. 9(2)(a)")).toBe("eu-ai-act/art-9-2-a");
    expect(crosswalkTag("euAiAct", "Annex IV(2)(g)")).toBe("eu-ai-act/annex-iv-2-g");
    expect(crosswalkTag("nistAiRmf", "GOVERN 1.1")).toBe("nist-ai-rmf/govern-1.1");
    expect(crosswalkTag("iso23894", "6.4.2")).toBe("iso23894/6.4.2");
  });
});

describe("crosswalks in the reports", () => {
  it("keeps SARIF at 10 tags per rule, ISO/IEC 42001 first, with the full lists in properties and help", () => {
    const rule = { ...RULE, id: "acme/wide", iso42001: ["6.1.2", "6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.6.2.8"], severity: "warning" as const };
    const log = JSON.parse(sarif([], { filesChecked: 0, artefactsChecked: 0, color: false, version: "1.0.0", rules: [rule] }));
    const described = log.runs[0].tool.driver.rules[0];
    expect(described.properties.tags).toEqual([...rule.iso42001, "iso42001", "eu-ai-act/art-9", "eu-ai-act/art-12"]);
    expect(described.properties.crosswalks).toEqual(crosswalksOf(rule));
    expect(described.properties.crosswalks.iso42005).toEqual(["5.2", "5.4", "5.8", "5.10", "5.12"]);
    expect(described.help.markdown).toContain("**ISO/IEC 42005:** 5.2 (Documenting the process)");
    expect(described.help.text).toContain("NIST AI RMF: MAP 1.1 (");
    expect(described.help.text).toContain("; MEASURE 2.4 (");
    expect(sarifErrors(log)).toEqual([]);
  });

  it("puts each finding's crosswalks in JSON output", () => {
    const r = run(["--format", "json", "--no-cache", BROKEN]);
    const findings = JSON.parse(r.stdout).findings as { ruleId: string; crosswalks?: unknown }[];
    expect(findings.find((f) => f.ruleId === "risk/treatment-matches-soa")?.crosswalks).toEqual({ euAiAct: ["Art. 9"], iso23894: ["6.5"] });
    expect(findings.find((f) => f.ruleId === "doc/metadata")).not.toHaveProperty("crosswalks");
  });

  it("shows a rule's crosswalks in explain", () => {
    const r = run(["explain", "system/event-logging"]);
    expect(r.stdout).toContain("- **Crosswalks:** EU AI Act: Art. 12 (Record-keeping); Art. 19 (Automatically generated logs) · NIST AI RMF: MEASURE 2.4 (");
  });

  it("groups stylish output by a framework's references with --framework, through the built bundle", () => {
    const r = run(["--framework", "eu-ai-act", "--no-color", "--no-cache", BROKEN]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\n");
    const heading = lines.findIndex((l) => l.startsWith("EU AI Act Art. 9: Risk management system ("));
    expect(heading).toBeGreaterThanOrEqual(0);
    // The findings of the group follow, indented, each with its rule.
    expect(lines[heading + 1]).toMatch(/^ {2}examples\/broken\/.+:\d+:\d+ +(error|warning) /);
    expect(r.stdout).toMatch(/\n {2}examples\/broken\/governance\/risks\/RISK-108\.yaml:\d+:\d+ .* risk\/treatment-matches-soa\n/);
    expect(r.stdout).toMatch(/^Not mapped to EU AI Act \(\d+ findings\)$/m);
    expect(r.stdout).toMatch(/^\d+ of \d+ findings map to \d+ EU AI Act references; a finding is listed under each reference of its rule/m);
    // Articles before annexes, in numeric order.
    const order = lines.filter((l) => l.startsWith("EU AI Act ")).map((l) => l.replace(/:.*$/, ""));
    expect(order.indexOf("EU AI Act Art. 9")).toBeLessThan(order.indexOf("EU AI Act Art. 10"));
    expect(order.at(-1)).toMatch(/^EU AI Act Annex IV/);
  });

  it("groups by ISO/IEC 42001 references and by NIST AI RMF subcategories", () => {
    const iso = run(["--framework", "iso42001", "--no-color", "--no-cache", BROKEN]);
    expect(iso.stdout).toMatch(/^ISO\/IEC 42001 6\.1\.2: AI risk assessment \(\d+ findings?\)$/m);
    const nist = run(["--framework", "nist-ai-rmf", "--no-color", "--no-cache", BROKEN]);
    expect(nist.stdout).toMatch(/^NIST AI RMF MAP 5\.1: The likelihood and magnitude of each identified impact are documented \(\d+ findings?\)$/m);
  });

  it("refuses an unknown framework, and --framework with a format for machines", () => {
    const unknown = run(["--framework", "iso27001", BROKEN]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown framework "iso27001"; expected one of iso42001, eu-ai-act, nist-ai-rmf, iso23894, iso42005.');
    const json = run(["--framework", "eu-ai-act", "--format", "json", BROKEN]);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain("--framework groups the stylish output");
  });
});
