// The rule functions' registry (src/engine/functions/registry.ts): a table of cases per function, and the files
// generated from the registry (the rule meta-schema, docs/rule-functions.md, the index's kept fields) agree with it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config/resolve-config.js";
import { ConfigError } from "../src/core/errors.js";
import { FUNCTIONS, RULE_FUNCTIONS } from "../src/engine/functions/registry.js";
import { ALWAYS_KEPT, indexFields } from "../src/engine/index-fields.js";
import { RepoIndex } from "../src/engine/repo-index.js";
import type { IndexEntry } from "../src/engine/index-entry.js";
import type { CheckContext, RuleDefinition } from "../src/engine/types.js";
import { fixture, lintDir } from "./helpers/lint.js";

const root = join(import.meta.dirname, "..");
const TODAY = "2026-06-30";

interface Case {
  value?: unknown;
  options?: Record<string, unknown>;
  /** The artefact's data; `value` is its field "f". */
  data?: Record<string, unknown>;
  /** The kind of the artefact checked (default ai-system). */
  kind?: string;
  fails: string[];
}

const entry = (file: string, kind: string, data: Record<string, unknown>): IndexEntry => ({ file, doc: 0, root: [], kind, ...(typeof data["id"] === "string" ? { id: data["id"] } : {}), data });
const INDEX_ENTRIES = [
  entry("sys.yaml", "ai-system", { id: "SYS-1" }),
  entry("sys-copy.yaml", "ai-system", { id: "SYS-2" }),
  entry("dup.yaml", "ai-system", { id: "SYS-2" }),
  entry("risk.yaml", "risk", { id: "RISK-1", system: "SYS-1" }),
  entry("risk-2.yaml", "risk", { id: "RISK-2", system: "SYS-GONE" }),
  entry("policy.yaml", "ai-policy", { id: "POL-AI", authorities: { top_management: ["ceo", "board"] } }),
  entry("rc.yaml", "risk-criteria", {
    id: "RC-1",
    matrix: { rare: ["medium", "high"], likely: ["high", "critical"] },
    acceptance: { medium: ["ai-governance-lead"] },
    review_months: { high: 6 },
  }),
  entry("sys-ai.yaml", "ai-system", { id: "SYS-AI", ai_use: { paths: [".github/workflows/covered.yml"], actions: ["openai/codex-action"] } }),
  entry(".github/workflows/covered.yml", "ci-workflow", { jobs: { fix: { permissions: { contents: "write" }, steps: [{ uses: "openai/codex-action@v1" }] } } }),
  entry("soa.yaml", "statement-of-applicability", {
    controls: [
      { control: "A.5.2", applicable: "included" },
      { control: "A.6.1.2", applicable: "excluded" },
    ],
  }),
];
const fields = new Map([
  ["ai-policy", ["authorities.top_management", "authorities.approve_impact_assessments"]],
  ["risk-criteria", ["acceptance", "matrix", "review_months"]],
  ["risk", ["system"]],
  ["statement-of-applicability", ["controls[*].applicable", "controls[*].control"]],
]);
const INDEX = new RepoIndex(INDEX_ENTRIES, root, () => ({ start: { line: 3, column: 5 }, end: { line: 3, column: 9 } }), fields);

const MATRIX = {
  row: "l",
  column: "i",
  rows: ["rare", "likely"],
  columns: ["minor", "major"],
  table: [
    ["low", "medium"],
    ["medium", "high"],
  ],
  name: "matrix",
};

/** Every function, with what it must accept and refuse: a new function without a table fails the first test. */
/** A job, and a step, that run AI (by the catalogue). */
const AI_STEP = { uses: "actions/ai-inference@v1", with: { prompt: "summarise" } };
const AI_JOB = { steps: [AI_STEP] };

const TABLES: Record<string, Case[]> = {
  present: [{ value: "Credit scoring", fails: [] }, { fails: ['Missing "f".'] }, { value: "TBD", fails: ['"f" holds template filler "TBD", not an answer.'] }, { value: [], fails: ['"f" is empty.'] }],
  absent: [{ fails: [] }, { value: "x", fails: ['"f" must not be set here.'] }],
  pattern: [
    { value: "team-credit", options: { match: "^team-" }, fails: [] },
    { value: "alice", options: { match: "^team-", description: "a team id" }, fails: ['"alice" in "f" does not match a team id.'] },
    { value: "alice@example.com", options: { notMatch: "@" }, fails: ['"alice@example.com" in "f" must not match /@/.'] },
  ],
  enumeration: [
    { value: "high", options: { values: ["low", "high"] }, fails: [] },
    { value: "huge", options: { values: ["low", "high"] }, fails: ['"huge" in "f" is not one of "low", "high".'] },
  ],
  includes: [
    { value: ["a", "b"], options: { any: ["b"] }, fails: [] },
    { value: ["a"], options: { all: ["a", "c"] }, fails: ['"f" is missing "c".'] },
  ],
  length: [
    { value: ["a", "b"], options: { min: 2 }, fails: [] },
    { value: "ab", options: { min: 3 }, fails: ['"f" has 2 characters; at least 3 expected.'] },
    { options: { min: 1 }, fails: ['Missing "f" (at least 1 expected).'] },
  ],
  range: [
    { value: 0.5, options: { min: 0, max: 1 }, fails: [] },
    { value: 2, options: { max: 1 }, fails: ['"f" is 2; at most 1 allowed.'] },
  ],
  date: [
    { value: "2026-01-01", options: { maxAgeMonths: 12 }, fails: [] },
    { value: "2024-01-01", options: { maxAgeMonths: 12 }, fails: ['"f" is 2024-01-01, more than 12 months ago (today is 2026-06-30).'] },
    { value: "2026-01-01", options: { notBefore: "start" }, data: { start: "2026-02-01" }, fails: ['"f" (2026-01-01) is before "start" (2026-02-01).'] },
    { value: "soon", fails: ['"soon" in "f" is not a date (YYYY-MM-DD).'] },
  ],
  ordinal: [
    { value: "low", options: { scale: ["low", "high"], notAbove: "cap" }, data: { cap: "high" }, fails: [] },
    { value: "high", options: { scale: ["low", "high"], notAbove: "cap" }, data: { cap: "low" }, fails: ['"f" ("high") is above "cap" ("low").'] },
  ],
  "one-of": [
    { options: { fields: ["a", "b"] }, data: { b: "x" }, fails: [] },
    { options: { fields: ["a", "b"], exactly: true }, data: { a: "x", b: "y" }, fails: ['Only one of "a", "b" may be filled in.'] },
  ],
  "no-placeholders": [
    { value: { a: "real" }, fails: [] },
    { value: { a: "TBD" }, fails: ['"TBD" in "f.a" is template filler, not an answer.'] },
  ],
  "agrees-with": [
    { value: "cc-by-4.0", options: { field: "text" }, data: { text: "CC-BY-4.0" }, fails: [] },
    { value: ["mit", "apache-2.0"], options: { field: "text" }, data: { text: "apache-2.0" }, fails: [] },
    { value: "cc-by-4.0", options: { field: "text" }, data: { text: "cc-by-sa-4.0" }, fails: ['"f" is "cc-by-4.0", but "text" is "cc-by-sa-4.0".'] },
    { value: "other", options: { field: "text", unless: ["other"] }, data: { text: "mit" }, fails: [] },
    { value: "mit", options: { field: "text" }, fails: [] },
  ],
  coverage: [
    { value: [{ c: "x" }, { c: "y" }], options: { values: ["x", "y"], key: "c" }, fails: [] },
    { value: [{ c: "x" }, { c: "x" }], options: { values: ["x", "y"], key: "c" }, fails: ['"f" does not cover 1 of 2: "y".', '"x" is listed twice in "f" (items 0 and 1).'] },
  ],
  reference: [
    { value: "SYS-1", options: { kind: "ai-system" }, fails: [] },
    { value: "SYS-3", options: { kind: "ai-system" }, fails: ['"f" names "SYS-3", but no AI system record has that id; did you mean "SYS-1"?'] },
    { value: "RISK-1", options: { kind: "ai-system" }, fails: ['"f" names "RISK-1", which is an AI risk entry, not an AI system record.'] },
  ],
  "agrees-with-reference": [
    { value: "RISK-1", options: { kind: "risk", theirs: "system", ours: "system" }, data: { system: "SYS-1" }, fails: [] },
    {
      value: "RISK-1",
      options: { kind: "risk", theirs: "system", ours: "system" },
      data: { system: "SYS-2" },
      fails: ['"RISK-1" in "f" is an AI risk entry whose "system" is "SYS-1" (risk.yaml:3), but this AI system record\'s "system" is "SYS-2".'],
    },
    // Nothing to compare: no own value, no such risk, or a risk without the field.
    { value: "RISK-1", options: { kind: "risk", theirs: "system", ours: "system" }, fails: [] },
    { value: "RISK-9", options: { kind: "risk", theirs: "system", ours: "system" }, data: { system: "SYS-2" }, fails: [] },
    { value: ["RISK-1"], options: { kind: "risk", theirs: "system", ours: "system" }, data: { system: "sys-1" }, fails: [] },
    // RISK-2 names a system that does not exist: that is the risk's own finding (reference), not a disagreement.
    { value: "RISK-2", options: { kind: "risk", theirs: "system", ours: "system" }, data: { system: "SYS-1" }, fails: [] },
  ],
  "meets-threshold": [
    { value: 0.81, data: { t: 0.78 }, options: { threshold: "t" }, fails: [] },
    { value: 0.74, data: { t: 0.78 }, options: { threshold: "t" }, fails: ['0.74 in "f" does not meet its threshold 0.78 (at least).'] },
    { value: "0.006 ± 0.001", data: { t: 0.01, up: false }, options: { threshold: "t", direction: "up" }, fails: [] },
    { value: 0.02, data: { t: 0.01, up: false }, options: { threshold: "t", direction: "up" }, fails: ['0.02 in "f" does not meet its threshold 0.01 (at most).'] },
    { value: "n/a", data: { t: 0.01 }, options: { threshold: "t" }, fails: [] },
  ],
  lookup: [
    { value: "low", data: { l: "rare", i: "minor" }, options: MATRIX, fails: [] },
    { value: "high", data: { l: "rare", i: "minor" }, options: MATRIX, fails: ['"high" in "f" does not follow the matrix: l "rare" and i "minor" give "low".'] },
    // Off the scales or missing: enumeration's and presence's findings, not this one's.
    { value: "high", data: { l: "often", i: "minor" }, options: { row: "l", column: "i", rows: ["rare"], columns: ["minor"], table: [["low"]] }, fails: [] },
    { value: "high", data: { i: "minor" }, options: { row: "l", column: "i", rows: ["rare"], columns: ["minor"], table: [["low"]] }, fails: [] },
  ],
  authorised: [
    { value: "ceo", options: { in: "ai-policy", declared: "authorities.top_management", roles: ["cro"] }, fails: [] },
    { value: ["summer-intern", "CEO"], options: { in: "ai-policy", declared: "authorities.top_management" }, fails: [] },
    {
      value: "summer-intern",
      options: { in: "ai-policy", declared: "authorities.top_management", roles: ["cro"], authority: "top management's authority" },
      fails: ['"summer-intern" in "f" does not hold top management\'s authority: AI policy POL-AI\'s "authorities.top_management" (policy.yaml:3) gives it to ceo, board.'],
    },
    // Nothing declared: the default roles, or anyone when there are none.
    {
      value: "summer-intern",
      options: { in: "ai-policy", declared: "authorities.approve_impact_assessments", roles: ["cro"], option: "approverRoles" },
      fails: ['"summer-intern" in "f" does not hold this authority, which by default (rule option approverRoles) belongs to cro; declare your own roles in the AI policy\'s "authorities".'],
    },
    { value: "summer-intern", options: { in: "ai-policy", declared: "authorities.approve_impact_assessments" }, fails: [] },
    // By level: the criteria's roles for the level; a level they leave out takes the defaults, if it is one of defaultLevels.
    {
      value: "support-lead",
      data: { lvl: "medium" },
      options: { in: "risk-criteria", declared: "acceptance", byLevel: "lvl", roles: ["cro"], defaultLevels: ["high"] },
      fails: ['"support-lead" in "f" does not hold this authority at level "medium": AI risk criteria RC-1\'s "acceptance.medium" (rc.yaml:3) gives it to ai-governance-lead.'],
    },
    {
      value: "support-lead",
      data: { lvl: "high" },
      options: { in: "risk-criteria", declared: "acceptance", byLevel: "lvl", roles: ["cro"], defaultLevels: ["high"] },
      fails: ['"support-lead" in "f" does not hold this authority at level "high", which by default (rule option roles) belongs to cro; declare your own roles in the risk criteria\'s "acceptance".'],
    },
    { value: "support-lead", data: { lvl: "low" }, options: { in: "risk-criteria", declared: "acceptance", byLevel: "lvl", roles: ["cro"], defaultLevels: ["high"] }, fails: [] },
    { value: "TBD", options: { in: "ai-policy", declared: "authorities.top_management" }, fails: [] },
  ],
  "repository-holds": [
    { data: { first: true }, options: { kind: "ai-policy" }, fails: [] },
    {
      data: { first: true },
      options: { kind: "management-review" },
      fails: ["The repository holds no management review record (9.3), which an AI management system keeps as documented information."],
    },
    // One finding for the repository: only the first artefact of the checked kind reports it.
    { options: { kind: "management-review" }, fails: [] },
  ],
  "ai-use": [
    { value: "anthropics/claude-code-action@v1", options: { what: "action" }, fails: [] },
    { value: "Anthropics/Claude-Code-Action/sub@0123", options: { what: "action" }, fails: [] },
    { value: "actions/checkout@v5", options: { what: "action" }, fails: ["not AI use (catalogue: src/core/ai-use-catalogue.json)"] },
    { value: "anthropics/claude-code-action-fork@v1", options: { what: "action" }, fails: ["not AI use (catalogue: src/core/ai-use-catalogue.json)"] },
    { value: { run: "npx codex", env: { OPENAI_API_KEY: "${{ secrets.OPENAI_API_KEY }}" } }, options: { what: "step" }, fails: [] },
    { value: { run: 'curl -H "x-api-key: ${{ secrets.ANTHROPIC_API_KEY }}" https://api.anthropic.com' }, options: { what: "step" }, fails: [] },
    { value: { run: "npm test", env: { NODE_ENV: "test" } }, options: { what: "step" }, fails: ["not AI use (catalogue: src/core/ai-use-catalogue.json)"] },
    { value: { env: { GEMINI_API_KEY: "${{ secrets.GEMINI_API_KEY }}" }, steps: [{ run: "./translate.sh" }] }, options: { what: "job" }, fails: [] },
    { value: { steps: [{ uses: "actions/checkout@v5" }] }, options: { what: "job" }, fails: ["not AI use (catalogue: src/core/ai-use-catalogue.json)"] },
  ],
  "author-checked": [
    // `data` is the workflow, `value` one of its jobs.
    { value: AI_JOB, data: { on: "issue_comment" }, fails: ['"f" runs AI on issue_comment, which anyone can cause, and nothing checks who triggered it.'] },
    { value: AI_JOB, data: { on: ["push", "workflow_dispatch"] }, fails: [] },
    { value: { ...AI_JOB, environment: { name: "ai" } }, data: { on: { issues: null } }, fails: [] },
    { value: { ...AI_JOB, if: 'contains(fromJSON(\'["OWNER","MEMBER"]\'), github.event.comment.author_association)' }, data: { on: { issue_comment: {} } }, fails: [] },
    // The association of the issue, not of whoever commented on it; a role list that lets contributors in.
    {
      value: { ...AI_JOB, if: "github.event.issue.author_association == 'OWNER'" },
      data: { on: ["issues", "issue_comment"] },
      fails: ['"f" runs AI on issue_comment, which anyone can cause, and its if: does not check who triggered it.'],
    },
    // Of authors given as fallbacks, the first the event holds is compared: the comment's on issue_comment, the issue's on issues.
    {
      value: { ...AI_JOB, if: "contains(fromJSON('[\"OWNER\"]'), github.event.comment.author_association || github.event.issue.author_association)" },
      data: { on: ["issues", "issue_comment"] },
      fails: [],
    },
    {
      value: { ...AI_JOB, if: "contains(fromJSON('[\"OWNER\"]'), github.event.issue.author_association || github.event.comment.author_association)" },
      data: { on: ["issues", "issue_comment"] },
      fails: ['"f" runs AI on issue_comment, which anyone can cause, and its if: does not check who triggered it.'],
    },
    {
      value: { ...AI_JOB, if: "contains('OWNER MEMBER CONTRIBUTOR', github.event.comment.author_association)" },
      data: { on: ["issue_comment"] },
      fails: ['"f" runs AI on issue_comment, which anyone can cause, and its if: does not check who triggered it.'],
    },
    // The actor against chosen names: a list from fromJSON, not a substring test; a negation excludes one name only.
    { value: { ...AI_JOB, if: "${{ contains(fromJSON('[\"alice\"]'), github.actor) }}" }, data: { on: "issue_comment" }, fails: [] },
    {
      value: { ...AI_JOB, if: "contains('alice bob', github.actor)" },
      data: { on: "issue_comment" },
      fails: ['"f" runs AI on issue_comment, which anyone can cause, and its if: does not check who triggered it.'],
    },
    {
      value: { ...AI_JOB, if: "github.actor != 'dependabot[bot]'" },
      data: { on: "issue_comment" },
      fails: ['"f" runs AI on issue_comment, which anyone can cause, and its if: does not check who triggered it.'],
    },
    // A pull request from this repository settles pull_request_target, and only that event.
    { value: { ...AI_JOB, if: "!github.event.pull_request.head.repo.fork" }, data: { on: { pull_request_target: null } }, fails: [] },
    {
      value: { ...AI_JOB, if: "github.event.pull_request.head.repo.full_name == github.repository" },
      data: { on: { pull_request_target: null, pull_request_review: null } },
      fails: ['"f" runs AI on pull_request_review, which anyone can cause, and its if: does not check who triggered it.'],
    },
    // Event-name tests narrow what is open; || opens what either side does; text around ${{ }} is a string, always true.
    { value: { ...AI_JOB, if: "github.event_name == 'push'" }, data: { on: ["push", "issue_comment"] }, fails: [] },
    {
      value: { ...AI_JOB, if: "(github.event_name == 'issues' && github.event.issue.author_association == 'MEMBER') || github.event_name == 'discussion'" },
      data: { on: ["issues", "discussion", "push"] },
      fails: ['"f" runs AI on discussion, which anyone can cause, and its if: does not check who triggered it.'],
    },
    { value: { ...AI_JOB, if: "ok ${{ github.actor == 'alice' }}" }, data: { on: "issues" }, fails: ['"f" runs AI on issues, which anyone can cause, and its if: does not check who triggered it.'] },
    { value: { ...AI_JOB, if: false }, data: { on: "issues" }, fails: [] },
    // The AI step's own if:, or an action that checks the actor's write access itself (unless told to let anyone in).
    { value: { steps: [{ uses: "actions/checkout@v5" }, { ...AI_STEP, if: "github.triggering_actor == 'alice'" }] }, data: { on: "issues" }, fails: [] },
    { value: { steps: [{ uses: "anthropics/claude-code-action@v1" }] }, data: { on: "issues" }, fails: [] },
    {
      value: { steps: [{ uses: "anthropics/claude-code-action@v1", with: { allowed_bots: "*" } }] },
      data: { on: "issues" },
      fails: ['"f" runs AI on issues, which anyone can cause, and nothing checks who triggered it.'],
    },
    { value: { steps: [{ uses: "acme/llm@v1" }] }, data: { on: "issues" }, options: { actions: ["acme/llm"], actorChecking: ["acme/llm"] }, fails: [] },
    // A key in the job's env reaches every step: a step's if: does not guard it.
    {
      value: { env: { OPENAI_API_KEY: "${{ secrets.OPENAI_API_KEY }}" }, steps: [{ run: "./ai.sh", if: "github.actor == 'alice'" }] },
      data: { on: "issues" },
      fails: ['"f" runs AI on issues, which anyone can cause, and nothing checks who triggered it.'],
    },
  ],
  "dated-model": [
    { value: "gpt-4o-2024-08-06", fails: [] },
    { value: "claude-sonnet-4-5-20250929", fails: [] },
    { value: "openai/gpt-4o", fails: ['"f" names the model alias "openai/gpt-4o", which its provider moves to new versions.'] },
    { value: "claude-3-5-sonnet-latest", fails: ['"f" names the model alias "claude-3-5-sonnet-latest", which its provider moves to new versions.'] },
    { value: "claude-sonnet-4-5", fails: ['"f" names the model alias "claude-sonnet-4-5", which its provider moves to new versions.'] },
    { value: "my-finetune-v3", fails: [] },
  ],
  "publish-gated": [
    // `data` is the workflow, `value` one of its jobs (one that runs AI: the rule's `when` says so).
    {
      value: { steps: [AI_STEP, { run: "git push" }] },
      data: { permissions: { contents: "write" } },
      fails: ['"f" runs AI with contents: write and publishes (git push in steps[1].run) with nothing before it.'],
    },
    { value: { needs: ["test"], steps: [AI_STEP, { run: "git push" }] }, data: { permissions: { contents: "write" } }, fails: [] },
    { value: { environment: "release", steps: [AI_STEP, { run: "git push" }] }, data: { permissions: "write-all" }, fails: [] },
    // No permissions written: unknown (the repository's default), not reported. The job's own win over the workflow's.
    { value: { steps: [AI_STEP, { run: "git push" }] }, data: {}, fails: [] },
    { value: { permissions: { contents: "read" }, steps: [AI_STEP, { run: "git push" }] }, data: { permissions: "write-all" }, fails: [] },
    {
      value: { permissions: "write-all", steps: [AI_STEP, { run: "cd site\ngit -C public push origin HEAD" }] },
      fails: ['"f" runs AI with write-all and publishes (git push in steps[1].run) with nothing before it.'],
    },
    // Opening a pull request asks for a review; a coding agent pushes to a branch of its own and does not merge.
    { value: { steps: [AI_STEP, { run: "gh pr create --fill" }] }, data: { permissions: "write-all" }, fails: [] },
    { value: { steps: [{ uses: "anthropics/claude-code-action@v1" }] }, data: { permissions: "write-all" }, fails: [] },
    { value: { steps: [AI_STEP, { uses: "EndBug/add-and-commit@v9", with: { push: false } }] }, data: { permissions: "write-all" }, fails: [] },
    {
      value: { steps: [AI_STEP, { uses: "EndBug/add-and-commit@v9" }] },
      data: { permissions: { "pull-requests": "write" } },
      fails: ['"f" runs AI with pull-requests: write and publishes (steps[1] uses EndBug/add-and-commit) with nothing before it.'],
    },
    {
      value: { steps: [AI_STEP, { uses: "acme/publish@v1" }] },
      data: { permissions: "write-all" },
      options: { publishActions: ["acme/publish"] },
      fails: ['"f" runs AI with write-all and publishes (steps[1] uses acme/publish) with nothing before it.'],
    },
  ],
  "no-dangerous-flags": [
    { value: 'claude -p "fix" --allowedTools "Bash(npm test)"', fails: [] },
    { value: "codex exec --dangerously-bypass-approvals-and-sandbox 'fix'", fails: ['"f" passes --dangerously-bypass-approvals-and-sandbox, with which the agent acts without asking.'] },
    { value: { prompt: "fix", claude_args: "--max-turns 5 --yolo" }, fails: ['"f.claude_args" passes --yolo, with which the agent acts without asking.'] },
    // A word, not a part of one.
    { value: "echo --yolo-mode-docs", fails: [] },
  ],
  "ai-package": [
    { value: "openai", data: { ecosystem: "npm" }, fails: [] },
    { value: "@ai-sdk/anthropic", data: { ecosystem: "npm" }, fails: [] },
    { value: "@AI-SDK/openai", data: { ecosystem: "npm" }, fails: [] },
    // A scope's glob stands for the packages of the scope, not for the scope or a longer name.
    { value: "@ai-sdk", data: { ecosystem: "npm" }, fails: ["not an AI package (catalogue: src/core/ai-use-catalogue.json)"] },
    { value: "openai-fork", data: { ecosystem: "npm" }, fails: ["not an AI package (catalogue: src/core/ai-use-catalogue.json)"] },
    // PEP 503: case and runs of -, _ and . do not matter on PyPI.
    { value: "Huggingface_Hub", data: { ecosystem: "pypi" }, fails: [] },
    { value: "langchain.community", data: { ecosystem: "pypi" }, fails: [] },
    { value: "ai", data: { ecosystem: "pypi" }, fails: ["not an AI package (catalogue: src/core/ai-use-catalogue.json)"] },
    { value: "acme-llm", data: { ecosystem: "pypi" }, fails: ["not an AI package (catalogue: src/core/ai-use-catalogue.json)"] },
    { value: "acme-llm", data: { ecosystem: "pypi" }, options: { pypi: ["acme_llm"] }, fails: [] },
    { value: "@acme/llm-gateway", data: { ecosystem: "npm" }, options: { npm: ["@acme/llm-*"] }, fails: [] },
  ],
  "pinned-dependency": [
    ...["4.52.7", "=4.52.7", "v4.52.7", "4.52.7-beta.1+build.5", "npm:openai@4.52.7", "workspace:*", "file:../sdk", `git+https://github.com/openai/openai-node.git#${"a".repeat(40)}`].map((spec) => ({
      value: { name: "openai", spec, section: "dependencies" },
      data: { ecosystem: "npm", manifest: "package.json", lockFiles: [] },
      fails: [],
    })),
    ...(
      [
        ["^4.52.0", 'the range "^4.52.0"'],
        ["4.52", 'the range "4.52"'],
        ["4.x", 'the range "4.x"'],
        [">=4 <5", 'the range ">=4 <5"'],
        ["", "any version"],
        ["*", "any version"],
        ["latest", 'the tag "latest"'],
        ["openai/openai-node#main", '"openai/openai-node#main", a Git source that names no commit'],
        ["https://example.com/openai-4.52.7.tgz", '"https://example.com/openai-4.52.7.tgz", a URL whose content may change'],
      ] as const
    ).map(([spec, open]) => ({
      value: { name: "openai", spec, section: "dependencies" },
      data: { ecosystem: "npm", manifest: "package.json", lockFiles: [] },
      fails: [
        `AI package "openai" in "dependencies" is required as ${open}, with no lock file in its folder or above: each install may bring another release of the provider's SDK, and the AI system may behave differently.`,
      ],
    })),
    // A lock file fixes every version it lists, whatever the spec.
    { value: { name: "openai", spec: "^4.52.0", section: "dependencies" }, data: { ecosystem: "npm", manifest: "package.json", lockFiles: ["package-lock.json"] }, fails: [] },
    ...["==1.54.3", "== 1.54.3", "===1.54.3", ">=1,==1.54.3", "1.54.3", `git+https://github.com/openai/openai-python.git@${"b".repeat(40)}#egg=openai`, "file:../sdk"].map((spec) => ({
      value: { name: "openai", spec, section: "requirements" },
      data: { ecosystem: "pypi", manifest: "requirements", lockFiles: [] },
      fails: [],
    })),
    // pip installs exactly the file with that digest.
    { value: { name: "openai", spec: ">=1.40", section: "requirements", hashed: true }, data: { ecosystem: "pypi", manifest: "requirements", lockFiles: [] }, fails: [] },
    ...(
      [
        [">=1.40,<2", 'the range ">=1.40,<2"'],
        ["==1.54.*", 'the range "==1.54.*"'],
        ["~=1.54", 'the range "~=1.54"'],
        ["", "any version"],
        ["git+https://github.com/openai/openai-python.git@main", '"git+https://github.com/openai/openai-python.git@main", a VCS source that names no commit'],
        ["git+ssh://git@github.com/openai/openai-python.git", '"git+ssh://git@github.com/openai/openai-python.git", a VCS source that names no commit'],
        ["https://example.com/openai-1.54.3.tar.gz", '"https://example.com/openai-1.54.3.tar.gz", a URL whose content may change'],
      ] as const
    ).map(([spec, open]) => ({
      value: { name: "openai", spec, section: "requirements" },
      data: { ecosystem: "pypi", manifest: "requirements", lockFiles: [] },
      fails: [
        `AI package "openai" is required as ${open}, in a requirements file, which has no lock file: each install may bring another release of the provider's SDK, and the AI system may behave differently.`,
      ],
    })),
    {
      value: { name: "litellm", spec: "^1.51", section: "tool.poetry.dependencies" },
      data: { ecosystem: "pypi", manifest: "pyproject.toml", lockFiles: [] },
      fails: [
        'AI package "litellm" in "tool.poetry.dependencies" is required as the range "^1.51", with no poetry.lock, uv.lock, pdm.lock beside it: each install may bring another release of the provider\'s SDK, and the AI system may behave differently.',
      ],
    },
    {
      value: { name: "openai", spec: "*", section: "packages" },
      data: { ecosystem: "pypi", manifest: "Pipfile", lockFiles: [] },
      fails: [
        'AI package "openai" in "packages" is required as any version, with no Pipfile.lock beside it: each install may bring another release of the provider\'s SDK, and the AI system may behave differently.',
      ],
    },
  ],
  "no-literal-secrets": [
    { value: { GITHUB_TOKEN: "${GITHUB_TOKEN}", LOG_LEVEL: "info", Authorization: "Bearer ${env:T}", API_KEY: "$OPENAI_API_KEY" }, fails: [] },
    // A provider token's shape under any key, or any literal under a secret's name; the value is never quoted.
    { value: { NOTE: "sk-proj-abcdefghijklmnopqrstuvwx" }, fails: ['"f.NOTE" holds a secret written out (32 characters); it is in the repository\'s history from now on.'] },
    { value: { SLACK_BOT_TOKEN: "hunter2hunter2" }, fails: ['"f.SLACK_BOT_TOKEN" holds a secret written out (14 characters); it is in the repository\'s history from now on.'] },
    { value: { PASSWORD: "short" }, fails: [] },
  ],
  disjoint: [
    { value: "DS-OOT", data: { t: [{ d: "DS-TRAIN" }] }, options: { from: "t[*].d" }, fails: [] },
    { value: "ds-train", data: { t: [{ d: "DS-A" }, { d: "DS-TRAIN" }] }, options: { from: "t[*].d" }, fails: ['"ds-train" in "f" is also in "t[1].d".'] },
    { value: "TBD", data: { t: [{ d: "TBD" }] }, options: { from: "t[*].d" }, fails: [] },
  ],
  "reviewed-within": [
    { value: "2026-01-10", data: { lvl: "high" }, options: { in: "risk-criteria", declared: "review_months", byLevel: "lvl", months: 12 }, fails: [] },
    {
      value: "2025-12-10",
      data: { lvl: "high" },
      options: { in: "risk-criteria", declared: "review_months", byLevel: "lvl", months: 12 },
      fails: ['"f" is 2025-12-10, more than 6 months ago (today is 2026-06-30): AI risk criteria RC-1\'s "review_months.high" (rc.yaml:3) sets 6 months at level "high".'],
    },
    // No period for the level: the default, here met; a missing level falls back to orLevel.
    { value: "2025-12-10", data: { lvl: "low" }, options: { in: "risk-criteria", declared: "review_months", byLevel: "lvl", months: 12 }, fails: [] },
    {
      value: "2025-12-10",
      data: { alt: "high" },
      options: { in: "risk-criteria", declared: "review_months", byLevel: "lvl", orLevel: "alt", months: 12 },
      fails: ['"f" is 2025-12-10, more than 6 months ago (today is 2026-06-30): AI risk criteria RC-1\'s "review_months.high" (rc.yaml:3) sets 6 months at level "high".'],
    },
    {
      value: "2024-12-10",
      data: {},
      options: { in: "risk-criteria", declared: "review_months", byLevel: "lvl", months: 12, option: "maxAgeMonths" },
      fails: ['"f" is 2024-12-10, more than 12 months ago (today is 2026-06-30): by default (rule option maxAgeMonths) a review is due every 12 months.'],
    },
  ],
  "follows-criteria": [
    { value: "medium", data: { l: "rare", i: "minor" }, options: { ...MATRIX, in: "risk-criteria", declared: "matrix" }, fails: [] },
    {
      value: "low",
      data: { l: "rare", i: "minor" },
      options: { ...MATRIX, in: "risk-criteria", declared: "matrix" },
      fails: ['"low" in "f" does not follow the risk matrix of AI risk criteria RC-1\'s "matrix" (rc.yaml:3): l "rare" and i "minor" give "medium".'],
    },
  ],
  inventoried: [
    // Covered by the action a record names; a job without AI use is none of the rule's business.
    { kind: "ci-workflow", data: { jobs: { a: { steps: [{ uses: "OpenAI/codex-action@0123" }] }, t: { steps: [{ run: "npm test" }] } } }, fails: [] },
    {
      kind: "ci-workflow",
      data: { jobs: { b: { steps: [{ run: "./ask.sh", env: { K: "${{ secrets.OPENAI_API_KEY }}" } }] } } },
      fails: ['AI use not in the AI system inventory: job "b" (a model API key); no AI system record\'s ai_use names this file.'],
    },
    { kind: "agent-config", data: {}, fails: ["AI use not in the AI system inventory: this agent configuration; no AI system record's ai_use names this file."] },
  ],
  "automation-evidence": [
    // The covered job runs an agent, in CI, with write access: all three declared, or one finding for what is missing.
    { data: { ai_use: { paths: [".github/workflows/cover*.yml"] }, automation: { agents: true, usage: ["ci"], reaches: ["privileged-actions"] } }, fails: [] },
    {
      data: { ai_use: { paths: [".github/workflows/cover*.yml"] }, automation: { agents: true, usage: ["ci"] } },
      fails: ['Job "fix" at .github/workflows/covered.yml:3 (openai/codex-action) may write to the repository; but "automation.reaches" does not say so: declare privileged-actions in reaches.'],
    },
    // A record that claims nothing in the repository is not judged by it.
    { data: { automation: { agents: false } }, fails: [] },
  ],
  "components-recorded": [
    { data: { ai_use: { actions: ["openai/codex-action"] }, third_party_components: [{ name: "Codex action (OpenAI/codex-action)" }] }, fails: [] },
    {
      data: { ai_use: { actions: ["openai/codex-action"] }, third_party_components: [{ name: "OpenAI API" }] },
      fails: ['The system\'s AI use runs on "openai/codex-action" (.github/workflows/covered.yml:3), not among "third_party_components": record it with its version and review cadence.'],
    },
  ],
  "unique-id": [
    { value: "SYS-1", data: { id: "SYS-1" }, fails: [] },
    { value: "SYS-2", data: { id: "SYS-2" }, fails: ['Id "SYS-2" is already used by sys-copy.yaml:3:5.'] },
  ],
  "referenced-by": [
    { value: "SYS-1", options: { kind: "risk", field: "system" }, fails: [] },
    { value: "SYS-2", options: { kind: "risk", field: "system" }, fails: ['No AI risk entry names AI system record "SYS-2" in "system".'] },
  ],
  "listed-in": [
    { value: ["A.5.2"], options: { kind: "statement-of-applicability", field: "controls[*].control", whereField: "controls[*].applicable", whereValue: "included" }, fails: [] },
    {
      value: ["A.6.1.2"],
      options: { kind: "statement-of-applicability", field: "controls[*].control", whereField: "controls[*].applicable", whereValue: "included" },
      fails: ['"A.6.1.2" in "f" is not listed in any Statement of Applicability with applicable "included" (controls[*].control).'],
    },
    // With ifListed, a value the SoA does not list at all is left to another rule.
    { value: ["A.9.9"], options: { kind: "statement-of-applicability", field: "controls[*].control", whereField: "controls[*].applicable", whereValue: "included", ifListed: true }, fails: [] },
    {
      value: ["A.6.1.2"],
      options: { kind: "statement-of-applicability", field: "controls[*].control", whereField: "controls[*].applicable", whereValue: "included", ifListed: true },
      fails: ['"A.6.1.2" in "f" is not listed in any Statement of Applicability with applicable "included" (controls[*].control).'],
    },
  ],
};

function run(name: string, c: Case): string[] {
  const fn = FUNCTIONS.get(name)!;
  const exists = "value" in c;
  const data = { ...c.data, ...(exists ? { f: c.value } : {}) };
  // The unique-id case runs as the later of the two artefacts with that id, the way the engine hands it over.
  // The repository-holds case marked `first` runs as the first AI system record of the index.
  const self =
    name === "unique-id"
      ? (INDEX_ENTRIES.filter((e) => e.id === c.value).at(-1) ?? entry("x.yaml", "ai-system", data))
      : c.data?.["first"] === true
        ? INDEX_ENTRIES[0]!
        : entry("x.yaml", c.kind ?? "ai-system", data);
  const ctx: CheckContext = { value: c.value, exists, path: ["f"], base: [], field: "f", artefact: { kind: "ai-system", root: [], data }, self, options: c.options ?? {}, today: TODAY };
  const failures = fn.scope === "document" ? fn.check(ctx) : fn.check({ ...ctx, index: INDEX });
  return failures.map((f) => f.message);
}

describe("rule functions", () => {
  it("each have a table of cases", () => {
    expect(Object.keys(TABLES).sort()).toEqual(RULE_FUNCTIONS.map((f) => f.name).sort());
  });

  for (const fn of RULE_FUNCTIONS) {
    it(`${fn.name}: passes and fails as its table says`, () => {
      for (const c of TABLES[fn.name] ?? []) expect(run(fn.name, c), JSON.stringify(c)).toEqual(c.fails);
    });
  }

  it("place a declaration (a parse of its file) only for a failing check's message", () => {
    const placed: string[] = [];
    const index = new RepoIndex(
      INDEX_ENTRIES,
      root,
      (e) => {
        placed.push(e.file);
        return { start: { line: 3, column: 5 }, end: { line: 3, column: 9 } };
      },
      fields,
    );
    const check = (name: string, c: Omit<Case, "fails">) => {
      const data = { ...c.data, f: c.value };
      const ctx: CheckContext = {
        value: c.value,
        exists: true,
        path: ["f"],
        base: [],
        field: "f",
        artefact: { kind: "risk", root: [], data },
        self: entry("x.yaml", "risk", data),
        options: c.options ?? {},
        today: TODAY,
      };
      const fn = FUNCTIONS.get(name)!;
      return fn.scope === "repository" ? fn.check({ ...ctx, index }).map((f) => f.message) : [];
    };
    const criteria = { in: "risk-criteria", declared: "matrix", row: "l", column: "i", rows: ["rare", "likely"], columns: ["minor", "major"] };
    expect(check("authorised", { value: "ceo", options: { in: "ai-policy", declared: "authorities.top_management" } })).toEqual([]);
    expect(check("follows-criteria", { value: "medium", data: { l: "rare", i: "minor" }, options: criteria })).toEqual([]);
    expect(check("reviewed-within", { value: "2026-06-01", data: { lvl: "high" }, options: { in: "risk-criteria", declared: "review_months", byLevel: "lvl", months: 12 } })).toEqual([]);
    expect(placed).toEqual([]);
    expect(check("follows-criteria", { value: "low", data: { l: "rare", i: "minor" }, options: criteria })).toHaveLength(1);
    expect(placed).toEqual(["rc.yaml"]);
  });

  it("are the rule meta-schema's function list, with each function's option schema", () => {
    const schema = JSON.parse(readFileSync(join(root, "schemas", "meta", "rule.schema.json"), "utf8"));
    expect(schema.$defs.call.properties.function.enum).toEqual(RULE_FUNCTIONS.map((f) => f.name));
    for (const fn of RULE_FUNCTIONS) expect(Object.keys(schema.$defs[`options-${fn.name}`].properties), fn.name).toEqual(Object.keys(fn.options));
  });

  it("are each documented in docs/rule-functions.md, under the right heading", () => {
    const doc = readFileSync(join(root, "docs", "rule-functions.md"), "utf8");
    const across = doc.indexOf("## Functions across documents");
    for (const fn of RULE_FUNCTIONS) {
      const at = doc.indexOf(`| \`${fn.name}\` |`);
      expect(at, fn.name).toBeGreaterThan(0);
      expect(at > across, fn.name).toBe(fn.scope === "repository");
    }
  });

  it("say which fields of other artefacts the repository index keeps", () => {
    const rule = (then: RuleDefinition["check"]["then"]): RuleDefinition => ({
      id: "x/y",
      title: "",
      severity: "error",
      recommended: true,
      iso42001: [],
      appliesTo: [],
      rationale: "",
      help: "",
      check: { then },
    });
    const kept = indexFields([
      { rule: rule([{ function: "referenced-by", options: { kind: "risk", field: "system" } }]), options: {} },
      { rule: rule([{ function: "listed-in", options: { kind: "soa", field: { $option: "f" }, whereField: "w" } }]), options: { f: "controls[*].control" } },
      { rule: rule([{ function: "reference", options: { kind: "ai-system" } }]), options: {} },
    ]);
    // Besides what the index keeps whatever the rules (the SoA's exclusions, each artefact's system, draft status).
    const always = Object.fromEntries([...ALWAYS_KEPT].map(([kind, fields]) => [kind, [...fields].sort()]));
    expect(Object.fromEntries(kept)).toEqual({ ...always, soa: ["controls[*].control", "w"] });
  });
});

describe("one artefact at every stage", () => {
  // A rule whose `when` asks the repository runs whole at the repository stage, on the file read again; unique-id
  // compared that re-read artefact with index entries and took every artefact for a duplicate of itself.
  it("unique-id in a rule that runs at the repository stage finds real duplicates only", async () => {
    const rule = [
      "id: acme/unique-linked-risk",
      "title: Give every risk that names a system a unique id",
      "severity: error",
      'iso42001: ["6.1.2"]',
      "appliesTo: [risk]",
      "rationale: A risk register entry must be identifiable to be treated and reviewed (6.1.2).",
      "help: Rename one of the two risks.",
      "check:",
      "  when: [{ field: system, function: reference, options: { kind: ai-system } }]",
      "  then: [{ field: id, function: unique-id }]",
      "",
    ].join("\n");
    const risk = (id: string) => `kind: risk\nid: ${id}\ntitle: Chatbot discloses account data\nsystem: SYS-1\n`;
    const dir = fixture({
      "aimslint.config.yaml": "extends: []\nruleFiles: [rule.yaml]\nrules:\n  acme/unique-linked-risk: error\n",
      "rule.yaml": rule,
      "sys.yaml": "kind: ai-system\nid: SYS-1\nname: Support assistant\n",
      "risk-a.yaml": risk("RISK-1"),
      "risk-b.yaml": risk("RISK-2"),
      "risk-c.yaml": risk("RISK-2"),
    });
    const result = await lintDir(dir);
    const found = result.findings.filter((f) => f.ruleId === "acme/unique-linked-risk").map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.message}`);
    expect(found).toEqual(['risk-c.yaml:2:5 Id "RISK-2" is already used by risk-b.yaml:2:5.']);
  });
});

describe("schema findings", () => {
  it("report a misspelt required key once, at the misspelling, naming the right key", async () => {
    const dir = fixture({ "risk.yaml": "kind: risk\nid: RISK-1\ntitel: Drift in bureau data\nsystem: SYS-1\ninherent: { likelihood: likely, impact: major, level: high }\n" });
    const result = await lintDir(dir);
    const schema = result.findings.filter((f) => f.ruleId.startsWith("schema/")).map((f) => `${f.range.start.line}:${f.range.start.column} ${f.ruleId} ${f.message}`);
    expect(schema).toEqual(['3:1 schema/unknown-property Unknown property "titel" in the AI risk entry; did you mean "title"?']);
  });
});

describe("rule messages", () => {
  it("insert values as text: $& and $` in a value are not replacement patterns", async () => {
    const rule = [
      "id: acme/owner-team",
      "title: Require risks to name an owning team",
      "severity: error",
      'iso42001: ["6.1.2"]',
      "appliesTo: [risk]",
      "rationale: Accountability for each risk must sit with a team (6.1.2).",
      "help: Set owner to a team id.",
      "check:",
      "  then:",
      "    - field: owner",
      "      function: pattern",
      "      options: { match: '^team-' }",
      '      message: "{{error}} Owner was {{value}} in {{field}}."',
      "",
    ].join("\n");
    const dir = fixture({
      "aimslint.config.yaml": "ruleFiles: [rule.yaml]\nrules:\n  acme/owner-team: error\n",
      "rule.yaml": rule,
      "risk.yaml": 'kind: risk\nid: RISK-1\ntitle: Drift\nowner: "$& $` $\' $1"\n',
    });
    const result = await lintDir(dir);
    const [finding] = result.findings.filter((f) => f.ruleId === "acme/owner-team");
    expect(finding?.message).toBe(`"$& $\` $' $1" in "owner" does not match /^team-/. Owner was "$& $\` $' $1" in owner.`);
  });
});

describe("rule function options", () => {
  const RULE = (options: string, ruleOptions = "") =>
    [
      "id: acme/owner-team",
      "title: Require model cards to name an owning team",
      "severity: error",
      'iso42001: ["A.3.2"]',
      "appliesTo: [model-card]",
      "rationale: Accountability for each model must sit with a team (A.3.2).",
      "help: Set owner to a team id.",
      ruleOptions,
      "check:",
      "  then:",
      "    - field: owner",
      "      function: enumeration",
      `      options: ${options}`,
      "",
    ]
      .filter((l) => l !== "")
      .join("\n");
  const load = (files: Record<string, string>) => {
    const dir = fixture(files);
    try {
      resolveConfig({ cwd: dir, startDir: dir });
      return "";
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message.replaceAll(dir, "<dir>");
    }
  };
  const CONFIG = "ruleFiles: [r.yaml]\n";

  it("refuse a misspelt option in a rule file, with its position and a suggestion, as one problem", () => {
    // "valeus" for the required "values": one finding at the misspelling, not also "values is missing".
    expect(load({ "aimslint.config.yaml": CONFIG, "r.yaml": RULE("{ valeus: [a] }") })).toBe('<dir>/r.yaml:12:18: Unknown property "valeus" in "check.then[0].options"; did you mean "values"?');
  });

  it("refuse a rule option whose value the function cannot take, at the rule option", () => {
    expect(load({ "aimslint.config.yaml": CONFIG, "r.yaml": RULE("{ values: { $option: teams } }", "options:\n  teams: team-a") })).toBe(
      '<dir>/r.yaml:9:10: rule "acme/owner-team", option "teams": enumeration\'s option "values" gets "team-a", which must be array. Give "teams" a value of that form (docs/rule-functions.md).',
    );
  });

  it("refuse a configured option that is misspelt or of the wrong form, at its place in the configuration", () => {
    const rule = RULE("{ values: { $option: teams } }", "options:\n  teams: [team-a]");
    expect(load({ "aimslint.config.yaml": `${CONFIG}rules:\n  acme/owner-team:\n    options: { temas: [x] }\n`, "r.yaml": rule })).toBe(
      '<dir>/aimslint.config.yaml:4:16: rule "acme/owner-team" has no option "temas"; did you mean "teams"? (options: teams)',
    );
    expect(load({ "aimslint.config.yaml": `${CONFIG}rules:\n  acme/owner-team:\n    options: { teams: 5 }\n`, "r.yaml": rule })).toBe(
      '<dir>/aimslint.config.yaml:4:16: rule "acme/owner-team", option "teams": enumeration\'s option "values" gets 5, which must be array. Give "teams" a value of that form (docs/rule-functions.md).',
    );
    expect(load({ "aimslint.config.yaml": `${CONFIG}rules:\n  acme/owner-team:\n    options: { teams: [x, y] }\n`, "r.yaml": rule })).toBe("");
  });
});
