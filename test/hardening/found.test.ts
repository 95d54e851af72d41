// Inputs the fuzzer (fuzz/run.mjs) stored under test/fixtures/hostile/found/, replayed through the built CLI in a
// child process with a time limit, so that a hang fails the test instead of stopping the suite. Each case.json says
// what went wrong; status "open" cases are expected to fail still (it.fails), "fixed" ones must pass.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HOSTILE, runCli, tempDir } from "./helpers.js";
import type { Finding } from "../../src/core/finding.js";
import { outputProblems, rangeProblems, visibleText } from "./invariants.js";

interface FoundCase {
  kind: "crash" | "hang" | "invariant";
  error: string;
  how: string;
  status: "open" | "fixed";
  files: { stored: string; name: string }[];
}

const FOUND = join(HOSTILE, "found");
const cases = existsSync(FOUND)
  ? readdirSync(FOUND)
      .filter((d) => existsSync(join(FOUND, d, "case.json")))
      .sort()
      .map((d) => [d, JSON.parse(readFileSync(join(FOUND, d, "case.json"), "utf8")) as FoundCase] as const)
  : [];

describe.skipIf(cases.length === 0)("inputs found by the fuzzer", () => {
  for (const [id, c] of cases) {
    (c.status === "open" ? it.fails : it)(
      `${id} (${c.kind}: ${c.how})`,
      () => {
        const dir = tempDir("aimslint-found-");
        for (const f of c.files) {
          mkdirSync(join(dir, f.name, ".."), { recursive: true });
          writeFileSync(join(dir, f.name), readFileSync(join(FOUND, id, "files", f.stored)));
        }
        for (const format of ["json", "github", "stylish"]) {
          const r = runCli(["--format", format, "--", ".", ...c.files.map((f) => f.name)], dir, { timeout: 20_000 });
          expect(r.signal, `${format}: killed after 20 s`).toBeNull();
          expect([0, 1, 2], format).toContain(r.code);
          expect(r.stderr, format).not.toMatch(/internal error/);
          expect(outputProblems(format, r.stdout), format).toEqual([]);
          expect(outputProblems("stderr", r.stderr), format).toEqual([]);
          if (format === "json" && r.code !== 2) {
            const texts = new Map(c.files.map((f) => [f.name, visibleText(readFileSync(join(dir, f.name)))]));
            expect(rangeProblems((JSON.parse(r.stdout) as { findings: Finding[] }).findings, texts)).toEqual([]);
          }
        }
      },
      90_000,
    );
  }
});
