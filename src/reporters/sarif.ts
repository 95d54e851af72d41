// SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif): one run, the rule catalogue with
// ISO/IEC 42001 tags, and every finding, suppressed ones included as SARIF suppressions. Deterministic output.
import { SEVERITY_RANK, type Finding, type Severity } from "../core/finding.js";
import { coreRule } from "../core/core-rules.js";
import { CROSSWALK_FRAMEWORKS, crosswalkLines, crosswalksOf, crosswalkTag } from "../core/crosswalks.js";
import { compareRefs, titleOf } from "../core/iso42001.js";
import type { Reporter, RuleMetadata } from "./types.js";
import { printableJson } from "./json-text.js";
import { stableKeys } from "./finding-keys.js";

/** What GitHub code scanning keeps of a rule's tags. */
export const MAX_TAGS = 10;

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/** Where the built-in rules' pages are published (generated from rules/<id>/README.md). */
export function ruleDocsUrl(rule: Pick<RuleMetadata, "id" | "source">): string | undefined {
  return rule.source?.startsWith("rules/") ? `https://aimslint.dev/rules/${rule.id}` : undefined;
}

const OTHER = { title: "aimslint finding", rationale: "A finding of a rule this run does not list.", help: "See the message." };

/** A core rule's metadata (core/core-rules.ts), with the severity and references its findings in this run had. */
export function coreRuleMetadata(id: string, severity: Severity, refs: readonly string[]): RuleMetadata {
  const rule = coreRule(id);
  const text = rule ? { title: rule.title, rationale: rule.rationale, help: rule.help } : OTHER;
  return { id, severity, iso42001: [...refs], ...text };
}

/** The rule catalogue of a run: the configured rules plus every core id that has findings, sorted by id. */
export function ruleCatalogue(findings: readonly Finding[], rules: readonly RuleMetadata[] = []): RuleMetadata[] {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const core = new Map<string, { severity: Severity; refs: Set<string> }>();
  for (const f of findings) {
    if (byId.has(f.ruleId)) continue;
    const seen = core.get(f.ruleId) ?? { severity: f.severity, refs: new Set<string>() };
    if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[seen.severity]) seen.severity = f.severity;
    for (const ref of f.iso42001) seen.refs.add(ref);
    core.set(f.ruleId, seen);
  }
  for (const [id, { severity, refs }] of core) byId.set(id, coreRuleMetadata(id, severity, [...refs].sort(compareRefs)));
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export const sarif: Reporter = (findings, context) => {
  const catalogue = ruleCatalogue(findings, context.rules);
  const index = new Map(catalogue.map((r, i) => [r.id, i]));
  // Stable across edits that move lines: rule + file + JSON pointer, numbered when the same key repeats.
  const keys = stableKeys(findings);
  const results = findings.map((f, i) => {
    const { start, end } = f.range;
    const endsAfter = end.line > start.line || (end.line === start.line && end.column >= start.column);
    return {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId)!,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: fileUri(f.file), uriBaseId: "%SRCROOT%" },
            region: endsAfter ? { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column } : { startLine: start.line, startColumn: start.column },
          },
        },
      ],
      partialFingerprints: { "aimslintFindingKey/v1": keys[i]! },
      ...(f.suppressed ? { suppressions: [{ kind: f.suppressed.baseline ? "external" : "inSource", justification: suppressionText(f.suppressed) }] } : {}),
      properties: { iso42001: f.iso42001, ...(f.pointer !== undefined ? { pointer: f.pointer } : {}) },
    };
  });
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "aimslint",
            semanticVersion: context.version,
            informationUri: "https://aimslint.dev/",
            rules: catalogue.map(describeRule),
          },
        },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  // Printed to a CI log, JSON is still read line by line by the runner.
  return printableJson(log);
};

function describeRule(rule: RuleMetadata) {
  const url = ruleDocsUrl(rule);
  const refs = rule.iso42001.map((r) => (titleOf(r) ? `${r} (${titleOf(r)})` : r));
  const explain = rule.source?.startsWith("rules/") ? `Run \`aimslint explain ${rule.id}\` for the full page.` : "";
  const crosswalks = crosswalksOf(rule);
  const lines = crosswalkLines(crosswalks);
  const text = [rule.help.trim(), refs.length ? `ISO/IEC 42001: ${refs.join("; ")}.` : "", ...lines.map((l) => `${l}.`), url ? `Documentation: ${url}` : "", explain.replace(/`/g, "")]
    .filter(Boolean)
    .join("\n\n");
  const markdown = [rule.help.trim(), refs.length ? `**ISO/IEC 42001:** ${refs.join("; ")}` : "", ...lines.map((l) => l.replace(/^([^:]+):/, "**$1:**")), url ? `[Documentation](${url})` : "", explain]
    .filter(Boolean)
    .join("\n\n");
  // Code scanning keeps 10 tags per rule (github/docs "SARIF support"): the ISO references come first, then the
  // other frameworks'; the full lists are in properties.crosswalks and the help text.
  const tags = [...rule.iso42001, "iso42001", ...CROSSWALK_FRAMEWORKS.flatMap((f) => (crosswalks[f] ?? []).map((r) => crosswalkTag(f, r)))].slice(0, MAX_TAGS);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title.trim() },
    fullDescription: { text: rule.rationale.trim().replace(/\s+/g, " ") },
    ...(url ? { helpUri: url } : {}),
    help: { text, markdown },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags, ...(Object.keys(crosswalks).length > 0 ? { crosswalks } : {}) },
  };
}

function suppressionText(s: NonNullable<Finding["suppressed"]>): string {
  return s.expires ? `${s.reason} (until ${s.expires})` : s.reason;
}

/** A relative URI reference: each path segment percent-encoded (spaces, `#`, `?`, `%`, `:` in file names). */
function fileUri(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

function pascalCase(id: string): string {
  return id
    .split(/[/-]/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}

/** Clause numbers before Annex A, each in numeric order: 4.1 < 6.1.2 < 10.2 < A.2.2 < A.10.3. */
