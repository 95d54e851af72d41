// Markdown artefacts: split off YAML front matter (keeping its offset) and read the heading tree,
// so that a plain-Markdown model card can be checked section by section.
import type { Range } from "../core/finding.js";
import type { LineIndex } from "./line-index.js";
import { type Blocks, LINE, readBlocks } from "./markdown-blocks.js";
import type { PathSegment } from "./locator.js";
import { INLINE_PLACEHOLDERS, isPlaceholder } from "../util/placeholder.js";
import concepts from "./card-concepts.json" with { type: "json" };
import { licenceIds } from "./licence-names.js";
import { escapeRegExp } from "../util/text.js";

export interface FrontMatter {
  /** The YAML text between the two --- lines. */
  yaml: string;
  /** Offset of `yaml` within the file text. */
  base: number;
  /** Offset where the Markdown body starts. */
  bodyStart: number;
}

export type FrontMatterResult = { frontMatter: FrontMatter } | { unclosedAt: number } | undefined;

/**
 * Front matter as the Hugging Face Hub reads it: optional blank lines, a line `---`, YAML, a line `---`.
 * Returns undefined when the file has none.
 */
export function splitFrontMatter(text: string): FrontMatterResult {
  const open = /^(?:[ \t]*(?:\r\n|\r|\n))*---[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!open) return undefined;
  const base = open[0].length;
  // Search from the start of the YAML text; a closing line directly after the opening one is empty front matter.
  const rest = text.slice(base);
  const m = /(^|\r\n|\r|\n)(---|\.\.\.)[ \t]*(\r\n|\r|\n|$)/.exec(rest);
  // Without a closing line, a `---` is front matter left open only when YAML keys follow it; before a title or prose
  // it is a thematic break, as the Hub and CommonMark read it, and the whole file is the card's body.
  if (!m) return YAML_KEY_FIRST.test(rest) ? { unclosedAt: open[0].indexOf("---") } : undefined;
  const yamlEnd = base + m.index + (m[1] ?? "").length;
  return { frontMatter: { yaml: text.slice(base, yamlEnd), base, bodyStart: base + m.index + m[0].length } };
}

/** The first line that is neither blank nor a `#` line (a YAML comment, or a Markdown heading) is a `key:` line. */
const YAML_KEY_FIRST = /^(?:[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n))*[ \t]*["']?[\w$.-][^\r\n:]*["']?:(?:[ \t]|\r|\n|$)/;

export interface Section {
  title: string;
  level: number;
  /** A bold label or a `Label:` line inside a section, read as a heading of its own only to find concepts. */
  label?: boolean;
  /** Range of the heading line. */
  range: Range;
  /** Body text up to the next heading of the same or a higher level (subsections included). */
  content: string;
  /** Offsets of the heading line and of `content` in the file's text. */
  start: number;
  contentStart: number;
}

/** Whether a text may hold a label at all (bold text, or a capitalised word and a colon at a line's start). */
export const MAY_HOLD_LABEL = /\*\*|__|^ {0,3}(?:[-*+] +)?\p{Lu}[\p{L}\p{N} ,&/()'-]{1,60}:|^ {0,3}\p{Lu}[\p{L} &/'-]{2,50}$/mu;

/**
 * A bold label opening a line or list item: `**Out-of-scope uses** …`, `- **Intended use:** …`, and the numbered
 * bold questions of a datasheet (`4. **Will the dataset be distributed under a … license …?** If so, …`).
 */
const BOLD_LABEL = /^ {0,3}(?:[-*+] +|\d{1,3}[.)] +)?(\*\*|__)([^*_\r\n]{2,200}?)\1[ \t]*:?[ \t]*(.*)$/;
/** A short label ending in a colon at the start of a line: `Intended use: …`, `License: MIT`. */
const COLON_LABEL = /^ {0,3}(?:[-*+] +)?(\p{Lu}[\p{L}\p{N} ,&/()'-]{1,60}?):(?:[ \t]+(.*))?$/u;

/** Text inside HTML comments is no content and holds no heading: blanked, keeping every offset and line. */
export function withoutComments(text: string, from: number): string {
  if (!text.includes("<!--", from)) return text;
  return text.slice(0, from) + text.slice(from).replace(/<!--[\s\S]*?(?:-->|$)/g, (c) => c.replace(/[^\r\n]/g, " "));
}

/** A file's body, comments blanked, and its block structure: parsed once, read by classification and the card view. */
export interface Body {
  text: string;
  bodyStart: number;
  blocks: Blocks;
}
// Only the last body is kept: a card is read three times in a row (sections, labels, mentions), and keeping the
// blocks of every Markdown file of a run would cost more memory than parsing a card again.
let last: (Body & { lines: LineIndex }) | undefined;

export function readBody(source: string, bodyStart: number, lines: LineIndex): Body {
  if (last?.lines !== lines || last.bodyStart !== bodyStart) {
    const text = withoutComments(source, bodyStart);
    last = { lines, text, bodyStart, blocks: readBlocks(text, bodyStart, lines) };
  }
  return last;
}

interface Found {
  title: string;
  level: number;
  start: number;
  end: number;
  contentStart: number;
  label?: boolean;
}

/**
 * The headings of a Markdown body (docs/card-concepts.md); with `labels`, also the bold labels and `Label:` lines that
 * open a line of a paragraph, which authors use as headings too (marked `label`; a label runs to the next label or
 * heading). Only cards need those, and only once they are known to be cards: every other Markdown file is spared the
 * work and the garbage.
 */
export function readSections(source: string, bodyStart: number, lines: LineIndex, labels = false): Section[] {
  const { text, blocks } = readBody(source, bodyStart, lines);
  const found: Found[] = [];
  const labelLines = labels ? paragraphLines(blocks) : [];
  let next = 0;
  for (const h of blocks.headings) {
    for (; next < labelLines.length && labelLines[next]! < h.firstLine; next++) addLabel(found, text, lines, labelLines[next]!);
    const start = lines.lineStart(h.firstLine);
    const contentStart = h.nextLine > lines.lineCount ? text.length : lines.lineStart(h.nextLine);
    found.push({ title: h.title, level: h.level, start, end: lines.lineEnd(lines.lineStart(h.lastLine)), contentStart });
  }
  for (; next < labelLines.length; next++) addLabel(found, text, lines, labelLines[next]!);
  return found.map((h, i) => {
    let end = text.length;
    for (let j = i + 1; j < found.length; j++) {
      if (found[j]!.level <= h.level) {
        end = found[j]!.start;
        break;
      }
    }
    const firstNonSpace = h.start + (text.slice(h.start, h.end).length - text.slice(h.start, h.end).trimStart().length);
    const section: Section = { title: h.title, level: h.level, range: lines.range(firstNonSpace, h.end), content: text.slice(h.contentStart, end), start: h.start, contentStart: h.contentStart };
    if (h.label) section.label = true;
    return section;
  });
}

function paragraphLines(blocks: Blocks): number[] {
  const out: number[] = [];
  for (let line = 1; line < blocks.kinds.length; line++) if (blocks.kinds[line] === LINE.PARAGRAPH) out.push(line);
  return out;
}

function addLabel(found: Found[], body: string, lines: LineIndex, line: number): void {
  const start = lines.lineStart(line);
  const text = body.slice(start, lines.lineEnd(start));
  const label = BOLD_LABEL.exec(text) ?? COLON_LABEL.exec(text) ?? plainTitle(text);
  if (!label) return;
  const [title, rest] = label.length === 4 ? [label[2]!, label[3] ?? ""] : [label[1]!, label[2] ?? ""];
  const next = line + 1 > lines.lineCount ? lines.text.length : lines.lineStart(line + 1);
  // A label alone on its line ("It achieves the following results:", "**Training Data**") introduces what follows,
  // and the `Key: value` lines or items below it are its content, not labels that end it.
  const level = rest ? INLINE_LABEL_LEVEL : LONE_LABEL_LEVEL;
  found.push({ title: title.replace(/:$/, ""), level, start, end: start + text.length, contentStart: rest ? start + text.length - rest.length : next, label: true });
}

/**
 * A template's heading pasted without its `#` ("Intended Use", "Training Data", "Caveats and Recommendations" on a
 * line of their own): a short capitalised line of words, one of whose parts joined by "and" is exactly a concept's
 * phrase. Read as a label alone on its line; prose never matches a phrase exactly.
 */
function plainTitle(text: string): [string, string] | undefined {
  const m = PLAIN_TITLE.exec(text);
  if (!m) return undefined;
  const words = normaliseHeading(m[1]!);
  if (words.split(" ").length > 4 || !words.split(" and ").some((part) => plainPhrases().has(part))) return undefined;
  return [text, m[1]!];
}

const PLAIN_TITLE = /^ {0,3}(\p{Lu}[\p{L} &/'-]{2,50}?)[ \t]*$/u;
let phrases: ReadonlySet<string> | undefined;
const plainPhrases = (): ReadonlySet<string> => (phrases ??= new Set([...CARD_CONCEPTS["model-card"], ...CARD_CONCEPTS["data-card"]].flatMap((c) => c.phrases)));

/** Below every heading (1–6): a label is read as the deepest kind of section. */
const LONE_LABEL_LEVEL = 7;
const INLINE_LABEL_LEVEL = 8;

const TEMPLATE_INSTRUCTION = /^[ \t]*_([^_]{1,1000}?)_[ \t]*$/gm;

export function isEffectivelyEmpty(content: string): boolean {
  // Code states nothing to a reader of the card; neither does a template's italic instruction ("_If so, please
  // provide a description._", as in the Datasheets for Datasets template).
  let rest = withoutFencedCode(content).replace(TEMPLATE_INSTRUCTION, (m, inner: string) => (/\bplease\b/i.test(inner) ? "" : m));
  for (const re of INLINE_PLACEHOLDERS) rest = rest.replace(re, "");
  // Headings of subsections alone do not fill a section; neither does a lone "TBD".
  const lines = rest
    .replace(/^ {0,3}#{1,6}.*$/gm, "")
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/^[\s>*_`|-]+|[\s*_`|]+$/g, ""))
    .filter((l) => l.length > 0 && !isPlaceholder(l));
  // A template's questions left unanswered ("Who collected the data?") are no answer either.
  return lines.every((l) => l.endsWith("?"));
}

/** A concept of a card (docs/card-concepts.md): the field it fills, the heading shown to authors, the words that name it. */
export interface CardConcept {
  path: PathSegment[];
  label: string;
  phrases: string[];
  unless?: string[];
  /** Regular expressions for a statement of the concept in the text, when no heading answers it. */
  mentions?: string[];
  /** What a filled answer holds (a number, for results): sections that hold it are preferred. */
  values?: string;
  /** A statement that the answer is not known ("the licensing status is unclear"): alone, no answer. */
  unknown?: string;
  /** Phrases that name the concept only loosely ("training details"): their sections must speak of it (`about`). */
  broad?: string[];
  /** What a section under a broad heading says when it speaks of the concept (data, a corpus, "trained on"). */
  about?: string;
  /** Concepts (dotted paths) whose subsections still answer this one: how data was collected says where it comes from. */
  covers?: string[];
}

export const CARD_CONCEPTS = concepts as unknown as Readonly<Record<"model-card" | "data-card", readonly CardConcept[]>>;

/** A heading as words: lower case, without links, emphasis, code marks, HTML, numbering and punctuation. */
export function normaliseHeading(title: string): string {
  // Most headings are plain words: no need for the seven passes below, nor the garbage they leave.
  if (/^[A-Za-z ]*$/.test(title)) return title.toLowerCase().replace(/ +/g, " ").trim();
  return title
    .replace(/!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])?/g, "$1")
    .replace(/<[^>]+>/g, " ")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/^[\s\d.)(]+(?=\p{L})/u, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Whether the words of a heading hold the phrase: whole words, or anywhere for scripts written without spaces. */
function holds(padded: string, phrase: string): boolean {
  return /^[\x00-\x7f]*$/.test(phrase) ? padded.includes(` ${phrase} `) : padded.includes(phrase);
}

const phraseTests = new WeakMap<CardConcept, RegExp>();

/** Whether the padded words may hold any of the concept's phrases: `holds` for all of them at once. */
function anyPhrase(concept: CardConcept): RegExp {
  let re = phraseTests.get(concept);
  if (!re) {
    const ascii = concept.phrases.filter((p) => /^[\x00-\x7f]*$/.test(p)).map(escapeRegExp);
    const other = concept.phrases.filter((p) => !/^[\x00-\x7f]*$/.test(p)).map(escapeRegExp);
    const alternatives = [...(ascii.length > 0 ? [` (?:${ascii.join("|")}) `] : []), ...other];
    phraseTests.set(concept, (re = new RegExp(alternatives.length > 0 ? alternatives.join("|") : "(?!)", "u")));
  }
  return re;
}

/** Headings repeat from card to card ("Training Data"): each is judged once per concept and run. */
const judged = new WeakMap<CardConcept, Map<string, number>>();

/** How specifically the heading names the concept (the longest phrase it holds), or 0 when it does not. */
export function namesConcept(words: string, concept: CardConcept): number {
  let seen = judged.get(concept);
  if (!seen) judged.set(concept, (seen = new Map()));
  let best = seen.get(words);
  if (best !== undefined) return best;
  best = 0;
  // Most headings name no concept (a procedure's "Validation report 1.7.8"): one test says so. The parts of a
  // heading joined by "and" are judged apart: "Training and Evaluation Data" is about training data too, while
  // "Evaluation Data" is not.
  if (anyPhrase(concept).test(` ${words} `)) {
    for (const part of words.split(" and ")) {
      const padded = ` ${part} `;
      if (concept.unless?.some((p) => holds(padded, p))) continue;
      for (const p of concept.phrases) if (p.length > best && holds(padded, p)) best = p.length;
    }
  }
  // Bounded: titles such as "Model Card for credit-model-7" are new in every file; the common ones come first.
  if (seen.size < 500) seen.set(words, best);
  return best;
}

export interface SectionField {
  concept: CardConcept;
  section: Section;
  /** What the section says of the concept: its content without subsections about other concepts. */
  content: string;
  empty: boolean;
}

/**
 * Whether the heading names the concept only by one of its broad phrases ("Training Details"): such a section
 * answers the concept only when its text speaks of it (`about`); a list of hyperparameters is no training data.
 */
function namesOnlyBroadly(words: string, concept: CardConcept): boolean {
  const { broad } = concept;
  if (!broad) return false;
  return !words.split(" and ").some((part) => concept.phrases.some((p) => !broad.includes(p) && holds(` ${part} `, p)));
}

/**
 * A concept's regular expression of one sort, compiled once per run: its `mentions` (one pattern of them all,
 * case-insensitive), its `values`, or its `unknown` statement. Undefined when the concept has none.
 */
export function conceptPattern(concept: CardConcept, which: PatternSort): RegExp | undefined {
  let patterns = compiledPatterns.get(concept);
  if (!patterns) compiledPatterns.set(concept, (patterns = {}));
  if (!(which in patterns)) {
    const source = which === "mentions" ? concept.mentions?.join("|") : concept[which];
    patterns[which] = source === undefined ? undefined : new RegExp(source, PATTERN_FLAGS[which]);
  }
  return patterns[which];
}

type PatternSort = "mentions" | "values" | "unknown" | "about";
const compiledPatterns = new WeakMap<CardConcept, Partial<Record<PatternSort, RegExp | undefined>>>();
const PATTERN_FLAGS = { mentions: "i", values: "u", unknown: "iu", about: "iu" } as const;

const licenceNamed = (text: string) => licenceIds(text).length > 0;

/** A short section (a sentence or two) that only says the answer is not known. */
function saysUnknown(concept: CardConcept, content: string): boolean {
  const re = conceptPattern(concept, "unknown");
  if (!re) return false;
  const text = content.trim();
  return text.length <= 300 && (text.match(/[.!?](?:\s|$)/g)?.length ?? 1) <= 2 && re.test(text) && !licenceNamed(text);
}

/** A section's text without its fenced code blocks: code that computes results is no result. */
export function withoutFencedCode(text: string): string {
  return text.includes("```") || text.includes("~~~") ? text.replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[ \t]*$|(?![\s\S]))/gm, "") : text;
}

/**
 * The section that answers each concept: a filled one beats an empty one, one that holds the concept's values (a
 * number, for results) beats one that does not, a heading beats a label inside a section,
 * then the heading that names the concept most specifically, then the first in the document.
 */
export function sectionFields(sections: readonly Section[], table: readonly CardConcept[], all: readonly CardConcept[] = table): SectionField[] {
  const words = sections.map((s) => normaliseHeading(s.title));
  const out: SectionField[] = [];
  for (const concept of table) {
    let best: SectionField | undefined;
    let bestRank = -Infinity;
    sections.forEach((section, i) => {
      const specific = namesConcept(words[i]!, concept);
      if (specific === 0) return;
      const content = ownContent(sections, words, i, concept, all);
      const empty = isEffectivelyEmpty(content) || saysUnknown(concept, content);
      if (!empty && concept.broad && namesOnlyBroadly(words[i]!, concept) && !conceptPattern(concept, "about")!.test(withoutFencedCode(content))) return;
      const values = conceptPattern(concept, "values");
      const valued = !empty && values !== undefined && values.test(withoutFencedCode(content));
      const rank = (empty ? 0 : 1_000_000) + (valued ? 500_000 : 0) + (section.label ? 0 : 100_000) + specific * 100 - Math.min(i, 99);
      if (rank > bestRank) [best, bestRank] = [{ concept, section, content, empty }, rank];
    });
    if (best) out.push(best);
  }
  return out;
}

/**
 * A section's content as an answer to one concept: without its subsections whose headings name only other concepts
 * (not this one, nor one it covers). "Evaluation Results" under "Training Details" says how the model did, not what it was trained on.
 */
function ownContent(sections: readonly Section[], words: readonly string[], i: number, concept: CardConcept, all: readonly CardConcept[]): string {
  const parent = sections[i]!;
  let content = parent.content;
  let removed = 0;
  for (let j = i + 1; j < sections.length && sections[j]!.level > parent.level; j++) {
    const child = sections[j]!;
    // Kept when it names this concept or one this concept covers; dropped when it names only others.
    const ours = (c: CardConcept) => c === concept || concept.covers?.includes(c.path.join("."));
    const named = all.filter((c) => namesConcept(words[j]!, c) > 0);
    // A label inside a heading's section is part of its text; below a label alone on its line, one that names
    // another concept is that concept's answer ("**Limitations**" then "License: MIT").
    if ((child.label && !parent.label) || named.length === 0 || named.some(ours)) continue;
    // The child and everything below it go.
    const from = child.start - parent.contentStart - removed;
    const to = child.contentStart - parent.contentStart - removed + child.content.length;
    content = content.slice(0, from) + content.slice(to);
    removed += to - from;
    while (j + 1 < sections.length && sections[j + 1]!.level > child.level) j++;
  }
  return content;
}

/** The heading a Markdown author knows a field by: the card's own heading when it has one, else the usual name. */
export function sectionLabel(kind: string, path: readonly PathSegment[], sections: readonly Section[]): string | undefined {
  const table = kind === "model-card" || kind === "data-card" ? CARD_CONCEPTS[kind] : undefined;
  const same = (p: readonly PathSegment[]) => p.length === path.length && p.every((x, i) => x === path[i]);
  const entry = table?.find((e) => same(e.path));
  if (!table || !entry) return undefined;
  return sectionFields(sections, [entry], table)[0]?.section.title ?? entry.label;
}
