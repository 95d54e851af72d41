// Crosswalks from ISO/IEC 42001 to the EU AI Act, the NIST AI RMF, ISO/IEC 23894 and ISO/IEC 42005: the reference
// titles and the verified pairs are data (crosswalks.json, docs/crosswalks.md says where each comes from); a rule's
// crosswalks are derived from its ISO/IEC 42001 references through those pairs, unless the rule lists its own.
import data from "./crosswalks.json" with { type: "json" };

export const CROSSWALK_FRAMEWORKS = ["euAiAct", "nistAiRmf", "iso23894", "iso42005"] as const;
export type CrosswalkFramework = (typeof CROSSWALK_FRAMEWORKS)[number];
export type Crosswalks = Partial<Record<CrosswalkFramework, string[]>>;

export interface CrosswalkPair {
  iso: string;
  framework: CrosswalkFramework;
  ref: string;
  /** N, N*, S or i: see `bases` in crosswalks.json. */
  basis: string;
  /** False: documented, but not given to rules that cite the ISO item. */
  derive?: boolean;
}

const TITLES = data.titles as Record<CrosswalkFramework, Record<string, string>>;
export const CROSSWALK_PAIRS = data.pairs as CrosswalkPair[];
export const CROSSWALK_BASES = data.bases as Record<string, string>;
export const CROSSWALK_SOURCES = data.sources as Record<string, { title: string; url: string }>;

/** How each framework is named to people, and the prefix of its SARIF tags. */
export const FRAMEWORK_INFO: Record<CrosswalkFramework, { name: string; tag: string }> = {
  euAiAct: { name: "EU AI Act", tag: "eu-ai-act" },
  nistAiRmf: { name: "NIST AI RMF", tag: "nist-ai-rmf" },
  iso23894: { name: "ISO/IEC 23894", tag: "iso23894" },
  iso42005: { name: "ISO/IEC 42005", tag: "iso42005" },
};

/** The forms a reference may take (also in schemas/meta/rule.schema.json, which a test keeps in step). */
export const REFERENCE_PATTERNS: Record<CrosswalkFramework, string> = {
  euAiAct:
    "^(?:Art\\. [1-9][0-9]{0,2}[a-z]?(?:\\([1-9][0-9]?[a-z]?\\)(?:\\([a-z]{1,2}\\)(?:\\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\\))?)?)?|Annex (?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII)(?:\\([1-9][0-9]?\\)(?:\\([a-z]\\))?)?)$",
  nistAiRmf: "^(?:GOVERN|MAP|MEASURE|MANAGE)(?: [1-9](?:\\.[1-9][0-9]?)?)?$",
  iso23894: "^[4-9](?:\\.[1-9][0-9]?){0,2}$",
  iso42005: "^[4-9](?:\\.[1-9][0-9]?){0,3}$",
};

export function crosswalkTitle(framework: CrosswalkFramework, ref: string): string | undefined {
  return Object.hasOwn(TITLES[framework], ref) ? TITLES[framework][ref] : undefined;
}

/** `ref (title)` when the title is known. */
export function describeCrosswalkRef(framework: CrosswalkFramework, ref: string): string {
  const title = crosswalkTitle(framework, ref);
  return title ? `${ref} (${title})` : ref;
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"];
const FUNCTIONS = ["GOVERN", "MAP", "MEASURE", "MANAGE"];

/** Sort key: articles before annexes, GOVERN before MAP before MEASURE before MANAGE, numbers numerically. */
function sortKey(framework: CrosswalkFramework, ref: string): (number | string)[] {
  if (framework === "euAiAct") {
    const annex = /^Annex ([IVX]+)(.*)$/.exec(ref);
    const [head, rest] = annex ? [1000 + ROMAN.indexOf(annex[1]!), annex[2]!] : [Number.parseInt(ref.slice(5), 10), ref.replace(/^Art\. \d+/, "")];
    return [head, ...[...rest.matchAll(/\(([^)]+)\)/g)].map((m) => (/^\d+$/.test(m[1]!) ? Number(m[1]) : m[1]!))];
  }
  if (framework === "nistAiRmf") {
    const [fn, num = ""] = ref.split(" ");
    return [FUNCTIONS.indexOf(fn!), ...num.split(".").filter(Boolean).map(Number)];
  }
  return ref.split(".").map(Number);
}

export function compareCrosswalkRefs(framework: CrosswalkFramework, a: string, b: string): number {
  const ka = sortKey(framework, a);
  const kb = sortKey(framework, b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const x = ka[i];
    const y = kb[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/**
 * A rule's crosswalks: for each framework the rule's own list when it gives one (an empty list says none apply),
 * else the references its ISO/IEC 42001 items map to. Sorted, without duplicates; frameworks with none left out.
 */
export function crosswalksOf(rule: { iso42001: readonly string[]; crosswalks?: Crosswalks | undefined }): Crosswalks {
  const out: Crosswalks = {};
  for (const framework of CROSSWALK_FRAMEWORKS) {
    const own = rule.crosswalks?.[framework];
    const refs = own ?? CROSSWALK_PAIRS.filter((p) => p.framework === framework && p.derive !== false && rule.iso42001.includes(p.iso)).map((p) => p.ref);
    const unique = [...new Set(refs)].sort((a, b) => compareCrosswalkRefs(framework, a, b));
    if (unique.length > 0) out[framework] = unique;
  }
  return out;
}

/** A SARIF tag for a reference: eu-ai-act/art-9-2-a, eu-ai-act/annex-iv-2-g, nist-ai-rmf/govern-1.1, iso23894/6.4. */
export function crosswalkTag(framework: CrosswalkFramework, ref: string): string {
  const slug = ref
    .toLowerCase()
    .replace(/\./g, framework === "euAiAct" ? "" : ".")
    .replace(/[()\s]+/g, "-")
    .replace(/-+$/, "");
  return `${FRAMEWORK_INFO[framework].tag}/${slug}`;
}

/** One line per framework: `EU AI Act: Art. 12 (Record-keeping); Art. 19 (…)`. */
export function crosswalkLines(crosswalks: Crosswalks): string[] {
  return CROSSWALK_FRAMEWORKS.filter((f) => crosswalks[f]?.length).map((f) => `${FRAMEWORK_INFO[f].name}: ${crosswalks[f]!.map((r) => describeCrosswalkRef(f, r)).join("; ")}`);
}
