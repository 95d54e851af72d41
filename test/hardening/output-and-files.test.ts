// Output and policy files, end to end: values and file names reach every output format as text (no replacement
// patterns, no bidirectional controls shown raw), and configuration files that are too large or not regular files
// are refused with a clear error and exit 2, not read or waited on.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve-config.js";
import { lint } from "../../src/pipeline/lint.js";
import { renderAll, repoWith, runCli } from "./helpers.js";
import { outputProblems } from "./invariants.js";

const repo = (files: Record<string, string>): string => repoWith("aimslint-output-", files);

describe("values are text in every output", () => {
  it("$', $& and $` in a value quoted by {{error}} and {{value}} stay literal; U+202E is shown escaped", async () => {
    const value = "x $' $& $` \u202e y";
    const dir = repo({
      "aimslint.config.yaml": "ruleFiles: [rules/r.yaml]\n",
      "rules/r.yaml":
        'id: acme/owner\ntitle: Owners are teams\nseverity: error\niso42001: ["7.5"]\nappliesTo: [risk]\nrationale: Owners are teams that people can reach.\nhelp: Name the owning team.\ncheck:\n  then:\n    - { field: owner, function: pattern, options: { match: "^team-" }, message: "{{error}} Was {{value}} in {{field}}." }\n',
      [`risk-\u202egnp.yaml`]: `kind: risk\nid: RISK-1\ntitle: A risk\nowner: ${JSON.stringify(value)}\n`,
    });
    const result = await lint({ cwd: dir, inputs: [], config: resolveConfig({ cwd: dir, startDir: dir }) });
    const finding = result.findings.find((f) => f.ruleId === "acme/owner")!;
    const quoted = JSON.stringify(value);
    expect(finding.message).toBe(`${quoted} in "owner" does not match /^team-/. Was ${quoted} in owner.`);
    for (const { format, color, text } of renderAll(result.findings)) {
      expect(outputProblems(format, text, color), format).toEqual([]);
      if (format !== "json" && format !== "sarif" && format !== "gitlab") expect(text, format).toContain("\\u202e");
    }
  });
});

describe("configuration files that could exhaust memory or hang are refused", () => {
  it("a 22 MB extends: file is refused unread, with exit 2 and its size", () => {
    const dir = repo({ "aimslint.config.yaml": "extends: ./big.yaml\n", "big.yaml": `rules:\n${"  # padding\n".repeat(2_000_000)}`, "risk.yaml": "kind: risk\nid: RISK-1\n" });
    const run = runCli(["risk.yaml"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/big\.yaml: cannot be read \(22\.\d MiB, over the 1\.0 MiB a configuration, rule or schema file may have\)/);
  });

  it("extends: a FIFO is refused at once, with exit 2, never waited on", () => {
    const dir = repo({ "aimslint.config.yaml": "extends: ./fifo.yaml\n", "risk.yaml": "kind: risk\nid: RISK-1\n" });
    execFileSync("mkfifo", [join(dir, "fifo.yaml")]);
    const run = runCli(["risk.yaml"], dir, { timeout: 20_000 });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/fifo\.yaml: cannot be read \(not a regular file\)/);
  });
});
