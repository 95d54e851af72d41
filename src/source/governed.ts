// Whether a file is meant to be an aimslint artefact, decided before (or without) parsing it.
// Problems of files that are not governed (a Helm template, a 40 MB tokenizer.json) are none of our business:
// reporting them would bury the real findings in noise.
import { KINDS } from "../core/kinds.js";
import { kindByPlace, LOOKALIKE_KEYS, type ClassifyOptions } from "./classify.js";
import { escapeRegExp } from "../util/text.js";
import { CATALOGUED_PACKAGES, MANIFESTS, type ManifestFormat, mayNamePackage } from "../core/dependency-manifests.js";
import { cachedGlobsMatcher } from "../util/safe-glob.js";

const CARD_NAMES = KINDS.flatMap((k) => (k.markdownNames ? [k.markdownNames] : []));

export function governedByName(path: string, options: ClassifyOptions): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (CARD_NAMES.some((re) => re.test(base)) || kindByPlace(path) !== undefined) return true;
  return Object.values(options.kindGlobs ?? {}).some((globs) => cachedGlobsMatcher(globs)(path));
}

/** Front matter with a key only Hub model or dataset cards have (`pipeline_tag`, `task_categories`…). */
const HUB_CARD_HEAD = new RegExp(`^\\s*---[ \\t]*\\r?\\n(?:[^\\r\\n]*\\r?\\n)*?(?:${KINDS.flatMap((k) => k.hubKeys ?? []).join("|")})[ \\t]*:`);

/**
 * A declared kind, a $schema or modeline naming one of our schemas, front matter naming a kind, or the front matter
 * of a Hub card: a card that cannot be read (an invalid byte, a BOM of UTF-16) is then reported, not skipped.
 */
export function governedByContent(text: string, options: ClassifyOptions): boolean {
  const head = text.slice(0, 4096);
  if (HUB_CARD_HEAD.test(head)) return true;
  const kinds = [...KINDS.map((k) => k.id), ...(options.extraKinds ?? []).map((k) => k.id)];
  // At the start of a line, or after `{` / `,` for one-line JSON ({"kind": "risk", …}) and flow mappings.
  const kindRe = new RegExp(`(?:^|[{,])\\s*"?kind"?\\s*:\\s*["']?(?:${kinds.map((k) => k.replace(/-/g, "\\-")).join("|")})\\b`, "m");
  return kindRe.test(head) || (/\.schema\.json/.test(head) && /(\$schema|yaml-language-server)/.test(head));
}

/**
 * Whether a YAML or JSON text can hold an artefact, or anything classify() would say looks like one. Every key
 * classify() reads (`kind`, `$schema` and the modeline's `schema`, the kinds' signature keys, LOOKALIKE_KEYS)
 * must then appear in the text as a word, unless it is spelled with escapes, so a backslash anywhere also says
 * yes. Most YAML and JSON files of a repository (Helm charts, package.json, a tokenizer's vocabulary) hold none
 * of these words, and are not worth parsing. Files named as artefacts (`governedByName`) are parsed regardless.
 */
export function mayHoldArtefact(text: string, options: ClassifyOptions): boolean {
  return keyWords(options).test(text);
}

const keyWordsByKinds = new WeakMap<object, RegExp>();
const NO_EXTRA_KINDS: readonly never[] = [];

function keyWords(options: ClassifyOptions): RegExp {
  const extra = options.extraKinds ?? NO_EXTRA_KINDS;
  let re = keyWordsByKinds.get(extra);
  if (!re) {
    const words = new Set(["kind", "schema", ...LOOKALIKE_KEYS, ...[...KINDS, ...extra].flatMap((k) => k.signature)]);
    const alternatives = [...words].map(escapeRegExp).join("|");
    // A word, not part of a longer key (kind_of_thing); or a backslash, which may spell any key.
    re = new RegExp(`(?<![\\w-])(?:${alternatives})(?![\\w-])|\\\\`);
    keyWordsByKinds.set(extra, re);
  }
  return re;
}

/**
 * Whether a dependency manifest's text can name an AI package of the catalogue or the configuration (aiUse.packages):
 * one that names none is read but not parsed, as a YAML file without artefact keys is not (mayHoldArtefact). Most
 * package.json files of a repository are of that kind.
 */
export function mayNameAiPackage(text: string, format: ManifestFormat, options: ClassifyOptions): boolean {
  const { ecosystem } = MANIFESTS[format];
  const extra = options.aiPackages?.[ecosystem];
  return mayNamePackage(text, ecosystem, CATALOGUED_PACKAGES[ecosystem]) || (extra !== undefined && extra.length > 0 && mayNamePackage(text, ecosystem, extra));
}
