// Problems the hardening tests found that are not fixed yet, reported to the lead: each test states the behaviour
// we want and is marked it.fails, so it passes while the problem is there and fails once it is fixed. When one
// fails, the problem is gone: move the test to regressions.test.ts as a plain `it` (and, for fixture cases, move
// the `gap` expectation of test/fixtures/hostile/expected.json into `findings`/`also`).
import { cpSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { brief, expectedBrief, HOSTILE, lintIn, manifest, tempDir } from "./helpers.js";

/** The fixture folder with the given files named, as a hook would run it. */
async function lintFixtures(names: string[]) {
  const dir = tempDir("aimslint-gap-");
  cpSync(HOSTILE, dir, { recursive: true, filter: (src) => !/[\\/](found|expected\.json|\.gitattributes)$/.test(src) });
  return lintIn(dir, [".", ...names]);
}

describe("known gaps (reported; it.fails until fixed)", () => {
  const gaps = Object.entries(manifest.files).filter(([, c]) => c.gap);

  for (const [file, c] of gaps) {
    it.fails(`${file}: ${c.gap!.reason}`, async () => {
      const result = await lintFixtures([file]);
      const mine = result.findings.filter((f) => f.file === file);
      if (c.gap!.findings) {
        const exact = mine
          .filter((f) => manifest.exactFamilies.some((p) => f.ruleId.startsWith(p)))
          .map(brief)
          .sort();
        expect(exact).toEqual(c.gap!.findings.map((e) => expectedBrief(file, e)).sort());
      }
      for (const e of c.gap!.also ?? []) expect(mine.map(brief)).toContain(expectedBrief(file, e));
    });
  }

  // Keeps the file a suite while no gap is open; add gaps above (or a `gap` entry in expected.json).
  if (gaps.length === 0) it("no hostile fixture has an open gap", () => expect(gaps).toEqual([]));
});
