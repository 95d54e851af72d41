// ISO/IEC 42001 coverage of one run: for each clause and Annex A area, the evidence artefacts the repository
// holds, the rules that ran on them, and which of those failed. Pure data: the Action's job summary renders it by
// area, the HTML report by area and by control (one source of truth for both).
//
// What may fail a row: only a finding of a rule, since a rule is mapped to the clauses whose requirement it checks.
// A schema, parse or kind finding carries every reference of its artefact's kind (an AI system record: 4.1, 4.3,
// 5.3, A.4, A.6, A.9), so one typo would fail six rows; and a field still holding template filler (TBD) says the
// document is unfinished, not that the requirement is unmet. Those are counted per row as "to complete", and a row
// that has only those is "incomplete", not "failing". Counts are of distinct findings: one finding counts once in
// a row however many of the row's controls it cites.
import type { ResolvedConfig } from "../config/resolve-config.js";
import type { Finding } from "../core/finding.js";
import { KINDS } from "../core/kinds.js";
import type { IndexEntry } from "../engine/index-entry.js";
import type { RepoIndex } from "../engine/repo-index.js";
import { excludedEverywhere } from "../pipeline/applicability.js";
import { ANNEX_A, ANNEX_A_OBJECTIVES, CLAUSES, compareRefs, titleOf } from "../core/iso42001.js";
import uncheckable from "../core/uncheckable-controls.json" with { type: "json" };
import { classOf } from "./finding-class.js";

export interface CoverageInput {
  /** Reported findings; suppressed ones do not fail a row. */
  findings: readonly Finding[];
  /** Every configured rule with its references (rules that are off included: they map rows, they do not run). */
  rules: readonly { id: string; iso42001: readonly string[] }[];
  /** Ids of the rules that ran on at least one reported artefact. */
  ran: ReadonlySet<string>;
  /**
   * Artefact kinds (built in and the organisation's), with how many artefacts of each the repository holds. A
   * `foreign` kind (CI workflows, agent configurations, manifests) is evidence where the repository has some; none
   * means the repository has no such AI use, not that evidence is missing.
   */
  kinds: readonly { id: string; title: string; iso42001: readonly string[]; count: number; foreign?: boolean }[];
  /** Annex A controls the Statement of Applicability excludes for every system: they do not keep an area from passing. */
  excluded?: ReadonlySet<string>;
}

export type CoverageStatus = "fail" | "warn" | "incomplete" | "no-evidence" | "partial" | "pass" | "not-checked" | "excluded";

export interface CoverageRow {
  ref: string;
  title: string;
  evidence: { kind: string; title: string; count: number }[];
  ran: string[];
  /** Rule findings (not schema, parse, kind or template-filler ones), by rule. */
  failed: { ruleId: string; errors: number; warnings: number; infos: number }[];
  /** Distinct findings that do not fail the row: the document does not parse or match its schema, or holds filler. */
  toComplete: { documents: number; placeholders: number };
  /** Annex A controls of the area that no rule of this run checked, and that files could show. */
  gaps: string[];
  /** Annex A controls of the area no rule can check from files, with why. */
  uncheckable: { control: string; reason: string }[];
  /** Annex A controls of the area the SoA excludes for every system. */
  excluded: string[];
  status: CoverageStatus;
}

/** Why each Annex A control without a rule cannot be checked from files (data: uncheckable-controls.json). */
export const UNCHECKABLE: Readonly<Record<string, string>> = uncheckable.controls;

export interface Coverage {
  rows: CoverageRow[];
  /** Clauses and Annex A areas no rule, kind or finding refers to. */
  unchecked: string[];
}

/** Clauses stay as they are; Annex A controls roll up to their area (A.6.2.4 → A.6). */
export function areaOf(ref: string): string {
  const annex = /^A\.(\d+)/.exec(ref);
  return annex ? `A.${annex[1]}` : ref;
}

/**
 * Rows by clause and Annex A area (`area`, the job summary's table), or by clause and Annex A control (`control`, the
 * report's heat map): the same rules, findings and statuses, at two grains.
 */
export function coverage(input: CoverageInput, by: "area" | "control" = "area"): Coverage {
  const keyOf = by === "area" ? areaOf : (ref: string) => ref;
  const rows = new Map<string, CoverageRow>();
  const row = (ref: string): CoverageRow => {
    const key = keyOf(ref);
    let r = rows.get(key);
    if (!r)
      rows.set(
        key,
        (r = { ref: key, title: titleOf(key) ?? "", evidence: [], ran: [], failed: [], toComplete: { documents: 0, placeholders: 0 }, gaps: [], uncheckable: [], excluded: [], status: "not-checked" }),
      );
    return r;
  };
  for (const kind of input.kinds) {
    if (kind.foreign && kind.count === 0) continue;
    for (const ref of new Set(kind.iso42001.map(keyOf))) row(ref).evidence.push({ kind: kind.id, title: kind.title, count: kind.count });
  }
  for (const rule of input.rules) {
    for (const ref of new Set(rule.iso42001.map(keyOf))) {
      const r = row(ref);
      if (input.ran.has(rule.id) && !r.ran.includes(rule.id)) r.ran.push(rule.id);
    }
  }
  for (const f of input.findings) {
    if (f.suppressed) continue;
    const kind = classOf(f);
    for (const ref of new Set(f.iso42001.map(keyOf))) {
      const r = row(ref);
      if (kind !== "rule") {
        if (f.severity === "info") continue;
        if (kind === "placeholder") r.toComplete.placeholders++;
        else r.toComplete.documents++;
        continue;
      }
      let entry = r.failed.find((e) => e.ruleId === f.ruleId);
      if (!entry) r.failed.push((entry = { ruleId: f.ruleId, errors: 0, warnings: 0, infos: 0 }));
      if (f.severity === "error") entry.errors++;
      else if (f.severity === "warning") entry.warnings++;
      else entry.infos++;
    }
  }
  // Which controls a rule that ran checks: an area passes only when each of its controls is checked or cannot be.
  const checked = new Set(input.rules.filter((rule) => input.ran.has(rule.id)).flatMap((rule) => rule.iso42001));
  for (const control of Object.keys(ANNEX_A)) {
    if (input.excluded?.has(control)) {
      row(control).excluded.push(control);
      continue;
    }
    if (checked.has(control)) continue;
    const r = row(control);
    const reason = UNCHECKABLE[control];
    if (reason) r.uncheckable.push({ control, reason });
    else r.gaps.push(control);
  }
  for (const r of rows.values()) {
    r.ran.sort();
    r.failed.sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || (a.ruleId < b.ruleId ? -1 : 1));
    r.evidence.sort((a, b) => (a.kind < b.kind ? -1 : 1));
    const errors = r.failed.some((e) => e.errors > 0);
    const warnings = r.failed.some((e) => e.warnings > 0);
    const incomplete = r.toComplete.documents + r.toComplete.placeholders > 0;
    const noEvidence = r.evidence.length > 0 && r.evidence.every((e) => e.count === 0);
    const ran = r.ran.length > 0 || r.failed.length > 0;
    const allExcluded = r.excluded.length > 0 && Object.keys(ANNEX_A).every((c) => keyOf(c) !== r.ref || r.excluded.includes(c));
    r.status = allExcluded
      ? "excluded"
      : errors
        ? "fail"
        : warnings
          ? "warn"
          : incomplete
            ? "incomplete"
            : noEvidence
              ? "no-evidence"
              : ran && r.gaps.length > 0
                ? "partial"
                : ran
                  ? "pass"
                  : "not-checked";
  }
  const all = [...Object.keys(CLAUSES), ...(by === "area" ? Object.keys(ANNEX_A_OBJECTIVES) : Object.keys(ANNEX_A))];
  return { rows: [...rows.values()].sort((a, b) => compareRefs(a.ref, b.ref)), unchecked: all.filter((ref) => !rows.has(ref)) };
}

/**
 * The coverage input of a run: `reported` are the artefacts reported on (rules ran on them), `all` every artefact of
 * the repository (evidence counts the whole repository).
 */
export function coverageInput(findings: readonly Finding[], config: ResolvedConfig, reported: readonly IndexEntry[], all: readonly IndexEntry[], index: RepoIndex | undefined): CoverageInput {
  const ran = new Set<string>();
  for (const a of reported) for (const active of config.rulesFor(a.file)) if (active.rule.appliesTo.includes(a.kind)) ran.add(active.rule.id);
  const counts = new Map<string, number>();
  for (const a of all) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  const kinds = [...KINDS, ...(config.classify.extraKinds ?? [])].map((k) => ({
    id: k.id,
    title: k.title,
    iso42001: k.iso42001,
    count: counts.get(k.id) ?? 0,
    ...(k.foreign ? { foreign: true } : {}),
  }));
  return { findings, rules: config.rules, ran, kinds, excluded: excludedEverywhere(index) };
}
