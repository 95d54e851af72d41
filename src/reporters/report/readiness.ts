// The readiness overview: every clause of 4 to 10 and every Annex A control in one of five states, and one figure.
// The states come from the coverage rows (reporters/coverage.ts) at the control grain; the job summary's table is
// the same rows at the area grain, so the two cannot disagree.
//
// Readiness = passing ÷ (passing + partial + failing): of the requirements a rule of this run checked and the SoA
// does not exclude, the share whose evidence passes every rule. Requirements that cannot be checked from files, that
// no rule of this run checks, or that the SoA excludes are shown, and left out of the figure (docs/report.md).
import { ANNEX_A, ANNEX_A_OBJECTIVES, CLAUSE_HEADINGS, CLAUSES } from "../../core/iso42001.js";
import { areaOf, type Coverage, type CoverageRow, type CoverageStatus, UNCHECKABLE } from "../coverage.js";

export type ReadinessState = "passing" | "partial" | "failing" | "not-checkable" | "not-checked" | "excluded";

export const STATE_LABEL: Record<ReadinessState, string> = {
  passing: "Passing",
  partial: "Partial",
  failing: "Failing",
  "not-checkable": "Not checkable from files",
  "not-checked": "Not checked by this run",
  excluded: "Excluded in the SoA",
};

export interface Requirement {
  ref: string;
  title: string;
  state: ReadinessState;
  /** The coverage status it came from (more precise: warnings, incomplete, no evidence). */
  status: CoverageStatus;
  row: CoverageRow | undefined;
  /** Why it is not checkable, when it is not. */
  reason?: string;
}

export interface RequirementGroup {
  ref: string;
  title: string;
  /** The area's status as the job summary shows it (Annex A); clauses have none. */
  status?: CoverageStatus;
  items: Requirement[];
}

export interface Readiness {
  clauses: RequirementGroup[];
  annex: RequirementGroup[];
  counts: Record<ReadinessState, number>;
  /** 0–100, or undefined when nothing was checked. */
  figure: number | undefined;
}

export function stateOf(status: CoverageStatus, ref: string): ReadinessState {
  switch (status) {
    case "pass":
      return "passing";
    case "warn":
    case "incomplete":
    case "partial":
      return "partial";
    case "fail":
    case "no-evidence":
      return "failing";
    case "excluded":
      return "excluded";
    default:
      return UNCHECKABLE[ref] ? "not-checkable" : "not-checked";
  }
}

/** `byControl` and `byArea` are coverage() of one input at the two grains. */
export function readiness(byControl: Coverage, byArea: Coverage): Readiness {
  const rows = new Map(byControl.rows.map((r) => [r.ref, r]));
  const areas = new Map(byArea.rows.map((r) => [r.ref, r]));
  const requirement = (ref: string, title: string): Requirement => {
    const row = rows.get(ref);
    const status = row?.status ?? "not-checked";
    const state = stateOf(status, ref);
    return { ref, title, state, status, row, ...(state === "not-checkable" ? { reason: UNCHECKABLE[ref]! } : {}) };
  };
  const clauses: RequirementGroup[] = [];
  for (const [ref, title] of Object.entries(CLAUSES)) {
    const top = ref.split(".")[0]!;
    let group = clauses.find((g) => g.ref === top);
    if (!group) clauses.push((group = { ref: top, title: CLAUSE_HEADINGS[top] ?? `Clause ${top}`, items: [] }));
    group.items.push(requirement(ref, title));
  }
  const annex: RequirementGroup[] = Object.entries(ANNEX_A_OBJECTIVES).map(([ref, title]) => ({
    ref,
    title,
    status: areas.get(ref)?.status ?? "not-checked",
    items: Object.entries(ANNEX_A)
      .filter(([control]) => areaOf(control) === ref)
      .map(([control, t]) => requirement(control, t)),
  }));
  const counts: Record<ReadinessState, number> = { passing: 0, partial: 0, failing: 0, "not-checkable": 0, "not-checked": 0, excluded: 0 };
  for (const group of [...clauses, ...annex]) for (const item of group.items) counts[item.state]++;
  const judged = counts.passing + counts.partial + counts.failing;
  return { clauses, annex, counts, figure: judged > 0 ? Math.round((100 * counts.passing) / judged) : undefined };
}
