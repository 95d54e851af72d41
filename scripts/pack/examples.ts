// A rule's valid and invalid examples, run through the real pipeline with only that rule on.
// Invalid examples carry their expectations inline: `# expect: LINE:COL` (or `<!-- expect: LINE:COL -->`).
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
  expected: string[];
}

export interface ExampleResult {
  example: Example;
  /** `file:line:col` of this rule's findings. */
  actual: string[];
  findings: Finding[];
  /** Parse and schema-level problems: examples must be well-formed. */
  parseErrors: Finding[];
}

const EXPECT = /(?:#|<!--)\s*expect:\s*(\d+):(\d+)/g;

export function readExamples(ruleDir: string): Example[] {
  const out: Example[] = [];
  for (const valid of [false, true]) {
    const dir = join(ruleDir, valid ? "valid" : "invalid");
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const files = statSync(path).isDirectory() ? listFiles(path) : [path];
      const texts = files.map((f) => ({ path: statSync(path).isDirectory() ? relative(path, f).split("\\").join("/") : name, text: readFileSync(f, "utf8") }));
      const expected = texts.flatMap((t) => [...t.text.matchAll(EXPECT)].map((m) => `${t.path}:${m[1]}:${m[2]}`)).sort();
      out.push({ name, valid, path, files: texts, expected });
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
  };
  // A single-file example is its own project: other examples in the folder must not be seen.
  const cwd = isDir ? example.path : join(example.path, "..");
  const result = await lint({ cwd, inputs: [relative(cwd, root) || "."], config: isDir ? config : { ...config, root: example.path } });
  const findings = result.findings.filter((f) => f.ruleId === rule.id);
  const actual = findings.map((f) => `${isDir ? f.file : example.name}:${f.range.start.line}:${f.range.start.column}`).sort();
  const parseErrors = result.findings.filter((f) => f.ruleId.startsWith("parse/") || f.ruleId.startsWith("kind/") || f.ruleId.startsWith("file/"));
  return { example, actual, findings, parseErrors };
}
