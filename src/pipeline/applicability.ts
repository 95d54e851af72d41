// Annex A controls the Statement of Applicability excludes (6.1.3) switch off the rules derived from them alone:
// for every system when the exclusion's scope is `all`, else for the artefacts of the systems it lists. Clauses
// 4 to 10 cannot be excluded, so a rule that also cites a clause always runs; so does a rule of an opt-in preset
// (the EU AI Act's), whose duty does not end where the organisation excludes a control.
import type { Finding } from "../core/finding.js";
import type { IndexEntry } from "../engine/index-entry.js";
import type { RepoIndex } from "../engine/repo-index.js";
import { followsStatementOfApplicability } from "../engine/presets.js";
import type { RuleDefinition } from "../engine/types.js";
import { pointer } from "../source/locator.js";

interface Exclusions {
  everywhere: Set<string>;
  /** control → the systems it is excluded for */
  forSystems: Map<string, Set<string>>;
}

/** The findings that still apply, and how many the SoA's exclusions removed. */
export function applicableFindings(findings: Finding[], index: RepoIndex, rules: readonly RuleDefinition[]): { findings: Finding[]; excluded: number } {
  const exclusions = excludedControls(index);
  if (exclusions.everywhere.size === 0 && exclusions.forSystems.size === 0) return { findings, excluded: 0 };
  const annexOnly = new Map<string, string[]>();
  for (const rule of rules) {
    if (followsStatementOfApplicability(rule)) annexOnly.set(rule.id, rule.iso42001);
  }
  const byFile = artefactsByFile(index.artefacts);
  const kept = findings.filter((f) => {
    const controls = annexOnly.get(f.ruleId);
    if (!controls) return true;
    const systems = systemsOf(f, byFile.get(f.file) ?? []);
    return !controls.every((c) => exclusions.everywhere.has(c) || (systems.length > 0 && systems.every((s) => exclusions.forSystems.get(c)?.has(s))));
  });
  return { findings: kept, excluded: findings.length - kept.length };
}

/** Annex A controls the SoA excludes for every system (the coverage table and the report show them as excluded). */
export function excludedEverywhere(index: RepoIndex | undefined): Set<string> {
  return index ? excludedControls(index).everywhere : new Set();
}

function excludedControls(index: RepoIndex): Exclusions {
  const everywhere = new Set<string>();
  const forSystems = new Map<string, Set<string>>();
  for (const soa of index.byKind("statement-of-applicability")) {
    const controls = soa.data["controls"];
    if (!Array.isArray(controls)) continue;
    for (const row of controls as unknown[]) {
      const { control, applicable, scope } = (row ?? {}) as { control?: unknown; applicable?: unknown; scope?: unknown };
      if (typeof control !== "string" || applicable !== "excluded") continue;
      if (scope === undefined || scope === "all") everywhere.add(control);
      else if (Array.isArray(scope)) {
        const set = forSystems.get(control) ?? new Set<string>();
        for (const s of scope) if (typeof s === "string") set.add(s);
        forSystems.set(control, set);
      }
    }
  }
  return { everywhere, forSystems };
}

/** The artefacts of each file, for artefactAt and systemsOf. */
export function artefactsByFile(artefacts: readonly IndexEntry[]): Map<string, IndexEntry[]> {
  const byFile = new Map<string, IndexEntry[]>();
  for (const entry of artefacts) {
    const list = byFile.get(entry.file);
    if (list) list.push(entry);
    else byFile.set(entry.file, [entry]);
  }
  return byFile;
}

/** The artefact whose root holds the finding: of the file's artefacts, the one with the longest root that is a prefix of its pointer. */
export function artefactAt(finding: Finding, entries: readonly IndexEntry[]): IndexEntry | undefined {
  const at = finding.pointer ?? "";
  let best: IndexEntry | undefined;
  for (const e of entries) {
    const root = pointer(e.root);
    if ((at === root || at.startsWith(`${root}/`) || root === "") && (!best || root.length > pointer(best.root).length)) best = e;
  }
  return best;
}

/** The systems the finding's artefact belongs to: an AI system record is its own; others name theirs. */
export function systemsOf(finding: Finding, entries: readonly IndexEntry[]): string[] {
  const best = artefactAt(finding, entries);
  if (!best) return [];
  if (best.kind === "ai-system") return best.id ? [best.id] : [];
  const named = best.data["system"] ?? best.data["systems"];
  return (Array.isArray(named) ? named : [named]).filter((s): s is string => typeof s === "string");
}
