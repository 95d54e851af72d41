// A finding's position is worked out from the part of the document under its first key (source/top-level-keys.ts),
// not from the whole document: every position must be the one the whole document gives, on real files and on
// texts made to catch the cuts out (comments between keys, block scalars, flow collections, CRLF, lines that look
// like keys inside strings).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import jsYaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { filesUnder } from "./helpers/files.js";
import { FILE_START } from "../src/core/finding.js";
import { LineIndex } from "../src/source/line-index.js";
import { Locator, type PathSegment } from "../src/source/locator.js";
import { splitFrontMatter } from "../src/source/markdown.js";
import { documentParts, NEEDS_FULL_PARSE, yamlNodes } from "../src/source/parse.js";
import { topLevelKeys } from "../src/source/top-level-keys.js";

const ROOT = join(__dirname, "..");
const SHARED = join(ROOT, "..", "shared", "corpus");

const YAML_OR_MARKDOWN = /\.(ya?ml|md)$/i;

/** The one YAML document of a file (its front matter for Markdown) as the fast path reads it, or undefined. */
function document(file: string, text: string): { yaml: string; base: number; data: unknown } | undefined {
  let yaml = text.replace(/^\uFEFF/, "");
  let base = 0;
  if (/\.md$/i.test(file)) {
    const split = splitFrontMatter(yaml);
    if (!split || !("frontMatter" in split)) return undefined;
    ({ yaml, base } = split.frontMatter);
  }
  if (NEEDS_FULL_PARSE.test(yaml)) return undefined;
  try {
    const docs = jsYaml.loadAll(yaml, undefined, { schema: jsYaml.CORE_SCHEMA });
    return docs.length === 1 && docs[0] !== null && docs[0] !== undefined ? { yaml, base, data: docs[0] } : undefined;
  } catch {
    return undefined;
  }
}

/** Every path to a value, and beside each mapping and list a path that is not there. */
function pathsOf(value: unknown, at: PathSegment[] = [], out: PathSegment[][] = [[]]): PathSegment[][] {
  if (Array.isArray(value)) {
    out.push([...at, value.length]);
    value.forEach((item, i) => {
      out.push([...at, i]);
      pathsOf(item, [...at, i], out);
    });
  } else if (value !== null && typeof value === "object") {
    out.push([...at, "not_there"], [...at, "not_there", "below"]);
    for (const [k, item] of Object.entries(value)) {
      out.push([...at, k]);
      pathsOf(item, [...at, k], out);
    }
  }
  return out;
}

/** Positions of every path from the whole document and from its parts; with how many documents were cut in parts. */
function compare(file: string, text: string): { cut: boolean; mismatches: string[] } {
  const doc = document(file, text);
  if (!doc) return { cut: false, mismatches: [] };
  const lines = new LineIndex(text.replace(/^\uFEFF/, ""));
  const whole = new Locator(lines, () => yamlNodes(doc.yaml), doc.base, FILE_START);
  const inParts = new Locator(lines, () => yamlNodes(doc.yaml), doc.base, FILE_START, documentParts(doc.yaml, doc.data));
  const mismatches: string[] = [];
  for (const path of pathsOf(doc.data)) {
    for (const target of ["value", "key"] as const) {
      const expected = whole.locate(path, target);
      const got = inParts.locate(path, target);
      if (JSON.stringify(got) !== JSON.stringify(expected)) mismatches.push(`${file} ${JSON.stringify(path)} ${target}: ${JSON.stringify(got)} instead of ${JSON.stringify(expected)}`);
    }
  }
  return { cut: topLevelKeys(doc.yaml, doc.data) !== undefined, mismatches };
}

const MADE = {
  "comments.yaml": "# head\n---\nid: RISK-1 # trailing\n# between\n\ntitle: A\n  # indented\nowner:   \n# last\n",
  "compact.yaml": "id: X\ncontrols:\n- A.5.2\n# a comment among the items\n- A.6.1   # why\nnext: 1\n",
  "block.yaml": "id: X\ndescription: |\n  first\n\n  second\n\nnotes: >-\n  folded\n  text\nlast: end\n",
  "flow.yaml": "id: X\nmap: { a: 1, b: [x, y] }   # c\nlist: [1, 2,\n  3]\nempty: []\ntail: {}\n",
  "crlf.yaml": "id: X\r\nowner: Ann\r\ntreatment:\r\n  option: mitigate\r\n  controls: [A.1]\r\n",
  "nested.yaml": "id: X\nrisks:\n  - id: R1\n    treatment: { owner: B }\n  - id: R2   # two\n    residual:\n      level: low\n# end of risks\nsystem: S\n",
  "key-in-string.yaml": 'id: X\ndescription: "starts here\nowner: not a key"\nowner: Ann\n',
  "one-key.yaml": "risks:\n  - id: R1\n",
  "spaced-colon.yaml": "id : X\nowner:Ann\nkind:  risk  \n",
  "quoted-key.yaml": "id: X\n'owner': Ann\n",
  "not-text-key.yaml": "id: X\ntrue: 1\n",
  "sequence-root.yaml": "- a\n- b\n",
  "scalar-root.yaml": "just text\n",
  "card.md": "---\nlicense: mit\nmodel-index:\n  - name: m\n    results: []\n# c\ntags: [a]\n---\n# Card\n",
  "empty-values.yaml": "id:\nowner: ~\nlist:\n\nlast: ''\n",
  "register.yaml":
    "kind: risk-register\nrisks: # the entries\n  - id: R1\n    controls:\n    - A.5.2\n    - A.6.1\n\n  # second\n  - id: R2\n    text: |\n      - not an item\n  -\n  - [a, b]\n  - plain\nowner: X\n",
  "compact-register.yaml": "risks:\n- id: R1\n  level: high\n- id: R2\n  level: low   # c\n# after\nnext: 1\n",
  "item-in-string.yaml": 'risks:\n  - id: R1\n    note: "a\n  - b"\n  - id: R2\nnext: 1\n',
  "flow-list.yaml": "risks: [a, b]\nnext: 1\n",
  "list-after-key.yaml": "risks: - a\nnext: 1\n",
};

describe("positions from a document's parts", () => {
  it("are those of the whole document: made texts", () => {
    let cut = 0;
    for (const [name, text] of Object.entries(MADE)) {
      const result = compare(name, text);
      expect(result.mismatches).toEqual([]);
      if (result.cut) cut++;
    }
    // Cut in parts: all but the single-key, quoted-key, key-like-string, true-key, sequence and scalar texts, and
    // the one that is not YAML.
    expect(cut).toBe(Object.keys(MADE).length - 7);
  });

  it("are those of the whole document: examples, rule examples and fixtures", () => {
    let cut = 0;
    const files = ["examples", "rules", join("test", "fixtures")].flatMap((dir) => filesUnder(join(ROOT, dir), YAML_OR_MARKDOWN));
    for (const file of files) {
      const result = compare(file, readFileSync(file, "utf8"));
      expect(result.mismatches).toEqual([]);
      if (result.cut) cut++;
    }
    expect(cut).toBeGreaterThan(100);
  });

  it("are those of the whole document: generated documents, dumped in several styles, with comments", () => {
    const key = fc.constantFrom("id", "owner", "risks", "controls", "treatment", "level", "notes", "x_1", "data-set");
    const scalar = fc.oneof(
      fc.constantFrom("", "- not an item", "key: not a key", "a # b", "multi\nline\n", "2026-01-02", "TBD"),
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, scalar, fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(key, tie("node"), { maxKeys: 4 })),
    })).node;
    const style = fc.record({ indent: fc.constantFrom(2, 4), noArrayIndent: fc.boolean(), flowLevel: fc.constantFrom(-1, 1, 2), comments: fc.array(fc.nat(40), { maxLength: 4 }) });
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }), style, (data, { comments, ...options }) => {
        let text = jsYaml.dump(data, { ...options, lineWidth: -1 });
        // Comment lines at column 0 and at the end of lines, where they cannot change the document.
        const lines = text.split("\n");
        for (const at of comments) {
          const i = at % lines.length;
          if (lines[i] !== "" && !/[|>][-+]?\d*$/.test(lines[i - 1] ?? "") && !/^\s/.test(lines[i]!)) lines.splice(i, 0, "# note");
        }
        text = lines.join("\n");
        const result = compare("generated.yaml", text);
        expect(result.mismatches).toEqual([]);
      }),
      { seed: 42001, numRuns: 300 },
    );
  });

  it.skipIf(!existsSync(SHARED))("are those of the whole document: ../shared/corpus (skipped without it)", () => {
    let cut = 0;
    for (const file of filesUnder(SHARED, YAML_OR_MARKDOWN)) {
      const result = compare(file, readFileSync(file, "utf8"));
      expect(result.mismatches).toEqual([]);
      if (result.cut) cut++;
    }
    expect(cut).toBeGreaterThan(10);
  });
});
