// Coverage (src/engine/ai-inventory.ts) files the records' claims for lookups: it must answer as covers() does,
// record by record, for any path, glob, action, package and model a record may name.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AiUse, claimOf, Coverage, covers } from "../src/engine/ai-inventory.js";
import type { IndexEntry } from "../src/engine/index-entry.js";

const FILES = [
  ".mcp.json",
  ".github/workflows/eval.yml",
  ".github/workflows/review.yaml",
  "models/a/requirements.txt",
  "models/a/sub/pyproject.toml",
  "models/ab/requirements.txt",
  "models/A/requirements.txt",
  "services/chat-api/package.json",
  "services/chat-api/x.y/package.json",
  "package.json",
  "a",
  "a/b",
];

/** Plain paths, globs with and without a literal folder, and the odd forms a record may hold. */
const PATTERNS = [
  ...FILES,
  "./models/a/requirements.txt",
  " models/a/requirements.txt ",
  "models/a/**",
  "models/a/*",
  "models/a",
  "models/*/requirements.txt",
  "models/a*/**",
  "models/**/pyproject.toml",
  "**/package.json",
  "**/*.yml",
  ".github/workflows/*.{yml,yaml}",
  "services/chat-api/**",
  "services/chat-api/x.y/**",
  "services/+(chat)-api/**",
  "{models,services}/**",
  "!models/**",
  "models/a/./requirements.txt",
  "models//a/requirements.txt",
  "models/a/requirements.txt/",
  "models\\a\\requirements.txt",
  "models/a/requirements\\.txt",
  "a/**",
  "a/b/**",
  "*",
  "**",
];
const ACTIONS = ["anthropics/claude-code-action", "Anthropics/Claude-Code-Action", "sst/opencode", "sst/opencode/github", "sst", "actions/ai-inference", "owner/"];
const PACKAGES = ["openai", "OpenAI", "langchain-openai", "langchain_openai", "LangChain.OpenAI", "@ai-sdk/openai", "transformers"];
const MODELS = ["gpt-4o-2024-08-06", "GPT-4o-2024-08-06", "claude-sonnet-4-5-20250929"];

const record = (i: number, ai: Record<string, string[]>): IndexEntry => ({ file: `governance/s${i}.yaml`, doc: 0, root: [], kind: "ai-system", id: `SYS-${i}`, data: { ai_use: ai } });

const claimArb = fc.record(
  {
    paths: fc.subarray(PATTERNS, { maxLength: 4 }),
    actions: fc.subarray(ACTIONS, { maxLength: 2 }),
    packages: fc.subarray(PACKAGES, { maxLength: 2 }),
    models: fc.subarray(MODELS, { maxLength: 1 }),
  },
  { requiredKeys: [] },
);

const useArb = fc.record({
  file: fc.constantFrom(...FILES),
  actions: fc.subarray(["anthropics/claude-code-action", "sst/opencode/github", "sst/opencode", "owner//x", "actions/ai-inference/sub"], { maxLength: 2 }),
  packages: fc.subarray(["openai", "langchain-openai", "Langchain_OpenAI", "@ai-sdk/openai"], { maxLength: 2 }),
  models: fc.subarray(MODELS, { maxLength: 1 }),
});

function use(u: { file: string; actions: string[]; packages: string[]; models: string[] }): AiUse {
  const entry: IndexEntry = { file: u.file, doc: 0, root: [], kind: "ci-workflow", data: {} };
  return { entry, what: "job", at: [], name: "job", actions: u.actions, versions: {}, secrets: [], models: u.models, packages: u.packages, agent: false, writes: false };
}

describe("Coverage", () => {
  it("finds the records covers() finds, in their order", () => {
    fc.assert(
      fc.property(fc.array(claimArb, { maxLength: 8 }), fc.array(useArb, { minLength: 1, maxLength: 6 }), (records, uses) => {
        const claims = records.map((r, i) => claimOf(record(i, r)));
        const coverage = new Coverage(claims);
        for (const u of uses.map(use)) {
          const expected = claims.flatMap((c, i) => (covers(c, u, u.entry.file) !== undefined ? [i] : []));
          expect(coverage.owners(u, u.entry.file)).toEqual(expected);
          expect(coverage.covered(u, u.entry.file)).toBe(expected.length > 0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("files a plain path under itself and a glob under its literal folder", () => {
    const claims = [claimOf(record(0, { paths: ["models/a/**"] })), claimOf(record(1, { paths: ["./models/a/requirements.txt"] })), claimOf(record(2, { paths: ["**/requirements.txt"] }))];
    const coverage = new Coverage(claims);
    const u = use({ file: "models/a/requirements.txt", actions: [], packages: [], models: [] });
    expect(coverage.owners(u, u.entry.file)).toEqual([0, 1, 2]);
    const other = use({ file: "models/ab/requirements.txt", actions: [], packages: [], models: [] });
    expect(coverage.owners(other, other.entry.file)).toEqual([2]);
  });
});
