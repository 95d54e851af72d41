// Markdown artefacts: split off YAML front matter (keeping its offset) and read the heading tree,
// so that a plain-Markdown model card can be checked section by section.
import type { Range } from "../core/finding.js";
import type { LineIndex } from "./line-index.js";
import type { PathSegment } from "./locator.js";
import { INLINE_PLACEHOLDERS, isPlaceholder } from "../util/placeholder.js";

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
  /** Range of the heading line. */
  range: Range;
  /** Body text up to the next heading of the same or a higher level (subsections included). */
  content: string;
}

/** ATX (`## Title`) and setext (`Title` / `===`) headings outside fenced code blocks. */
export function readSections(text: string, bodyStart: number, lines: LineIndex): Section[] {
  const found: { title: string; level: number; start: number; end: number; contentStart: number }[] = [];
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
      found.push({ title: previous.text.trim(), level: setext[1]!.startsWith("=") ? 1 : 2, start: previous.start, end: previous.start + previous.text.length, contentStart: next });
      previous = undefined;
      continue;
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
    return { title: h.title.trim(), level: h.level, range: lines.range(firstNonSpace, h.end), content: text.slice(h.contentStart, end) };
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
  return lines.length === 0;
}

/**
 * Heading names of the Hugging Face template and of "Model Cards for Model Reporting" (Mitchell et al.),
 * mapped to the model-card fields they stand for. Compared after normalising case and punctuation.
 */
/** A field read from Markdown: its path, the heading shown to authors, and the heading names accepted. */
export interface HeadingAlias {
  path: PathSegment[];
  label: string;
  headings: string[];
}

export const MODEL_CARD_HEADINGS: readonly HeadingAlias[] = [
  { path: ["model_details"], label: "Model Details", headings: ["model details", "model description", "model summary", "model overview", "overview"] },
  {
    path: ["intended_use"],
    label: "Intended Use",
    headings: ["intended use", "intended uses", "uses", "direct use", "model use", "primary intended uses", "intended use cases", "use cases", "intended purpose"],
  },
  {
    path: ["out_of_scope_use"],
    label: "Out-of-Scope Use",
    headings: [
      "out of scope use",
      "out of scope uses",
      "out of scope use cases",
      "misuse and out of scope use",
      "misuse malicious use and out of scope use",
      "out of scope",
      "prohibited uses",
      "limitations of use",
    ],
  },
  { path: ["intended_users"], label: "Intended Users", headings: ["intended users", "primary intended users", "users", "direct users", "target users"] },
  { path: ["training_data"], label: "Training Data", headings: ["training data", "training dataset", "training datasets", "data", "training details"] },
  { path: ["evaluation", "data"], label: "Testing Data", headings: ["evaluation data", "testing data", "test data", "evaluation datasets", "testing data factors and metrics", "datasets"] },
  {
    path: ["evaluation", "metrics"],
    label: "Metrics / Results",
    headings: [
      "metrics",
      "evaluation metrics",
      "results",
      "evaluation results",
      "quantitative analyses",
      "quantitative analysis",
      "model performance measures",
      "performance",
      "evaluation",
      "performance and limitations",
    ],
  },
  {
    path: ["limitations"],
    label: "Limitations",
    headings: [
      "limitations",
      "bias risks and limitations",
      "risks and limitations",
      "caveats and recommendations",
      "known limitations",
      "technical limitations",
      "limitations and bias",
      "performance and limitations",
    ],
  },
  {
    path: ["bias_considerations"],
    label: "Bias, Risks, and Limitations",
    headings: [
      "bias risks and limitations",
      "ethical considerations",
      "bias",
      "fairness",
      "bias and fairness",
      "ethical considerations and risks",
      "limitations and bias",
      "broader implications",
      "risks and limitations",
    ],
  },
  { path: ["human_oversight"], label: "Human Oversight", headings: ["human oversight", "oversight", "human in the loop"] },
];

export const DATA_CARD_HEADINGS: readonly HeadingAlias[] = [
  { path: ["intended_use"], label: "Intended Use", headings: ["uses", "direct use", "intended use", "intended uses", "motivation", "supported tasks and leaderboards"] },
  { path: ["source"], label: "Source Data", headings: ["source data", "dataset creation", "collection process", "composition", "data collection"] },
  {
    path: ["acquisition_method"],
    label: "Collection Process",
    headings: ["collection process", "data collection and processing", "initial data collection and normalization", "data collection", "collection"],
  },
  { path: ["preparation"], label: "Preprocessing", headings: ["preprocessing cleaning labeling", "preprocessing", "data preparation", "annotations", "annotation process"] },
  { path: ["personal_data"], label: "Personal and Sensitive Information", headings: ["personal and sensitive information"] },
  { path: ["bias"], label: "Bias, Risks, and Limitations", headings: ["bias risks and limitations", "discussion of biases", "considerations for using the data", "other known limitations"] },
  { path: ["license"], label: "Licensing Information", headings: ["licensing information", "license", "licence", "distribution"] },
];

export function normaliseHeading(title: string): string {
  return title
    .toLowerCase()
    .replace(/<[^>]+>/g, " ")
    .replace(/&/g, " and ")
    .replace(/^[\s\d.]+(?=[a-z])/, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export interface SectionField {
  path: PathSegment[];
  section: Section;
  empty: boolean;
}

/** The first section matching each field's headings, in document order of the aliases' priority. */
export function sectionFields(sections: readonly Section[], table: readonly HeadingAlias[]): SectionField[] {
  const out: SectionField[] = [];
  for (const { path, headings } of table) {
    // A filled section beats an empty one; among equals, the more specific heading (earlier alias) wins.
    let best: SectionField | undefined;
    let bestRank = Infinity;
    for (const section of sections) {
      const alias = headings.indexOf(normaliseHeading(section.title));
      if (alias === -1) continue;
      const empty = isEffectivelyEmpty(section.content);
      const rank = (empty ? headings.length : 0) + alias;
      if (rank < bestRank) [best, bestRank] = [{ path, section, empty }, rank];
    }
    if (best) out.push(best);
  }
  return out;
}

/** The heading a Markdown author knows a field by: the card's own heading when it has one, else the usual name. */
export function sectionLabel(kind: string, path: readonly PathSegment[], sections: readonly Section[]): string | undefined {
  const table = kind === "model-card" ? MODEL_CARD_HEADINGS : kind === "data-card" ? DATA_CARD_HEADINGS : undefined;
  const same = (p: readonly PathSegment[]) => p.length === path.length && p.every((x, i) => x === path[i]);
  const entry = table?.find((e) => same(e.path));
  if (!table || !entry) return undefined;
  return sectionFields(sections, [entry])[0]?.section.title ?? entry.label;
}
