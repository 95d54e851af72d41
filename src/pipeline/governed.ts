// Whether a file is meant to be an aimslint artefact, decided before (or without) parsing it.
// Problems of files that are not governed (a Helm template, a 40 MB tokenizer.json) are none of our business:
// reporting them would bury the real findings in noise.
import picomatch from "picomatch";
import { KINDS } from "../kinds.js";
import type { ClassifyOptions } from "./classify.js";

const CARD_NAMES = KINDS.flatMap((k) => (k.markdownNames ? [k.markdownNames] : []));

export function governedByName(path: string, options: ClassifyOptions): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (CARD_NAMES.some((re) => re.test(base))) return true;
  return Object.values(options.kindGlobs ?? {}).some((globs) => picomatch.isMatch(path, globs, { dot: true }));
}

/** A declared kind, a $schema or modeline naming one of our schemas, or front matter naming a kind. */
export function governedByContent(text: string, options: ClassifyOptions): boolean {
  const head = text.slice(0, 4096);
  const kinds = [...KINDS.map((k) => k.id), ...(options.extraKinds ?? []).map((k) => k.id)];
  // At the start of a line, or after `{` / `,` for one-line JSON ({"kind": "risk", …}) and flow mappings.
  const kindRe = new RegExp(`(?:^|[{,])\\s*"?kind"?\\s*:\\s*["']?(?:${kinds.map((k) => k.replace(/-/g, "\\-")).join("|")})\\b`, "m");
  return kindRe.test(head) || /\.schema\.json/.test(head) && /(\$schema|yaml-language-server)/.test(head);
}
