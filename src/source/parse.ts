// Stage 3: parse YAML, JSON and Markdown front matter into plain data plus a Locator for exact positions.
// Parse problems become findings; a document that cannot be trusted is dropped, the others go on.
import jsYaml from "js-yaml";
import { parse as parseTomlText, TomlError } from "smol-toml";
import { isScalar, parseAllDocuments, parseDocument, visit, type Document } from "yaml";
import { FILE_START, type Finding, type Range } from "../core/finding.js";
import { duplicateJsonKeys } from "./json-duplicates.js";
import { type DocumentParts, Locator } from "./locator.js";
import { sequenceItems, topLevelKeys } from "./top-level-keys.js";
import type { Limits, SourceFile } from "./load.js";
import { readSections, splitFrontMatter, type Section } from "./markdown.js";
import { dependencyRange, readRequirements } from "./requirements.js";
import { yaml11Value } from "./yaml11-values.js";
import { CORE_RULES, type CoreRuleId } from "../core/core-rules.js";
import { report } from "../core/report.js";
import { MAX_DEPENDENCIES } from "../core/dependency-manifests.js";

export interface ParsedDocument {
  source: SourceFile;
  /** 0-based index of the document within a multi-document YAML file. */
  index: number;
  data: unknown;
  locator: Locator;
  /** Markdown only: the heading tree of the body. */
  sections?: Section[];
  /** Markdown only: whether the data came from front matter. */
  hasFrontMatter?: boolean;
  /** Markdown only: where the body starts, after any front matter. */
  bodyStart?: number;
}

export interface ParseResult {
  documents: ParsedDocument[];
  findings: Finding[];
}

// logLevel "error": the parser's only warning (a collection used as a key) went to stderr through process.emitWarning.
const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true, version: "1.2", logLevel: "error" } as const;

export function parseSource(source: SourceFile, limits: Limits): ParseResult {
  try {
    if (source.format === "json") return parseJson(source, limits);
    if (source.format === "markdown") return parseMarkdown(source, limits);
    if (source.format === "toml") return parseToml(source, limits);
    if (source.format === "requirements") return parseRequirements(source);
    return parseYamlText(source, source.text, 0, limits, true);
  } catch (error) {
    // Parsers guard themselves; this is the last line of defence (e.g. a stack overflow on absurd input).
    return {
      documents: [],
      findings: [fileFinding(source, "parse/resource-limit", `File could not be parsed: ${(error as Error).message}.`, "Simplify the file: it is nested too deeply or is too large to read safely.")],
    };
  }
}

/**
 * Constructs whose meaning js-yaml and `yaml` (YAML 1.2 core) could disagree on, or that need `yaml`'s guards:
 * aliases (alias bombs), tags, directives, complex keys, tabs, binary integers, `+.5`, `-0`, out-of-range floats.
 * An alias is `*` and a name: a `*` followed by a space, a comma or a bracket (a cron schedule, `a * b`) is not one
 * (where an alias would stand, js-yaml refuses it and the full path reports it). Text without them takes the fast
 * path; test/yaml-differential.test.ts checks both paths agree.
 */
export const NEEDS_FULL_PARSE = /(?:^|[\s:,[{-])(?:\*(?=[^\s,[\]{}])|!|\? |0b[01]|[+-]?\.\d|\d[\d.]*e[+-]?\d{3}|-0(?:\.0*)?(?=[\s,\]}]|$))|\t|^%/m;

/**
 * Values from js-yaml (several times faster), positions from `yaml` built only when a finding needs one.
 * Returns undefined when the text must take the full path: risky constructs, or anything js-yaml rejects
 * (syntax errors, duplicate keys), whose findings and positions `yaml` reports precisely.
 */
function fastYaml(source: SourceFile, text: string, base: number, limits: Limits, multi: boolean): ParseResult | undefined {
  if (NEEDS_FULL_PARSE.test(text)) return undefined;
  let values: unknown[];
  try {
    values = multi ? jsYaml.loadAll(text, undefined, { schema: jsYaml.CORE_SCHEMA }) : [jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA })];
  } catch {
    return undefined;
  }
  let parsed: Document.Parsed[] | undefined;
  const yamlDoc = (index: number) => () => {
    parsed ??= multi ? (parseAllDocuments(text, NODES_OPTIONS) as Document.Parsed[]) : [yamlNodes(text)];
    return Array.isArray(parsed) ? parsed[index] : undefined;
  };
  const documents: ParsedDocument[] = [];
  const findings: Finding[] = [];
  values.forEach((data, index) => {
    if (data === null || data === undefined) return;
    const over = excess(data, limits, false);
    if (over) {
      findings.push(excessFinding(source, limits, over));
      return;
    }
    // The fallback range is only used when nothing better exists: the document's first line.
    const parts = values.length === 1 ? documentParts(text, data) : undefined;
    documents.push({ source, index, data, locator: new Locator(source.lines, yamlDoc(index), base, () => firstContentLine(source, text, base), parts) });
  });
  return { documents, findings };
}

// For positions only, of text js-yaml has read: it has already refused duplicate keys, and without uniqueKeys
// yaml's parse stays linear in the key count.
const NODES_OPTIONS = { ...YAML_OPTIONS, uniqueKeys: false };

/** `yaml`'s nodes of one document that js-yaml has read, for positions. */
export function yamlNodes(text: string): Document.Parsed {
  return parseDocument(text, NODES_OPTIONS);
}

/**
 * The one document of `text` (whose value is `data`) by top-level key: a finding under one key needs the nodes of
 * that key's lines only (a tenth of a file, typically), not the whole document's, which cost a whole lint at
 * 10,000 artefacts 0.6 s.
 */
export function documentParts(text: string, data: unknown): DocumentParts {
  return {
    keys: () => topLevelKeys(text, data),
    items: (key, start, end) => {
      const list = (data as Record<string, unknown>)[key];
      return Array.isArray(list) ? sequenceItems(text, start, end, list.length) : undefined;
    },
    parse: (start, end) => {
      const doc = yamlNodes(text.slice(start, end));
      return doc.errors.length === 0 ? doc : undefined;
    },
  };
}

function firstContentLine(source: SourceFile, text: string, base: number): Range {
  const m = /^(?:[ \t]*(?:#.*)?(?:\r\n|\r|\n))*(?:---[^\r\n]*(?:\r\n|\r|\n))?/.exec(text);
  const start = base + (m ? m[0].length : 0);
  return source.lines.range(start, source.lines.lineEnd(start));
}

function parseYamlText(source: SourceFile, fullText: string, base: number, limits: Limits, multi: boolean): ParseResult {
  // A parser given 500,000 nested brackets spends seconds and gigabytes before any depth check: count first.
  if (flowDepthExceeds(fullText, limits.maxDepth)) {
    return { documents: [], findings: [excessFinding(source, limits, "depth")] };
  }
  // 4 MB of `kind: risk` / `---` is 270,000 artefacts: only the first maxDocuments are parsed and checked.
  const cut = multi ? documentsCut(fullText, limits.maxDocuments) : undefined;
  const text = cut === undefined ? fullText : fullText.slice(0, cut);
  const result = parseYamlDocuments(source, text, base, limits, multi);
  if (cut !== undefined) {
    // At the top of the file, where the findings cap (the first findings by position) cannot hide it.
    const line = source.lines.range(base + cut, base + cut).start.line;
    result.findings.push(
      fileFinding(
        source,
        "parse/resource-limit",
        `File holds more than ${limits.maxDocuments} YAML documents; those from line ${line} on are not checked.`,
        "Split the documents over several files, or raise limits.maxDocuments.",
      ),
    );
  }
  return result;
}

/**
 * Where the document after the first `max` starts, or undefined when the text has no more than `max`. Every line
 * that starts with `---` or `...` (then a space or the line end) may begin or end a document, so counting them
 * bounds the number of documents from above; the text before the first one is a document when it holds anything.
 */
export function documentsCut(text: string, max: number): number | undefined {
  // The shortest text over the limit is a line of content, then `max` marker lines ("a\n---\n---" for 2): 4 × max + 1
  // characters. Most artefacts are shorter, and need no scan.
  if (text.length <= 4 * max) return undefined;
  // The three characters first, then whether they start a line: asking at every position whether a line starts
  // there (a lookbehind) took 80 ms of a whole lint at 10,000 artefacts. A match that does not start a line hides
  // none that does: the two characters after its start are dashes or dots, not line breaks.
  const marker = /(?:---|\.\.\.)(?=[ \t\r\n]|$)/g;
  let first = true;
  let count = 0;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    const before = m.index === 0 ? "\n" : text[m.index - 1];
    if (before !== "\n" && before !== "\r") continue;
    if (first) {
      first = false;
      if (/^(?:[ \t]*(?:#.*)?(?:\r\n|\r|\n)|%.*(?:\r\n|\r|\n))*$/.test(text.slice(0, m.index)) === false) count++;
    }
    if (count >= max) return m.index;
    count++;
  }
  return undefined;
}

function parseYamlDocuments(source: SourceFile, text: string, base: number, limits: Limits, multi: boolean): ParseResult {
  const fast = fastYaml(source, text, base, limits, multi);
  if (fast) return fast;
  const findings: Finding[] = [];
  const documents: ParsedDocument[] = [];
  const parsed = multi ? parseAllDocuments(text, YAML_OPTIONS) : [parseDocument(text, YAML_OPTIONS)];
  const docs = Array.isArray(parsed) ? parsed : [];
  docs.forEach((doc, index) => {
    let fatal = false;
    // yaml places a duplicate key's error near the previous value; point at the repeated key itself.
    const repeated = doc.errors.some((e) => e.code === "DUPLICATE_KEY") ? safeRepeatedKeys(doc) : [];
    for (const error of doc.errors) {
      const duplicate = error.code === "DUPLICATE_KEY";
      if (!duplicate) fatal = true;
      if (!duplicate || repeated.length === 0) findings.push(yamlProblem(source, base, error.code, error.message, error.pos, "error"));
    }
    for (const pos of repeated) findings.push(yamlProblem(source, base, "DUPLICATE_KEY", "Map keys must be unique", pos, "error"));
    for (const warning of doc.warnings) findings.push(yamlProblem(source, base, warning.code, warning.message, warning.pos, "warning"));
    if (fatal || doc.contents === null) return;
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: limits.maxAliases });
    } catch (error) {
      findings.push(
        fileFinding(
          source,
          "parse/resource-limit",
          `YAML aliases expand beyond the limit of ${limits.maxAliases} (${(error as Error).message}).`,
          "Reduce the use of anchors and aliases; an alias bomb can exhaust memory.",
          rangeOfDoc(source, doc, base),
        ),
      );
      return;
    }
    const over = excess(data, limits, true);
    if (over) {
      findings.push(excessFinding(source, limits, over, rangeOfDoc(source, doc, base)));
      return;
    }
    // maxAliases counts alias uses: 99 uses of one list of 1,000 items is 99,000 values that every rule then walks.
    const growth = aliasGrowth(data, limits.maxAliasNodes);
    if (growth > limits.maxAliasNodes) {
      findings.push(
        fileFinding(
          source,
          "parse/resource-limit",
          `YAML aliases repeat more than ${limits.maxAliasNodes} values (counted after expansion); the document is not checked.`,
          "Repeat small blocks with anchors and aliases, not large lists, or raise limits.maxAliasNodes.",
          rangeOfDoc(source, doc, base),
        ),
      );
      return;
    }
    documents.push({ source, index, data, locator: new Locator(source.lines, doc, base, rangeOfDoc(source, doc, base)) });
  });
  return { documents, findings };
}

function parseJson(source: SourceFile, limits: Limits): ParseResult {
  let data: unknown;
  try {
    // JSON.parse is the authority on JSON syntax and values; YAML's reading of the text only supplies positions.
    data = JSON.parse(source.text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : source.text.length;
    const { start, end } = spanOnLine(source, offset, offset + 1);
    const clean = message.replace(/ in JSON at position \d+.*$/, "").replace(/\s*\(line \d+ column \d+\)$/, "");
    return {
      documents: [],
      findings: [
        report(CORE_RULES["parse/syntax"], source.path, { start, end }, `Invalid JSON: ${clean}.`, {
          help: "Fix the JSON syntax (trailing commas, comments and unquoted keys are not JSON).",
        }),
      ],
    };
  }
  const over = excess(data, limits, false);
  if (over) return { documents: [], findings: [excessFinding(source, limits, over)] };
  const keys = duplicateJsonKeys(source.text, limits.maxKeys);
  // 300,000 repeats of one key parse to one key: counted as written, they are over the budget before any finding.
  if (keys.over) return { documents: [], findings: [excessFinding(source, limits, "keys", spanOnLine(source, keys.over[0], keys.over[1]))] };
  const findings = keys.found.map(([start, end]) => yamlProblem(source, 0, "DUPLICATE_KEY", "Map keys must be unique", [start, end], "error"));
  // Positions come from reading the JSON as YAML, done only when a finding asks for one.
  const yamlDoc = () => {
    const doc = parseDocument(source.text, { ...YAML_OPTIONS, strict: false, uniqueKeys: false });
    return doc.errors.length === 0 ? doc : undefined;
  };
  return { documents: [{ source, index: 0, data, locator: new Locator(source.lines, yamlDoc, 0, FILE_START) }], findings };
}

/**
 * TOML (pyproject.toml, Pipfile): values from smol-toml, which refuses inline nesting deeper than the limit before it
 * recurses. Positions come from the view built of it (source/manifest-view.ts, source/toml.ts).
 */
function parseToml(source: SourceFile, limits: Limits): ParseResult {
  let data: unknown;
  try {
    data = parseTomlText(source.text, { maxDepth: limits.maxDepth });
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const offset = source.lines.lineStart(error.line) + error.column - 1;
    const text = (error.message.split("\n", 1)[0] as string).replace(/^Invalid TOML document: /, "").replace(/\.$/, "");
    if (/excessively nested/.test(text)) return { documents: [], findings: [excessFinding(source, limits, "depth", spanOnLine(source, offset, offset + 1))] };
    return {
      documents: [],
      findings: [report(CORE_RULES["parse/syntax"], source.path, spanOnLine(source, offset, offset + 1), `TOML: ${text}.`, { help: "Fix the TOML syntax at this position." })],
    };
  }
  // Deep nesting through table headers ([a.b.c…]) is not bounded by the parser's limit.
  const over = excess(data, limits, false);
  if (over) return { documents: [], findings: [excessFinding(source, limits, over)] };
  return { documents: [{ source, index: 0, data, locator: new Locator(source.lines, undefined, 0, () => firstContentLine(source, source.text, 0)) }], findings: [] };
}

/**
 * A requirements file, read line by line as pip reads it: its data is the list of requirements, each with where its
 * name and version spec are (source/requirements.ts). A line that is no requirement is skipped, as pip's options are.
 */
function parseRequirements(source: SourceFile): ParseResult {
  // One more than the view keeps, so that the view can say where it stopped (source/manifest-view.ts).
  const { dependencies, offsets } = readRequirements(source.text, MAX_DEPENDENCIES + 1);
  const locator = new Locator(source.lines, undefined, 0, () => firstContentLine(source, source.text, 0));
  locator.resolve = (path) => dependencyRange(source.lines, offsets, dependencies, path);
  return { documents: [{ source, index: 0, data: { dependencies }, locator }], findings: [] };
}

function parseMarkdown(source: SourceFile, limits: Limits): ParseResult {
  const split = splitFrontMatter(source.text);
  if (split && "unclosedAt" in split) {
    const start = source.lines.position(split.unclosedAt);
    return {
      documents: [],
      findings: [
        report(CORE_RULES["parse/syntax"], source.path, { start, end: { line: start.line, column: start.column + 3 } }, "Front matter opened with --- is never closed.", {
          help: "End the YAML front matter with a line holding only ---.",
        }),
      ],
    };
  }
  const fallback = source.lines.range(0, source.lines.lineEnd(0));
  if (!split) {
    const sections = readSections(source.text, 0, source.lines);
    return { documents: [{ source, index: 0, data: {}, locator: new Locator(source.lines, undefined, 0, fallback), sections, hasFrontMatter: false, bodyStart: 0 }], findings: [] };
  }
  const { frontMatter } = split;
  const result = parseYamlText(source, frontMatter.yaml, frontMatter.base, limits, false);
  const sections = readSections(source.text, frontMatter.bodyStart, source.lines);
  const doc = result.documents[0];
  if (!doc) {
    // Empty front matter (--- ---) is fine, and broken front matter loses only itself: either way the card is still
    // read by its headings. A broken one is one problem, however many errors the YAML reader counts in it.
    result.findings = aggregated(result.findings, "the front matter; the keys that parse on their own were read");
    const data = result.findings.length > 0 ? salvage(frontMatter.yaml, limits) : {};
    result.documents.push({ source, index: 0, data, locator: new Locator(source.lines, undefined, 0, fallback), sections, hasFrontMatter: false, bodyStart: frontMatter.bodyStart });
    return result;
  }
  if (doc.data === null || typeof doc.data !== "object" || Array.isArray(doc.data)) {
    result.findings.push(
      report(CORE_RULES["parse/not-a-mapping"], source.path, doc.locator.locate([]).range, `Front matter must be a mapping of keys to values, found ${describe(doc.data)}.`, {
        help: "Write the front matter as `key: value` lines, as the Hugging Face Hub requires.",
      }),
    );
    result.documents = [];
    return result;
  }
  doc.sections = sections;
  doc.hasFrontMatter = true;
  doc.bodyStart = frontMatter.bodyStart;
  return result;
}

/**
 * What a person still reads in front matter no YAML reader accepts: each top-level key whose own lines parse
 * (`tags:` and its list, when only `model-index:` below it is broken), else its simple `key: value` line as text.
 * Aliases are never expanded here: the parse finding stands, and a broken file is no place to spend memory.
 */
function salvage(yaml: string, limits: Limits): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const starts = [...yaml.matchAll(/^[A-Za-z_][\w-]*:/gm)].map((m) => m.index);
  starts.forEach((start, i) => {
    const block = yaml.slice(start, starts[i + 1] ?? yaml.length);
    const key = /^[\w-]+/.exec(block)![0];
    if (key === "__proto__" || Object.hasOwn(data, key)) return;
    const value = blockValue(block, key, limits) ?? simpleValue(block);
    if (value !== undefined) data[key] = value;
  });
  return data;
}

function blockValue(block: string, key: string, limits: Limits): unknown {
  if (flowDepthExceeds(block, limits.maxDepth)) return undefined;
  const doc = parseDocument(block, { ...YAML_OPTIONS, uniqueKeys: false });
  if (doc.errors.length > 0) return undefined;
  try {
    const data = doc.toJS({ maxAliasCount: 0 }) as unknown;
    const value = data !== null && typeof data === "object" ? (data as Record<string, unknown>)[key] : undefined;
    return value === null || excess(value, limits, false) ? undefined : value;
  } catch {
    return undefined;
  }
}

function simpleValue(block: string): string | undefined {
  return /^[\w-]+:[ \t]+([^\s#'"[{&*!|>][^#\r\n]*?)[ \t]*(?:#.*)?$/m.exec(block)?.[1];
}

/** One finding for many errors of one reader in one part of a file: the first, saying how many more there are. */
function aggregated(findings: Finding[], where: string): Finding[] {
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length <= 1) return findings;
  const [first] = errors as [Finding, ...Finding[]];
  const more = errors.length - 1;
  const merged = { ...first, message: `${first.message.replace(/\.$/, "")} (and ${more} more error${more === 1 ? "" : "s"} in ${where}).` };
  return [merged, ...findings.filter((f) => f.severity !== "error")];
}

function yamlProblem(source: SourceFile, base: number, code: string, message: string, pos: [number, number], severity: "error" | "warning"): Finding {
  const ruleId: CoreRuleId =
    code === "DUPLICATE_KEY" ? "parse/duplicate-key" : code === "TAG_RESOLVE_FAILED" ? "parse/unknown-tag" : code === "RESOURCE_EXHAUSTION" ? "parse/resource-limit" : "parse/syntax";
  const { start, end: endPos } = spanOnLine(source, base + pos[0], base + pos[1]);
  const text = message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "").replace(/\.$/, "");
  const help =
    ruleId === "parse/duplicate-key"
      ? "Remove or rename the repeated key: only one value can be kept, and readers disagree on which."
      : ruleId === "parse/unknown-tag"
        ? "Remove the custom tag: aimslint never includes or executes content, and other tools will read the value as a plain string."
        : "Fix the YAML syntax at this position.";
  const said = ruleId === "parse/duplicate-key" ? `Duplicate key: ${text.replace(/^Map keys must be unique$/, "this key is already defined in the same mapping")}.` : `YAML: ${text}.`;
  return report(CORE_RULES[ruleId], source.path, { start, end: endPos }, said, { severity, help });
}

function fileFinding(source: SourceFile, ruleId: CoreRuleId, message: string, help: string, range: Range = FILE_START): Finding {
  return report(CORE_RULES[ruleId], source.path, range, message, { severity: "error", help });
}

function rangeOfDoc(source: SourceFile, doc: Document, base: number): Range {
  const start = doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0;
  return source.lines.range(base + start, source.lines.lineEnd(base + start));
}

/**
 * How many more values `data` holds once its shared parts (YAML aliases) are counted each time they occur than it
 * holds counting each once; stops counting past `max`. Runs after excess(), so the recursion is at most maxDepth.
 */
function aliasGrowth(data: unknown, max: number): number {
  const sizes = new Map<object, number>();
  let growth = 0;
  const size = (value: unknown): number => {
    if (value === null || typeof value !== "object") return 1;
    const known = sizes.get(value);
    if (known !== undefined) {
      growth += known;
      return known;
    }
    sizes.set(value, 1);
    let total = 1;
    for (const child of Object.values(value)) {
      total += size(child);
      if (growth > max) break;
    }
    sizes.set(value, total);
    return total;
  };
  size(data);
  return growth;
}

type Excess = "depth" | "keys" | "items" | undefined;

/**
 * Whether a document is nested deeper than limits.maxDepth, has a mapping of more than limits.maxKeys keys or a
 * list of more than limits.maxItems items.
 * Iterative for shared values (YAML aliases: each visited once, or a small alias tree costs exponential time).
 */
function excess(data: unknown, limits: Limits, shared: boolean): Excess {
  if (!shared) return excessIn(data, 0, limits);
  const stack: [unknown, number][] = [[data, 0]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (value === null || typeof value !== "object" || seen.has(value)) continue;
    seen.add(value);
    if (depth >= limits.maxDepth) return "depth";
    if (!Array.isArray(value) && Object.keys(value).length > limits.maxKeys) return "keys";
    if (Array.isArray(value) && value.length > limits.maxItems) return "items";
    for (const child of Object.values(value as object)) stack.push([child, depth + 1]);
  }
  return undefined;
}

/** A tree (no shared values): recursion at most maxDepth deep, no bookkeeping; this runs on every document. */
function excessIn(value: unknown, depth: number, limits: Limits): Excess {
  if (value === null || typeof value !== "object") return undefined;
  if (depth >= limits.maxDepth) return "depth";
  if (Array.isArray(value)) {
    if (value.length > limits.maxItems) return "items";
    for (const item of value) {
      const over = excessIn(item, depth + 1, limits);
      if (over) return over;
    }
    return undefined;
  }
  const keys = Object.keys(value);
  if (keys.length > limits.maxKeys) return "keys";
  for (const key of keys) {
    const over = excessIn((value as Record<string, unknown>)[key], depth + 1, limits);
    if (over) return over;
  }
  return undefined;
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  const yaml11 = yaml11Value(value);
  if (yaml11) return `${yaml11.noun} (${yaml11.tag})`;
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return "a string";
  return `a ${typeof value}`;
}

/**
 * A problem's range, kept on its first line: at least one character wide when there is a character to point at,
 * and never past the end of the line (an error at the end of a line or of the file is a point there).
 */
function spanOnLine(source: SourceFile, from: number, to: number): Range {
  const lineEnd = source.lines.lineEnd(from);
  const end = Math.min(Math.max(to, from < lineEnd ? from + 1 : from), lineEnd);
  return source.lines.range(from, Math.max(from, end));
}

/** Ranges of keys that repeat an earlier key of the same mapping, at any depth. */
function repeatedKeys(doc: Document): [number, number][] {
  const found: [number, number][] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const item of map.items) {
        const key = isScalar(item.key) ? String(item.key.value) : undefined;
        if (key === undefined || !isScalar(item.key) || !item.key.range) continue;
        if (seen.has(key)) found.push([item.key.range[0], item.key.range[1]]);
        else seen.add(key);
      }
    },
  });
  return found;
}

function safeRepeatedKeys(doc: Document): [number, number][] {
  try {
    return repeatedKeys(doc);
  } catch {
    return []; // absurdly deep documents: yaml's own positions will do
  }
}

/**
 * A linear over-approximation-free guard: the nesting of flow brackets outside quotes and comments. It may
 * under-count (a stray apostrophe), never over-count, so a real document is never refused by it.
 */
function flowDepthExceeds(text: string, max: number): boolean {
  // Nesting cannot exceed the number of opening brackets, and counting them with indexOf is ~50× faster than the
  // walk below (which was 3 % of a 10,000-file run): most files have a few dozen at most.
  if (openersAtMost(text, max)) return false;
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      quote = 0;
      continue;
    }
    if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === 92 && quote === 34) i++;
      continue;
    }
    if (c === 34 || c === 39) quote = c;
    else if (c === 35 && (i === 0 || /\s/.test(text.charAt(i - 1)))) {
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i + 1) !== 13) i++;
    } else if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return false;
}

function openersAtMost(text: string, max: number): boolean {
  let count = 0;
  for (const opener of ["[", "{"]) {
    for (let i = text.indexOf(opener); i !== -1; i = text.indexOf(opener, i + 1)) if (++count > max) return false;
  }
  return true;
}

/** What each limit's finding says, and how to get under it. */
const EXCESS: Record<Exclude<Excess, undefined>, (limits: Limits) => [message: string, help: string]> = {
  items: (l) => [`Document has a list of more than ${l.maxItems} items; it is not checked.`, "Split the list across documents or files, or raise limits.maxItems."],
  keys: (l) => [`Document has a mapping of more than ${l.maxKeys} keys; it is not checked.`, "Split the mapping (a list of entries reads better), or raise limits.maxKeys."],
  depth: (l) => [`Document is nested more than ${l.maxDepth} levels deep.`, "Flatten the document; real artefacts are never this deep."],
};

function excessFinding(source: SourceFile, limits: Limits, over: Exclude<Excess, undefined>, range?: Range): Finding {
  const [message, help] = EXCESS[over](limits);
  return fileFinding(source, "parse/resource-limit", message, help, range);
}
