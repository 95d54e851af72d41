// Stage 4: decide which kind of artefact each parsed document is (see docs/artefact-model.md, "How a file
// declares its kind"), and expand containers (a risk register) into their entries.
import type { Finding } from "../core/finding.js";
import { KINDS, kindInfo, type KindInfo } from "../core/kinds.js";
import type { PathSegment } from "./locator.js";
import { article, asNoun, closest, escapeRegExp } from "../util/text.js";
import aiUse from "../core/ai-use-catalogue.json" with { type: "json" };
import { cardView } from "./card-view.js";
import { MAX_DEPENDENCIES, manifestFormatOf, type PackagePatterns } from "../core/dependency-manifests.js";
import { manifestView } from "./manifest-view.js";
import { cardBySections, headingsOfDataCard } from "./card-recognition.js";
import { type ForeignCard, cycloneDxModelCards, cycloneDxView, isModelCardToolkit, modelCardToolkitView } from "./foreign-cards.js";
import type { ParsedDocument } from "./parse.js";
import type { Section } from "./markdown.js";
import { CORE_RULES } from "../core/core-rules.js";
import { report } from "../core/report.js";
import { cachedGlobsMatcher } from "../util/safe-glob.js";

export type ClassifiedBy = "kind" | "$schema" | "modeline" | "config" | "file-name" | "hub-keys" | "title" | "headings" | "content" | "format" | "container";

export interface Artefact {
  doc: ParsedDocument;
  kind: string;
  /** Where the artefact's own data sits in the document: [] for a whole file, ["risks", 2] for a register entry. */
  root: PathSegment[];
  /** The data rules see. For Markdown cards, front matter merged with the fields read from headings. */
  data: Record<string, unknown>;
  by: ClassifiedBy;
  /** For entries: the container artefact. */
  parent?: Artefact;
  /** A card in a format of its own (Model Card Toolkit, CycloneDX): `data` is read from it, not validated as ours. */
  foreign?: ForeignCard;
}

export interface ClassifyOptions {
  /** Configuration `kinds:` globs, by kind id. */
  kindGlobs?: Record<string, string[]>;
  /** Kinds defined by the organisation's configuration, beside the built-in ones. */
  extraKinds?: readonly KindInfo[];
  /** The organisation's AI packages (aiUse.packages), beside the catalogue's: a manifest naming none is not parsed. */
  aiPackages?: PackagePatterns;
  /** Display paths of the run's lock files (discovery lists them; they are never read). */
  lockFiles?: ReadonlySet<string>;
  /** Display path of the project root, up to which a lock file above a manifest applies. */
  projectRoot?: string;
}

export interface Classification {
  artefacts: Artefact[];
  findings: Finding[];
}

const SCHEMA_REF = /(?:^|\/)([a-z0-9][a-z0-9-]*)\.schema\.json(?:#.*)?$/;
const MODELINE = /^#\s*yaml-language-server:\s*\$schema=(\S+)/m;

/** GitHub Actions reads workflows from this folder only, and any of them may call a model. */
export const WORKFLOW_PATH = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/;

/** Coding-agent and MCP configuration files, by their place (the catalogue's agentConfigs). */
export const AGENT_CONFIG_PATH = new RegExp(`(?:^|/)(?:${aiUse.agentConfigs.map(escapeRegExp).join("|")})$`);

/** A kind that a file has by its place alone, whatever it holds. */
export function kindByPlace(path: string): string | undefined {
  if (WORKFLOW_PATH.test(path)) return "ci-workflow";
  if (AGENT_CONFIG_PATH.test(path)) return "agent-config";
  return manifestFormatOf(path) ? "dependency-manifest" : undefined;
}
const HUB_CARD_KEYS = ["license", "language", "tags", "datasets", "metrics", "widget", "thumbnail", "inference", "co2_eq_emissions", "license_name", "license_link"];

export function classify(doc: ParsedDocument, options: ClassifyOptions = {}): Classification {
  const findings: Finding[] = [];
  const known = (id: string) => kindInfo(id) ?? options.extraKinds?.find((k) => k.id === id);
  const data = doc.data;
  const isMapping = data !== null && typeof data === "object" && !Array.isArray(data);
  const record = (isMapping ? data : {}) as Record<string, unknown>;
  const path = doc.source.path;
  const base = path.slice(path.lastIndexOf("/") + 1);
  // A dependency manifest is one by its name alone: its format is its ecosystem's, whatever keys it holds.
  const manifest = manifestFormatOf(path);
  if (manifest) {
    const { view, overflow } = manifestView(doc, manifest, record, options);
    if (overflow) {
      // On the first line, so that the per-file cap on findings never hides it behind the dependencies that were read.
      const line = doc.locator.locate(["dependencies", MAX_DEPENDENCIES]).range.start.line;
      findings.push(
        report(
          CORE_RULES["parse/resource-limit"],
          path,
          doc.locator.locate([]).range,
          `File lists more than ${MAX_DEPENDENCIES.toLocaleString("en")} dependencies; those from line ${line} on were not read.`,
          {
            help: "Split the manifest: no real one lists this many packages.",
          },
        ),
      );
    }
    return { artefacts: [{ doc, kind: "dependency-manifest", root: [], data: view, by: "file-name" }], findings };
  }

  let kind: string | undefined;
  let by: ClassifiedBy | undefined;
  if (isMapping && Object.hasOwn(record, "kind")) {
    const declared = record["kind"];
    if (typeof declared === "string" && known(declared)) [kind, by] = [declared, "kind"];
    else {
      const all = [...KINDS, ...(options.extraKinds ?? [])].map((k) => k.id);
      const suggestion = typeof declared === "string" ? closest(declared, all) : undefined;
      findings.push(
        report(CORE_RULES["kind/unknown"], path, doc.locator.locate(["kind"]).range, `Unknown artefact kind ${JSON.stringify(declared)}${suggestion ? `; did you mean "${suggestion}"?` : "."}`, {
          help: `Use one of: ${all.join(", ")}, or declare the kind in aimslint.config.yaml.`,
        }),
      );
      return { artefacts: [], findings };
    }
  }
  if (!kind && isMapping && typeof record["$schema"] === "string") kind = fromSchemaRef(record["$schema"], known, () => (by = "$schema"));
  if (!kind && doc.source.format === "yaml") {
    const modeline = MODELINE.exec(doc.source.text.slice(0, 2000));
    if (modeline) kind = fromSchemaRef(modeline[1] as string, known, () => (by = "modeline"));
  }
  if (!kind) {
    const placed = kindByPlace(path);
    if (placed) [kind, by] = [placed, "file-name"];
  }
  if (!kind && options.kindGlobs) {
    for (const [id, globs] of Object.entries(options.kindGlobs)) {
      if (cachedGlobsMatcher(globs)(path)) [kind, by] = [id, "config"];
      if (kind) break;
    }
  }
  if (!kind && doc.source.format === "markdown") [kind, by] = markdownKind(base, record, doc.sections);
  // Computed once: it vetoes recognition by headings, and names what an unclassified file looks like.
  const markdownLooksLike = !kind && doc.source.format === "markdown" ? markdownLookalike(base, doc) : undefined;
  // By what it says only what no other kind claims: an impact assessment also speaks of uses, data and limitations.
  const card = !kind && doc.sections && !markdownLooksLike ? cardBySections(doc.sections, doc.source.text.slice(doc.bodyStart ?? 0)) : undefined;
  if (card) [kind, by] = [card.kind, card.by];

  const toolkit = isMapping && doc.source.format !== "markdown" && (!kind || kind === "model-card") && isModelCardToolkit(record);
  if (toolkit && !kind) [kind, by] = ["model-card", "format"];
  if (!kind && isMapping) {
    const cards = cycloneDxModelCards(record);
    if (cards.length > 0) return { artefacts: cards.map((i) => foreignArtefact(doc, ["components", i, "modelCard"], cycloneDxView(doc, record, i))), findings };
  }
  if (toolkit && kind && by) {
    const view = modelCardToolkitView(doc, record);
    // Declared (a config glob, `$schema`): as governed as any card of ours, and never validated against our schema.
    if (by !== "format") view.data["kind"] = kind;
    return { artefacts: [{ ...foreignArtefact(doc, [], view), by }], findings };
  }

  if (!kind || !by) {
    const looksLike = doc.source.format === "markdown" ? markdownLooksLike : lookalike(record);
    if (looksLike) findings.push(unclassifiedFinding(doc, looksLike));
    return { artefacts: [], findings };
  }
  const artefact: Artefact = { doc, kind, root: [], data: cardView(doc, kind, record), by };
  const artefacts = [artefact];
  const container = known(kind)?.entries;
  const entries = container ? record[container.key] : undefined;
  if (container && Array.isArray(entries)) {
    entries.forEach((entry, i) => {
      if (entry !== null && typeof entry === "object" && !Array.isArray(entry)) {
        artefacts.push({ doc, kind: container.kind, root: [container.key, i], data: entry as Record<string, unknown>, by: "container", parent: artefact });
      }
    });
  }
  return { artefacts, findings };
}

function foreignArtefact(doc: ParsedDocument, root: PathSegment[], view: { data: Record<string, unknown>; foreign: ForeignCard }): Artefact {
  return { doc, kind: "model-card", root, data: view.data, by: "format", foreign: view.foreign };
}

function fromSchemaRef(ref: string, known: (id: string) => KindInfo | undefined, mark: () => void): string | undefined {
  const m = SCHEMA_REF.exec(ref);
  if (m && known(m[1] as string)) {
    mark();
    return m[1];
  }
  return undefined;
}

function markdownKind(base: string, fm: Record<string, unknown>, sections: readonly Section[] | undefined): [string | undefined, ClassifiedBy | undefined] {
  for (const k of KINDS) if (k.markdownNames?.test(base)) return [k.id, "file-name"];
  const keys = Object.keys(fm);
  for (const k of KINDS) if (k.hubKeys?.some((key) => keys.includes(key))) return [k.id, "hub-keys"];
  // A README whose front matter holds only the generic Hub keys (licence, language, tags) is a model card on the Hub,
  // unless its headings are a dataset card's (other hubs, ModelScope's among them, use the same keys for datasets).
  if (/^readme\.(md|markdown)$/i.test(base) && HUB_CARD_KEYS.some((key) => keys.includes(key))) return [sections && headingsOfDataCard(sections) ? "data-card" : "model-card", "hub-keys"];
  return [undefined, undefined];
}

interface Lookalike {
  kind: string;
  keys: string[];
}

/**
 * The top-level keys lookalike() reads besides the kinds' signatures. Together with `kind`, `$schema` and the
 * signatures, they are what governed.ts looks for before a file is worth parsing: keep them in step.
 */
export const LOOKALIKE_KEYS = ["bomFormat", "controls", "risks", "systems"] as const;

function lookalike(record: Record<string, unknown>): Lookalike | undefined {
  const keys = Object.keys(record);
  let best: Lookalike | undefined;
  for (const k of KINDS) {
    const hits = k.signature.filter((s) => keys.includes(s));
    if (hits.length >= 2 && (!best || hits.length > best.keys.length)) best = { kind: k.id, keys: hits };
  }
  if (best) return best;
  const controls = record["controls"];
  if (Array.isArray(controls) && controls.some((c) => c && typeof c === "object" && "applicable" in c)) return { kind: "statement-of-applicability", keys: ["controls"] };
  const risks = record["risks"];
  if (Array.isArray(risks) && risks.some((r) => r && typeof r === "object" && lookalike(r as Record<string, unknown>)?.kind === "risk")) return { kind: "risk-register", keys: ["risks"] };
  const systems = record["systems"];
  if (Array.isArray(systems) && systems.some((s) => s && typeof s === "object" && lookalike(s as Record<string, unknown>)?.kind === "ai-system"))
    return { kind: "ai-system-inventory", keys: ["systems"] };
  return undefined;
}

/** Markdown named like a register or an assessment, and whose content reads like one (not a procedure about it). */
function markdownLookalike(base: string, doc: ParsedDocument): Lookalike | undefined {
  // The name first: the content of every procedure and report need not be read.
  if (/risk[-_ ]?register/i.test(base)) {
    const text = doc.source.text.toLowerCase();
    if (/\|[^\n]*likelihood[^\n]*\|/.test(text) && /\|[^\n]*impact[^\n]*\|/.test(text)) return { kind: "risk-register", keys: [] };
  }
  if (/impact[-_ ]?assessment/i.test(base)) {
    const headings = (doc.sections ?? []).map((s) => s.title.toLowerCase());
    const iaHeadings = ["intended uses", "stakeholders", "harms and mitigations", "impacts", "potential harms", "adverse impact", "affected stakeholders", "impacts and limitations"];
    if (iaHeadings.filter((h) => headings.some((t) => t.includes(h))).length >= 2) return { kind: "impact-assessment", keys: [] };
  }
  return undefined;
}

function unclassifiedFinding(doc: ParsedDocument, { kind, keys }: Lookalike): Finding {
  const title = asNoun(kindInfo(kind)?.title ?? kind);
  const markdown = doc.source.format === "markdown";
  const range = doc.locator.locate([]).range;
  const rule = CORE_RULES["kind/unclassified"];
  const message = markdown
    ? `Looks like ${article(title)} ${title} (file name), but aimslint cannot check a Markdown-only ${title}.`
    : `Looks like ${article(title)} ${title} (has ${keys.map((k) => `"${k}"`).join(", ")}) but declares no kind, so it is not checked.`;
  return report(rule, doc.source.path, range, message, {
    severity: markdown ? "info" : "warning",
    help: markdown
      ? `Keep the ${title} as YAML with \`kind: ${kind}\` (see \`aimslint init\`), or add front matter with \`kind: ${kind}\`.`
      : `Add \`kind: ${kind}\` at the top of the document (or a \`# yaml-language-server: $schema=…/${kind}.schema.json\` line).`,
  });
}
