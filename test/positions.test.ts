// Positions are correctness: each format and line-ending variant, located to the exact line and column.
import { describe, expect, it } from "vitest";
import type { Range } from "../src/core/finding.js";
import { DEFAULT_LIMITS, type SourceFormat } from "../src/source/load.js";
import { parseSource } from "../src/source/parse.js";
import { LineIndex } from "../src/source/line-index.js";
import type { PathSegment } from "../src/source/locator.js";

function locate(format: SourceFormat, raw: string, path: PathSegment[], doc = 0, target: "key" | "value" = "value") {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const parsed = parseSource({ path: "x", format, text, lines: new LineIndex(text), explicit: true }, DEFAULT_LIMITS);
  const d = parsed.documents[doc];
  if (!d) throw new Error(`no document ${doc}: ${JSON.stringify(parsed.findings)}`);
  return d.locator.locate(path, target);
}

const r = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, column: c1 }, end: { line: l2, column: c2 } });

describe("positions", () => {
  const cases: [string, SourceFormat, string, PathSegment[], Range, number?][] = [
    ["YAML block scalar value", "yaml", "kind: risk\nid: RISK-1\nowner: ml-lead\n", ["owner"], r(3, 8, 3, 15)],
    ["YAML nested block", "yaml", "a:\n  b:\n    c: deep\n", ["a", "b", "c"], r(3, 8, 3, 12)],
    ["YAML flow mapping", "yaml", "inherent: { likelihood: likely, impact: major }\n", ["inherent", "impact"], r(1, 41, 1, 46)],
    ["YAML flow sequence item", "yaml", "controls: [A.7.4, A.6.2.4]\n", ["controls", 1], r(1, 19, 1, 26)],
    ["YAML block sequence item", "yaml", "controls:\n  - A.7.4\n  - A.5.1\n", ["controls", 1], r(3, 5, 3, 10)],
    ["YAML quoted string", "yaml", 'title: "Credit: scoring"\n', ["title"], r(1, 8, 1, 25)],
    ["YAML literal block keeps its first line", "yaml", "text: |\n  line one\n  line two\nnext: 1\n", ["text"], r(1, 7, 3, 11)],
    ["mapping value points at its key", "yaml", "x: 1\ntreatment:\n  option: mitigate\n", ["treatment"], r(2, 1, 2, 10)],
    ["missing property points at the parent key", "yaml", "x: 1\ntreatment:\n  option: mitigate\n", ["treatment", "owner"], r(2, 1, 2, 10)],
    ["missing top-level property points at the first line", "yaml", "kind: risk\nid: R-1\n", ["owner"], r(1, 1, 1, 11)],
    ["multi-document YAML, second document", "yaml", "kind: risk\nid: A\n---\nkind: risk\nid: B\n", ["id"], r(5, 5, 5, 6), 1],
    ["CRLF line endings", "yaml", "kind: risk\r\nid: R-1\r\nowner: ml-lead\r\n", ["owner"], r(3, 8, 3, 15)],
    ["UTF-8 BOM does not shift columns", "yaml", "\ufeffowner: ml-lead\n", ["owner"], r(1, 8, 1, 15)],
    ["tab before a comment and a value", "yaml", "a:\t# note\n  b: x\n", ["a", "b"], r(2, 6, 2, 7)],
    ["non-ASCII text counts UTF-16 units", "yaml", 'title: "Ünïcødé ✓", owner: x\n'.replace(", owner: x", "") + "owner: x\n", ["owner"], r(2, 8, 2, 9)],
    ["emoji before a value on the same line", "yaml", '{ t: "😀", owner: x }\n', ["owner"], r(1, 19, 1, 20)],
    ["JSON nested value", "json", '{\n  "kind": "risk",\n  "inherent": {\n    "level": "hig"\n  }\n}\n', ["inherent", "level"], r(4, 14, 4, 19)],
    ["JSON CRLF", "json", '{\r\n  "id": "R-1",\r\n  "owner": 5\r\n}\r\n', ["owner"], r(3, 12, 3, 13)],
    ["Markdown front matter is offset by the opening ---", "markdown", "---\nlicense: mit\npipeline_tag: text-generation\n---\n# Card\n", ["pipeline_tag"], r(3, 15, 3, 30)],
    ["front matter after blank lines", "markdown", "\n\n---\nlicense: mit\n---\n", ["license"], r(4, 10, 4, 13)],
    ["front matter with CRLF", "markdown", "---\r\nlicense: mit\r\nlanguage: eo\r\n---\r\n", ["language"], r(3, 11, 3, 13)],
    ["alias use site, not the anchor", "yaml", "base: &b\n  owner: x\nrisk: *b\n", ["risk", "owner"], r(3, 7, 3, 9)],
  ];
  it.each(cases)("%s", (_name, format, text, path, expected, doc = 0) => {
    expect(locate(format, text, path, doc).range).toEqual(expected);
  });

  it("points at the key when asked", () => {
    expect(locate("yaml", "a: 1\nownr: x\n", ["ownr"], 0, "key").range).toEqual(r(2, 1, 2, 5));
  });

  it("locates Markdown sections by heading for plain Markdown cards", () => {
    const text = "# Model Card: X\n\n## Intended Use\n\nScoring.\n\n## Limitations\n\n[More Information Needed]\n";
    const parsed = parseSource({ path: "MODEL_CARD.md", format: "markdown", text, lines: new LineIndex(text), explicit: true }, DEFAULT_LIMITS);
    const sections = parsed.documents[0]!.sections!;
    expect(sections.map((s) => [s.title, s.range.start.line, s.range.start.column])).toEqual([
      ["Model Card: X", 1, 1],
      ["Intended Use", 3, 1],
      ["Limitations", 7, 1],
    ]);
  });
});

describe("parse findings carry positions", () => {
  const findings = (format: SourceFormat, text: string) =>
    parseSource({ path: "x", format, text, lines: new LineIndex(text), explicit: true }, DEFAULT_LIMITS).findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column}`);

  it.each([
    ["duplicate key points at the repeated key", "yaml", "id: A\nowner: x\nid: B\n", ["parse/duplicate-key 3:1"]],
    ["duplicate key in JSON", "json", '{\n  "id": "A",\n  "id": "B"\n}\n', ["parse/duplicate-key 3:3"]],
    ["YAML syntax error", "yaml", "a: [1, 2\nb: 3\n", ["parse/syntax 2:1"]],
    ["JSON trailing comma", "json", '{\n  "a": 1,\n}\n', ["parse/syntax 3:1"]],
    ["unknown tag", "yaml", "a: !include other.yaml\n", ["parse/unknown-tag 1:4"]],
    ["unclosed front matter", "markdown", "---\nlicense: mit\n# Title\n", ["parse/syntax 1:1"]],
    ["front matter that is a list", "markdown", "---\n- a\n- b\n---\n", ["parse/not-a-mapping 2:1"]],
    ["duplicate key in CRLF front matter", "markdown", "---\r\nlicense: mit\r\nlicense: apache-2.0\r\n---\r\n", ["parse/duplicate-key 3:1"]],
  ] as [string, SourceFormat, string, string[]][])("%s", (_name, format, text, expected) => {
    expect(findings(format, text)).toEqual(expected);
  });
});
