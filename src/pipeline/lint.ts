// The pipeline in one place: discover → load → parse → classify → validate → rules → suppressions → findings.
import { resolve } from "node:path";
import type { ResolvedConfig } from "../config/resolve-config.js";
import { compareFindings, type Finding } from "../finding.js";
import { RepoIndex } from "../rules/repo-index.js";
import { runRules } from "../rules/run-rules.js";
import { applySuppressions } from "../rules/suppressions.js";
import { classify, type Artefact } from "./classify.js";
import { discover, type Candidate } from "./discover.js";
import { capFindingsPerFile } from "./cap-findings.js";
import { governedByContent, governedByName } from "./governed.js";
import { loadFile, type SourceFile } from "./load.js";
import { parseSource } from "./parse.js";
import { validatorLookup } from "./runtime-validators.js";
import { validateArtefact } from "./validate.js";

export interface LintOptions {
  cwd: string;
  /** What to report on: folders, globs or files. Empty means the project root. */
  inputs: readonly string[];
  config: ResolvedConfig;
}

export interface LintResult {
  /** Findings in the reported files only, sorted. */
  findings: Finding[];
  /** Files read and parsed (artefacts or not), in the whole project. */
  filesChecked: number;
  /** Every artefact of the project: cross-document rules see all of them. */
  artefacts: Artefact[];
  /** The files findings were reported for. */
  reported: Set<string>;
  /** Command-line paths that matched no file. */
  unmatched: string[];
}

/** How many files are read at once: enough to hide I/O latency, few enough to bound memory. */
const CONCURRENCY = 32;

export async function lint(options: LintOptions): Promise<LintResult> {
  const { config, cwd } = options;
  // Cross-document rules need the whole project even when a hook passes three staged files: know everything,
  // report on what was asked.
  const asked = await discover(options.inputs.length > 0 ? options.inputs : [config.root], cwd, config.ignores);
  if (asked.unmatched.length > 0) return { findings: [], filesChecked: 0, artefacts: [], reported: new Set(), unmatched: asked.unmatched };
  // The usual case — no paths, or the project folder itself — needs one listing, not two.
  const askedRoot = options.inputs.length === 0 || (options.inputs.length === 1 && resolve(cwd, options.inputs[0]!) === resolve(config.root));
  const project = askedRoot ? asked : await discover([config.root], cwd, config.ignores);
  const candidates = mergeCandidates(project.candidates, asked.candidates);
  const reported = new Set(asked.candidates.map((c) => c.path));
  for (const f of asked.findings) reported.add(f.file);

  const validators = await validatorLookup(config.schemaFiles);
  const findings: Finding[] = [...asked.findings];
  const artefacts: Artefact[] = [];
  const sources = new Map<string, SourceFile>();
  let filesChecked = 0;
  let next = 0;
  const worker = async () => {
    while (next < candidates.length) {
      const candidate = candidates[next++]!;
      const loaded = await loadFile(candidate, config.limits);
      if ("skip" in loaded) continue;
      const named = candidate.explicit || governedByName(candidate.path, config.classify);
      if ("finding" in loaded) {
        // A file that may not be read has no content to tell whether it is an artefact: report it, as its folder would be.
        const unknowable = loaded.finding.ruleId === "file/unreadable";
        if (named || unknowable || (loaded.head !== undefined && governedByContent(loaded.head, config.classify))) findings.push(loaded.finding);
        continue;
      }
      filesChecked++;
      sources.set(loaded.source.path, loaded.source);
      const parsed = parseSource(loaded.source, config.limits);
      let classifiedAny = false;
      const fileFindings: Finding[] = [];
      for (const doc of parsed.documents) {
        const classified = classify(doc, config.classify);
        append(fileFindings, classified.findings);
        classifiedAny ||= classified.artefacts.length > 0;
        for (const artefact of classified.artefacts) {
          artefacts.push(artefact);
          if (reported.has(artefact.doc.source.path)) append(fileFindings, validateArtefact(artefact, validators));
        }
      }
      // Parse problems count only in files meant to be artefacts (see governed.ts).
      if (named || classifiedAny || governedByContent(loaded.source.text, config.classify)) append(findings, parsed.findings);
      append(findings, fileFindings);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  // Completion order depends on I/O timing; sort so that output is identical run after run.
  artefacts.sort(compareArtefacts);

  const index = new RepoIndex(artefacts, config.root);
  const inScope = artefacts.filter((a) => reported.has(a.doc.source.path));
  append(findings, withoutEchoes(findings, runRules(inScope, { index, today: config.today, rulesFor: config.rulesFor })));
  const mine = findings.filter((f) => reported.has(f.file));
  const all = applySuppressions({
    findings: mine,
    sources: new Map([...sources].filter(([path]) => reported.has(path))),
    knownRules: new Set([...config.rules.map((r) => r.id), ...mine.map((f) => f.ruleId)]),
    today: config.today,
    enabled: config.inlineSuppressions,
  });
  all.sort(compareFindings);
  return { findings: capFindingsPerFile(all, config.limits.maxFindingsPerFile), filesChecked, artefacts, reported, unmatched: asked.unmatched };
}

/** push(...items) passes every item as an argument: past ~120,000 findings it overflows the stack. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function mergeCandidates(project: Candidate[], asked: Candidate[]): Candidate[] {
  const byPath = new Map(project.map((c) => [c.path, c]));
  for (const c of asked) byPath.set(c.path, c);
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function compareArtefacts(a: Artefact, b: Artefact): number {
  const pa = a.doc.source.path;
  const pb = b.doc.source.path;
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.doc.index - b.doc.index || a.root.length - b.root.length || Number(a.root[1] ?? 0) - Number(b.root[1] ?? 0);
}

/**
 * One problem, one finding. When the schema already says a value is invalid (wrong type, enum, format,
 * pattern), rule findings about that same value would only repeat it; and a placeholder that a specific rule
 * already reports ("justification is template filler") needs no second, generic doc/no-placeholders finding.
 */
function withoutEchoes(schemaFindings: readonly Finding[], ruleFindings: Finding[]): Finding[] {
  const key = (f: Finding) => `${f.file}\u0000${f.pointer}`;
  const invalid = new Set<string>();
  for (const f of schemaFindings) if (f.ruleId.startsWith("schema/") && f.ruleId !== "schema/required" && f.pointer !== undefined) invalid.add(key(f));
  const specific = new Set<string>();
  for (const f of ruleFindings) if (f.ruleId !== GENERIC_PLACEHOLDER_RULE && f.pointer !== undefined) specific.add(key(f));
  return ruleFindings.filter((f) => f.pointer === undefined || (!invalid.has(key(f)) && !(f.ruleId === GENERIC_PLACEHOLDER_RULE && specific.has(key(f)))));
}

const GENERIC_PLACEHOLDER_RULE = "doc/no-placeholders";
