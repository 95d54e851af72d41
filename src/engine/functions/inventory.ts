// The AI system inventory against the repository: AI use that no record covers, and records whose declarations
// the repository's own AI use contradicts. What counts as AI use and as covered is ai-inventory.ts's.
import type { Range } from "../../core/finding.js";
import type { PathSegment } from "../../source/locator.js";
import { quote } from "../../util/text.js";
import { type AiUse, aiUsesOf, claimOf, Coverage, covers, EVIDENCE_KINDS, packageKey } from "../ai-inventory.js";
import type { IndexEntry } from "../index-entry.js";
import type { RepoIndex } from "../repo-index.js";
import type { Failure, RepositoryCheckFunction } from "../types.js";
import { type AiCatalogue, catalogueFor } from "./ai-use.js";

/** Every AI system record's claim, filed for lookups (ai-inventory.ts's Coverage), once per run. */
const coverageByIndex = new WeakMap<RepoIndex, Coverage>();
function coverageOf(index: RepoIndex): Coverage {
  let coverage = coverageByIndex.get(index);
  if (!coverage) {
    coverage = new Coverage(index.byKind("ai-system").map(claimOf));
    coverageByIndex.set(index, coverage);
  }
  return coverage;
}

/**
 * Every AI use of the repository, worked out once per catalogue (the rules share the built-in one unless the
 * configuration adds to it: catalogueFor), and, once more than a few records have asked, the uses each record covers.
 */
interface RepositoryAiUse {
  uses: AiUse[];
  /** How many records have asked for their uses. */
  asked: number;
  /** Each AI system record of the index, with the uses it covers in the repository's order. */
  bySystem?: Map<IndexEntry, AiUse[]>;
}
const aiUseByIndex = new WeakMap<RepoIndex, WeakMap<AiCatalogue, RepositoryAiUse>>();
function repositoryAiUse(index: RepoIndex, catalogue: AiCatalogue): RepositoryAiUse {
  let perCatalogue = aiUseByIndex.get(index);
  if (!perCatalogue) aiUseByIndex.set(index, (perCatalogue = new WeakMap()));
  let found = perCatalogue.get(catalogue);
  if (!found) {
    found = { uses: EVIDENCE_KINDS.flatMap((kind) => index.byKind(kind).flatMap((entry) => aiUsesOf(entry, catalogue))), asked: 0 };
    perCatalogue.set(catalogue, found);
  }
  return found;
}

/**
 * Records whose uses are found by comparing the record with every use: a hook's few staged records. Past them (a
 * whole-repository run), every use is looked up once in the Coverage of all records (one use against every record
 * for every record was 1.5 s at 1,373 records and 2,000 uses).
 */
const FEW_RECORDS = 16;

function usesBySystem(index: RepoIndex, uses: readonly AiUse[]): Map<IndexEntry, AiUse[]> {
  const coverage = coverageOf(index);
  const bySystem = new Map<IndexEntry, AiUse[]>(coverage.claims.map((c) => [c.system, []]));
  for (const use of uses) for (const owner of coverage.owners(use, index.fromRoot(use.entry.file))) bySystem.get(coverage.claims[owner]!.system)!.push(use);
  return bySystem;
}

/** `job "review" (anthropics/claude-code-action)`: what a use is, for messages. */
export function describeUse(use: AiUse): string {
  if (use.what === "agent-config") return "this agent configuration";
  if (use.what === "package") return `package ${quote(use.name)}`;
  const what = use.actions.length > 0 ? use.actions.join(", ") : "a model API key";
  return `job ${quote(use.name)} (${what})`;
}

/**
 * Every AI use this artefact shows (a workflow's AI jobs, an agent configuration, a manifest's AI packages) is
 * covered by an AI system record's `ai_use`. One finding per uncovered use, on the job's key or the package's name.
 */
export const inventoried: RepositoryCheckFunction = ({ self, index, options }) => {
  // Only this artefact's uses: a hook that checks one staged workflow need not work out the whole repository's.
  const uses = aiUsesOf(self, catalogueFor(options));
  if (uses.length === 0) return [];
  const coverage = coverageOf(index);
  const file = index.fromRoot(self.file);
  const failures: Failure[] = [];
  for (const use of uses) {
    if (coverage.covered(use, file)) continue;
    const by = use.what === "job" ? (use.actions.length > 0 ? "this file or its action" : "this file") : use.what === "package" ? "this file or the package" : "this file";
    const why = coverage.claims.length === 0 ? "the repository holds no AI system record yet" : `no AI system record's ai_use names ${by}`;
    failures.push({ message: `AI use not in the AI system inventory: ${describeUse(use)}; ${why}.`, atPath: use.at, key: use.at.length > 0 });
  }
  return failures;
};

/** The AI use a record covers, with where each piece of evidence is (file:line), for messages. */
function coveredUses(self: IndexEntry, index: RepoIndex, options: Record<string, unknown>): AiUse[] {
  const claim = claimOf(self);
  if (claim.paths.length + claim.actions.size + claim.packages.size + claim.models.size === 0) return [];
  const found = repositoryAiUse(index, catalogueFor(options));
  if (!found.bySystem && ++found.asked > FEW_RECORDS) found.bySystem = usesBySystem(index, found.uses);
  return found.bySystem?.get(self) ?? found.uses.filter((use) => covers(claim, use, index.fromRoot(use.entry.file)) !== undefined);
}

function where(index: RepoIndex, use: AiUse): string {
  const range: Range = index.locate(use.entry, [...use.entry.root, ...use.at]);
  return `${use.entry.file}:${range.start.line}`;
}

function get(data: Record<string, unknown>, ...path: string[]): unknown {
  let v: unknown = data;
  for (const key of path) v = v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

/** The deepest of these paths (from the root) that the record has, to point at. */
function deepest(data: Record<string, unknown>, ...paths: PathSegment[][]): PathSegment[] {
  return paths.find((p) => get(data, ...(p as string[])) !== undefined) ?? [];
}

const GLOB = /[*?[\]{}!]/;

/**
 * What a record declares of its automation agrees with the AI use it claims (`ai_use`): an agent configuration or
 * an agent action means `automation.agents: true`; an AI job means `usage` includes `ci`; a job that may write to
 * the repository means `reaches` includes `privileged-actions`; a path it names exists. Records without `ai_use`
 * claim nothing and are not judged. Gaps that would point at the same place (no `automation` at all) are one finding.
 */
export const automationEvidence: RepositoryCheckFunction = ({ self, index, options }) => {
  const data = self.data;
  const failures: Failure[] = [];
  const paths = get(data, "ai_use", "paths");
  if (Array.isArray(paths)) {
    paths.forEach((p, i) => {
      if (typeof p !== "string" || GLOB.test(p) || index.file(p.trim()) !== "missing") return;
      failures.push({ message: `"ai_use.paths[${i}]" names ${quote(p)}, which is not in the repository.`, atPath: ["ai_use", "paths", i] });
    });
  }
  const uses = coveredUses(self, index, options);
  const gaps: { field: string; fix: string; why: string }[] = [];
  const agent = uses.find((u) => u.agent);
  if (agent && get(data, "automation", "agents") !== true) gaps.push({ field: "agents", fix: "agents: true", why: `${evidence(agent, index)} runs a coding agent` });
  const job = uses.find((u) => u.what === "job");
  if (job && !includes(get(data, "automation", "usage"), "ci")) gaps.push({ field: "usage", fix: "ci in usage", why: `${evidence(job, index)} runs the system in CI` });
  const writer = uses.find((u) => u.writes);
  if (writer && !includes(get(data, "automation", "reaches"), "privileged-actions")) {
    gaps.push({ field: "reaches", fix: "privileged-actions in reaches", why: `${evidence(writer, index)} may write to the repository` });
  }
  const byPlace = new Map<string, { at: PathSegment[]; gaps: typeof gaps }>();
  for (const gap of gaps) {
    const at = deepest(data, ["automation", gap.field], ["automation"], ["ai_use"]);
    const key = at.join("\u0000");
    const place = byPlace.get(key) ?? { at, gaps: [] };
    place.gaps.push(gap);
    byPlace.set(key, place);
  }
  for (const { at, gaps: here } of byPlace.values()) {
    const fields = here.map((g) => `"automation.${g.field}"`).join(" and ");
    failures.push({
      message: `${here.map((g) => g.why).join("; ")}; but ${fields} ${here.length > 1 ? "do" : "does"} not say so: declare ${here.map((g) => g.fix).join(", ")}.`,
      atPath: at,
      key: at.length === 1,
    });
  }
  return failures;
};

function includes(list: unknown, value: string): boolean {
  return Array.isArray(list) && list.includes(value);
}

/** `Job "fix" at .github/workflows/fix.yml:5 (anthropics/claude-code-action)`: a use and where it is. */
function evidence(use: AiUse, index: RepoIndex): string {
  if (use.what === "agent-config") return `The agent configuration ${where(index, use)}`;
  const [noun, detail] = use.what === "package" ? ["Package", ""] : ["Job", ` (${use.actions.length > 0 ? use.actions.join(", ") : "a model API key"})`];
  return `${noun} ${quote(use.name)} at ${where(index, use)}${detail}`;
}

/**
 * The AI actions and packages a record's AI use runs on are among its `third_party_components`, where
 * system/third-party-review then checks their version and review. Matched by name, without case: a component
 * "Claude Code GitHub Action (anthropics/claude-code-action)" names the action. One finding lists every one missing.
 */
export const componentsRecorded: RepositoryCheckFunction = ({ self, index, options }) => {
  const uses = coveredUses(self, index, options);
  const components = get(self.data, "third_party_components");
  const names = (Array.isArray(components) ? components : [])
    .map((c) => get(c as Record<string, unknown>, "name"))
    .filter((n): n is string => typeof n === "string")
    .map(packageKey);
  const recorded = (name: string) => {
    const key = packageKey(name);
    return names.some((n) => n.includes(key));
  };
  const missing = new Map<string, AiUse>();
  const checked = new Set<string>();
  for (const use of uses) {
    for (const name of [...use.actions, ...use.packages]) {
      if (checked.has(name)) continue;
      checked.add(name);
      if (!recorded(name)) missing.set(name, use);
    }
  }
  if (missing.size === 0) return [];
  const list = [...missing].map(([name, use]) => `${quote(name)} (${where(index, use)})`).join(", ");
  const at = deepest(self.data, ["third_party_components"], ["ai_use"]);
  return [
    { message: `The system's AI use runs on ${list}, not among "third_party_components": record ${missing.size > 1 ? "each" : "it"} with its version and review cadence.`, atPath: at, key: true },
  ];
};
