// One file, start to finish: load → parse → classify → validate → the rules that need only this document. What
// leaves this module is small (findings, index entries, deferred checks, suppression directives): the text,
// the parsed values and the YAML document are dropped with the file.
import type { ResolvedConfig } from "../config/resolve-config.js";
import type { Finding } from "../core/finding.js";
import { indexEntry, type IndexEntry } from "../engine/index-entry.js";
import { DeferredChecks, runDocumentRules } from "../engine/run-rules.js";
import { readDirectives, type Directive } from "../engine/suppressions.js";
import { Keeper } from "../util/detach.js";
import { classify, type Artefact } from "../source/classify.js";
import type { Candidate } from "../source/load.js";
import { governedByContent, governedByName, mayHoldArtefact, mayNameAiPackage } from "../source/governed.js";
import { manifestFormatOf } from "../core/dependency-manifests.js";
import { loadFile, type FileStamp } from "../source/load.js";
import { parseSource } from "../source/parse.js";
import { validateArtefact, type ValidatorLookup } from "../schema/validate.js";
import { now, type Timings } from "./timings.js";

export interface FileResult {
  /** Read and parsed (an artefact or not): counts in "N files". */
  checked: boolean;
  /** Parse, classification and schema findings. */
  findings: Finding[];
  /** Findings of the document-only rule checks. */
  ruleFindings: Finding[];
  entries: IndexEntry[];
  directives: Directive[];
  /** The file's stamp when it was read, for the index cache. */
  stamp?: FileStamp;
}

export class FileChecker {
  /** What outlives each file (index entries, deferred checks) is copied and shared through it. */
  private readonly keeper = new Keeper();
  /** The cross-document checks of every file checked so far, to run once the index is complete. */
  readonly deferred = new DeferredChecks();

  constructor(
    private readonly config: ResolvedConfig,
    private readonly validators: ValidatorLookup,
    /** --debug: the time of each stage, summed over the files. */
    private readonly timings?: Timings,
  ) {}

  /**
   * Files that are only part of the project (not reported on) are read for the index alone: cross-document
   * rules need their ids and links, but their own problems are not this run's business.
   */
  check(candidate: Candidate, reported: boolean): FileResult | undefined {
    const { config, timings } = this;
    const loaded = loadFile(candidate, config.limits);
    if ("skip" in loaded) return undefined;
    const result: FileResult = { checked: false, findings: [], ruleFindings: [], entries: [], directives: [], ...(loaded.stamp ? { stamp: loaded.stamp } : {}) };
    // A dependency manifest is read for the AI packages it names, and only when it can name one: named or not, one
    // that names none (most package.json files) is not parsed, and its problems are not aimslint's business.
    const manifest = manifestFormatOf(candidate.path);
    const named = manifest === undefined && (candidate.explicit || governedByName(candidate.path, config.classify));
    if ("link" in loaded) {
      // Not followed: there is no content to tell what it is, and where it leads is the problem.
      result.findings.push(loaded.finding);
      return result;
    }
    if ("finding" in loaded) {
      // A file that may not be read has no content to tell whether it is an artefact: report it, as its folder would be.
      const unknowable = loaded.finding.ruleId === "file/unreadable";
      const head = loaded.head;
      const governed = head !== undefined && (manifest ? mayNameAiPackage(head, manifest, config.classify) : governedByContent(head, config.classify));
      if (named || unknowable || governed) result.findings.push(loaded.finding);
      return result;
    }
    result.checked = true;
    const { source } = loaded;
    const skip = manifest ? !mayNameAiPackage(source.text, manifest, config.classify) : !named && source.format !== "markdown" && !mayHoldArtefact(source.text, config.classify);
    if (skip) {
      // Read, and certainly not an artefact: nothing in it would be reported, so it is not parsed.
      if (reported) result.directives = this.keeper.value(readDirectives(source));
      return result;
    }
    const parsed = parseSource(source, config.limits);
    const rules = reported ? config.rulesFor(source.path) : [];
    let classifiedAny = false;
    const fileFindings: Finding[] = [];
    for (const doc of parsed.documents) {
      const classified = classify(doc, config.classify);
      for (const f of classified.findings) fileFindings.push(f);
      classifiedAny ||= classified.artefacts.length > 0;
      for (const artefact of classified.artefacts) {
        const entry = indexEntry(source.path, doc.index, artefact.root, artefact.kind, artefact.data, config.indexFields, this.keeper);
        result.entries.push(entry);
        if (!reported) continue;
        // --debug: the rest of the file's time is reading and parsing (lint.ts).
        const at = timings ? now() : 0;
        for (const f of validateArtefact(artefact, this.validators)) fileFindings.push(f);
        const validated = timings ? timings.lap("validate", at) : 0;
        runDocumentRules(artefact, entry, rules, { today: config.today, keeper: this.keeper, findings: result.ruleFindings, deferred: this.deferred });
        if (timings) timings.lap("rules", validated);
      }
    }
    // Parse problems count only in files meant to be artefacts (see governed.ts).
    if (named || manifest || classifiedAny || governedByContent(source.text, config.classify)) for (const f of parsed.findings) result.findings.push(f);
    for (const f of fileFindings) result.findings.push(f);
    if (reported) result.directives = this.keeper.value(readDirectives(source));
    for (const f of result.findings) this.keeper.finding(f);
    for (const f of result.ruleFindings) this.keeper.finding(f);
    return result;
  }
}

/**
 * The artefact an index entry came from, read and parsed again: only for the few artefacts a cross-document
 * check fails on, which need positions. Failures come grouped by file, so the last two files are kept: each
 * reparsed file's documents (150 at 10,000 artefacts) then die young, where keeping eight let them reach the old
 * generation as garbage at the end of the run, its peak (7 MiB of it).
 */
export function reparser(candidateOf: (path: string) => Candidate | undefined, config: ResolvedConfig): (entry: IndexEntry) => Artefact | undefined {
  const recent = new Map<string, Artefact[]>();
  return (entry) => {
    let artefacts = recent.get(entry.file);
    if (!artefacts) {
      artefacts = [];
      const candidate = candidateOf(entry.file);
      const loaded = candidate ? loadFile(candidate, config.limits) : undefined;
      if (loaded && "source" in loaded) {
        for (const doc of parseSource(loaded.source, config.limits).documents) for (const a of classify(doc, config.classify).artefacts) artefacts.push(a);
      }
      if (recent.size >= 2) recent.delete(recent.keys().next().value!);
      recent.set(entry.file, artefacts);
    }
    const key = entry.root.join("\u0000");
    return artefacts.find((a) => a.doc.index === entry.doc && a.root.join("\u0000") === key);
  };
}
