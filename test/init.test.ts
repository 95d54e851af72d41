// `aimslint init`: the scaffold, through the built bundle. It never overwrites a file, every YAML file names its
// JSON Schema for editors, and a scan of the fresh scaffold reports only what the user has to fill in.
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { ANNEX_A } from "../src/core/iso42001.js";
import { TEST_CACHE } from "./helpers/cli-env.js";

const root = join(import.meta.dirname, "..");
const CLI = join(root, "dist", "cli.cjs");
const TODAY = "2026-06-30";
const VERSION = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version as string;

function run(args: string[], cwd: string) {
  const env = { PATH: process.env["PATH"] ?? "", AIMSLINT_TODAY: TODAY, NO_COLOR: "1", GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", ...TEST_CACHE };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function gitRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), "aimslint-init-"));
  temporary.push(dir);
  expect(spawnSync("git", ["init", "-q"], { cwd: dir }).status).toBe(0);
  return dir;
}

const FILES = [
  "aimslint.config.yaml",
  "governance/policy/ai-policy.yaml",
  "governance/systems/example-system.yaml",
  "governance/model-cards/example-model.md",
  "governance/impact-assessments/example-system.yaml",
  "governance/risk-criteria.yaml",
  "governance/risks/register.yaml",
  "governance/soa.yaml",
  ".github/workflows/aimslint.yml",
];

/** The schema each YAML file names in its modeline, and the kind it declares. */
const SCHEMAS: Record<string, string> = {
  "aimslint.config.yaml": "meta/config",
  "governance/policy/ai-policy.yaml": "ai-policy",
  "governance/systems/example-system.yaml": "ai-system",
  "governance/impact-assessments/example-system.yaml": "impact-assessment",
  "governance/risk-criteria.yaml": "risk-criteria",
  "governance/risks/register.yaml": "risk-register",
  "governance/soa.yaml": "statement-of-applicability",
};

/** Rules that ask for something to be filled in, and the only ones a fresh scaffold may trigger. */
const FILL_IN_RULES = new Set([
  "doc/no-placeholders",
  "doc/metadata",
  "doc/title",
  "ia/approved",
  "ia/context-recorded",
  "ia/harms-mitigated",
  "ia/impacts-rated",
  "ia/retention",
  "modelcard/bias-considerations",
  "modelcard/human-oversight",
  "modelcard/intended-users",
  "modelcard/required-sections",
  "modelcard/version",
  "policy/approved-by-top-management",
  "policy/concern-channel",
  "policy/distribution",
  "policy/related-policies",
  "policy/required-content",
  "risk/analysis-complete",
  "risk/treatment-option",
  "soa/approved",
  "soa/included-status",
  "soa/justified",
  "system/datasets-have-cards",
  "system/feedback-channel",
  "system/incident-communication",
  "system/required-fields",
  "system/resources-documented",
]);

/** Fields the templates leave out on purpose (a date of an approval not yet given, ratings, a treatment decision). */
const LEFT_OUT = new Set(["approved_on", "severity", "likelihood", "affected", "treatment", "option", "level"]);

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  range: { start: { line: number; column: number } };
  pointer?: string;
}

describe("aimslint init", () => {
  it("creates the governance folder, the configuration and a workflow, and says what it created", () => {
    const dir = gitRepo();
    const r = run(["init"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    for (const file of FILES) {
      expect(existsSync(join(dir, file)), file).toBe(true);
      expect(r.stdout).toMatch(new RegExp(`^  created\\s+${file.replace(/[.]/g, "\\.")}$`, "m"));
    }
    expect(r.stdout).toContain("9 files created, 0 existing files kept");
    expect(r.stdout).toContain('Each document starts as a draft: "npx aimslint" lists what is left to fill in');
  });

  it("writes a schema modeline at the top of every YAML file, and valid YAML throughout", () => {
    const dir = gitRepo();
    run(["init"], dir);
    for (const [file, schema] of Object.entries(SCHEMAS)) {
      const text = readFileSync(join(dir, file), "utf8");
      // No aimslint installed in this repository: a copy of the schemas in .aimslint/schemas, which a fresh clone
      // has (nothing serves the $id's URL, and node_modules is not committed).
      const ref = /^# yaml-language-server: \$schema=(\S+)$/.exec(text.split("\n")[0] ?? "")?.[1] ?? "";
      expect(join(dir, file, "..", ref), file).toBe(join(dir, ".aimslint", "schemas", `${schema}.schema.json`));
      expect(readFileSync(join(dir, file, "..", ref), "utf8")).toBe(readFileSync(join(root, "schemas", `${schema}.schema.json`), "utf8"));
      const doc = parseDocument(text);
      expect(doc.errors, file).toEqual([]);
      if (!schema.startsWith("meta/")) expect((doc.toJS() as { kind: string }).kind).toBe(schema);
    }
    const workflow = readFileSync(join(dir, ".github/workflows/aimslint.yml"), "utf8");
    expect(workflow.split("\n")[0]).toBe("# yaml-language-server: $schema=https://json.schemastore.org/github-workflow.json");
    const job = parse(workflow).jobs.aimslint;
    expect(job.steps).toEqual([
      { uses: "actions/checkout@v5", with: { "persist-credentials": false } },
      { uses: `aimslint/aimslint@v${VERSION}`, with: { "only-changed": "${{ github.event_name == 'pull_request' }}" } },
    ]);
    expect(parse(workflow).permissions).toEqual({ contents: "read" });
    expect(parseDocument(workflow).errors).toEqual([]);
  });

  it("lists all 38 Annex A controls in the Statement of Applicability, with their titles", () => {
    const dir = gitRepo();
    run(["init"], dir);
    const soa = parse(readFileSync(join(dir, "governance/soa.yaml"), "utf8")) as { controls: { control: string; title: string; applicable: string }[] };
    expect(soa.controls.map((c) => [c.control, c.title])).toEqual(Object.entries(ANNEX_A));
    expect(soa.controls).toHaveLength(38);
  });

  it("reads as a to-do list: one warning per draft, on one screen, and the first commit passes", () => {
    const dir = gitRepo();
    run(["init"], dir);
    const r = run(["--format", "json"], dir);
    expect(r.code).toBe(0);
    const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings.map((f) => f.ruleId)).toEqual(Array(7).fill("draft/open-items"));
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set(FILES.filter((f) => f.startsWith("governance/"))));
    expect(findings.find((f) => f.file === "governance/soa.yaml")?.message).toContain("controls[*].owner (38), controls[*].justification (38)");
    expect(run([], dir).stdout.split("\n").length).toBeLessThan(25);
  });

  it("scans, once out of draft, with only findings that ask for something to be filled in", () => {
    const dir = gitRepo();
    run(["init"], dir);
    for (const f of FILES) {
      const path = join(dir, f);
      writeFileSync(path, readFileSync(path, "utf8").replace(/^status: draft\b/m, "status: in-review"));
    }
    const r = run(["--format", "json"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
    // No schema, parse, classification, file or suppression problem: the templates are well-formed.
    expect(findings.filter((f) => /^(schema|parse|kind|file|suppression|aimslint)\//.test(f.ruleId))).toEqual([]);
    const unexpected = findings.filter((f) => !FILL_IN_RULES.has(f.ruleId)).map((f) => `${f.file}:${f.range.start.line} ${f.ruleId}: ${f.message}`);
    expect(unexpected, "a rule reports something on the scaffold that is not a placeholder; update src/cli/templates").toEqual([]);

    const lines = new Map(FILES.map((f) => [f, readFileSync(join(dir, f), "utf8").split(/\r?\n/)]));
    for (const f of findings) {
      const line = lines.get(f.file)?.[f.range.start.line - 1] ?? "";
      const onPlaceholder = /\bTBD\b|<[^<>]+>/.test(line) || /template filler/.test(f.message);
      const emptySection = /" (\(section "[^"]+"\) )?is empty\.|" has 0 items;/.test(f.message); // a Markdown section or a list holding only TBD
      const leftOut = /^Missing "/.test(f.message) && LEFT_OUT.has(f.pointer?.split("/").pop() ?? "");
      expect(onPlaceholder || emptySection || leftOut, `${f.file}:${f.range.start.line} ${f.ruleId}: ${f.message}`).toBe(true);
    }
    // Each artefact has something to fill in, and every placeholder-bearing field is reported.
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set(FILES.filter((f) => f.startsWith("governance/"))));
    expect(findings.filter((f) => f.ruleId === "soa/justified")).toHaveLength(38);
    expect(findings.some((f) => f.ruleId === "doc/no-placeholders")).toBe(true);
  });

  it("never overwrites: a second run keeps every file, and only missing files are created", () => {
    const dir = gitRepo();
    run(["init"], dir);
    const edited = "# my own SoA\nkind: statement-of-applicability\n";
    writeFileSync(join(dir, "governance/soa.yaml"), edited);
    rmSync(join(dir, "governance/risks/register.yaml"));
    const before = new Map(FILES.filter((f) => existsSync(join(dir, f))).map((f) => [f, readFileSync(join(dir, f), "utf8")]));

    const r = run(["init"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}exists, kept\s+governance\/soa\.yaml$/m);
    expect(r.stdout).toMatch(/^ {2}created\s+governance\/risks\/register\.yaml$/m);
    expect(r.stdout).toContain("1 file created, 8 existing files kept");
    for (const [file, text] of before) expect(readFileSync(join(dir, file), "utf8"), file).toBe(text);
    expect(readFileSync(join(dir, "governance/soa.yaml"), "utf8")).toBe(edited);

    const third = run(["init"], dir);
    expect(third.stdout).toContain("0 files created, 9 existing files kept");
    for (const file of FILES) expect(third.stdout).toMatch(new RegExp(`^  exists, kept\\s+${file.replace(/[.]/g, "\\.")}$`, "m"));
  });

  it("keeps a folder or a link that stands where a file would go, and reports a file in the way of a folder", () => {
    const dir = gitRepo();
    mkdirSync(join(dir, "governance/soa.yaml"), { recursive: true });
    writeFileSync(join(dir, ".github"), "not a folder\n");
    mkdirSync(join(dir, "governance/policy"), { recursive: true });
    symlinkSync("../../nowhere.yaml", join(dir, "governance/policy/ai-policy.yaml")); // dangling: never followed
    const r = run(["init"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}exists, kept\s+governance\/soa\.yaml$/m);
    expect(r.stdout).toMatch(/^ {2}exists, kept\s+governance\/policy\/ai-policy\.yaml$/m);
    expect(lstatSync(join(dir, "governance/policy/ai-policy.yaml")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "governance/policy/ai-policy.yaml"))).toBe("../../nowhere.yaml");
    expect(existsSync(join(dir, "nowhere.yaml"))).toBe(false);
    expect(r.stdout).toMatch(/^ {2}not created\s+\.github\/workflows\/aimslint\.yml {2}\(a file is in the way of its folder\)$/m);
    expect(readFileSync(join(dir, ".github"), "utf8")).toBe("not a folder\n");
    expect(r.stdout).toContain("6 files created, 2 existing files kept (never overwritten), 1 not created.");
  });

  it("never writes through a linked folder, which could lead the scaffold out of the repository", () => {
    const dir = gitRepo();
    const outside = mkdtempSync(join(tmpdir(), "aimslint-outside-"));
    temporary.push(outside);
    symlinkSync(outside, join(dir, "governance"));
    mkdirSync(join(dir, ".github"));
    symlinkSync(outside, join(dir, ".github", "workflows"));
    const r = run(["init"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}not created\s+governance\/risks\/register\.yaml {2}\(a symbolic link is in the way of its folder\)$/m);
    expect(r.stdout).toMatch(/^ {2}not created\s+\.github\/workflows\/aimslint\.yml {2}\(a symbolic link is in the way of its folder\)$/m);
    expect(readdirSync(outside)).toEqual([]);
    expect(r.stdout).toContain("1 file created, 0 existing files kept (never overwritten), 8 not created.");
  });

  it("scaffolds into a sub-folder of the repository, with the workflow at the repository root", () => {
    const dir = gitRepo();
    const r = run(["init", "compliance/aims"], dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "compliance/aims/aimslint.config.yaml"))).toBe(true);
    expect(existsSync(join(dir, "compliance/aims/governance/soa.yaml"))).toBe(true);
    expect(r.stdout).toMatch(/^ {2}created\s+compliance\/aims\/governance\/soa\.yaml$/m);
    const workflow = readFileSync(join(dir, ".github/workflows/aimslint.yml"), "utf8");
    expect(parse(workflow).jobs.aimslint.steps[1].with).toMatchObject({ paths: "compliance/aims", config: "compliance/aims/aimslint.config.yaml" });
    expect(r.stdout).toContain('"npx aimslint compliance/aims" lists what is left to fill in');
    // The sub-folder is its own project (its configuration file): the scan finds the same fill-in findings.
    const scan = run(["compliance/aims", "--format", "json"], dir);
    const findings = (JSON.parse(scan.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings.map((f) => f.ruleId)).toEqual(Array(7).fill("draft/open-items"));
  });

  it("points the modelines at node_modules/aimslint/schemas when aimslint is installed in the project", () => {
    const dir = gitRepo();
    mkdirSync(join(dir, "node_modules/aimslint/schemas"), { recursive: true });
    writeFileSync(join(dir, "node_modules/aimslint/schemas/ai-system.schema.json"), "{}\n");
    run(["init"], dir);
    expect(readFileSync(join(dir, "aimslint.config.yaml"), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=node_modules/aimslint/schemas/meta/config.schema.json");
    expect(readFileSync(join(dir, "governance/soa.yaml"), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=../node_modules/aimslint/schemas/statement-of-applicability.schema.json");
    expect(readFileSync(join(dir, "governance/risks/register.yaml"), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=../../node_modules/aimslint/schemas/risk-register.schema.json");
  });

  it("refuses two folders or a file as the target, with exit code 2", () => {
    const dir = gitRepo();
    writeFileSync(join(dir, "notes.txt"), "x\n");
    expect(run(["init", "a", "b"], dir).code).toBe(2);
    const r = run(["init", "notes.txt"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"notes.txt" is not a folder.');
    expect(existsSync(join(dir, "aimslint.config.yaml"))).toBe(false);
  });

  it("is listed in --help", () => {
    expect(run(["--help"], root).stdout).toContain("aimslint init [dir]");
  });
});

describe("aimslint init on a repository that already uses AI", () => {
  it("seeds the example AI system record with the AI use it finds, so the inventory rules start satisfied", () => {
    const dir = gitRepo();
    mkdirSync(join(dir, ".github", "workflows"), { recursive: true });
    const workflow = "on: pull_request\npermissions: { contents: write }\njobs:\n  fix:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: openai/codex-action@v1\n";
    writeFileSync(join(dir, ".github", "workflows", "fix.yml"), workflow);
    writeFileSync(join(dir, ".mcp.json"), JSON.stringify({ mcpServers: { docs: { command: "docs-mcp" } } }));
    const r = run(["init"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("The AI system record covers the AI use found in the repository (2 files)");
    const record = parse(readFileSync(join(dir, "governance", "systems", "example-system.yaml"), "utf8"));
    expect(record.automation).toEqual({ agents: true, usage: ["ci"], reaches: ["privileged-actions"] });
    expect(record.ai_use).toEqual({ paths: [".github/workflows/fix.yml", ".mcp.json"] });
    expect(record.third_party_components).toEqual([{ name: "openai/codex-action", type: "tool", version: "v1", supplier: "TBD", upstream_review: "quarterly" }]);
    const scan = JSON.parse(run(["--format", "json", "--no-cache"], dir).stdout);
    const inventory = scan.findings.filter((f: { ruleId: string }) => ["repo/ai-use-inventoried", "system/automation-evidence", "system/ai-components-recorded"].includes(f.ruleId));
    expect(inventory).toEqual([]);
    expect(scan.findings.filter((f: { ruleId: string }) => f.ruleId.startsWith("schema/") || f.ruleId.startsWith("parse/"))).toEqual([]);
  });
});

describe("aimslint init on a repository that already has cards", () => {
  it("names the cards that no AI system claims, and how to link them", () => {
    const dir = gitRepo();
    mkdirSync(join(dir, "models", "a"), { recursive: true });
    writeFileSync(join(dir, "models", "a", "README.md"), "---\nlicense: mit\npipeline_tag: text-classification\n---\n# Model A\n\n## Intended uses\n\nClassify tickets.\n");
    const r = run(["init"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Found 1 model or data card that names no AI system: models/a/README.md. Name the system each documents (system: SYS-EXAMPLE, or its own record's id), so that it is checked with it.\n",
    );
  });
});
