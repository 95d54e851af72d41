// Markdown artefacts: split off YAML front matter (keeping its offset) and read the heading tree,
// so that a plain-Markdown model card can be checked section by section.
import type { Range } from "../core/finding.js";
import type { LineIndex } from "./line-index.js";
import type { PathSegment } from "./locator.js";
import { INLINE_PLACEHOLDERS, isPlaceholder } from "../util/placeholder.js";
import concepts from "./card-concepts.json" with { type: "json" };

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
  if (!m) return { unclosedAt: open[0].indexOf("---") };
  const yamlEnd = base + m.index + (m[1] ?? "").length;
  return { frontMatter: { yaml: text.slice(base, yamlEnd), base, bodyStart: base + m.index + m[0].length } };
}

export interface Section {
  title: string;
  level: number;
  /** A bold label or a `Label:` line inside a section, read as a heading of its own only to find concepts. */
  label?: boolean;
  /** Range of the heading line. */
  range: Range;
  /** Body text up to the next heading of the same or a higher level (subsections included). */
  content: string;
}

/** Whether a text may hold a label at all (bold text, or a capitalised word and a colon at a line's start). */
export const MAY_HOLD_LABEL = /\*\*|__|^ {0,3}(?:[-*+] +)?\p{Lu}[\p{L}\p{N} ,&/()'-]{1,60}:/mu;

/** A bold label opening a line or list item: `**Out-of-scope uses** …`, `- **Intended use:** …`. */
const BOLD_LABEL = /^ {0,3}(?:[-*+] +)?(\*\*|__)([^*_\r\n]{2,80}?)\1[ \t]*:?[ \t]*(.*)$/;
/** A short label ending in a colon at the start of a line: `Intended use: …`, `License: MIT`. */
const COLON_LABEL = /^ {0,3}(?:[-*+] +)?(\p{Lu}[\p{L}\p{N} ,&/()'-]{1,60}?):(?:[ \t]+(.*))?$/u;

/** A heading as its reader sees it: `[Source Data](#source-data)` is "Source Data", `**Uses**` is "Uses". */
function displayHeading(title: string): string {
  // "[Dataset Name]" alone is no link but a template's placeholder, and stays as written.
  if (!/[[*_`]/.test(title)) return title.trim();
  return title
    .replace(/!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])/g, "$1")
    .replace(/(\*\*|__|`)(.+?)\1/g, "$2")
    .trim();
}

/** Text inside HTML comments is no content and holds no heading: blanked, keeping every offset and line. */
export function withoutComments(text: string, from: number): string {
  if (!text.includes("<!--", from)) return text;
  return text.slice(0, from) + text.slice(from).replace(/<!--[\s\S]*?(?:-->|$)/g, (c) => c.replace(/[^\r\n]/g, " "));
}

/**
 * ATX (`## Title`) and setext (`Title` / `===`) headings outside fenced code blocks and HTML comments; with
 * `labels`, also the bold labels and `Label:` lines inside sections, which authors use as headings too (marked
 * `label`; a label runs to the next label or heading). Only cards need those, and only once they are known to be
 * cards: every other Markdown file is spared the work and the garbage.
 */
export function readSections(source: string, bodyStart: number, lines: LineIndex, labels = false): Section[] {
  const text = withoutComments(source, bodyStart);
  const found: { title: string; level: number; start: number; end: number; contentStart: number; label?: boolean }[] = [];
  const lineRe = /([^\r\n]*)(\r\n|\r|\n|$)/g;
  lineRe.lastIndex = bodyStart;
  let fence: string | undefined;
  let previous: { text: string; start: number } | undefined;
  for (let m = lineRe.exec(text); m && m[0].length > 0; m = lineRe.exec(text)) {
    const line = m[1] ?? "";
    const start = m.index;
    const next = start + m[0].length;
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = undefined;
      previous = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      previous = undefined;
      continue;
    }
    const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$/.exec(line);
    if (atx) {
      found.push({ title: (atx[2] ?? "").replace(/[ \t]+#+$/, ""), level: atx[1]!.length, start, end: start + line.length, contentStart: next });
      previous = undefined;
      continue;
    }
    const setext = /^ {0,3}(=+|-+)[ \t]*$/.exec(line);
    if (setext && previous && previous.text.trim() !== "" && !/^ {0,3}[-*+] /.test(previous.text)) {
      // The previous line was taken for a label: it is this heading's title instead.
      if (found.at(-1)?.start === previous.start) found.pop();
      found.push({ title: previous.text.trim(), level: setext[1]!.startsWith("=") ? 1 : 2, start: previous.start, end: previous.start + previous.text.length, contentStart: next });
      previous = undefined;
      continue;
    }
    const label = labels ? (BOLD_LABEL.exec(line) ?? COLON_LABEL.exec(line)) : null;
    if (label) {
      const [title, rest] = label.length === 4 ? [label[2]!, label[3] ?? ""] : [label[1]!, label[2] ?? ""];
      found.push({ title: title.replace(/:$/, ""), level: 7, start, end: start + line.length, contentStart: rest ? start + line.length - rest.length : next, label: true });
    }
    previous = { text: line, start };
    if (next >= text.length) break;
  }
  return found.map((h, i) => {
    let end = text.length;
    for (let j = i + 1; j < found.length; j++) {
      if (found[j]!.level <= h.level) {
        end = found[j]!.start;
        break;
      }
    }
    const firstNonSpace = h.start + (text.slice(h.start, h.end).length - text.slice(h.start, h.end).trimStart().length);
    const section: Section = { title: displayHeading(h.title), level: h.level, range: lines.range(firstNonSpace, h.end), content: text.slice(h.contentStart, end) };
    if (h.label) section.label = true;
    return section;
  });
}

export function isEffectivelyEmpty(content: string): boolean {
  let rest = content;
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

/** Headings repeat from card to card ("Training Data"): each is judged once per concept and run. */
const judged = new WeakMap<CardConcept, Map<string, number>>();

/** How specifically the heading names the concept (the longest phrase it holds), or 0 when it does not. */
export function namesConcept(words: string, concept: CardConcept): number {
  let seen = judged.get(concept);
  if (!seen) judged.set(concept, (seen = new Map()));
  let best = seen.get(words);
  if (best !== undefined) return best;
  const padded = ` ${words} `;
  best = 0;
  if (!concept.unless?.some((p) => holds(padded, p))) for (const p of concept.phrases) if (p.length > best && holds(padded, p)) best = p.length;
  // Bounded: titles such as "Model Card for credit-model-7" are new in every file; the common ones come first.
  if (seen.size < 500) seen.set(words, best);
  return best;
}

export interface SectionField {
  path: PathSegment[];
  section: Section;
  empty: boolean;
}

/**
 * The section that answers each concept: a filled one beats an empty one, a heading beats a label inside a section,
 * then the heading that names the concept most specifically, then the first in the document.
 */
export function sectionFields(sections: readonly Section[], table: readonly CardConcept[]): SectionField[] {
  const words = sections.map((s) => normaliseHeading(s.title));
  const out: SectionField[] = [];
  for (const concept of table) {
    let best: SectionField | undefined;
    let bestRank = -Infinity;
    sections.forEach((section, i) => {
      const specific = namesConcept(words[i]!, concept);
      if (specific === 0) return;
      const empty = isEffectivelyEmpty(section.content);
      const rank = (empty ? 0 : 1_000_000) + (section.label ? 0 : 100_000) + specific * 100 - Math.min(i, 99);
      if (rank > bestRank) [best, bestRank] = [{ path: concept.path, section, empty }, rank];
    });
    if (best) out.push(best);
  }
  return out;
}

/** The heading a Markdown author knows a field by: the card's own heading when it has one, else the usual name. */
export function sectionLabel(kind: string, path: readonly PathSegment[], sections: readonly Section[]): string | undefined {
  const table = kind === "model-card" || kind === "data-card" ? CARD_CONCEPTS[kind] : undefined;
  const same = (p: readonly PathSegment[]) => p.length === path.length && p.every((x, i) => x === path[i]);
  const entry = table?.find((e) => same(e.path));
  if (!table || !entry) return undefined;
  return sectionFields(sections, [entry])[0]?.section.title ?? entry.label;
}
