// Hostile AI use: the repository's workflows, agent configurations and inventory are untrusted like any artefact.
// Huge or malformed files end in bounded work and findings, secrets are never printed in any encoding, and
// names from the repository cannot forge output.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { brief, lintIn, renderAll, runCli, tempDir } from "./helpers.js";
import { outputProblems } from "./invariants.js";

function repo(files: Record<string, string>): string {
  const dir = tempDir("aimslint-ai-use-");
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("hostile AI use", () => {
  it("refuses a 3.6 MB workflow of 50,000 AI jobs in bounded time: its jobs mapping is over the keys budget", async () => {
    const job = (i: number) => `  j${i}:\n    runs-on: x\n    steps:\n      - uses: openai/codex-action@v1\n`;
    const text = `on: push\njobs:\n${Array.from({ length: 50_000 }, (_, i) => job(i)).join("")}`;
    expect(text.length).toBeGreaterThan(3_000_000);
    const dir = repo({ ".github/workflows/huge.yml": text, "governance/sys.yaml": "kind: ai-system\nid: SYS-1\nai_use:\n  actions: [openai/codex-action]\n" });
    const started = Date.now();
    const result = await lintIn(dir);
    const mine = result.findings.filter((f) => f.file === ".github/workflows/huge.yml");
    // One finding: a mapping of 50,000 keys (limits.maxKeys, 10,000) is not read as a workflow at all.
    expect(mine.map((f) => `${f.ruleId} ${f.message}`)).toEqual(["parse/resource-limit Document has a mapping of more than 10000 keys; it is not checked."]);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);

  it("never prints a secret of an agent configuration, however it is spelt", async () => {
    const token = "sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123";
    const escaped = token.replace(/[a-z]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
    const base64 = Buffer.from(token).toString("base64");
    const mcp = `{"mcpServers":{"a":{"command":"x","env":{"OPENAI_API_KEY":"${escaped}"}},"b":{"command":"y","env":{"API_KEY":"${base64}"}},"c":{"url":"https://x","headers":{"Authorization":"Bearer ${token}"}}}}`;
    const dir = repo({ ".mcp.json": mcp });
    const result = await lintIn(dir);
    expect(result.findings.filter((f) => f.ruleId === "agent/no-literal-secrets").map(brief)).toEqual([
      ".mcp.json:1:59 agent/no-literal-secrets",
      ".mcp.json:1:226 agent/no-literal-secrets",
      ".mcp.json:1:329 agent/no-literal-secrets",
    ]);
    for (const { format, text } of renderAll(result.findings)) {
      for (const spelling of [token, escaped, base64, token.slice(8, 24)]) expect(text, `${format} prints the secret`).not.toContain(spelling);
    }
    const cli = runCli(["inventory", "--format", "json"], dir);
    expect(cli.stdout).not.toContain(token.slice(8, 24));
    expect(cli.stdout).not.toContain(base64);
  });

  it("reads workflows of the wrong shape without a crash or an AI finding", async () => {
    const shapes = [
      "jobs: [a, b]\n",
      "jobs: 42\n",
      "jobs:\n  a: null\n  b:\n    steps: {uses: openai/codex-action@v1}\n",
      "jobs:\n  a:\n    steps:\n      - uses: 42\n      - null\n",
      "on: push\n",
      "[]\n",
      "null\n",
    ];
    const files = Object.fromEntries(shapes.map((text, i) => [`.github/workflows/w${i}.yml`, text]));
    const result = await lintIn(repo(files));
    expect(result.findings.filter((f) => /^(ci|repo)\//.test(f.ruleId))).toEqual([]);
  });

  it("keeps job names from forging output in every format and in the inventory", async () => {
    const name = "'::error file=x::forged\u001b]8;;https://evil\u0007\u202e'";
    const dir = repo({ ".github/workflows/x.yml": `on: push\njobs:\n  ${name}:\n    runs-on: x\n    steps:\n      - uses: openai/codex-action@v1\n` });
    const result = await lintIn(dir);
    expect(result.findings.some((f) => f.ruleId === "repo/ai-use-inventoried")).toBe(true);
    for (const { format, color, text } of renderAll(result.findings)) expect(outputProblems(format, text, color), format).toEqual([]);
    for (const format of ["table", "json", "cyclonedx"]) {
      const out = runCli(["inventory", "--format", format], dir).stdout;
      expect(out, format).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
      expect(out, format).not.toMatch(/^\s*::/m);
    }
  });

  it("matches inventory globs that would backtrack against long paths in bounded time", async () => {
    const deep = `${"a/".repeat(60)}${"a".repeat(120)}.yml`;
    const dir = repo({
      [`${deep.slice(0, -4)}/.mcp.json`]: '{"mcpServers":{}}',
      "governance/sys.yaml": `kind: ai-system\nid: SYS-1\nai_use:\n  paths: ['${"**/a*".repeat(12)}b', '${"{a,b}".repeat(20)}']\n`,
    });
    const started = Date.now();
    const result = await lintIn(dir);
    expect(result.findings.filter((f) => f.ruleId === "repo/ai-use-inventoried")).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);
});
