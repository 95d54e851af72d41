// `aimslint inventory` through the built bundle: the table people read, the JSON scripts read, and a CycloneDX 1.6
// BOM that the official schema (from @cyclonedx/cyclonedx-library) accepts.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { fixture } from "./helpers/lint.js";

const root = join(import.meta.dirname, "..");
const CLI = join(root, "dist", "cli.cjs");

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", AIMSLINT_TODAY: "2026-06-30" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const REVIEW = [
  "on: pull_request",
  "permissions: { contents: read, pull-requests: write }",
  "jobs:",
  "  review:",
  "    runs-on: ubuntu-latest",
  "    steps:",
  "      - uses: actions/checkout@v5",
  "      - uses: anthropics/claude-code-action@f30f5eecfce2f34fa72e40fa5f7bcd7f5d8b5a2d",
  "        with:",
  "          model: claude-sonnet-4-5-20250929",
  "          anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}",
  "  summarise:",
  "    runs-on: ubuntu-latest",
  "    steps:",
  "      - run: ./summarise.sh",
  "        env: { OPENAI_API_KEY: '${{ secrets.OPENAI_API_KEY }}' }",
  "  test:",
  "    runs-on: ubuntu-latest",
  "    steps:",
  "      - run: npm test",
  "",
].join("\n");

const INVENTORY = [
  "kind: ai-system-inventory",
  "id: INV-1",
  "systems:",
  "  - id: SYS-REVIEW",
  "    name: Pull request reviewer",
  "    ai_use:",
  "      actions: [anthropics/claude-code-action]",
  "  - id: SYS-ARCHIVE",
  "    name: Retired chatbot",
  "",
].join("\n");

function repo() {
  return fixture({
    ".github/workflows/review.yml": REVIEW,
    ".mcp.json": JSON.stringify({ mcpServers: { docs: { command: "docs-mcp" } } }, null, 2),
    "governance/inventory.yaml": INVENTORY,
  });
}

describe("aimslint inventory", () => {
  it("prints the AI use by AI system record, and what no record covers", () => {
    const r = run(["inventory"], repo());
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "AI use in this repository: 2 workflow jobs, 1 agent configuration, 0 AI packages; 2 not in the AI system inventory.",
        "",
        "SYS-REVIEW  Pull request reviewer  (governance/inventory.yaml)",
        '  .github/workflows/review.yml:4  job "review"  anthropics/claude-code-action@f30f5eecfce2f34fa72e40fa5f7bcd7f5d8b5a2d, model claude-sonnet-4-5-20250929, agent, may write',
        "",
        "SYS-ARCHIVE  Retired chatbot  (governance/inventory.yaml)",
        "  no AI use in this repository",
        "",
        "Not in the AI system inventory",
        '  .github/workflows/review.yml:12  job "summarise"      model API key OPENAI_API_KEY, may write',
        "  .mcp.json:1                      agent configuration  agent",
        "",
        'Add each to the ai_use of the AI system record it belongs to; "aimslint init" seeds an inventory from this list.',
        "",
      ].join("\n"),
    );
  });

  it("prints JSON with positions, and never a secret's value", () => {
    const dir = fixture({ ".github/workflows/review.yml": REVIEW.replace("${{ secrets.OPENAI_API_KEY }}", "sk-proj-0123456789abcdefghijklmnop"), "governance/inventory.yaml": INVENTORY });
    const r = run(["inventory", "--format", "json"], dir);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toEqual({ jobs: 1, agentConfigs: 0, packages: 0, systems: 2, notInInventory: 0 });
    expect(out.systems[0].uses[0]).toMatchObject({ file: ".github/workflows/review.yml", line: 4, kind: "job", name: "review", modelApiKeys: ["ANTHROPIC_API_KEY"] });
    expect(r.stdout).not.toContain("sk-proj");
  });

  it("writes a CycloneDX 1.6 BOM that the official schema accepts", () => {
    const r = run(["inventory", "--format", "cyclonedx"], repo());
    expect(r.code).toBe(0);
    const bom = JSON.parse(r.stdout);
    const schemas = join(createRequire(import.meta.url).resolve("@cyclonedx/cyclonedx-library/package.json"), "..", "res", "schema");
    const load = (name: string) => {
      const { $id: _id, ...schema } = JSON.parse(readFileSync(join(schemas, name), "utf8"));
      return schema;
    };
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    for (const name of ["spdx.SNAPSHOT.schema.json", "jsf-0.82.SNAPSHOT.schema.json", "cryptography-defs.SNAPSHOT.schema.json"]) ajv.addSchema(load(name), `http://cyclonedx.org/schema/${name}`);
    const validate = ajv.compile({ ...load("bom-1.6.SNAPSHOT.schema.json"), $id: "http://cyclonedx.org/schema/bom-1.6.SNAPSHOT.schema.json" });
    expect(validate(bom), JSON.stringify(validate.errors)).toBe(true);
    const byRef = new Map(bom.components.map((c: { "bom-ref": string }) => [c["bom-ref"], c]));
    expect(byRef.get("model:claude-sonnet-4-5-20250929")).toMatchObject({ type: "machine-learning-model" });
    expect(byRef.get("action:anthropics/claude-code-action@f30f5eecfce2f34fa72e40fa5f7bcd7f5d8b5a2d")).toMatchObject({
      purl: "pkg:github/anthropics/claude-code-action@f30f5eecfce2f34fa72e40fa5f7bcd7f5d8b5a2d",
    });
    expect(byRef.get("agent-config:.mcp.json")).toMatchObject({
      properties: [
        { name: "aimslint:kind", value: "agent-config" },
        { name: "aimslint:inventory", value: "not in the AI system inventory" },
      ],
    });
    expect(bom.services.map((s: { name: string }) => s.name).sort()).toEqual(["Model API reached with ANTHROPIC_API_KEY", "Model API reached with OPENAI_API_KEY"]);
    expect(bom.dependencies[0].dependsOn).toContain("model:claude-sonnet-4-5-20250929");
  });

  it("shows names from the repository as inert text", () => {
    const dir = fixture({ ".github/workflows/x.yml": 'on: push\njobs:\n  "::error::forged\\u001b[31m":\n    steps:\n      - uses: openai/codex-action@v1\n' });
    const r = run(["inventory"], dir);
    expect(r.stdout).not.toMatch(/^\s*::/m);
    expect(r.stdout).not.toContain("\u001b");
    expect(r.stdout).toContain('job "::error::forged\\u001b[31m"');
  });

  it("refuses a findings format, with exit code 2", () => {
    const r = run(["inventory", "--format", "sarif"], repo());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown format "sarif" for inventory; expected one of table, json, cyclonedx.');
  });
});
