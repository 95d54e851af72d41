// A rule's valid and invalid examples, run through the real pipeline with only that rule on.
// Invalid examples carry their expectations inline: `# expect: RULE-ID LINE:COL MESSAGE PIECE` (or the same in
// `<!-- … -->`), e.g. `# expect: risk/owner 6:1 Missing "treatment.owner"`. A format without comments (JSON) has
// them in a file EXPECT.md of the example's folder, naming the file: `<!-- expect: RULE-ID FILE:LINE:COL … -->`.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { ResolvedConfig } from "../../src/config/resolve-config.js";
import type { Finding } from "../../src/core/finding.js";
import { DEFAULT_LIMITS } from "../../src/source/load.js";
import { lint } from "../../src/pipeline/lint.js";
import { indexFields } from "../../src/engine/index-fields.js";
import type { RuleDefinition } from "../../src/engine/types.js";

/** Examples are judged against a fixed date, so that they never start failing as time passes. */
export const EXAMPLE_TODAY = "2026-06-30";

export interface Example {
  name: string;
  valid: boolean;
  /** A file, or a folder that is a small repository of its own (for cross-document rules). */
  path: string;
  files: { path: string; text: string }[];
  /** `file:line:col` of each marked finding, sorted. */
  expected: string[];
  markers: Marker[];
}

export interface Marker {
  /** `file:line:col`. */
  at: string;
  /** The rule the marker expects; every marker names one, so that a finding of another rule cannot stand in. */
  ruleId: string | undefined;
  /** A piece of the expected message, so that a changed message shows up in the tests. */
  text: string;
}

export interface ExampleResult {
  example: Example;
  /** `file:line:col` of this rule's findings. */
  actual: string[];
  findings: Finding[];
  /** Parse and schema-level problems: examples must be well-formed. */
  parseErrors: Finding[];
  /** Schema findings: a valid example must have none. */
  schemaErrors: Finding[];
  /** `file:line:col` of a finding, as markers write it. */
  place: (f: Finding) => string;
}

const EXPECT = /(?:#|<!--)\s*expect:\s*(?:([a-z][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)+)\s+)?(?:([^\s:]+):)?(\d+):(\d+)[ \t]*((?:(?!-->|#\s*expect:)[^\n])*)/g;

export function readExamples(ruleDir: string): Example[] {
  const out: Example[] = [];
  for (const valid of [false, true]) {
    const dir = join(ruleDir, valid ? "valid" : "invalid");
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const files = statSync(path).isDirectory() ? listFiles(path) : [path];
      const texts = files.map((f) => ({ path: statSync(path).isDirectory() ? relative(path, f).split("\\").join("/") : name, text: readFileSync(f, "utf8") }));
      const markers = texts.flatMap((t) => [...t.text.matchAll(EXPECT)].map((m): Marker => ({ at: `${m[2] ?? t.path}:${m[3]}:${m[4]}`, ruleId: m[1], text: (m[5] ?? "").trim() })));
      out.push({ name, valid, path, files: texts, expected: markers.map((m) => m.at).sort(), markers });
    }
  }
  return out;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

export async function runExample(rule: RuleDefinition, example: Example, allRules: readonly RuleDefinition[]): Promise<ExampleResult> {
  const isDir = statSync(example.path).isDirectory();
  const root = isDir ? example.path : example.path;
  const config: ResolvedConfig = {
    root: isDir ? example.path : join(example.path, ".."),
    today: EXAMPLE_TODAY,
    rules: allRules,
    limits: DEFAULT_LIMITS,
    ignores: [],
    classify: {},
    schemaFiles: new Map(),
    inlineSuppressions: true,
    rulesFor: () => [{ rule, severity: rule.severity, options: { ...rule.options } }],
    indexFields: indexFields(allRules.map((r) => ({ rule: r, options: { ...r.options } }))),
    aiUse: { actions: [], secrets: [], packages: { npm: [], pypi: [] } },
  };
  // A single-file example is its own project: other examples in the folder must not be seen.
  const cwd = isDir ? example.path : join(example.path, "..");
  // Each of a rule's findings is shown, draft or not: the example documents the rule, not the draft to-do list.
  const result = await lint({ cwd, inputs: [relative(cwd, root) || "."], config: isDir ? config : { ...config, root: example.path }, drafts: false });
  const findings = result.findings.filter((f) => f.ruleId === rule.id);
  const place = (f: Finding) => `${isDir ? f.file : example.name}:${f.range.start.line}:${f.range.start.column}`;
  const actual = findings.map(place).sort();
  const parseErrors = result.findings.filter((f) => f.ruleId.startsWith("parse/") || f.ruleId.startsWith("kind/") || f.ruleId.startsWith("file/"));
  const schemaErrors = result.findings.filter((f) => f.ruleId.startsWith("schema/"));
  return { example, actual, findings, parseErrors, schemaErrors, place };
}
