// The pipeline in one place: discover → per file (load → parse → classify → validate → document rules, see
// check-file.ts) → repository index → cross-document rules → one finding per problem → what the SoA excludes →
// suppressions → findings.
import { statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ResolvedConfig } from "../config/resolve-config.js";
import { compareFindings, FILE_START, type Finding } from "../core/finding.js";
import type { IndexEntry } from "../engine/index-entry.js";
import { RepoIndex } from "../engine/repo-index.js";
import { runRepositoryChecks } from "../engine/run-rules.js";
import { applySuppressions, type Directive } from "../engine/suppressions.js";
import { onePerGap, withoutEchoes } from "./one-per-problem.js";
import { applicableFindings } from "./applicability.js";
import { draftToDo } from "./drafts.js";
import { capFindingsPerFile } from "./cap-findings.js";
import { applyBaseline, type BaselineOutcome, baselinePath, readBaseline } from "./baseline.js";
import { FileChecker, reparser } from "./check-file.js";
import { IndexCache } from "./index-cache.js";
import { DEFAULT_IGNORES, type Discovery, discover, ignoreMatcher, startGitListing, toDisplay } from "./discover.js";
import { now, type Timings } from "./timings.js";
import { plural } from "../util/text.js";
import type { Candidate } from "../source/load.js";
import { validatorLookup } from "../schema/runtime-validators.js";
import { VERSION } from "../core/version.js";
import { HeapBounds } from "../util/heap-bounds.js";

export interface LintOptions {
  cwd: string;
  /** What to report on: folders, globs or files. Empty means the project root. */
  inputs: readonly string[];
  config: ResolvedConfig;
  /**
   * Folder of the index cache (index-cache.ts): files not reported on are indexed from it when unchanged.
   * Undefined: no cache.
   */
  cacheDir?: string;
  /** The baseline file (pipeline/baseline.ts): its path, or false for none. Default: aimslint-baseline.json at the project root, when it exists. */
  baseline?: string | false;
  /** Gather the gaps of draft documents into one finding each (pipeline/drafts.ts); default true. */
  drafts?: boolean;
  /**
   * `--stdin`: this text is the file at `path` (relative to cwd), the only one reported on; the project around it is
   * read as usual, its copy on disk (if any) replaced by this text.
   */
  stdin?: { path: string; content: Buffer };
  /** Paths and globs that match nothing are left out (`--no-error-on-unmatched-pattern`) instead of stopping the run. */
  allowUnmatched?: boolean;
  /** `--debug`: the time of each stage. */
  timings?: Timings;
}

export interface LintResult {
  /** Findings in the reported files only, sorted. */
  findings: Finding[];
  /** Files read and parsed (artefacts or not), in the whole project. */
  filesChecked: number;
  /** Every artefact of the project as the repository index keeps it: cross-document rules see all of them. */
  artefacts: readonly IndexEntry[];
  /** The files findings were reported for. */
  reported: Set<string>;
  /** Command-line paths that matched no file. */
  unmatched: string[];
  /** Files indexed from the index cache instead of being read. */
  fromCache: number;
  /** The repository index the cross-document rules saw (absent when paths matched nothing). */
  index?: RepoIndex;
  /** What the baseline accepted and which of its entries no longer occur, when there is one. */
  baseline?: BaselineOutcome & { file: string };
}

export async function lint(options: LintOptions): Promise<LintResult> {
  const heap = new HeapBounds();
  try {
    return await lintWith(options, heap);
  } finally {
    heap.release();
  }
}

async function lintWith(options: LintOptions, heap: HeapBounds): Promise<LintResult> {
  const { cwd, stdin, timings } = options;
  let { config } = options;
  let at = timings ? now() : 0;
  // The usual case — no paths, or the project folder itself — needs one listing, not two, and no cache lookups.
  const askedRoot = !stdin && (options.inputs.length === 0 || (options.inputs.length === 1 && resolve(cwd, options.inputs[0]!) === resolve(config.root)));
  // git walks the work tree while the index cache is read.
  const listings = startGitListing(resolve(config.root));
  if (timings) at = timings.lap("discover", at);
  const cache = options.cacheDir !== undefined ? IndexCache.open(options.cacheDir, config.root, fingerprint(config), !askedRoot) : undefined;
  if (timings) at = timings.lap("index cache", at);
  // Cross-document rules need the whole project even when a hook passes three staged files: know everything,
  // report on what was asked.
  // Only a run that reads the cache compares stamps; a whole-project scan would keep 15,000 of them for nothing.
  const stamps = cache !== undefined && !askedRoot;
  const asked = stdin ? standardInput(stdin, cwd, config.ignores) : await discover(options.inputs.length > 0 ? options.inputs : [config.root], cwd, config.ignores, listings, stamps);
  const nothingAsked = options.allowUnmatched && asked.candidates.length === 0 && asked.findings.length === 0;
  if ((asked.unmatched.length > 0 && !options.allowUnmatched) || nothingAsked) {
    return { findings: [], filesChecked: 0, artefacts: [], reported: new Set(), unmatched: asked.unmatched, fromCache: 0 };
  }
  const project = askedRoot ? asked : await discover([config.root], cwd, config.ignores, listings, stamps);
  // Whether a dependency manifest has a lock file is known from the project's listing alone (lock files are never read).
  config = { ...config, classify: { ...config.classify, lockFiles: project.lockFiles, projectRoot: toDisplay(cwd, resolve(config.root)) } };
  const byPath = mergeCandidates(project.candidates, asked.candidates);
  if (timings) {
    at = timings.lap("discover", at);
    timings.note("discover", `${plural(byPath.size, "file")} in the project, ${asked.candidates.length} reported on`);
  }
  // In path order: index entries then come out in a stable order (by file, then place in the file), so that
  // "the first artefact with this id" is the same whatever order the files were listed in.
  const candidates = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const reported = new Set(asked.candidates.map((c) => c.path));
  for (const f of asked.findings) reported.add(f.file);

  const validators = await validatorLookup(config.schemaFiles);
  const files = new FileChecker(config, validators, timings);
  // Compiling the validators of the organisation's own kinds (none for most projects) is the configuration's part.
  if (timings) at = timings.lap("config", at);
  const findings: Finding[] = [...asked.findings];
  // A link the paths asked for lead out of is reported by their discovery; the project's loading, which meets it
  // again, need not say so twice.
  const linksReported = new Set(asked.findings.filter((f) => f.ruleId === "file/symlink").map((f) => f.file));
  const ruleFindings: Finding[] = [];
  const entries: IndexEntry[] = [];
  const directives = new Map<string, Directive[]>();
  let filesChecked = 0;
  let fromCache = 0;
  // One file at a time, start to finish: what is kept of it is its findings and its index entries, so memory
  // follows the index, not the size of the repository.
  try {
    for (const candidate of candidates) {
      const isReported = reported.has(candidate.path);
      const cached = isReported ? undefined : cache?.lookup(candidate);
      // The candidate is kept (a failing cross-document check reads its file again) but its stamp is not needed.
      candidate.stamp = undefined;
      if (cached) {
        fromCache++;
        if (cached.checked) filesChecked++;
        append(entries, cached.entries);
        continue;
      }
      if (timings) at = timings.lap("index cache", at);
      heap.tick();
      const result = files.check(candidate, isReported);
      if (timings) at = timings.lap("read/parse", at);
      if (!result) continue;
      if (cache && result.stamp) cache.store(candidate, result.stamp, result.checked, result.entries);
      if (result.checked) filesChecked++;
      append(findings, linksReported.has(candidate.path) ? result.findings.filter((f) => f.ruleId !== "file/symlink") : result.findings);
      append(ruleFindings, result.ruleFindings);
      append(entries, result.entries);
      if (result.directives.length > 0) directives.set(candidate.path, result.directives);
    }
  } catch (error) {
    cache?.discard();
    throw error;
  }
  cache?.save();
  if (timings) {
    at = timings.lap("index cache", at);
    // The per-file time includes the schema and rule checks, timed apart (check-file.ts).
    timings.ms.set("read/parse", (timings.ms.get("read/parse") ?? 0) - (timings.ms.get("validate") ?? 0) - (timings.ms.get("rules") ?? 0));
    timings.note("index cache", `${plural(fromCache, "file")} indexed from it`);
    timings.note("read/parse", `${plural(candidates.length - fromCache, "file")} read`);
  }

  const reparse = reparser((path) => byPath.get(path), config);
  const index = new RepoIndex(entries, config.root, (entry, path) => reparse(entry)?.doc.locator.locate(path).range ?? FILE_START, config.indexFields, cwd);
  append(ruleFindings, runRepositoryChecks(files.deferred, { index, today: config.today, rulesFor: config.rulesFor, reparse }));
  if (timings) {
    at = timings.lap("repository checks", at);
    timings.note("repository checks", `${plural(entries.length, "artefact")} in the index`);
  }
  append(findings, withoutEchoes(findings, ruleFindings));
  const applicable = applicableFindings(onePerGap(findings.filter((f) => reported.has(f.file))), index, config.rules).findings;
  const mine =
    options.drafts === false
      ? applicable
      : draftToDo(
          applicable,
          entries.filter((e) => reported.has(e.file)),
          (entry) => index.locate(entry, [...entry.root, "status"]),
        );
  const all = applySuppressions({
    findings: mine,
    directives,
    knownRules: new Set([...config.rules.map((r) => r.id), ...mine.map((f) => f.ruleId)]),
    today: config.today,
    enabled: config.inlineSuppressions,
  });
  const baselineFile = options.baseline === false ? undefined : baselinePath(config.root, options.baseline);
  const baseline = baselineFile !== undefined ? readBaseline(baselineFile) : undefined;
  const fromRoot = (file: string) => index.fromRoot(file);
  const accepted = baseline && baselineFile ? { file: baselineFile, ...applyBaseline(all, baseline, { reported, wholeProject: askedRoot }, fromRoot, basename(baselineFile)) } : undefined;
  all.sort(compareFindings);
  const capped = capFindingsPerFile(all, config.limits.maxFindingsPerFile);
  if (timings) timings.lap("findings", at);
  return {
    findings: capped,
    filesChecked,
    artefacts: entries,
    reported,
    unmatched: asked.unmatched,
    fromCache,
    index,
    ...(accepted ? { baseline: accepted } : {}),
  };
}

/** `--stdin`: the text as the one file asked for (none, when the ignores cover its path: it is not checked). */
function standardInput(stdin: NonNullable<LintOptions["stdin"]>, cwd: string, ignores: readonly string[]): Discovery {
  const absPath = resolve(cwd, stdin.path);
  const path = toDisplay(cwd, absPath);
  const candidates = ignoreMatcher([...DEFAULT_IGNORES, ...ignores])(path) ? [] : [{ path, absPath, explicit: true, content: stdin.content }];
  return { candidates, findings: [], unmatched: [], lockFiles: new Set() };
}

/** push(...items) passes every item as an argument: past ~120,000 findings it overflows the stack. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** The project's files by path; a file named on the command line keeps its own (explicit) candidate. */
function mergeCandidates(project: Candidate[], asked: Candidate[]): Map<string, Candidate> {
  const byPath = new Map(project.map((c) => [c.path, c]));
  for (const c of asked) byPath.set(c.path, c);
  return byPath;
}

/** What index entries depend on besides the file itself: aimslint's code and the configuration's kinds, fields and limits. */
function fingerprint(config: ResolvedConfig): string {
  let code = VERSION;
  try {
    const bundle = statSync(fileURLToPath(import.meta.url));
    code += `:${bundle.size}:${bundle.mtimeMs}`;
  } catch {
    // Source runs (tests) have no single bundle: the version alone.
  }
  const kinds = (config.classify.extraKinds ?? []).map((k) => k.id);
  // The organisation's AI packages decide which dependency manifests are parsed, so which have index entries.
  return JSON.stringify([code, config.root, [...config.indexFields], config.classify.kindGlobs ?? {}, kinds, config.limits, config.classify.aiPackages ?? {}]);
}
