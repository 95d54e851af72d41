// AI use in CI workflows (.github/workflows/*.yml): found by the catalogue (src/core/ai-use-catalogue.json) and the
// organisation's additions (aiUse in aimslint.config.yaml).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config/resolve-config.js";
import { lint } from "../src/pipeline/lint.js";
import { brief, fixture, lintDir, TODAY } from "./helpers/lint.js";

const WORKFLOW = [
  "on: pull_request",
  "jobs:",
  "  review:",
  "    runs-on: ubuntu-latest",
  "    steps:",
  "      - uses: acme/llm-review@v2",
  "  translate:",
  "    runs-on: ubuntu-latest",
  "    steps:",
  "      - run: ./translate.sh",
  "        env:",
  "          KEY: ${{ secrets.ACME_LLM_KEY }}",
  "",
].join("\n");

describe("AI use in CI workflows", () => {
  it("reads only workflows where GitHub reads them", async () => {
    const text = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: openai/codex-action@v1\n";
    const result = await lintDir(fixture({ ".github/workflows/ci.yml": text, "docs/ci.yml": text }));
    expect(result.artefacts.map((a) => `${a.file} ${a.kind}`)).toEqual([".github/workflows/ci.yml ci-workflow"]);
    expect(brief(result.findings)).toEqual(
      [".github/workflows/ci.yml:6:15 ci/ai-action-pinned", ".github/workflows/ci.yml:3:3 ci/ai-job-time-limit", ".github/workflows/ci.yml:3:3 repo/ai-use-inventoried"].sort(),
    );
  });

  it("takes the organisation's own AI actions and key names from the configuration", async () => {
    expect(brief((await lintDir(fixture({ ".github/workflows/ai.yml": WORKFLOW }))).findings)).toEqual([]);
    const config = "aiUse:\n  actions: [acme/llm-review]\n  secrets: [ACME_LLM_KEY]\n";
    const result = await lintDir(fixture({ ".github/workflows/ai.yml": WORKFLOW, "aimslint.config.yaml": config }));
    expect(brief(result.findings)).toEqual([
      ".github/workflows/ai.yml:3:3 ci/ai-job-time-limit",
      ".github/workflows/ai.yml:3:3 repo/ai-use-inventoried",
      ".github/workflows/ai.yml:6:15 ci/ai-action-pinned",
      ".github/workflows/ai.yml:7:3 ci/ai-job-time-limit",
      ".github/workflows/ai.yml:7:3 repo/ai-use-inventoried",
    ]);
  });

  it("refuses a malformed addition at its place in the configuration", async () => {
    await expect(lintDir(fixture({ ".github/workflows/ai.yml": WORKFLOW, "aimslint.config.yaml": "aiUse:\n  secrets: [acme key]\n" }))).rejects.toThrow(/aiUse/);
  });

  it("reads coding-agent and MCP configurations by their place, and never prints a secret it finds", async () => {
    const secret = "example-literal-token-9f8e7d6c5b4a";
    const mcp = JSON.stringify({ mcpServers: { db: { command: "db-mcp", env: { DB_PASSWORD: secret } } } }, null, 2);
    const result = await lintDir(fixture({ ".cursor/mcp.json": mcp, "config/mcp.json": mcp }));
    expect(result.artefacts.map((a) => `${a.file} ${a.kind}`)).toEqual([".cursor/mcp.json agent-config"]);
    expect(brief(result.findings)).toEqual([".cursor/mcp.json:1:1 repo/ai-use-inventoried", ".cursor/mcp.json:6:24 agent/no-literal-secrets"]);
    expect(JSON.stringify(result.findings)).not.toContain(secret);
  });
});

describe("hostile workflows", () => {
  it("reads a workflow whose steps are shared through YAML anchors, and bounds an alias bomb", async () => {
    const anchors = [
      "on: push",
      "jobs:",
      "  a:",
      "    runs-on: ubuntu-latest",
      "    timeout-minutes: 5",
      "    steps:",
      "      - &review",
      "        uses: openai/codex-action@v1",
      "  b:",
      "    runs-on: ubuntu-latest",
      "    timeout-minutes: 5",
      "    steps:",
      "      - *review",
      "",
    ].join("\n");
    const bomb = `on: push\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n`;
    const result = await lintDir(fixture({ ".github/workflows/anchors.yml": anchors, ".github/workflows/bomb.yml": bomb }));
    // The shared step is reported where each job uses it (the anchor, then the alias); the bomb is one finding.
    expect(brief(result.findings)).toEqual([
      ".github/workflows/anchors.yml:3:3 repo/ai-use-inventoried",
      ".github/workflows/anchors.yml:8:15 ci/ai-action-pinned",
      ".github/workflows/anchors.yml:9:3 repo/ai-use-inventoried",
      ".github/workflows/anchors.yml:13:9 ci/ai-action-pinned",
      ".github/workflows/bomb.yml:1:1 parse/resource-limit",
    ]);
  });
});

describe("the AI system inventory against the repository", () => {
  const codexJob = "on: push\njobs:\n  fix:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - uses: openai/codex-action@v1\n";
  const inventory = [
    "kind: ai-system-inventory",
    "id: INV",
    "systems:",
    "  - id: SYS-FIX",
    "    ai_use:",
    "      actions: [OpenAI/Codex-Action]",
    "  - id: SYS-CHAT",
    "    ai_use:",
    "      paths: ['services/chat/**']",
    "",
  ].join("\n");

  it("covers a use by the action an inventory entry names or a glob of its paths, and reports the rest", async () => {
    const mcp = JSON.stringify({ mcpServers: { docs: { command: "docs-mcp" } } });
    const dir = fixture({ ".github/workflows/fix.yml": codexJob, ".mcp.json": mcp, "services/chat/.mcp.json": mcp, "governance/inventory.yaml": inventory });
    const result = await lintDir(dir);
    expect(brief(result.findings.filter((f) => f.ruleId === "repo/ai-use-inventoried"))).toEqual([".mcp.json:1:1 repo/ai-use-inventoried"]);
  });

  it("matches ai_use.paths from the project root when aimslint runs from a subfolder", async () => {
    const dir = fixture({
      "aimslint.config.yaml": "rules: {}\n",
      "app/.github/workflows/fix.yml": codexJob,
      "governance/sys.yaml": "kind: ai-system\nid: SYS-FIX\nai_use:\n  paths: [app/.github/workflows/fix.yml]\n",
    });
    const config = resolveConfig({ cwd: join(dir, "app"), startDir: join(dir, "app"), today: TODAY });
    const result = await lint({ cwd: join(dir, "app"), inputs: [], config });
    expect(result.findings.filter((f) => f.ruleId === "repo/ai-use-inventoried")).toEqual([]);
  });
});
