// The block structure of a Markdown body as CommonMark (with GFM tables) defines it, read with markdown-it: which
// lines are headings, paragraphs, code, tables or HTML. Cards are judged on this structure, so a `#` line inside a
// fence, an indented code block or an HTML block is never taken for a heading, and a setext heading always is.
import { createRequire } from "node:module";
import type { default as MarkdownItClass, MarkdownIt, Token } from "markdown-it";
import type { LineIndex } from "./line-index.js";

/** What a line of the body is part of. Lines outside any block (blank lines, front matter) are `OTHER`. */
export const LINE = { OTHER: 0, PARAGRAPH: 1, HEADING: 2, CODE: 3, TABLE: 4, HTML: 5 } as const;

export interface Heading {
  /** The heading as its reader sees it: link targets, emphasis marks and HTML left out. */
  title: string;
  level: number;
  /** 1-based lines of the title text (a setext title may span several), and the first line after the heading. */
  firstLine: number;
  lastLine: number;
  nextLine: number;
}

export interface Blocks {
  /** Top-level headings only: one inside a list item or a block quote does not divide the card. */
  headings: Heading[];
  /** `kinds[line]` for each 1-based line of the file. */
  kinds: Uint8Array;
}

let parser: MarkdownIt | undefined;

/** Set by the build: the bundle loads the parser from its sidecar, a run from source from the package. */
declare const __AIMSLINT_BUNDLED__: boolean | undefined;

/**
 * Loaded on first use and synchronously, in the middle of a parse: loading it costs ~15 ms and 5 MiB, which a
 * pre-commit run over one YAML file should not pay.
 */
function loadMarkdownIt(): typeof MarkdownItClass {
  const load = createRequire(import.meta.url);
  return typeof __AIMSLINT_BUNDLED__ !== "undefined" ? (load("./markdown-it.cjs") as { markdownIt: typeof MarkdownItClass }).markdownIt : (load("markdown-it") as typeof MarkdownItClass);
}

/** Block rules only: the inline syntax of paragraphs is never needed, and skipping it is most of the parse time. */
function markdownIt(): MarkdownIt {
  if (parser) return parser;
  parser = new (loadMarkdownIt())("default", { html: true, linkify: false, typographer: false });
  parser.core.ruler.enableOnly(["normalize", "block"]);
  return parser;
}

/** Parses `text` (comments already blanked, offsets kept) from `bodyStart`, a line start, to the end. */
export function readBlocks(text: string, bodyStart: number, lines: LineIndex): Blocks {
  const md = markdownIt();
  const base = lines.position(bodyStart).line;
  const kinds = new Uint8Array(lines.lineCount + 1);
  const headings: Heading[] = [];
  const tokens = md.parse(bodyStart === 0 ? text : text.slice(bodyStart), {});
  const mark = (map: [number, number] | null, kind: number) => {
    if (map) kinds.fill(kind, base + map[0], base + map[1]);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case "heading_open": {
        mark(t.map, LINE.HEADING);
        if (t.level !== 0 || !t.map) break;
        const [from, to] = t.map;
        // A setext heading's map ends after its underline; its title is every line before it.
        const setext = t.markup === "=" || t.markup === "-";
        const raw = (tokens[i + 1]?.content ?? "").replace(/\n/g, " ");
        headings.push({ title: plainText(md, raw), level: Number(t.tag.slice(1)), firstLine: base + from, lastLine: base + (setext ? to - 2 : from), nextLine: base + to });
        break;
      }
      case "paragraph_open":
        mark(t.map, LINE.PARAGRAPH);
        break;
      case "fence":
      case "code_block":
        mark(t.map, LINE.CODE);
        break;
      case "table_open":
        mark(t.map, LINE.TABLE);
        break;
      case "html_block":
        mark(t.map, LINE.HTML);
        break;
    }
  }
  return { headings, kinds };
}

/** Inline Markdown as text: `[Source Data](#source-data)` is "Source Data", `**Uses**` is "Uses". */
function plainText(md: MarkdownIt, raw: string): string {
  // Most headings are plain words; "[Dataset Name]" without a link target stays as written, as a template left it.
  if (!/[*_`<&\\!]|\]\s*[([]/.test(raw)) return raw.trim();
  const out: Token[] = [];
  md.inline.parse(raw, md, {}, out);
  return out
    .map((t) => (t.type === "text" || t.type === "text_special" || t.type === "code_inline" || t.type === "image" ? t.content : t.type.endsWith("break") ? " " : ""))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}
