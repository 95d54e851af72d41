// The repository's AI use as its workflows, agent configurations and dependency manifests show it, and the AI
// system records that cover each use. The inventory check (repo/ai-use-inventoried), the evidence check
// (system/automation-evidence) and `aimslint inventory` all read it from here, so they never disagree.
import picomatch from "picomatch";
import type { PathSegment } from "../source/locator.js";
import { type AiCatalogue, BUILT_IN_CATALOGUE, isAiAction, isAiJob, isAiStep, isAgentAction } from "./functions/ai-use.js";
import { type IndexEntry, type IndexFields, withIndexFields } from "./index-entry.js";
import { packageMatcher } from "../core/dependency-manifests.js";
import { globMatcher } from "../util/safe-glob.js";

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

/** The index fields plus what an inventory reads (uses, claims, a record's name), whatever rules are on. */
export function withInventoryFields(fields: IndexFields): Map<string, readonly string[]> {
  return withIndexFields(fields, Object.entries({ ...AI_USE_FIELDS, "ai-system": [...CLAIM_FIELDS, "name"] }));
}

export function claimOf(system: IndexEntry): Claim {
  const aiUse = record(system.data["ai_use"]);
  const strings = (key: string) => (Array.isArray(aiUse[key]) ? (aiUse[key] as unknown[]).filter((v): v is string => typeof v === "string" && v.trim() !== "") : []);
  return {
    system,
    paths: strings("paths").map((glob) => ({ glob, matches: lazyMatcher(glob.trim().replace(/^\.\//, "")) })),
    actions: new Set(strings("actions").map(actionName)),
    packages: new Set(strings("packages").map(packageKey)),
    models: new Set(strings("models").map((m) => m.trim().toLowerCase())),
  };
}

/** Compiled on first use: Coverage compares a plain path as a string and never needs its matcher. */
function lazyMatcher(pattern: string): (path: string) => boolean {
  let matcher: ((path: string) => boolean) | undefined;
  return (path) => {
    if (!matcher) {
      try {
        matcher = globMatcher(pattern);
      } catch {
        // A glob no linear-time engine can run (an extglob negation) matches nothing.
        matcher = () => false;
      }
    }
    return matcher(path);
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

/** A path or glob whose matches all lie at or below one literal path: `models/a/**` below `models/a`. */
const LITERAL_PATH = /^(?!\/)(?!.*\/\/)(?!(?:.*\/)?\.{1,2}(?:\/|$))[A-Za-z0-9._~ -]+(?:\/[A-Za-z0-9._~ -]+)*$/;

/** Where a record's path must be for a use's file to match it: its literal base, or anywhere. */
function baseOf(glob: string): { path: string; exact: boolean } | undefined {
  const scan = picomatch.scan(glob);
  if (scan.negated || !LITERAL_PATH.test(scan.base)) return undefined;
  if (!scan.isGlob) return scan.base === glob ? { path: glob, exact: true } : undefined;
  return { path: scan.base, exact: false };
}

/**
 * Which records cover each use, for a whole repository at once. Each record's paths, actions, packages and models are
 * filed under what a use must have to match them (its file, or a folder above it for a glob; its action, or an
 * owner/name above a sub-path; its package; its model), so that a use is compared with the few records that could
 * cover it instead of all of them. The answers are covers()'s (test/ai-use.test.ts compares them): a path filed by
 * its folder is still tested by its matcher, and a glob with no literal folder (`**\/x.yml`, `!a/**`) by every use.
 */
export class Coverage {
  /** Records' paths by the literal path every match lies at or below; those without one apart. */
  private readonly byPath = new Map<string, { claim: number; exact: boolean; matches: (path: string) => boolean }[]>();
  private readonly anyPath: { claim: number; matches: (path: string) => boolean }[] = [];
  private readonly byAction = new Map<string, number[]>();
  private readonly byPackage = new Map<string, number[]>();
  private readonly byModel = new Map<string, number[]>();

  constructor(readonly claims: readonly Claim[]) {
    const file = <K>(map: Map<K, number[]>, key: K, claim: number) => {
      const list = map.get(key);
      if (!list) map.set(key, [claim]);
      else if (list.at(-1) !== claim) list.push(claim);
    };
    claims.forEach((c, i) => {
      for (const p of c.paths) {
        const pattern = p.glob.trim().replace(/^\.\//, "");
        const base = baseOf(pattern);
        if (!base) this.anyPath.push({ claim: i, matches: p.matches });
        else {
          const list = this.byPath.get(base.path);
          const entry = { claim: i, exact: base.exact, matches: p.matches };
          if (list) list.push(entry);
          else this.byPath.set(base.path, [entry]);
        }
      }
      for (const a of c.actions) file(this.byAction, a, i);
      for (const p of c.packages) file(this.byPackage, p, i);
      for (const m of c.models) file(this.byModel, m, i);
    });
  }

  /** The records that cover the use, as indexes into `claims`, in their order. `file`: the use's path from the project root. */
  owners(use: AiUse, file: string): number[] {
    const found = new Set<number>();
    this.visit(use, file, (claim) => {
      found.add(claim);
      return false;
    });
    return [...found].sort((a, b) => a - b);
  }

  /** Whether some record covers the use. */
  covered(use: AiUse, file: string): boolean {
    return this.visit(use, file, () => true);
  }

  /** Calls `hit` with each record that covers the use (some more than once) until it returns true. */
  private visit(use: AiUse, file: string, hit: (claim: number) => boolean): boolean {
    const at = (key: string, exactToo: boolean) => {
      const list = this.byPath.get(key);
      // A plain path matches its own file only (picomatch matches a pattern without glob characters as a string).
      if (list) for (const p of list) if ((p.exact ? exactToo : p.matches(file)) && hit(p.claim)) return true;
      return false;
    };
    if (at(file, true)) return true;
    for (let slash = file.lastIndexOf("/"); slash > 0; slash = file.lastIndexOf("/", slash - 1)) if (at(file.slice(0, slash), false)) return true;
    for (const p of this.anyPath) if (p.matches(file) && hit(p.claim)) return true;
    const each = (map: Map<string, number[]>, key: string) => {
      const list = map.get(key);
      if (list) for (const claim of list) if (hit(claim)) return true;
      return false;
    };
    // A record's owner/name covers the action's sub-paths too: every prefix of the action before a "/".
    for (const action of use.actions) {
      if (each(this.byAction, action)) return true;
      for (let slash = action.indexOf("/"); slash !== -1; slash = action.indexOf("/", slash + 1)) if (each(this.byAction, action.slice(0, slash))) return true;
    }
    for (const p of use.packages) if (each(this.byPackage, packageKey(p))) return true;
    for (const m of use.models) if (each(this.byModel, m.toLowerCase())) return true;
    return false;
  }
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
  const coverage = new Coverage(systems.map((s) => s.claim));
  const uncovered: AiUse[] = [];
  for (const use of uses) {
    const owners = coverage.owners(use, fromRoot(use.entry.file));
    for (const owner of owners) systems[owner]!.uses.push(use);
    if (owners.length === 0) uncovered.push(use);
  }
  return { systems, uncovered, uses };
}
