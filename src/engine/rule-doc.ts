// A rule's documentation page, generated from its metadata and its examples as actually linted.
import { stringify } from "yaml";
import { crosswalkLines, crosswalksOf } from "../core/crosswalks.js";
import { titleOf } from "../core/iso42001.js";
import { kindInfo } from "../core/kinds.js";
import type { ExampleResult } from "../../scripts/pack/examples.js";
import type { CoreRule } from "../core/core-rules.js";
import type { RuleDefinition } from "./types.js";
import { followsStatementOfApplicability, PRESETS, turnsOn } from "./presets.js";
import { ruleChecks } from "./functions/registry.js";

export function renderRuleDoc(rule: RuleDefinition, results: readonly ExampleResult[]): string {
  const out: string[] = [];
  out.push(`<!-- Generated from rule.yaml and the examples by scripts/gen-rule-docs.ts. Do not edit. -->`);
  out.push(`# ${rule.id}`, "", rule.title, "");
  out.push(`- **Default severity:** ${rule.severity}`);
  out.push(`- **Preset:** ${PRESETS.filter((preset) => turnsOn(preset, rule)).join(", ")}`);
  out.push(`- **Checks:** ${ruleChecks(rule.check.then).join(", ")}`);
  out.push(`- **Applies to:** ${rule.appliesTo.map((k) => kindInfo(k)?.title ?? k).join(", ")}`);
  out.push(`- **ISO/IEC 42001:** ${rule.iso42001.map((r) => (titleOf(r) ? `${r} (${titleOf(r)})` : r)).join("; ")}`);
  out.push(...crosswalksLine(rule));
  // pipeline/applicability.ts: a rule derived from Annex A controls alone follows the Statement of Applicability.
  if (followsStatementOfApplicability(rule)) {
    const controls = rule.iso42001.length > 2 ? `every one of ${rule.iso42001.join(", ")}` : rule.iso42001.join(" and ");
    out.push(`- **Applicability:** off where the Statement of Applicability excludes ${controls} (for every system when the exclusion's scope is \`all\`, else for the systems it lists)`);
  }
  out.push("", "## Why", "", rule.rationale.trim(), "", "## How to fix", "", rule.help.trim(), "");
  if (rule.options && Object.keys(rule.options).length > 0) {
    out.push("## Options", "", "| option | default | what it is |", "|---|---|---|");
    for (const [k, v] of Object.entries(rule.options)) out.push(`| \`${k}\` | \`${JSON.stringify(v)}\` | ${(rule.optionNotes?.[k] ?? "").replace(/\s+/g, " ").trim()} |`);
    out.push("", "Set them in `aimslint.config.yaml`:", "", "```yaml", stringify({ rules: { [rule.id]: { options: rule.options } } }).trim(), "```", "");
  }
  out.push("## Check", "", "```yaml", stringify({ check: rule.check }).trim(), "```", "");
  for (const valid of [false, true]) {
    const shown = results.filter((r) => r.example.valid === valid);
    if (shown.length === 0) continue;
    out.push(`## ${valid ? "Valid" : "Invalid"} examples`, "");
    for (const r of shown) {
      for (const file of r.example.files) {
        out.push(`\`${r.example.files.length > 1 ? `${r.example.name}/${file.path}` : file.path}\``, "", "```" + fenceLanguage(file.path), file.text.trimEnd(), "```", "");
      }
      if (!valid) {
        out.push("Findings (judged on 2026-06-30):", "", "```text");
        for (const f of r.findings) out.push(`${r.example.files.length > 1 ? f.file : r.example.name}:${f.range.start.line}:${f.range.start.column}  ${f.severity}  ${f.message}`);
        out.push("```", "");
      }
    }
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n");
}

/** The language of an example's code block, by its file name. */
function fenceLanguage(path: string): string {
  if (path.endsWith(".md")) return "markdown";
  if (path.endsWith(".json")) return "json";
  if (/(?:^|\/)(?:[^/]+\.toml|Pipfile|poetry\.lock|uv\.lock|pdm\.lock)$/.test(path)) return "toml";
  if (/\.(?:txt|lock)$/.test(path)) return "text";
  return "yaml";
}

/** The page of a core check of the pipeline (core/core-rules.ts), for `aimslint explain`. */
export function renderCoreRuleDoc(rule: CoreRule): string {
  const refs = rule.iso42001.map((r) => (titleOf(r) ? `${r} (${titleOf(r)})` : r)).join("; ");
  return [
    `# ${rule.id}`,
    "",
    rule.title,
    "",
    `- **Default severity:** ${rule.severity}`,
    "- **Preset:** always on (a core check of the pipeline, not configurable)",
    ...(refs ? [`- **ISO/IEC 42001:** ${refs}`] : []),
    ...crosswalksLine(rule),
    "",
    "## Why",
    "",
    rule.rationale,
    "",
    "## How to fix",
    "",
    rule.help,
    "",
  ].join("\n");
}

/** The "Crosswalks" line: the rule's references in other frameworks, derived or its own (docs/crosswalks.md). */
function crosswalksLine(rule: { iso42001: readonly string[]; crosswalks?: RuleDefinition["crosswalks"] }): string[] {
  const lines = crosswalkLines(crosswalksOf(rule));
  return lines.length > 0 ? [`- **Crosswalks:** ${lines.join(" · ")} ([sources](../../../docs/crosswalks.md))`] : [];
}
