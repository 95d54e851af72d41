// The repository's AI use as its workflows, agent configurations and dependency manifests show it, and the AI
// system records that cover each use. The inventory check (repo/ai-use-inventoried), the evidence check
// (system/automation-evidence) and `aimslint inventory` all read it from here, so they never disagree.
import picomatch from "picomatch";
import type { PathSegment } from "../source/locator.js";
import { type AiCatalogue, BUILT_IN_CATALOGUE, isAiAction, isAiJob, isAiStep, isAgentAction } from "./functions/ai-use.js";
import type { IndexEntry } from "./index-entry.js";
import { packageMatcher } from "../core/dependency-manifests.js";

/** The kinds whose artefacts show AI use. */
export const EVIDENCE_KINDS: readonly string[] = ["ci-workflow", "agent-config", "dependency-manifest"];

export type AiUseKind = "job" | "agent-config" | "package";

export interface AiUse {
  entry: IndexEntry;
  what: AiUseKind;
  /** Path from the artefact's root to what a finding points at: the job's key, the dependency's name. */
  at: PathSegment[];
  /** For messages: the job's id, the package's name; the file's path for an agent configuration. */
  name: string;
  /** Lower-case owner/name of the AI actions a job uses. */
  actions: string[];
  /** The ref each action is used at (`@v1`, a commit SHA), or the spec each package is declared with. */
  versions: Record<string, string>;
  /** Catalogued names of the model API keys a job is given (never their values). */
  secrets: string[];
  /** Model ids a job names in a step's `model` input. */
  models: string[];
  /** Package names (as the manifest spells them). */
  packages: string[];
  /** Runs a coding agent (an agent action, or an agent configuration). */
  agent: boolean;
  /** A job that may write to the repository (`contents` or `pull-requests: write`, or `write-all`). */
  writes: boolean;
}

/** What the index must keep of each kind for aiUsesOf(): names and references, never whole files. */
export const AI_USE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "ci-workflow": ["permissions", "jobs.*.permissions", "jobs.*.env", "jobs.*.steps[*].uses", "jobs.*.steps[*].env", "jobs.*.steps[*].with", "jobs.*.steps[*].run"],
  // Server names and commands only: an agent configuration's env and headers may hold secrets.
  "agent-config": ["mcpServers.*.command", "servers.*.command"],
  "dependency-manifest": ["ecosystem", "dependencies[*].name", "dependencies[*].spec"],
};

export function aiUsesOf(entry: IndexEntry, catalogue: AiCatalogue = BUILT_IN_CATALOGUE): AiUse[] {
  if (entry.kind === "agent-config") return [use(entry, "agent-config", [], entry.file, { agent: true })];
  if (entry.kind === "ci-workflow") return workflowUses(entry, catalogue);
  if (entry.kind === "dependency-manifest") return packageUses(entry, catalogue);
  return [];
}

/** Each dependency on a catalogued AI package, at its name. */
function packageUses(entry: IndexEntry, c: AiCatalogue): AiUse[] {
  const ecosystem = entry.data["ecosystem"];
  if (ecosystem !== "npm" && ecosystem !== "pypi") return [];
  const isAi = packageMatcher(ecosystem, c.packages[ecosystem]);
  const dependencies = Array.isArray(entry.data["dependencies"]) ? (entry.data["dependencies"] as unknown[]) : [];
  const uses: AiUse[] = [];
  dependencies.forEach((d, i) => {
    const { name, spec } = record(d);
    if (typeof name !== "string" || !isAi(name)) return;
    uses.push(use(entry, "package", ["dependencies", i, "name"], name, { packages: [name], versions: typeof spec === "string" && spec !== "" ? { [name]: spec } : {} }));
  });
  return uses;
}

function workflowUses(entry: IndexEntry, c: AiCatalogue): AiUse[] {
  const jobs = record(entry.data["jobs"]);
  const uses: AiUse[] = [];
  for (const [id, job] of Object.entries(jobs)) {
    if (!isAiJob(job, c)) continue;
    const steps = Array.isArray(record(job)["steps"]) ? (record(job)["steps"] as unknown[]) : [];
    const actions = new Set<string>();
    const models = new Set<string>();
    const versions: Record<string, string> = {};
    for (const step of steps) {
      const { uses: ref, with: inputs } = record(step);
      if (isAiAction(ref, c)) {
        const name = actionName(ref as string);
        actions.add(name);
        const at = (ref as string).trim().indexOf("@");
        if (at > 0) versions[name] = (ref as string).trim().slice(at + 1);
      }
      const model = record(inputs)["model"];
      if (isAiStep(step, c) && typeof model === "string" && model.trim() !== "") models.add(model.trim());
    }
    const permissions = record(job)["permissions"] ?? entry.data["permissions"];
    const secrets = [...new Set(JSON.stringify(job).match(c.secretNames) ?? [])];
    uses.push(
      use(entry, "job", ["jobs", id], id, { actions: [...actions], versions, secrets, models: [...models], agent: [...actions].some((a) => isAgentAction(a, c)), writes: writes(permissions) }),
    );
  }
  return uses;
}

function use(entry: IndexEntry, what: AiUseKind, at: PathSegment[], name: string, more: Partial<AiUse>): AiUse {
  return { entry, what, at, name, actions: [], versions: {}, secrets: [], models: [], packages: [], agent: false, writes: false, ...more };
}

/** `Owner/Name/path@ref` → `owner/name/path`. */
export function actionName(uses: string): string {
  return uses.trim().replace(/@.*$/, "").toLowerCase();
}

function writes(permissions: unknown): boolean {
  if (permissions === "write-all") return true;
  const p = record(permissions);
  return p["contents"] === "write" || p["pull-requests"] === "write";
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** What an AI system record says of the repository's AI use (its `ai_use`), ready to match. */
export interface Claim {
  system: IndexEntry;
  paths: { glob: string; matches: (path: string) => boolean }[];
  actions: Set<string>;
  packages: Set<string>;
  models: Set<string>;
}

export const CLAIM_FIELDS = ["ai_use.paths", "ai_use.actions", "ai_use.packages", "ai_use.models"] as const;

export function claimOf(system: IndexEntry): Claim {
  const aiUse = record(system.data["ai_use"]);
  const strings = (key: string) => (Array.isArray(aiUse[key]) ? (aiUse[key] as unknown[]).filter((v): v is string => typeof v === "string" && v.trim() !== "") : []);
  return {
    system,
    paths: strings("paths").map((glob) => ({ glob, matches: picomatch(glob.trim().replace(/^\.\//, ""), { dot: true }) })),
    actions: new Set(strings("actions").map(actionName)),
    packages: new Set(strings("packages").map(packageKey)),
    models: new Set(strings("models").map((m) => m.trim().toLowerCase())),
  };
}

/** npm names are compared as written, PyPI names as PEP 503 normalises them; case never matters. */
export function packageKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, "-");
}

/**
 * Whether a record covers a use, and by what (for messages): its file matches one of the record's paths, or the
 * record names one of its actions, packages or models. `file` is the use's path from the project root.
 */
export function covers(claim: Claim, use: AiUse, file: string): string | undefined {
  const path = claim.paths.find((p) => p.matches(file));
  if (path) return `ai_use.paths "${path.glob}"`;
  const action = use.actions.find((a) => claim.actions.has(a) || [...claim.actions].some((c) => a.startsWith(`${c}/`)));
  if (action) return `ai_use.actions "${action}"`;
  const pkg = use.packages.find((p) => claim.packages.has(packageKey(p)));
  if (pkg) return `ai_use.packages "${pkg}"`;
  const model = use.models.find((m) => claim.models.has(m.toLowerCase()));
  return model ? `ai_use.models "${model}"` : undefined;
}

export interface Inventory {
  /** Every record, with the uses it covers (a use may belong to several). */
  systems: { claim: Claim; uses: AiUse[] }[];
  /** Uses no record covers. */
  uncovered: AiUse[];
  uses: AiUse[];
}

/** The repository's AI use grouped by the records that cover it. `fromRoot` turns a display path into a path from the project root. */
export function inventoryOf(entries: readonly IndexEntry[], fromRoot: (file: string) => string, catalogue: AiCatalogue = BUILT_IN_CATALOGUE): Inventory {
  const uses = entries.filter((e) => EVIDENCE_KINDS.includes(e.kind)).flatMap((e) => aiUsesOf(e, catalogue));
  const systems = entries.filter((e) => e.kind === "ai-system").map((e) => ({ claim: claimOf(e), uses: [] as AiUse[] }));
  const uncovered: AiUse[] = [];
  for (const use of uses) {
    const file = fromRoot(use.entry.file);
    const owners = systems.filter((s) => covers(s.claim, use, file) !== undefined);
    for (const owner of owners) owner.uses.push(use);
    if (owners.length === 0) uncovered.push(use);
  }
  return { systems, uncovered, uses };
}
