// AI use in CI workflows (.github/workflows/*.yml): found by the catalogue (src/core/ai-use-catalogue.json) and the
// organisation's additions (aiUse in aimslint.config.yaml).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config/resolve-config.js";
import catalogue from "../src/core/ai-use-catalogue.json" with { type: "json" };
import { lint } from "../src/pipeline/lint.js";
import { checkPattern } from "../src/util/safe-regex.js";
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

  it("covers an AI package of a manifest by its name as PyPI normalises it, and reports one no record names", async () => {
    const dir = fixture({
      "requirements.txt": "Llama_Index==0.12.1\nopenai==1.40.0\nrequests\n",
      "governance/sys.yaml": "kind: ai-system\nid: SYS-RAG\nai_use:\n  packages: [llama-index]\n",
    });
    const result = await lintDir(dir);
    expect(result.findings.filter((f) => f.ruleId === "repo/ai-use-inventoried").map((f) => `${brief([f])[0]} ${f.message}`)).toEqual([
      'requirements.txt:2:1 repo/ai-use-inventoried AI use not in the AI system inventory: package "openai"; no AI system record\'s ai_use names this file or the package. Add it to the ai_use of the AI system record it belongs to (4.3, A.4.2).',
    ]);
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

describe("who may start AI, and what guards what it publishes", () => {
  // These fixtures keep no AI system inventory: repo/ai-use-inventoried would report every AI job as well.
  const lintCi = async (dir: string) => {
    const result = await lintDir(dir);
    return { ...result, findings: result.findings.filter((f) => f.ruleId !== "repo/ai-use-inventoried") };
  };
  const job = (name: string, lines: string[]) => [`  ${name}:`, "    runs-on: ubuntu-latest", "    timeout-minutes: 10", ...lines];
  const aiStep = ["    steps:", "      - uses: actions/ai-inference@b81b2afb8390ee6839b494a404766bef6493c7d9", "        with: { prompt: Summarise. }"];

  it("reads on: as a name, a list or a mapping, and names the events anyone can cause", async () => {
    const workflow = (on: string[]) => [...on, "jobs:", ...job("ai", aiStep), ""].join("\n");
    const result = await lintCi(
      fixture({
        ".github/workflows/name.yml": workflow(["on: issue_comment"]),
        ".github/workflows/list.yml": workflow(["on: [push, pull_request_target, discussion]"]),
        ".github/workflows/mapping.yml": workflow(["on:", "  push:", "  issues:", "    types: [opened]"]),
        ".github/workflows/trusted.yml": workflow(["on: [push, pull_request, workflow_dispatch]"]),
      }),
    );
    expect(result.findings.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.ruleId} ${f.message.split(", which")[0]}`).sort()).toEqual([
      '.github/workflows/list.yml:3:3 ci/ai-trusted-trigger "jobs.ai" runs AI on pull_request_target and discussion',
      '.github/workflows/mapping.yml:6:3 ci/ai-trusted-trigger "jobs.ai" runs AI on issues',
      '.github/workflows/name.yml:3:3 ci/ai-trusted-trigger "jobs.ai" runs AI on issue_comment',
    ]);
  });

  it("reads on: and permissions: through YAML anchors and aliases, and points at the alias", async () => {
    const workflow = [
      "x-events: &events",
      "  issue_comment:",
      "    types: &created [created]",
      "  pull_request_review_comment:",
      "    types: *created",
      "on: *events",
      "permissions: &write",
      "  contents: write",
      "jobs:",
      ...job("reply", ["    if: github.event.comment.body != ''", "    permissions: *write", ...aiStep, "      - run: git push"]),
      "",
    ].join("\n");
    const result = await lintCi(fixture({ ".github/workflows/anchors.yml": workflow }));
    expect(brief(result.findings)).toEqual([".github/workflows/anchors.yml:13:9 ci/ai-trusted-trigger", ".github/workflows/anchors.yml:14:18 ci/ai-write-gated"]);
    expect(result.findings.map((f) => f.pointer)).toEqual(["/jobs/reply/if", "/jobs/reply/permissions/contents"]);
    expect(result.findings[0]?.message).toContain("runs AI on issue_comment and pull_request_review_comment, which anyone can cause, and its if: does not check");
  });

  it("reads the key on as the string YAML 1.2 makes it, on the fast and the full parse alike", async () => {
    const plain = ["on: issues", "jobs:", ...job("triage", aiStep), ""].join("\n");
    // An anchor sends the file through the full parser; a quoted "on" is the same key.
    const anchored = ['"on": issues', "jobs:", ...job("triage", ["    env: &e { LANG: C }", ...aiStep]), ""].join("\n");
    const result = await lintCi(fixture({ ".github/workflows/plain.yml": plain, ".github/workflows/anchored.yml": anchored }));
    expect(brief(result.findings).sort()).toEqual([".github/workflows/anchored.yml:3:3 ci/ai-trusted-trigger", ".github/workflows/plain.yml:3:3 ci/ai-trusted-trigger"]);
  });

  it("gives one finding per problem where three rules find a job wanting", async () => {
    const workflow = ["on: issue_comment", "permissions: write-all", "jobs:", "  fix:", "    runs-on: ubuntu-latest", ...aiStep, "      - run: git push", ""].join("\n");
    const { findings } = await lintCi(fixture({ ".github/workflows/fix.yml": workflow }));
    // All at the job's key, each about what the job lacks.
    expect(findings.map((f) => `${f.range.start.line}:${f.range.start.column} ${f.ruleId} ${f.pointer}`).sort()).toEqual([
      "4:3 ci/ai-job-time-limit /jobs/fix/timeout-minutes",
      "4:3 ci/ai-trusted-trigger /jobs/fix/if",
      "4:3 ci/ai-write-gated /jobs/fix/needs",
    ]);
  });

  it("takes the organisation's own AI, actor-checking and publishing actions from the configuration", async () => {
    const workflow = [
      "on: issue_comment",
      "permissions: { contents: write }",
      "jobs:",
      ...job("review", ["    steps:", "      - uses: acme/llm-review@0123456789abcdef0123456789abcdef01234567", "      - uses: acme/publish@v1"]),
      "",
    ].join("\n");
    const files = { ".github/workflows/review.yml": workflow };
    expect(brief((await lintCi(fixture(files))).findings)).toEqual([]);
    const ai = "aiUse:\n  actions: [acme/llm-review]\n";
    expect(brief((await lintCi(fixture({ ...files, "aimslint.config.yaml": ai }))).findings)).toEqual([".github/workflows/review.yml:4:3 ci/ai-trusted-trigger"]);
    const both = `${ai}rules:\n  ci/ai-trusted-trigger: { options: { actorCheckingActions: [acme/llm-review] } }\n  ci/ai-write-gated: { options: { publishActions: [acme/publish] } }\n`;
    const result = await lintCi(fixture({ ...files, "aimslint.config.yaml": both }));
    // The workflow's permissions: the finding is on the job, which has none of its own.
    expect(brief(result.findings)).toEqual([".github/workflows/review.yml:4:3 ci/ai-write-gated"]);
    expect(result.findings[0]?.message).toContain("publishes (steps[1] uses acme/publish)");
  });

  it("reads a hostile if: without failing, and takes what it cannot read for no check", async () => {
    const deep = `${"(".repeat(3000)}github.actor == 'alice'${")".repeat(3000)}`;
    const long = Array.from({ length: 500 }, (_, i) => `github.actor == 'user${i}'`).join(" || ");
    const unbalanced = "github.actor == 'alice' && (contains(fromJSON('[\"x\"]'), github.actor)";
    const workflow = [
      "on: issues",
      "jobs:",
      ...job("deep", [`    if: "${deep}"`, ...aiStep]),
      ...job("long", [`    if: "${long}"`, ...aiStep]),
      ...job("unbalanced", [`    if: "${unbalanced.replace(/"/g, '\\"')}"`, ...aiStep]),
      "",
    ].join("\n");
    const { findings } = await lintCi(fixture({ ".github/workflows/hostile.yml": workflow }));
    expect(brief(findings)).toEqual([
      ".github/workflows/hostile.yml:6:9 ci/ai-trusted-trigger",
      ".github/workflows/hostile.yml:13:9 ci/ai-trusted-trigger",
      ".github/workflows/hostile.yml:20:9 ci/ai-trusted-trigger",
    ]);
  });

  it("names what a run script matched by the catalogue's name for it, never by the script's text", async () => {
    const token = "ghp_exampleexampleexampleexample0123";
    const workflow = [
      "on: workflow_dispatch",
      "permissions: { contents: write }",
      "jobs:",
      ...job("push", [...aiStep, `      - run: git -C site push https://x-access-token:${token}@github.com/acme/site HEAD:main`]),
      "",
    ].join("\n");
    const { findings } = await lintCi(fixture({ ".github/workflows/push.yml": workflow }));
    expect(findings.map((f) => f.message.split(" with nothing")[0])).toEqual(['"jobs.push" runs AI with contents: write and publishes (git push in steps[1].run)']);
    expect(JSON.stringify(findings)).not.toContain(token);
  });

  it("keeps to patterns that cannot hang a scan", () => {
    const offWhen = [...catalogue.actorChecking, ...catalogue.publishActions].flatMap((a): unknown[] => ("offWhen" in a && a.offWhen ? Object.values(a.offWhen) : []));
    const patterns = [...Object.values(catalogue.publishCommands), ...offWhen.filter((p): p is string => typeof p === "string")];
    expect(patterns.length).toBeGreaterThan(3);
    expect(patterns.filter((p) => checkPattern(p) !== undefined)).toEqual([]);
  });
});
