// Values on the fast path come from js-yaml, positions from `yaml`. Wherever the fast path is taken, both
// readers must give the same values — on the corpus and on generated inputs covering YAML 1.1/1.2 differences,
// dates, numbers, merge keys, duplicate keys, anchors, block scalars and multi-document streams.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import jsYaml from "js-yaml";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { filesUnder } from "./helpers/files.js";
import { NEEDS_FULL_PARSE } from "../src/source/parse.js";

/** What the fast path would produce, or undefined when it would fall back to `yaml`. */
function fast(text: string): unknown[] | undefined {
  if (NEEDS_FULL_PARSE.test(text)) return undefined;
  try {
    return jsYaml.loadAll(text, undefined, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
}

function full(text: string): unknown[] | undefined {
  const docs = parseAllDocuments(text, { uniqueKeys: true, version: "1.2", strict: true });
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return undefined;
  return docs.map((d) => d.toJS({ maxAliasCount: 100 }));
}

const normalise = (docs: unknown[]) => docs.map((d) => (d === undefined ? null : d));

const SCALARS = [
  "2024-01-02",
  "2024-1-2",
  "2024-01-02T10:20:30Z",
  "2024-01-02 10:20:30.5 +01:00",
  "20240102",
  "12:30:00",
  "190:20:30",
  "yes",
  "no",
  "Yes",
  "NO",
  "on",
  "off",
  "y",
  "n",
  "true",
  "True",
  "TRUE",
  "false",
  "tRue",
  "null",
  "Null",
  "NULL",
  "~",
  "",
  "nULL",
  "0755",
  "0o755",
  "0x1F",
  "0X1F",
  "1_000",
  "+12",
  "-0",
  "0",
  "00",
  "1.0",
  "1.",
  ".5",
  "-.5",
  "1e3",
  "1E3",
  "1.0e+3",
  "6.02e23",
  "9007199254740993",
  "123456789012345678901234567890",
  ".inf",
  "-.Inf",
  ".NaN",
  ".nan",
  "'quoted'",
  '"dq \\u00e9 \\n"',
  "plain text with: colon",
  "A.6.2.4",
  "ORG-1",
  "v1.2.0",
  "1.2.3",
  "=",
  "- dash",
  "#not a comment",
  '"__proto__"',
  "café ✓",
  '"\\x41"',
  "'it''s'",
];

function* generated(): Generator<string> {
  for (const v of SCALARS) {
    yield `key: ${v}\n`;
    yield `list: [${v === "" ? "''" : v}]\n`;
    yield `nested:\n  - a: ${v}\n    b: [1, ${v || "~"}]\n`;
    yield `{ inline: ${v === "" ? "''" : v} }\n`;
  }
  yield "a: 1\n---\nb: 2\n---\n";
  yield "---\n...\n---\nc: 3\n";
  yield "base: &b { x: 1 }\nother: 2\n";
  yield "<<: { x: 1 }\nb: 2\n";
  yield "text: |\n  line one\n  line two\nfolded: >-\n  a\n  b\n\nkeep: |+\n  x\n\n";
  yield "a: 1\na: 2\n";
  yield "__proto__: { polluted: true }\nconstructor: x\nprototype: y\n";
  yield "a:\n  - b\n  -\n  - c: d\n    e: f\n";
  yield "'quoted key': 1\n\"dq key\": 2\n? simple\n: 3\n";
  yield "long: " + "x".repeat(5000) + "\n";
  yield "emoji: 😀\nrtl: עברית\n";
  yield "a: 1 # comment\n# only a comment\nb: 'x # y'\n";
  // A `*` that is not an alias takes the fast path; where an alias would stand, js-yaml refuses it.
  for (const v of ['"0 * * * *"', "0 * * * *", "'*/5 * * * *'", "2 * 3", "a *", "*", "* x", "[*, x]", "[a, *]", "{ k: * }", "- *"]) {
    yield `schedule: ${v}\n`;
    yield `on:\n  schedule:\n    - cron: ${v}\n`;
  }
  yield "base: &a 1\nref: *a\n";
  yield "list: [&a x, *a]\n";
}

describe("js-yaml fast path agrees with yaml", () => {
  it("on generated inputs", () => {
    let compared = 0;
    for (const text of generated()) {
      const a = fast(text);
      const b = full(text);
      if (a === undefined || b === undefined) continue;
      expect(normalise(a), JSON.stringify(text)).toEqual(normalise(b));
      compared++;
    }
    // Most inputs must take the fast path, or the comparison proves little.
    expect(compared).toBeGreaterThan(200);
  });

  const corpus = join(import.meta.dirname, "..", "..", "shared", "corpus");
  const examples = join(import.meta.dirname, "..", "examples");
  const files = [corpus, examples, join(import.meta.dirname, "..", "rules")].filter(existsSync).flatMap((dir) => filesUnder(dir, /\.(ya?ml|md)$/));

  it("on every YAML file and front matter of the corpus, the examples and the rule pack", () => {
    let compared = 0;
    for (const file of files) {
      let text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
      if (file.endsWith(".md")) {
        const m = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text);
        if (!m) continue;
        text = m[1]!;
      }
      const a = fast(text);
      const b = full(text);
      if (a === undefined || b === undefined) continue;
      expect(normalise(a), file).toEqual(normalise(b));
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
