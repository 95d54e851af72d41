// Work that repository content can ask for is bounded: each test asserts a bound on the work done (a counter, the
// findings, the output), never a measured time. bench/hardening.mjs runs the reproductions with timings.
import { appendFileSync, cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve-config.js";
import { lint } from "../../src/pipeline/lint.js";
import { engineLoads } from "../../src/util/safe-regex.js";
import { repoRoot, tempDir } from "./helpers.js";

const resolve = (dir: string) => resolveConfig({ cwd: dir, startDir: dir });

describe("the linear regular-expression engine", () => {
  it("is loaded only when the repository supplies a pattern: the example's run never loads it", async () => {
    const dir = tempDir("aimslint-budget-");
    cpSync(join(repoRoot, "examples", "acme-governance"), dir, { recursive: true });
    mkdirSync(join(dir, ".git"));
    const result = await lint({ cwd: dir, inputs: [], config: resolve(dir) });
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(engineLoads.count).toBe(0);

    mkdirSync(join(dir, "rules"));
    writeFileSync(
      join(dir, "rules", "r.yaml"),
      'id: acme/team\ntitle: Teams follow the pattern\nseverity: error\niso42001: ["7.5"]\nappliesTo: [risk]\nrationale: Owners are teams that people can reach.\nhelp: Name the owning team.\ncheck:\n  then:\n    - { field: owner, function: pattern, options: { match: "^team-[a-z0-9]+(?:-[a-z0-9]+)*$" } }\n',
    );
    appendFileSync(join(dir, "aimslint.config.yaml"), "ruleFiles: [rules/r.yaml]\n");
    await lint({ cwd: dir, inputs: [], config: resolve(dir) });
    expect(engineLoads.count).toBe(1);
  });
});
