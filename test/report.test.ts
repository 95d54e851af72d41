// The HTML report's parts, each against exact expectations: the evidence matrix's states and ages, the readiness
// figure, the comparison with an earlier run, the command line, and escaping of hostile text. The rendered page in
// a browser: report-browser.test.ts.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Finding } from "../src/core/finding.js";
import type { IndexEntry } from "../src/engine/index-entry.js";
import { html } from "../src/reporters/html.js";
import { compare, readPrevious } from "../src/reporters/report/compare.js";
import { evidenceMatrix } from "../src/reporters/report/evidence-matrix.js";
import { readiness } from "../src/reporters/report/readiness.js";
import type { Coverage, CoverageRow } from "../src/reporters/coverage.js";
import { outputProblems } from "./hardening/invariants.js";
import { TEST_CACHE } from "./helpers/cli-env.js";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const CLI = join(ROOT, "dist/cli.cjs");

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", AIMSLINT_TODAY: "2026-06-30", ...TEST_CACHE } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const entry = (file: string, kind: string, id: string, data: Record<string, unknown>, root: (string | number)[] = []): IndexEntry => ({ file, doc: 0, root, kind, id, data: { id, ...data } });
const finding = (file: string, pointer: string, severity: Finding["severity"], ruleId = "x/y"): Finding => ({
  ruleId,
  severity,
  message: "m",
  file,
  range: { start: { line: 3, column: 1 }, end: { line: 3, column: 2 } },
  iso42001: ["6.1.2"],
  pointer,
});

describe("the evidence matrix", () => {
  const approved = { status: "approved", approved_on: "2026-05-01", last_reviewed: "2026-06-01", next_review: "2027-01-01" };
  const artefacts: IndexEntry[] = [
    entry("sys/a.yaml", "ai-system", "SYS-A", { ...approved, name: "A", datasets: ["DS-1"], monitoring: { metrics: [] }, third_party_components: [{ supplier: "SUP-1" }] }),
    entry("sys/b.yaml", "ai-system", "SYS-B", { status: "draft", name: "B" }),
    entry("sys/c.yaml", "ai-system", "SYS-C", { in_scope: false, scope_exclusion_reason: "bundled office feature", name: "C" }),
    entry("ia/a.yaml", "impact-assessment", "IA-A", { ...approved, system: "SYS-A" }),
    entry("ia/b.yaml", "impact-assessment", "IA-B", { status: "draft", system: "SYS-B" }),
    entry("risks.yaml", "risk", "RISK-1", { ...approved, system: "SYS-A" }, ["risks", 0]),
    entry("risks.yaml", "risk", "RISK-2", { ...approved, approved_on: "2025-02-01", last_reviewed: "2025-03-01", system: "SYS-A" }, ["risks", 1]),
    entry("risks.yaml", "risk", "RISK-3", { ...approved, system: "SYS-B" }, ["risks", 2]),
    entry("cards/a.md", "model-card", "MC-A", { ...approved, next_review: "2026-06-01", system: "SYS-A" }),
    entry("data/1.yaml", "data-card", "DS-1", { ...approved }),
    entry("data/2.yaml", "data-card", "DS-2", { ...approved, systems: ["SYS-A", "SYS-B"] }),
    entry("sup/1.yaml", "supplier", "SUP-1", { ...approved }),
    // No date at all: no age, and the other supplier's age stands.
    entry("sup/2.yaml", "supplier", "SUP-2", { ...approved, approved_on: "2026-13-01", last_reviewed: "2026-13-01", systems: ["SYS-A"] }),
  ];
  const findings = [
    finding("risks.yaml", "/risks/2/owner", "error"),
    finding("data/2.yaml", "/licence", "warning"),
    finding("sys/a.yaml", "/name", "error"),
    finding("sys/a.yaml", "/monitoring/metrics", "warning"),
  ];
  const m = evidenceMatrix(artefacts, findings, "2026-06-30", (e, path) => path.length + (e.file === "sys/a.yaml" ? 10 : 1));
  const states = (id: string) => Object.fromEntries(m.systems.find((s) => s.id === id)!.cells.map((c) => [c.column, c.state]));

  it("gives each cell the state of its worst artefact, and ties artefacts by their system fields and the record's lists", () => {
    expect(m.systems.map((s) => s.id)).toEqual(["SYS-A", "SYS-B"]);
    // SYS-A: its record's own error (/name) fails no column but the record's; risk RISK-2 is reviewed 486 days ago;
    // the model card's next review is past; DS-1 is tied by the record's datasets, DS-2 by its systems and warns.
    expect(states("SYS-A")).toEqual({
      "impact-assessment": "current",
      risks: "attention",
      "model-card": "attention",
      "data-cards": "attention",
      suppliers: "current",
      monitoring: "attention",
      approval: "current",
    });
    // SYS-B: a draft assessment, a failing risk entry (the error sits in its part of the register), no model card,
    // no supplier needed (no third-party components), no monitoring, a record not approved.
    expect(states("SYS-B")).toEqual({
      "impact-assessment": "draft",
      risks: "failing",
      "model-card": "missing",
      "data-cards": "attention",
      suppliers: "not-applicable",
      monitoring: "missing",
      approval: "draft",
    });
  });

  it("says the age of the artefact reviewed longest ago, and links each artefact to its line", () => {
    const risks = m.systems[0]!.cells.find((c) => c.column === "risks")!;
    expect(risks.age).toEqual({ date: "2025-03-01", days: 486, old: true, overdue: false });
    expect(risks.items).toEqual([
      { file: "risks.yaml", line: 3, label: "RISK-1" },
      { file: "risks.yaml", line: 3, label: "RISK-2" },
    ]);
    expect(m.systems[0]!.cells.find((c) => c.column === "model-card")!.age).toEqual({ date: "2026-06-01", days: 29, old: false, overdue: true });
    expect(m.systems[0]!.cells.find((c) => c.column === "monitoring")!.items).toEqual([{ file: "sys/a.yaml", line: 11, label: "monitoring" }]);
    const suppliers = m.systems[0]!.cells.find((c) => c.column === "suppliers")!;
    expect([suppliers.items.map((i) => i.label), suppliers.age]).toEqual([["SUP-1", "SUP-2"], { date: "2026-06-01", days: 29, old: false, overdue: false }]);
  });

  it("lists systems outside the scope apart, with their reason", () => {
    expect(m.outOfScope).toEqual([{ id: "SYS-C", name: "C", file: "sys/c.yaml", line: 1, reason: "bundled office feature" }]);
  });
});

describe("the readiness figure", () => {
  const row = (ref: string, status: CoverageRow["status"]): CoverageRow => ({
    ref,
    title: "",
    evidence: [],
    ran: [],
    failed: [],
    toComplete: { documents: 0, placeholders: 0 },
    gaps: [],
    uncheckable: [],
    excluded: [],
    status,
  });

  it("is passing ÷ (passing + partial + failing): what is not checkable, not checked or excluded stays out", () => {
    const byControl: Coverage = {
      rows: [row("4.1", "pass"), row("5.2", "pass"), row("6.1.2", "warn"), row("A.5.2", "fail"), row("A.6.1.2", "not-checked"), row("A.10.4", "excluded"), row("A.7.2", "no-evidence")],
      unchecked: [],
    };
    const r = readiness(byControl, { rows: [], unchecked: [] });
    // A.10.4 is one of the seven controls files cannot show, but the SoA's exclusion comes first.
    expect(r.counts).toEqual({ passing: 2, partial: 1, failing: 2, "not-checkable": 6, "not-checked": 55, excluded: 1 });
    expect(r.figure).toBe(40);
    expect(r.clauses.map((g) => g.ref)).toEqual(["4", "5", "6", "7", "8", "9", "10"]);
    expect(r.annex.flatMap((g) => g.items)).toHaveLength(38);
    expect(r.annex.find((g) => g.ref === "A.6")!.items.find((i) => i.ref === "A.6.1.2")!.reason).toMatch(/^Objectives for responsible development/);
  });

  it("is undefined when nothing was checked", () => {
    expect(readiness({ rows: [], unchecked: [] }, { rows: [], unchecked: [] }).figure).toBeUndefined();
  });
});

describe("change over time", () => {
  const before = [finding("a.yaml", "/x", "error", "r/one"), finding("a.yaml", "/x", "error", "r/one"), finding("b.yaml", "/y", "warning", "r/two")];
  const after = [{ ...finding("a.yaml", "/x", "error", "r/one"), range: { start: { line: 40, column: 1 }, end: { line: 40, column: 2 } } }, finding("c.yaml", "/z", "error", "r/three")];

  it("matches findings by rule, file and pointer (not line), numbered when one comes twice", () => {
    const json = JSON.stringify({ tool: { name: "aimslint", version: "0.0.9" }, summary: {}, findings: before });
    const previous = readPrevious(json);
    if (typeof previous === "string") throw new Error(previous);
    const c = compare(previous, after);
    expect(c.before).toEqual({ errors: 2, warnings: 1, infos: 0 });
    expect(c.after).toEqual({ errors: 2, warnings: 0, infos: 0 });
    expect(c.added.map((f) => `${f.file} ${f.ruleId}`)).toEqual(["c.yaml r/three"]);
    expect(c.resolved.map((f) => `${f.file} ${f.ruleId}`)).toEqual(["a.yaml r/one", "b.yaml r/two"]);
    expect(c.areas).toEqual([{ ref: "6.1.2", before: 3, after: 2 }]);
  });

  it("refuses what is not an earlier JSON result", () => {
    expect(readPrevious("<html>")).toBe("it is not JSON; give the output of an earlier `aimslint --format json` run");
    expect(readPrevious('{"findings": []}')).toMatch(/^it is not the output of `aimslint --format json`/);
  });
});

describe("aimslint report", () => {
  it("shows the change since an earlier run with --compare, and by EU AI Act article with --framework", () => {
    const dir = mkdtempSync(join(tmpdir(), "aimslint-report-cli-"));
    cpSync(join(ROOT, "examples/broken"), join(dir, "repo"), { recursive: true });
    const earlier = run(["repo", "--format", "json", "-o", "earlier.json"], dir);
    expect(earlier.code).toBe(1);
    // Fix one thing: the risk register entry's missing treatment owner is not the point; delete a whole file.
    const previous = JSON.parse(readFileSync(join(dir, "earlier.json"), "utf8")) as { findings: Finding[] };
    const gone = previous.findings.filter((f) => f.file === previous.findings[0]!.file).length;
    writeFileSync(join(dir, "repo", previous.findings[0]!.file.replace(/^repo\//, "")), "");
    const r = run(["report", "repo", "-o", "out/report.html", "--compare", "earlier.json", "--framework", "eu-ai-act"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const page = readFileSync(join(dir, "out/report.html"), "utf8");
    expect(page).toContain('<h2 id="change">Change since the earlier run</h2>');
    expect(page).toMatch(new RegExp(`<details id="change-resolved"><summary>Resolved findings: ${gone}</summary>`));
    expect(page).toContain("<h3>By EU AI Act reference</h3>");
    expect(page).toMatch(/<button type="button" class="ref" data-ref="Art\. 9">Art\. 9<\/button>/);
    // Links go from the report's folder (out/) to the files.
    expect(page).toMatch(/<a href="\.\.\/repo\/governance\/[^"]+">/);
    expect(outputProblems("html", page)).toEqual([]);
  });

  it("refuses to print HTML to a terminal, other formats, and --compare without the report", () => {
    const tty = spawnSync("script", ["-qec", `${process.execPath} ${CLI} report examples/acme-governance`, "/dev/null"], { cwd: ROOT, encoding: "utf8" });
    if (tty.status !== null && !tty.error) expect(tty.stdout).toContain("The report is an HTML file: name it with -o, e.g. aimslint report -o aimslint-report.html.");
    expect(run(["report", "--format", "json"]).stderr).toContain('"report" writes HTML; for other formats run aimslint --format <name>.');
    expect(run(["--compare", "x.json"]).stderr).toContain("--compare belongs to the HTML report");
    const bad = run(["report", "examples/acme-governance", "--compare", "package.json"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--compare package.json: it is not the output of `aimslint --format json`");
  });
});

describe("hostile text in the report", () => {
  const hostile: Finding = {
    ruleId: "x/y",
    severity: "error",
    message: 'Value "</td><script>alert(1)</script><img src=x onerror=alert(2)>" \u202Egnp.exe',
    file: 'gov/"><svg onload=alert(3)>.yaml',
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } },
    iso42001: ["A.6.2.4"],
    help: "<a href=javascript:alert(4)>fix</a>",
  };

  it("stays inert text, one line, with bidirectional characters escaped", () => {
    const page = html([hostile], { filesChecked: 1, artefactsChecked: 1, color: false, version: "0" });
    expect(outputProblems("html", page)).toEqual([]);
    expect(page).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(page).toContain("\\u202egnp.exe");
  });

  it("counts the findings past the per-file limit as every format does", () => {
    const standIn: Finding = { ...hostile, ruleId: "aimslint/too-many-findings", message: "m", notListed: { errors: 40, warnings: 2, infos: 0, suppressed: 0 } };
    const page = html([hostile, standIn], { filesChecked: 1, artefactsChecked: 1, color: false, version: "0" });
    expect(page).toContain('<li><span class="sev-error">41</span> errors</li>');
    expect(page).toContain('<li><span class="sev-warning">2</span> warnings</li>');
  });

  it("the invariant catches markup that was not escaped", () => {
    const page = html([], { filesChecked: 0, artefactsChecked: 0, color: false, version: "0" });
    expect(outputProblems("html", page.replace("<main>", '<main><img src=x onerror="alert(1)"><a href="javascript:alert(1)">x</a>'))).toEqual([
      "html: a <img> element",
      "html: an event handler attribute: <img src=x onerror=",
      "html: a link that leaves the page, the repository or GitHub: javascript:alert(1)",
    ]);
  });
});
