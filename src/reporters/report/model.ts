// Everything the HTML report shows, as data: the readiness overview, the evidence matrix, the findings by system
// and by requirement, what the baseline and comments suppress, and the change since an earlier run. html.ts renders it.
import { compareCrosswalkRefs, type CrosswalkFramework, crosswalksOf, crosswalkTitle } from "../../core/crosswalks.js";
import { countFindings, type Finding, type Severity } from "../../core/finding.js";
import { compareRefs, titleOf } from "../../core/iso42001.js";
import { todayUtc } from "../../engine/dates.js";
import { artefactsByFile, systemsOf } from "../../pipeline/applicability.js";
import { coverage, type CoverageInput } from "../coverage.js";
import type { ReportFramework } from "../formats.js";
import type { RuleMetadata } from "../types.js";
import { type Comparison, compare } from "./compare.js";
import type { ReportExtras } from "./extras.js";
import { evidenceMatrix, type EvidenceMatrix } from "./evidence-matrix.js";
import { readiness, type Readiness } from "./readiness.js";

export interface FindingGroup {
  /** A system id, or "" for findings that belong to no system (the policy, the SoA, a workflow). */
  id: string;
  title: string;
  findings: { finding: Finding; refs: string[] }[];
}

export interface ReferenceCount {
  ref: string;
  title: string;
  errors: number;
  warnings: number;
  infos: number;
}

export interface ReportModel {
  version: string;
  scope: string;
  today: string;
  filesChecked: number;
  artefactsChecked: number;
  totals: Record<Severity, number>;
  readiness: Readiness;
  matrix: EvidenceMatrix | undefined;
  framework: ReportFramework;
  groups: FindingGroup[];
  byReference: ReferenceCount[];
  /** Findings the baseline accepted, and those suppressed by a comment with a reason. */
  baselined: Finding[];
  suppressed: Finding[];
  comparison: Comparison | undefined;
  href: (file: string, line: number) => string | undefined;
}

const FRAMEWORK_KEY: Record<Exclude<ReportFramework, "iso42001">, CrosswalkFramework> = {
  "eu-ai-act": "euAiAct",
  "nist-ai-rmf": "nistAiRmf",
  iso23894: "iso23894",
  iso42005: "iso42005",
};

export interface ModelInput {
  findings: readonly Finding[];
  rules: readonly RuleMetadata[];
  version: string;
  filesChecked: number;
  artefactsChecked: number;
  framework?: ReportFramework | undefined;
  extras?: ReportExtras | undefined;
}

export function reportModel(input: ModelInput): ReportModel {
  const { findings, extras } = input;
  const cov: CoverageInput = extras?.coverage ?? { findings, rules: input.rules, ran: new Set(), kinds: [] };
  const active = findings.filter((f) => !f.suppressed);
  // As every format counts: the findings past the per-file limit too (the one that stands for them says how many).
  const counted = countFindings(findings);
  const totals = { error: counted.errors, warning: counted.warnings, info: counted.infos };
  const framework = input.framework ?? "iso42001";
  const refsOf = referencesOf(framework, input.rules);
  const byFile = artefactsByFile(extras?.artefacts ?? []);
  const names = new Map((extras?.artefacts ?? []).filter((a) => a.kind === "ai-system" && a.id).map((a) => [a.id!, typeof a.data["name"] === "string" ? (a.data["name"] as string) : a.id!]));
  const groups = new Map<string, FindingGroup>();
  for (const f of active) {
    const systems = extras ? systemsOf(f, byFile.get(f.file) ?? []) : [];
    const id = systems.length === 1 ? systems[0]! : systems.length > 1 ? systems.join(", ") : "";
    let group = groups.get(id);
    if (!group)
      groups.set(
        id,
        (group = {
          id,
          title: id === "" ? "Not tied to one AI system" : systems.map((s) => (names.has(s) ? `${names.get(s)} (${s})` : `${s} (no AI system record has this id)`)).join(", "),
          findings: [],
        }),
      );
    group.findings.push({ finding: f, refs: refsOf(f) });
  }
  const counts = new Map<string, ReferenceCount>();
  for (const group of groups.values()) {
    for (const { finding, refs } of group.findings) {
      for (const ref of refs) {
        let c = counts.get(ref);
        if (!c) counts.set(ref, (c = { ref, title: titleFor(framework, ref), errors: 0, warnings: 0, infos: 0 }));
        if (finding.severity === "error") c.errors++;
        else if (finding.severity === "warning") c.warnings++;
        else c.infos++;
      }
    }
  }
  return {
    version: input.version,
    scope: extras?.scope ?? "",
    today: extras?.today ?? todayUtc(),
    filesChecked: input.filesChecked,
    artefactsChecked: input.artefactsChecked,
    totals,
    readiness: readiness(coverage(cov, "control"), coverage(cov, "area")),
    matrix: extras ? evidenceMatrix(extras.artefacts, findings, extras.today, extras.locate, byFile) : undefined,
    framework,
    groups: [...groups.values()].sort((a, b) => (a.id === "" ? 1 : b.id === "" ? -1 : a.id < b.id ? -1 : 1)),
    byReference: [...counts.values()].sort((a, b) => compareReference(framework, a.ref, b.ref)),
    baselined: findings.filter((f) => f.suppressed?.baseline),
    suppressed: findings.filter((f) => f.suppressed && !f.suppressed.baseline),
    comparison: extras?.previous ? compare(extras.previous, findings) : undefined,
    href: extras?.href ?? (() => undefined),
  };
}

/** A finding's references in the chosen framework: its own ISO/IEC 42001 ones, or its rule's crosswalks. */
function referencesOf(framework: ReportFramework, rules: readonly RuleMetadata[]): (f: Finding) => string[] {
  if (framework === "iso42001") return (f) => [...new Set(f.iso42001)];
  const key = FRAMEWORK_KEY[framework];
  const byRule = new Map(rules.map((r) => [r.id, crosswalksOf(r)[key] ?? []]));
  return (f) => byRule.get(f.ruleId) ?? [];
}

function titleFor(framework: ReportFramework, ref: string): string {
  return framework === "iso42001" ? (titleOf(ref) ?? "") : (crosswalkTitle(FRAMEWORK_KEY[framework], ref) ?? "");
}

function compareReference(framework: ReportFramework, a: string, b: string): number {
  return framework === "iso42001" ? compareRefs(a, b) : compareCrosswalkRefs(FRAMEWORK_KEY[framework], a, b);
}
