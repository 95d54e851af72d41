// The pipeline in one place: discover → load → parse → classify → validate → rules → findings.
import { compareFindings, type Finding } from "../finding.js";
import { classify, type Artefact, type ClassifyOptions } from "./classify.js";
import { builtInValidator } from "./compiled-validators.js";
import { discover } from "./discover.js";
import { DEFAULT_LIMITS, loadFile, type Limits } from "./load.js";
import { parseSource } from "./parse.js";
import { validateArtefact, type ValidatorLookup } from "./validate.js";

export interface LintOptions {
  cwd: string;
  /** Folders, globs or files; empty means the working directory. */
  inputs: readonly string[];
  limits?: Limits;
  ignores?: readonly string[];
  classify?: ClassifyOptions;
  validators?: ValidatorLookup;
}

export interface LintResult {
  findings: Finding[];
  /** Files read and parsed (artefacts or not). */
  filesChecked: number;
  artefacts: Artefact[];
  /** Command-line paths that matched no file. */
  unmatched: string[];
}

/** How many files are read at once: enough to hide I/O latency, few enough to bound memory. */
const CONCURRENCY = 32;

export async function lint(options: LintOptions): Promise<LintResult> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const validators = options.validators ?? builtInValidator;
  const discovery = await discover(options.inputs, options.cwd, options.ignores);
  const findings: Finding[] = [...discovery.findings];
  const artefacts: Artefact[] = [];
  let filesChecked = 0;

  let next = 0;
  const worker = async () => {
    while (next < discovery.candidates.length) {
      const candidate = discovery.candidates[next++]!;
      const loaded = await loadFile(candidate, limits);
      if ("skip" in loaded) continue;
      if ("finding" in loaded) {
        findings.push(loaded.finding);
        continue;
      }
      filesChecked++;
      const parsed = parseSource(loaded.source, limits);
      findings.push(...parsed.findings);
      for (const doc of parsed.documents) {
        const classified = classify(doc, options.classify);
        findings.push(...classified.findings);
        for (const artefact of classified.artefacts) {
          artefacts.push(artefact);
          findings.push(...validateArtefact(artefact, validators));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  // Completion order depends on I/O timing; sort so that output is identical run after run.
  artefacts.sort((a, b) => (a.doc.source.path < b.doc.source.path ? -1 : a.doc.source.path > b.doc.source.path ? 1 : a.doc.index - b.doc.index || a.root.length - b.root.length || Number(a.root[1] ?? 0) - Number(b.root[1] ?? 0)));
  findings.sort(compareFindings);
  return { findings, filesChecked, artefacts, unmatched: discovery.unmatched };
}
