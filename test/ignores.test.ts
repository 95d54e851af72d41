// Ignore globs of the forms the defaults take are matched by path parts (pipeline/discover.ts, ignoreMatcher):
// exactly as picomatch with `dot` matches them, which the other globs still go through.
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { DEFAULT_IGNORES, ignoreMatcher } from "../src/pipeline/discover.js";

const PATHS = [
  "package-lock.json",
  "a/package-lock.json",
  "a/.b/package-lock.json",
  "a/package-lock.json.bak",
  "package-lock.json/x.yaml",
  "node_modules/x/card.md",
  "a/node_modules",
  "src/node_modules_old/x.yaml",
  ".aimslint",
  "a/.aimslint",
  ".aimslint/schemas/risk.json",
  "x.aimslint/y.yaml",
  ".git/config",
  "a/.github/workflows/ci.yml",
  "governance/aimslint-baseline.json",
  "governance/risks/RISK-1.yaml",
  "docs/my drafts/card.md",
  "a/b/my drafts",
];

const GLOBS = [...DEFAULT_IGNORES, "**/my drafts/**", "**/RISK-1.yaml", "**/*.md", "docs/**", "**/..", "**/a/**"];

describe("ignore globs", () => {
  it("match by path parts exactly as picomatch matches them with dot", () => {
    for (const glob of GLOBS) {
      const ours = ignoreMatcher([glob]);
      const reference = picomatch(glob, { dot: true });
      for (const path of PATHS) expect(ours(path), `${glob} on ${path}`).toBe(reference(path));
    }
  });

  it("match when any of several does", () => {
    const ours = ignoreMatcher(DEFAULT_IGNORES);
    const reference = picomatch([...DEFAULT_IGNORES], { dot: true });
    expect(PATHS.filter(ours)).toEqual(PATHS.filter((path) => reference(path)));
    expect(PATHS.filter(ours)).toContain("a/.b/package-lock.json");
  });
});
