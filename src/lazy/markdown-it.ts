// Sidecar module: markdown-it, bundled to dist/markdown-it.cjs and required on the first Markdown body a run parses
// (src/source/markdown-blocks.ts), so that a run over YAML files only never loads it.
import MarkdownIt from "markdown-it";

export const markdownIt = MarkdownIt;
